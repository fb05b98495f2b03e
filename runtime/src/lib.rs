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

pub mod reserved;

// Each item carries its own `cfg` (not a wrapping macro: rustfmt does not visit modules
// declared inside a macro call).
#[cfg(feature = "client")]
pub mod app_jwt;
#[cfg(feature = "client")]
pub mod body;
#[cfg(feature = "client")]
mod builder;
#[cfg(feature = "client")]
pub mod client;
#[cfg(feature = "client")]
mod credentials;
#[cfg(feature = "client")]
pub mod error;
#[cfg(feature = "client")]
mod error_mapping;
#[cfg(feature = "client")]
pub mod execute;
#[cfg(feature = "client")]
pub mod fields;
#[cfg(feature = "client")]
pub mod github;
#[cfg(feature = "client")]
mod installation;
#[cfg(feature = "client")]
pub mod page;
#[cfg(feature = "client")]
pub mod paginate;
#[cfg(feature = "client")]
pub mod path;
#[cfg(feature = "client")]
pub mod rate_limit;
#[cfg(feature = "client")]
pub mod request;
#[cfg(feature = "client")]
pub mod response;
#[cfg(feature = "client")]
pub mod response_cache;
#[cfg(feature = "client")]
pub mod retry;
#[cfg(feature = "client")]
pub mod secret;
#[cfg(feature = "client")]
pub mod send;

#[cfg(feature = "client")]
pub use app_jwt::AppKey;
#[cfg(feature = "client")]
pub use body::{Body, FilePart, Multipart};
#[cfg(feature = "client")]
pub use bytes::Bytes;
#[cfg(feature = "client")]
pub use client::{ApiClient, ClientBuilder, ClientCore, RawClient};
#[cfg(feature = "client")]
pub use error::{ApiError, ApiErrorDetail, Error};
#[cfg(feature = "client")]
pub use page::{Links, Page};
#[cfg(feature = "client")]
pub use paginate::{Paginated, collect_all, stream};
#[cfg(feature = "client")]
pub use path::path_segment;
#[cfg(feature = "client")]
pub use rate_limit::RateLimit;
#[cfg(feature = "client")]
pub use request::Request;
#[cfg(feature = "client")]
pub use response::RawResponse;
#[cfg(feature = "client")]
pub use response_cache::CacheLimits;
#[cfg(feature = "client")]
pub use retry::RetryPolicy;
#[cfg(feature = "client")]
pub use secret::SecretString;
#[cfg(feature = "client")]
pub use send::{ResponseFuture, send};

#[cfg(feature = "client")]
#[cfg(test)]
mod tests;

/// The crate README's example, compiled as a doctest so that it stays true.
#[cfg(all(doctest, feature = "client"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
