//! What is particular to GitHub's REST API, stated once: the default base URL, the headers
//! every request sends and the response headers the runtime reads.
//!
//! (GitHub App authentication, JWTs and installation tokens, is in
//! [`app_jwt`](crate::app_jwt) and `installation`.)
//!
//! (GitHub's error body, `{"message", "documentation_url", "errors"}`, is decoded in
//! [`error`](crate::error); the `x-ratelimit-*` headers in [`rate_limit`](crate::rate_limit).)
//! A generated client may override the base URL with its spec's first `servers` entry.

/// The default base URL (github.com).
pub const DEFAULT_BASE_URL: &str = "https://api.github.com";

/// The REST API version sent in `X-GitHub-Api-Version`.
pub const DEFAULT_API_VERSION: &str = "2022-11-28";

/// The default `Accept` header.
pub const DEFAULT_ACCEPT: &str = "application/vnd.github+json";

/// The default `User-Agent`: `github-runners-rust/<runtime version>` (GitHub rejects requests
/// without one).
pub const DEFAULT_USER_AGENT: &str = concat!("github-runners-rust/", env!("CARGO_PKG_VERSION"));

/// The request header naming the REST API version.
pub const API_VERSION_HEADER: &str = "x-github-api-version";

/// The response header carrying GitHub's request id (quoted in errors and traces).
pub const REQUEST_ID_HEADER: &str = "x-github-request-id";
