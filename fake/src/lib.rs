//! A fake GitHub for testing code built on `github-runners`: every operation of the curated
//! runner API served over in-memory state, with GitHub's pagination, errors, auth, rate
//! limits and ETags, plus faults a test injects and a log of what it received.
//!
//! ```no_run
//! use github_runners_fake::FakeGitHub;
//!
//! # async fn example() -> Result<(), Box<dyn std::error::Error>> {
//! let fake = FakeGitHub::start().await?;
//! let client = fake.client()?; // a github_runners::Client pointed at the fake
//! let page = client.list_self_hosted_runners_for_org("octo-org").await?;
//! assert_eq!(page.total_count(), Some(3));
//! # Ok(())
//! # }
//! ```
//!
//! [`FakeGitHub::start`] listens on `127.0.0.1` on a free port and serves the default world
//! ([`Seed::default_world`]); [`FakeGitHub::builder`] takes another [`Seed`], the accepted
//! tokens, a [`GitHubApp`], the rate-limit budget and the installation token lifetime.
//! Dropping the handle (or [`FakeGitHub::shutdown`]) stops the server and every connection.
//!
//! A test drives the world as GitHub's other side would ([`FakeGitHub::register_runner`]
//! stands for `config.sh`, [`FakeGitHub::set_runner_state`] for a runner picking up a
//! job), injects [`Fault`]s, and reads back [`FakeGitHub::requests`] and the state
//! ([`FakeGitHub::runner`], [`FakeGitHub::runners`]).
//!
//! Every response body is a generated model of `github-runners`, serialized: the fake
//! cannot answer a shape the spec does not describe without failing to compile. Layout:
//! `world/` (state and its rules, rendering to models), `routes/` (one module per
//! resource group), `pagination`, `auth`, `rate_limit`, `conditional` (ETags), `faults`,
//! `inspect` (request log), `seed`, and `server` (accept loop and request pipeline).

mod auth;
mod conditional;
mod control;
mod error;
mod faults;
mod inspect;
mod pagination;
mod rate_limit;
mod routes;
mod seed;
mod server;
mod world;

use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use auth::GitHubApp;
pub use control::FakeRunner;
pub use faults::{Fault, FaultKind};
pub use inspect::RecordedRequest;
pub use seed::{
    Seed, SeedEnterprise, SeedGroup, SeedHostedRunner, SeedInstallation, SeedRepository,
    SeedRunner, SeedRunnerState,
};
pub use world::{RunnerState, Scope};

/// The token [`FakeGitHub::client`] sends (accepted unless tokens are configured).
pub const CLIENT_TOKEN: &str = "ghp_fake_github_token";

