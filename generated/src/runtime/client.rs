//! [`Client`] and its [`ClientBuilder`].

use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderValue};
use url::Url;

use super::{Error, RateLimit, RetryPolicy, SecretString};

/// The default base URL (github.com).
pub const DEFAULT_BASE_URL: &str = "https://api.github.com";

/// The REST API version sent in `X-GitHub-Api-Version`.
pub const DEFAULT_API_VERSION: &str = "2022-11-28";

/// The default `User-Agent`: `<crate name>-rust/<crate version>`.
pub const DEFAULT_USER_AGENT: &str =
    concat!(env!("CARGO_PKG_NAME"), "-rust/", env!("CARGO_PKG_VERSION"));

/// The default per-request timeout when the client builds its own HTTP client.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The maximum number of redirects followed.
const MAX_REDIRECTS: usize = 10;

/// An API client. Cheap to clone (clones share the connection pool and the
/// latest rate-limit state).
#[derive(Clone)]
pub struct Client {
    pub(super) inner: Arc<Inner>,
}

pub(super) struct Inner {
    pub(super) http: reqwest::Client,
    /// The base URL, its path ending with `/`.
    pub(super) base_url: Url,
    /// The base URL's path without the trailing `/` (`""` or e.g. `/api/v3`).
    pub(super) base_path: String,
    pub(super) token: Option<SecretString>,
    pub(super) user_agent: HeaderValue,
    pub(super) api_version: HeaderValue,
    pub(super) timeout: Option<Duration>,
    pub(super) retry: RetryPolicy,
    pub(super) rate_limit: Mutex<Option<RateLimit>>,
}

impl Client {
    /// A builder with the defaults: base URL `https://api.github.com`, no token,
    /// [`DEFAULT_USER_AGENT`], a 30 s timeout and [`RetryPolicy::default`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client with the defaults of [`Client::builder`] (unauthenticated).
    pub fn new() -> Result<Client, Error> {
        Client::builder().build()
    }

    /// The latest `x-ratelimit-*` values seen on any response of this client (or its clones).
    pub fn rate_limit(&self) -> Option<RateLimit> {
        match self.inner.rate_limit.lock() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// The base URL; request paths are appended to its path.
    pub fn base_url(&self) -> &Url {
        &self.inner.base_url
    }

    /// The retry policy.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.inner.retry
    }

    pub(super) fn record_rate_limit(&self, headers: &HeaderMap) {
        if let Some(rate_limit) = RateLimit::from_headers(headers) {
            match self.inner.rate_limit.lock() {
                Ok(mut guard) => *guard = Some(rate_limit),
                Err(poisoned) => *poisoned.into_inner() = Some(rate_limit),
            }
        }
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url.as_str())
            .field("token", &self.inner.token)
            .field("user_agent", &self.inner.user_agent)
            .field("timeout", &self.inner.timeout)
            .field("retry", &self.inner.retry)
            .finish_non_exhaustive()
    }
}

/// Configures and builds a [`Client`].
#[derive(Debug, Default)]
pub struct ClientBuilder {
    base_url: Option<String>,
    token: Option<SecretString>,
    user_agent: Option<String>,
    api_version: Option<String>,
    timeout: Option<Duration>,
    retry: RetryPolicy,
    reqwest_client: Option<reqwest::Client>,
}

impl ClientBuilder {
    /// The API base URL (default `https://api.github.com`). For GitHub Enterprise
    /// Server use e.g. `https://ghe.example.com/api/v3` (a trailing `/` is optional):
    /// request paths are appended to the base path.
    pub fn base_url(mut self, url: impl AsRef<str>) -> ClientBuilder {
        self.base_url = Some(url.as_ref().to_owned());
        self
    }

    /// The token sent as `Authorization: Bearer <token>` (only to the base URL's host).
    pub fn token(mut self, token: impl Into<String>) -> ClientBuilder {
        self.token = Some(SecretString::from(token.into()));
        self
    }

