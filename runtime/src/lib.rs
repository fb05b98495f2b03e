//! The hand-written HTTP runtime of the clients that `github-runners-codegen` generates.
//!
//! It is generic over the API: the generated `Client` wraps a [`ClientCore`] (see
//! [`client`] for how, and for where a new client feature goes); the generated operations
//! build a [`Request`] (with path parameters encoded by [`path_segment`]), send it with
//! [`ClientCore::execute`] and decode the [`RawResponse`]; list operations implement
//! [`Paginated`] and are walked with [`stream`] or [`collect_all`]. [`RawClient`] is a client
//! without generated operations. What is particular to GitHub is stated in [`github`].
//!
//! What the runtime takes care of:
//!
//! * default headers (`Accept: application/vnd.github+json`,
//!   `X-GitHub-Api-Version`, `User-Agent`, `Authorization: Bearer …`), credentials
//!   being sent only to the base URL's host;
//! * refusing path parameters that would change the request path;
//! * mapping non-2xx responses to [`Error::Api`] / [`Error::RateLimited`];
//! * retries with backoff per [`RetryPolicy`], honouring `Retry-After` and rate-limit
//!   resets;
//! * authenticating with a token, as a GitHub App ([`ClientBuilder::github_app`]:
//!   [`app_jwt`]) or as one of its installations ([`ClientCore::installation`]: token
//!   exchange and renewal in `installation`), the credentials of each request coming from
//!   `credentials`;
//! * conditional GETs: `If-None-Match` from a bounded cache of the last responses, a
//!   `304 Not Modified` answered from it ([`response_cache`], [`RawResponse::not_modified`]);
//! * tracking the latest [`RateLimit`] ([`ClientCore::rate_limit`]);
//! * one `github_request` tracing span per call (never with the token, query
//!   values or bodies).
//!
//! Everything but [`reserved`] needs the default `client` feature.

/// Applies `#[cfg(feature = "client")]` to each item.
macro_rules! client_feature {
    ($($item:item)*) => { $( #[cfg(feature = "client")] $item )* };
}

pub mod reserved;

client_feature! {
    pub mod app_jwt;
    pub mod client;
    mod credentials;
    pub mod error;
    pub mod execute;
    pub mod github;
    mod installation;
    pub mod nullable;
    pub mod page;
    pub mod paginate;
    pub mod path;
    pub mod rate_limit;
    pub mod request;
    pub mod response;
    pub mod response_cache;
    pub mod retry;
    pub mod secret;

    pub use app_jwt::AppKey;
    pub use client::{ApiClient, ClientBuilder, ClientCore, RawClient};
    pub use error::{ApiError, ApiErrorDetail, Error};
    pub use page::{Links, Page};
    pub use paginate::{Paginated, collect_all, stream};
    pub use path::path_segment;
    pub use rate_limit::RateLimit;
    pub use request::Request;
    pub use response::RawResponse;
    pub use response_cache::CacheLimits;
    pub use retry::RetryPolicy;
    pub use secret::SecretString;

    #[cfg(test)]
    mod tests;
}