/// What can go wrong when starting or driving the fake.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FakeError {
    /// The listener could not be bound.
    #[error("cannot listen on 127.0.0.1: {0}")]
    Io(#[from] std::io::Error),
    /// The seed is invalid (unknown group, organization or repository, bad JSON).
    #[error("invalid seed: {0}")]
    Seed(String),
    /// The app's public key is not an RSA public key in PEM.
    #[error("invalid GitHub App public key: {0}")]
    InvalidKey(String),
    /// No registration or remove token like this was issued.
    #[error("unknown token")]
    UnknownToken,
    /// The token expired at the given time.
    #[error("token expired at {0}")]
    ExpiredToken(chrono::DateTime<chrono::Utc>),
    /// The fake refused the change as the API would (status and GitHub's message).
    #[error("{status}: {message}")]
    Refused {
        /// The HTTP status the API would answer.
        status: u16,
        /// GitHub's message.
        message: String,
    },
    /// The client could not be built.
    #[error("cannot build a client: {0}")]
    Client(#[from] github_runners::Error),
}

impl From<error::ApiFailure> for FakeError {
    fn from(failure: error::ApiFailure) -> FakeError {
        FakeError::Refused {
            status: failure.status.as_u16(),
            message: failure.message,
        }
    }
}

/// Configures a fake before it starts.
#[derive(Debug, Default)]
pub struct FakeGitHubBuilder {
    seed: Option<Seed>,
    tokens: Vec<String>,
    app: Option<GitHubApp>,
    rate_limit: Option<u64>,
    rate_limit_status: Option<u16>,
    installation_token_lifetime: Option<chrono::Duration>,
    port: u16,
}

impl FakeGitHubBuilder {
    /// Serve this world instead of [`Seed::default_world`].
    pub fn seed(mut self, seed: Seed) -> FakeGitHubBuilder {
        self.seed = Some(seed);
        self
    }

    /// Accept this token (once any token is configured, only configured ones are accepted).
    pub fn token(mut self, token: &str) -> FakeGitHubBuilder {
        self.tokens.push(token.to_owned());
        self
    }

    /// Trust this GitHub App: its JWTs and the installation tokens issued to it.
    pub fn app(mut self, app: GitHubApp) -> FakeGitHubBuilder {
        self.app = Some(app);
        self
    }

    /// The primary rate limit per credential and hour (default 5,000).
    pub fn rate_limit(mut self, limit: u64) -> FakeGitHubBuilder {
        self.rate_limit = Some(limit);
        self
    }

    /// Answer a spent primary rate limit with `429 Too Many Requests` instead of GitHub's
    /// usual `403 Forbidden` (GitHub sends either).
    pub fn rate_limit_with_429(mut self) -> FakeGitHubBuilder {
        self.rate_limit_status = Some(429);
        self
    }

    /// How long installation tokens live (default one hour).
    pub fn installation_token_lifetime(
        mut self,
        lifetime: std::time::Duration,
    ) -> FakeGitHubBuilder {
        self.installation_token_lifetime = chrono::Duration::from_std(lifetime).ok();
        self
    }

    /// Listen on this port instead of a free one (for the binary).
    pub fn port(mut self, port: u16) -> FakeGitHubBuilder {
        self.port = port;
        self
    }

    /// Starts the server on `127.0.0.1`.
    pub async fn start(self) -> Result<FakeGitHub, FakeError> {
        let mut auth = auth::Auth {
            app: self.app,
            installation_token_lifetime: self.installation_token_lifetime,
            ..auth::Auth::default()
        };
        let world = self
            .seed
            .unwrap_or_else(Seed::default_world)
            .build(&mut auth)?;
        if !self.tokens.is_empty() {
            auth.tokens
                .get_or_insert_with(Default::default)
                .extend(self.tokens);
        }
        let mut limits = rate_limit::RateLimits::default();
        if let Some(limit) = self.rate_limit {
            limits.limit = limit;
        }
        if self.rate_limit_status == Some(429) {
            limits.status = axum::http::StatusCode::TOO_MANY_REQUESTS;
        }
        let listener = TcpListener::bind(("127.0.0.1", self.port)).await?;
        let url = format!("http://{}", listener.local_addr()?);
        let shared = Arc::new(server::Shared::new(url.clone(), world, auth, limits));
        let (stop, stopped) = oneshot::channel();
        let task = tokio::spawn(server::serve(listener, Arc::clone(&shared), stopped));
        Ok(FakeGitHub {
            url,
            shared,
            stop: Some(stop),
            task: Some(task),
        })
    }
}

/// A running fake GitHub. Dropping it stops the server.
#[derive(Debug)]
pub struct FakeGitHub {
    url: String,
    shared: Arc<server::Shared>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl FakeGitHub {
    /// Starts a fake serving [`Seed::default_world`], accepting any token.
    pub async fn start() -> Result<FakeGitHub, FakeError> {
        FakeGitHub::builder().start().await
    }

    /// Configures a fake.
    pub fn builder() -> FakeGitHubBuilder {
        FakeGitHubBuilder::default()
    }

    /// The base URL (`http://127.0.0.1:PORT`) to give the client.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// A client for the fake with a fixed token and retries that do not wait for long
    /// (GitHub's `Retry-After` is honoured, backoff starts at 1 ms).
    pub fn client(&self) -> Result<github_runners::Client, FakeError> {
        Ok(github_runners::Client::builder()
            .base_url(&self.url)
            .token(CLIENT_TOKEN)
            .retry_policy(
                github_runners::RetryPolicy::default()
                    .initial_backoff(std::time::Duration::from_millis(1))
                    .max_backoff(std::time::Duration::from_millis(20)),
            )
            .build()?)
    }

    /// Stops the server and waits until its connections are closed.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for FakeGitHub {
    fn drop(&mut self) {
        if let Some(task) = self.task.take() {
            // Aborting the accept task drops its `JoinSet`, which aborts every connection.
            task.abort();
        }
    }
}

/// The crate README's example, compiled as a doctest so that it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
