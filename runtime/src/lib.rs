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
//!   `X-GitHub-Api-Version`, `User-Agent`, `Authorization: Bearer …`), the token
//!   being sent only to the base URL's host;
//! * refusing path parameters that would change the request path;
//! * mapping non-2xx responses to [`Error::Api`] / [`Error::RateLimited`];
//! * retries with backoff per [`RetryPolicy`], honouring `Retry-After` and rate-limit
//!   resets;
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
    pub mod body;
    pub mod client;
    pub mod error;
    pub mod execute;
    pub mod github;
    pub mod nullable;
    pub mod page;
    pub mod paginate;
    pub mod path;
    pub mod rate_limit;
    pub mod request;
    pub mod response;
    pub mod retry;
    pub mod secret;

    pub use client::{ApiClient, ClientBuilder, ClientCore, RawClient};
    pub use error::{ApiError, ApiErrorDetail, Error};
    pub use page::{Links, Page};
    pub use paginate::{Paginated, collect_all, stream};
    pub use path::path_segment;
    pub use rate_limit::RateLimit;
    pub use request::Request;
    pub use response::RawResponse;
    pub use retry::RetryPolicy;
    pub use secret::SecretString;

    pub use body::{Body, FilePart, Multipart};
    pub use bytes::Bytes;

    #[cfg(test)]
    mod tests;
}
