//! Authenticating as one installation of a GitHub App: the installation access token,
//! exchanged for the app's JWT and renewed before it expires.
//!
//! `POST /app/installations/{installation_id}/access_tokens` answers
//! `201 {"token", "expires_at", …}`; tokens live an hour. The token is kept and a new
//! one is fetched five minutes before `expires_at`, or at once when GitHub answers 401 to
//! it. Concurrent requests that find the token missing or expiring wait for **one**
//! exchange: the first takes the refresh lock and exchanges, the others then find the
//! fresh token (single flight).
//!
//! An app keeps a weak list of its installation clients, so that asking twice for the same
//! installation gives the same client (one token, one rate-limit state), and an
//! installation client that is no longer used is dropped with its token.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, Weak};

use chrono::{DateTime, TimeDelta, Utc};
use futures::future::BoxFuture;
use reqwest::Method;
use reqwest::header::HeaderValue;
use serde::Deserialize;

use super::app_jwt::bearer;
use super::client::Inner;
use super::credentials::Credentials;
use super::{ApiClient, ClientCore, Error, RawClient, Request, SecretString, path_segment};

/// A token with less than this left is replaced before it is sent.
const RENEW_BEFORE_EXPIRY: TimeDelta = TimeDelta::minutes(5);

/// The parts of GitHub's access-token response the client uses.
#[derive(Debug, Deserialize)]
struct AccessTokenResponse {
    token: SecretString,
    expires_at: DateTime<Utc>,
}

/// The parts of GitHub's installation object the client uses.
#[derive(Debug, Deserialize)]
struct InstallationResponse {
    id: u64,
}

/// An installation access token as an `Authorization` value.
pub(super) struct AccessToken {
    pub(super) authorization: HeaderValue,
    expires_at: DateTime<Utc>,
}

impl AccessToken {
    fn is_fresh(&self, now: DateTime<Utc>) -> bool {
        self.expires_at - now > RENEW_BEFORE_EXPIRY
    }
}

/// The credentials of one installation: the app client that exchanges tokens, and the
/// current token.
pub(super) struct InstallationAuth {
    /// The app's client (its credentials are the app's JWT).
    app: ClientCore<RawClient>,
    installation_id: u64,
    current: Mutex<Option<Arc<AccessToken>>>,
    /// Held by the one task that exchanges a token.
    refresh: tokio::sync::Mutex<()>,
}

impl fmt::Debug for InstallationAuth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InstallationAuth")
            .field("installation_id", &self.installation_id)
            .finish_non_exhaustive()
    }
}

impl InstallationAuth {
    fn new(app: ClientCore<RawClient>, installation_id: u64) -> InstallationAuth {
        InstallationAuth {
            app,
            installation_id,
            current: Mutex::new(None),
            refresh: tokio::sync::Mutex::new(()),
        }
    }

    pub(super) fn installation_id(&self) -> u64 {
        self.installation_id
    }

    fn fresh(&self) -> Option<Arc<AccessToken>> {
        let current = match self.current.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        current
            .as_ref()
            .filter(|token| token.is_fresh(Utc::now()))
            .map(Arc::clone)
    }

    /// The token to send now: the current one while it is fresh, otherwise one new token
    /// however many requests ask at once.
    pub(super) async fn token(&self) -> Result<Arc<AccessToken>, Error> {
        if let Some(token) = self.fresh() {
            return Ok(token);
        }
        let _exchanging = self.refresh.lock().await;
        // Whoever held the lock before us may have exchanged already.
        if let Some(token) = self.fresh() {
            return Ok(token);
        }
        let token = Arc::new(self.exchange().await?);
        match self.current.lock() {
            Ok(mut guard) => *guard = Some(Arc::clone(&token)),
            Err(poisoned) => *poisoned.into_inner() = Some(Arc::clone(&token)),
        }
        Ok(token)
    }

    /// Forgets `used` after GitHub refused it (401), unless it was replaced meanwhile, so
    /// that many refused requests cause one exchange.
    pub(super) fn reject(&self, used: &Arc<AccessToken>) {
        let mut current = match self.current.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        if current
            .as_ref()
            .is_some_and(|token| Arc::ptr_eq(token, used))
        {
            *current = None;
        }
    }

