//! The HTTP core of a client ([`ClientCore`]), the [`ApiClient`] trait a generated client
//! implements, and [`RawClient`], a client without generated operations. The
//! [`ClientBuilder`] that builds either is in `builder.rs`.
//!
//! # How a generated client plugs in
//!
//! Inherent methods cannot be added to a type of another crate, so the generated code has its
//! own `Client`: a newtype over `ClientCore<Client>` that implements [`ApiClient`] and
//! `Deref<Target = ClientCore<Client>>`, plus one inherent method per operation. Everything the
//! runtime offers every client is written here, once, and reaches the generated `Client` without
//! a change to the generator:
//!
//! * a builder option is a method of [`ClientBuilder<C>`] (for every `C: ApiClient`); the
//!   generated `Client::builder()` returns `ClientBuilder<Client>`;
//! * a method of the client is a method of [`ClientCore<C>`], reached from the generated
//!   `Client` through `Deref`; one that returns a client returns `C`, built with
//!   [`ApiClient::from_core`] (so `client.some_helper()` gives back the generated `Client`).
//!
//! Every such method name must also be listed in [`reserved`](crate::reserved), so that no
//! operation is generated with that name.

use std::fmt;
use std::marker::PhantomData;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderValue};
use url::Url;

pub use super::builder::ClientBuilder;
use super::credentials::Credentials;
use super::response_cache::ResponseCache;
use super::{Error, RateLimit, RetryPolicy};

/// The default per-request timeout when the client builds its own HTTP client.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// A client type built on the runtime: the generated `Client` (or [`RawClient`]).
///
/// It wraps a [`ClientCore`] of its own type, so that methods of the core that return a
/// client return this type.
pub trait ApiClient: Clone + Send + Sync + Sized + 'static {
    /// Wraps a core into the client type.
    fn from_core(core: ClientCore<Self>) -> Self;

    /// The core the client sends its requests with.
    fn core(&self) -> &ClientCore<Self>;
}

/// The HTTP core of an API client: connection pool, base URL, credentials, default headers,
/// retry policy, response cache and the latest rate-limit state. Cheap to clone (clones share
/// all of it).
///
/// `C` is the client type that wraps it (the generated `Client`); it only decides what the
/// core's client-returning methods return.
pub struct ClientCore<C> {
    pub(super) inner: Arc<Inner>,
    /// `fn() -> C`: the core neither owns nor borrows a `C`, and is `Send + Sync` for any `C`.
    pub(super) client: PhantomData<fn() -> C>,
}

pub(super) struct Inner {
    pub(super) http: reqwest::Client,
    /// The base URL, its path ending with `/`.
    pub(super) base_url: Url,
    /// The base URL's path without the trailing `/` (`""` or e.g. `/api/v3`).
    pub(super) base_path: String,
    pub(super) credentials: Credentials,
    /// Shared with the installation clients made from this one.
    pub(super) cache: Option<Arc<ResponseCache>>,
    pub(super) user_agent: HeaderValue,
    pub(super) api_version: HeaderValue,
    pub(super) timeout: Option<Duration>,
    pub(super) retry: RetryPolicy,
    pub(super) rate_limit: Mutex<Option<RateLimit>>,
}

impl Inner {
    pub(super) fn record_rate_limit(&self, headers: &HeaderMap) {
        if let Some(rate_limit) = RateLimit::from_headers(headers) {
            match self.rate_limit.lock() {
                Ok(mut guard) => *guard = Some(rate_limit),
                Err(poisoned) => *poisoned.into_inner() = Some(rate_limit),
            }
        }
    }
}

impl<C> Clone for ClientCore<C> {
    fn clone(&self) -> Self {
        ClientCore {
            inner: Arc::clone(&self.inner),
            client: PhantomData,
        }
    }
}

impl<C> ClientCore<C> {
    /// Wraps shared client state.
    pub(super) fn from_inner(inner: Arc<Inner>) -> ClientCore<C> {
        ClientCore {
            inner,
            client: PhantomData,
        }
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
}

impl<C> fmt::Debug for ClientCore<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientCore")
            .field("base_url", &self.inner.base_url.as_str())
            .field("credentials", &self.inner.credentials)
            .field("cache", &self.inner.cache)
            .field("user_agent", &self.inner.user_agent)
            .field("timeout", &self.inner.timeout)
            .field("retry", &self.inner.retry)
            .finish_non_exhaustive()
    }
}

/// A client without generated operations: build [`Request`](crate::Request)s by hand and send
/// them with [`ClientCore::execute`] (reached through `Deref`, like on a generated client).
#[derive(Debug, Clone)]
pub struct RawClient(ClientCore<RawClient>);

impl RawClient {
    /// A builder with the defaults of [`ClientBuilder::new`].
    pub fn builder() -> ClientBuilder<RawClient> {
        ClientBuilder::new()
    }

    /// A client with the defaults of [`ClientBuilder::new`] (unauthenticated).
    pub fn new() -> Result<RawClient, Error> {
        RawClient::builder().build()
    }
}

impl ApiClient for RawClient {
    fn from_core(core: ClientCore<RawClient>) -> RawClient {
        RawClient(core)
    }

    fn core(&self) -> &ClientCore<RawClient> {
        &self.0
    }
}

impl std::ops::Deref for RawClient {
    type Target = ClientCore<RawClient>;

    fn deref(&self) -> &ClientCore<RawClient> {
        &self.0
    }
}