    /// The `User-Agent` header (default [`DEFAULT_USER_AGENT`]).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> ClientBuilder {
        self.user_agent = Some(user_agent.into());
        self
    }

    /// The `X-GitHub-Api-Version` header (default [`DEFAULT_API_VERSION`]).
    pub fn api_version(mut self, version: impl Into<String>) -> ClientBuilder {
        self.api_version = Some(version.into());
        self
    }

    /// The timeout of each attempt, from connecting until the body is read
    /// (default 30 s unless a custom reqwest client is supplied).
    pub fn timeout(mut self, timeout: Duration) -> ClientBuilder {
        self.timeout = Some(timeout);
        self
    }

    /// The retry policy (default [`RetryPolicy::default`]).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> ClientBuilder {
        self.retry = policy;
        self
    }

    /// Uses this reqwest client instead of building one. Its redirect policy is
    /// then its own (reqwest's default already drops `Authorization` on cross-host
    /// redirects).
    pub fn reqwest_client(mut self, client: reqwest::Client) -> ClientBuilder {
        self.reqwest_client = Some(client);
        self
    }

    /// Builds the client; fails on an invalid base URL or header value.
    pub fn build(self) -> Result<Client, Error> {
        let (base_url, base_path) =
            parse_base_url(self.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL))?;
        if let Some(token) = &self.token {
            // Validated here so that a bad token fails early; the value is never reported.
            HeaderValue::from_str(&format!("Bearer {}", token.expose_secret())).map_err(|_| {
                Error::InvalidHeader {
                    name: "authorization".to_owned(),
                }
            })?;
        }
        let user_agent = header_value(
            "user-agent",
            self.user_agent.as_deref().unwrap_or(DEFAULT_USER_AGENT),
        )?;
        let api_version = header_value(
            "x-github-api-version",
            self.api_version.as_deref().unwrap_or(DEFAULT_API_VERSION),
        )?;
        let (http, timeout) = match self.reqwest_client {
            Some(http) => (http, self.timeout),
            None => {
                let http = reqwest::Client::builder()
                    .redirect(redirect_policy())
                    .connect_timeout(Duration::from_secs(10))
                    .build()
                    .map_err(Error::Build)?;
                (http, Some(self.timeout.unwrap_or(DEFAULT_TIMEOUT)))
            }
        };
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url,
                base_path,
                token: self.token,
                user_agent,
                api_version,
                timeout,
                retry: self.retry,
                rate_limit: Mutex::new(None),
            }),
        })
    }
}

fn header_value(name: &str, value: &str) -> Result<HeaderValue, Error> {
    HeaderValue::from_str(value).map_err(|_| Error::InvalidHeader {
        name: name.to_owned(),
    })
}

/// Follows up to 10 redirects, never from `https` to `http`. reqwest itself drops
/// `Authorization` when a redirect goes to another host or port.
fn redirect_policy() -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(|attempt| {
        let downgrade = attempt.url().scheme() == "http"
            && attempt
                .previous()
                .last()
                .is_some_and(|previous| previous.scheme() == "https");
        if attempt.previous().len() > MAX_REDIRECTS {
            attempt.error("too many redirects")
        } else if downgrade {
            attempt.stop()
        } else {
            attempt.follow()
        }
    })
}

/// Validates the base URL; returns it with a trailing `/` and its path without one.
fn parse_base_url(input: &str) -> Result<(Url, String), Error> {
    let invalid = |url: &str, reason: &str| Error::InvalidBaseUrl {
        url: url.to_owned(),
        reason: reason.to_owned(),
    };
    let mut url = Url::parse(input.trim()).map_err(|e| invalid(input, &e.to_string()))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(invalid(
            "<redacted>",
            "credentials in the URL are not allowed",
        ));
    }
    if url.scheme() != "https" && url.scheme() != "http" {
        return Err(invalid(input, "the scheme must be http or https"));
    }
    if url.host().is_none() {
        return Err(invalid(input, "the URL has no host"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(invalid(input, "the URL must not have a query or fragment"));
    }
    let base_path = url.path().trim_end_matches('/').to_owned();
    url.set_path(&format!("{base_path}/"));
    Ok((url, base_path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls() {
        let (url, path) = parse_base_url("https://api.github.com").unwrap();
        assert_eq!(url.as_str(), "https://api.github.com/");
        assert_eq!(path, "");
        for input in [
            "https://ghe.example.com/api/v3",
            "https://ghe.example.com/api/v3/",
        ] {
            let (url, path) = parse_base_url(input).unwrap();
            assert_eq!(url.as_str(), "https://ghe.example.com/api/v3/");
            assert_eq!(path, "/api/v3");
        }
        for bad in [
            "not a url",
            "ftp://example.com",
            "https://example.com/?x=1",
            "https://example.com/#f",
            "mailto:someone@example.com",
        ] {
            assert!(
                matches!(parse_base_url(bad), Err(Error::InvalidBaseUrl { .. })),
                "{bad}"
            );
        }
        let err = parse_base_url("https://user:hunter2@example.com").unwrap_err();
        assert!(!err.to_string().contains("hunter2"));
        assert!(matches!(
            Client::builder().base_url("::").build(),
            Err(Error::InvalidBaseUrl { .. })
        ));
    }

    #[test]
    fn debug_redacts_token() {
        let client = Client::builder().token("ghp_topsecret").build().unwrap();
        let debug = format!("{client:?}");
        assert!(!debug.contains("ghp_topsecret"), "{debug}");
        assert!(debug.contains("token: Some(<redacted>)"), "{debug}");
        let builder = format!("{:?}", Client::builder().token("ghp_topsecret"));
        assert!(!builder.contains("ghp_topsecret"), "{builder}");
        assert!(DEFAULT_USER_AGENT.starts_with(env!("CARGO_PKG_NAME")));
        assert!(DEFAULT_USER_AGENT.ends_with(concat!("-rust/", env!("CARGO_PKG_VERSION"))));
    }

    #[test]
    fn invalid_token_or_user_agent() {
        let err = Client::builder().token("bad\ntoken").build().unwrap_err();
        assert!(matches!(err, Error::InvalidHeader { .. }));
        assert!(!err.to_string().contains("bad"));
        assert!(Client::builder().user_agent("x\ny").build().is_err());
        assert!(Client::new().is_ok());
    }
}