    /// Exchanges the app's JWT for a new installation token. Boxed: it runs a request of
    /// the app client from inside a request of the installation client.
    fn exchange(&self) -> BoxFuture<'_, Result<AccessToken, Error>> {
        Box::pin(async move {
            let template = "/app/installations/{installation_id}/access_tokens";
            let path = format!(
                "/app/installations/{}/access_tokens",
                path_segment(self.installation_id)
            );
            let response = self
                .app
                .execute(Request::new(Method::POST, template, path))
                .await?;
            let token: AccessTokenResponse = response.json()?;
            Ok(AccessToken {
                authorization: bearer(token.token.expose_secret())?,
                expires_at: token.expires_at,
            })
        })
    }
}

/// The installation clients of an app, by installation ID, while they are in use.
#[derive(Default)]
pub(super) struct Installations(Mutex<HashMap<u64, Weak<Inner>>>);

impl<C: ApiClient> ClientCore<C> {
    /// A client that authenticates as the installation `installation_id` of this GitHub App
    /// (see [`ClientBuilder::github_app`](crate::ClientBuilder::github_app)).
    ///
    /// It exchanges the app's JWT for an installation access token on its first request, and
    /// again five minutes before the token expires or when GitHub refuses it (401). It shares
    /// this client's connection pool, settings and response cache (under its own key) and
    /// has its own [`ClientCore::rate_limit`]. Asking again for an installation that has a
    /// client in use returns (a clone of) that client. Fails with [`Error::NotAnApp`] unless
    /// this client authenticates as an app or as one of its installations.
    pub fn installation(&self, installation_id: u64) -> Result<C, Error> {
        let app = self.app_inner().ok_or(Error::NotAnApp)?;
        let Credentials::App { installations, .. } = &app.credentials else {
            return Err(Error::NotAnApp);
        };
        let mut installations = match installations.0.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        installations.retain(|_, client| client.strong_count() > 0);
        if let Some(inner) = installations.get(&installation_id).and_then(Weak::upgrade) {
            return Ok(C::from_core(ClientCore::from_inner(inner)));
        }
        let auth = InstallationAuth::new(ClientCore::from_inner(Arc::clone(&app)), installation_id);
        let inner = Arc::new(Inner {
            http: app.http.clone(),
            base_url: app.base_url.clone(),
            base_path: app.base_path.clone(),
            credentials: Credentials::Installation(Arc::new(auth)),
            cache: app.cache.clone(),
            user_agent: app.user_agent.clone(),
            api_version: app.api_version.clone(),
            timeout: app.timeout,
            retry: app.retry.clone(),
            rate_limit: Mutex::new(None),
        });
        installations.insert(installation_id, Arc::downgrade(&inner));
        Ok(C::from_core(ClientCore::from_inner(inner)))
    }

    /// Finds the app's installation on the organization `org` (`GET /orgs/{org}/installation`,
    /// as the app) and returns [`ClientCore::installation`] for it.
    pub async fn installation_for_org(&self, org: &str) -> Result<C, Error> {
        let path = format!("/orgs/{}/installation", path_segment(org));
        self.find_installation("/orgs/{org}/installation", path)
            .await
    }

    /// Finds the app's installation on the repository `owner/repo` (`GET
    /// /repos/{owner}/{repo}/installation`, as the app) and returns
    /// [`ClientCore::installation`] for it.
    pub async fn installation_for_repo(&self, owner: &str, repo: &str) -> Result<C, Error> {
        let path = format!(
            "/repos/{}/{}/installation",
            path_segment(owner),
            path_segment(repo)
        );
        self.find_installation("/repos/{owner}/{repo}/installation", path)
            .await
    }

    async fn find_installation(&self, template: &'static str, path: String) -> Result<C, Error> {
        let app = ClientCore::<RawClient>::from_inner(self.app_inner().ok_or(Error::NotAnApp)?);
        let response = app
            .execute(Request::new(Method::GET, template, path))
            .await?;
        let installation: InstallationResponse = response.json()?;
        self.installation(installation.id)
    }

    /// The state of the app behind this client: its own for an app, its app's for an
    /// installation.
    fn app_inner(&self) -> Option<Arc<Inner>> {
        match &self.inner.credentials {
            Credentials::App { .. } => Some(Arc::clone(&self.inner)),
            Credentials::Installation(installation) => Some(Arc::clone(&installation.app.inner)),
            Credentials::None | Credentials::Token(_) => None,
        }
    }
}
