//! The hand-written HTTP runtime used by the generated API code.
//!
//! It is generic over the API: the generated operations build a [`Request`] (with
//! path parameters encoded by [`path_segment`]), send it with [`Client::execute`]
//! and decode the [`RawResponse`]; list operations implement [`Paginated`] and are
//! walked with [`stream`] or [`collect_all`].
//!
//! What the runtime takes care of:
//!
//! * default headers (`Accept: application/vnd.github+json`,
//!   `X-GitHub-Api-Version`, `User-Agent`, `Authorization: Bearer …`), the token
//!   being sent only to the base URL's host;
//! * refusing path parameters that would change the request path;
//! * mapping non-2xx responses to [`Error::Api`] / [`Error::RateLimited`];
//! * retries with backoff per [`RetryPolicy`], honouring `Retry-After` and rate-limit
//!   resets;
//! * tracking the latest [`RateLimit`] ([`Client::rate_limit`]);
//! * one `github_request` tracing span per call (never with the token, query
//!   values or bodies).

pub mod client;
pub mod error;
pub mod execute;
pub mod nullable;
pub mod page;
pub mod paginate;
pub mod path;
pub mod rate_limit;
pub mod request;
pub mod response;
pub mod retry;
pub mod secret;

#[cfg(test)]
mod tests;

pub use client::{Client, ClientBuilder};
pub use error::{ApiError, ApiErrorDetail, Error};
pub use page::{Links, Page};
pub use paginate::{Paginated, collect_all, stream};
pub use path::path_segment;
pub use rate_limit::RateLimit;
pub use request::Request;
pub use response::RawResponse;
pub use retry::RetryPolicy;
pub use secret::SecretString;
