//! [`ClientBuilder`]: the options of a client (base URL, credentials, response cache, headers,
//! timeout, retries) and how `build` checks them and makes the HTTP core.

use std::fmt;
use std::marker::PhantomData;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::header::HeaderValue;
use url::Url;

use super::app_jwt::{AppKey, bearer};
use super::credentials::Credentials;
use super::github::{
    API_VERSION_HEADER, DEFAULT_API_VERSION, DEFAULT_BASE_URL, DEFAULT_USER_AGENT,
};
use super::response_cache::{CacheLimits, ResponseCache};
use super::{Error, RetryPolicy, SecretString};

use super::client::{ApiClient, ClientCore, DEFAULT_TIMEOUT, Inner, RawClient};

/// The maximum number of redirects followed.
const MAX_REDIRECTS: usize = 10;

/// Configures and builds a client of type `C` (the generated `Client`, or [`RawClient`]).
pub struct ClientBuilder<C = RawClient> {
    base_url: Option<String>,
    token: Option<SecretString>,
    /// The app's key, or why it is unusable (reported by `build`).
    app: Option<Result<AppKey, Error>>,
    /// `None`: no response cache.
    cache: Option<CacheLimits>,
    user_agent: Option<String>,
    api_version: Option<String>,
    timeout: Option<Duration>,
    retry: RetryPolicy,
    reqwest_client: Option<reqwest::Client>,
    client: PhantomData<fn() -> C>,
}

impl<C> fmt::Debug for ClientBuilder<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("base_url", &self.base_url)
            .field("token", &self.token)
            .field("app", &self.app)
            .field("cache", &self.cache)
            .field("user_agent", &self.user_agent)
            .field("api_version", &self.api_version)
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .field("reqwest_client", &self.reqwest_client)
            .finish()
    }
}

impl<C: ApiClient> Default for ClientBuilder<C> {
    fn default() -> Self {
        ClientBuilder::new()
    }
}

impl<C: ApiClient> ClientBuilder<C> {
    /// A builder with the defaults: base URL `https://api.github.com`, no token,
    /// [`DEFAULT_USER_AGENT`], a 30 s timeout and [`RetryPolicy::default`].
    pub fn new() -> ClientBuilder<C> {
        ClientBuilder {
            base_url: None,
            token: None,
            app: None,
            cache: Some(CacheLimits::default()),
            user_agent: None,
            api_version: None,
            timeout: None,
            retry: RetryPolicy::default(),
            reqwest_client: None,
            client: PhantomData,
        }
    }

    /// The API base URL (default `https://api.github.com`). For GitHub Enterprise
    /// Server use e.g. `https://ghe.example.com/api/v3` (a trailing `/` is optional):
    /// request paths are appended to the base path.
    pub fn base_url(mut self, url: impl AsRef<str>) -> ClientBuilder<C> {
        self.base_url = Some(url.as_ref().to_owned());
        self
    }

    /// The token sent as `Authorization: Bearer <token>` (only to the base URL's host).
    pub fn token(mut self, token: impl Into<String>) -> ClientBuilder<C> {
        self.token = Some(SecretString::from(token.into()));
        self.app = None;
        self
    }

    /// Authenticates as a GitHub App: `app_id_or_client_id` is the app's numeric ID or its
    /// client ID, `private_key_pem` its private key as GitHub issues it (PKCS#1 PEM; PKCS#8
    /// works too). The client signs a JWT (RS256) with it and signs a new one before it
    /// expires; [`ClientCore::installation`] gives clients that act as one installation.
    /// Replaces a [`ClientBuilder::token`].
    ///
    /// A key that is not a usable RSA private key makes [`ClientBuilder::build`] fail with
    /// [`Error::InvalidAppKey`], which says what is wrong (never the key).
    pub fn github_app(
        mut self,
        app_id_or_client_id: impl ToString,
        private_key_pem: impl AsRef<[u8]>,
    ) -> ClientBuilder<C> {
        self.app = Some(AppKey::from_pem(app_id_or_client_id, private_key_pem));
        self.token = None;
        self
    }

    /// Bounds the cache of conditional requests (default [`CacheLimits::default`]: 512
    /// responses or 16 MiB). See [`CacheLimits`] for what is kept and when it is used.
    pub fn response_cache(mut self, limits: CacheLimits) -> ClientBuilder<C> {
        self.cache = Some(limits);
        self
    }

    /// Turns conditional requests off: no response is kept and no `If-None-Match` is sent.
    pub fn without_response_cache(mut self) -> ClientBuilder<C> {
        self.cache = None;
        self
    }

    /// The `User-Agent` header (default [`DEFAULT_USER_AGENT`]).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> ClientBuilder<C> {
        self.user_agent = Some(user_agent.into());
        self
    }

    /// The `X-GitHub-Api-Version` header (default [`DEFAULT_API_VERSION`]).
    pub fn api_version(mut self, version: impl Into<String>) -> ClientBuilder<C> {
        self.api_version = Some(version.into());
        self
    }

    /// The timeout of each attempt, from connecting until the body is read
    /// (default 30 s unless a custom reqwest client is supplied).
    pub fn timeout(mut self, timeout: Duration) -> ClientBuilder<C> {
        self.timeout = Some(timeout);
        self
    }

    /// The retry policy (default [`RetryPolicy::default`]).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> ClientBuilder<C> {
        self.retry = policy;
        self
    }

    /// Uses this reqwest client instead of building one. Its redirect policy is
    /// then its own (reqwest's default already drops `Authorization` on cross-host
    /// redirects).
    pub fn reqwest_client(mut self, client: reqwest::Client) -> ClientBuilder<C> {
        self.reqwest_client = Some(client);
        self
    }

    /// Builds the client; fails on an invalid base URL or header value.
    pub fn build(self) -> Result<C, Error> {
        let (base_url, base_path) =
            parse_base_url(self.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL))?;
        // Checked here so that a bad token or key fails early; neither is ever reported.
        let credentials = match (self.app, &self.token) {
            (Some(app), _) => Credentials::app(app?),
            (None, Some(token)) => Credentials::Token(bearer(token.expose_secret())?),
            (None, None) => Credentials::None,
        };
        let user_agent = header_value(
            "user-agent",
            self.user_agent.as_deref().unwrap_or(DEFAULT_USER_AGENT),
        )?;
        let api_version = header_value(
            API_VERSION_HEADER,
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
        Ok(C::from_core(ClientCore {
            inner: Arc::new(Inner {
                http,
                base_url,
                base_path,
                credentials,
                cache: self
                    .cache
                    .map(|limits| Arc::new(ResponseCache::new(limits))),
                user_agent,
                api_version,
                timeout,
                retry: self.retry,
                rate_limit: Mutex::new(None),
            }),
            client: PhantomData,
        }))
    }
}

/// A header value, or the error naming the header whose value is not valid.
pub(super) fn header_value(name: &str, value: &str) -> Result<HeaderValue, Error> {
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
            RawClient::builder().base_url("::").build(),
            Err(Error::InvalidBaseUrl { .. })
        ));
    }

    #[test]
    fn debug_redacts_token() {
        let client = RawClient::builder().token("ghp_topsecret").build().unwrap();
        let debug = format!("{client:?}");
        assert!(!debug.contains("ghp_topsecret"), "{debug}");
        assert!(debug.contains("Token(<redacted>)"), "{debug}");
        let builder = format!("{:?}", RawClient::builder().token("ghp_topsecret"));
        assert!(!builder.contains("ghp_topsecret"), "{builder}");
        assert!(DEFAULT_USER_AGENT.ends_with(concat!("-rust/", env!("CARGO_PKG_VERSION"))));
    }

    #[test]
    fn invalid_token_or_user_agent() {
        let err = RawClient::builder()
            .token("bad\ntoken")
            .build()
            .unwrap_err();
        assert!(matches!(err, Error::InvalidHeader { .. }));
        assert!(!err.to_string().contains("bad"));
        assert!(RawClient::builder().user_agent("x\ny").build().is_err());
        assert!(RawClient::new().is_ok());
    }
}
