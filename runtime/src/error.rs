//! The error type of the client. How a non-2xx response becomes one is in
//! `error_mapping.rs`.

use std::fmt;
use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::{Method, StatusCode};

use super::rate_limit::RateLimit;

/// Everything that can go wrong when calling the API.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request could not be sent or the response could not be read
    /// (connection failure, timeout, TLS error, too many redirects, ...).
    #[error("transport error for {method} {path}: {}", transport_kind(.source))]
    Transport {
        /// The request method.
        method: Method,
        /// The path template of the operation, e.g. `/orgs/{org}/actions/runners`.
        path: &'static str,
        /// The underlying reqwest error.
        #[source]
        source: reqwest::Error,
    },
    /// The server answered with a non-2xx status that is not a rate limit.
    #[error("{0}")]
    Api(Box<ApiError>),
    /// The server refused the request because of a primary or secondary rate limit.
    #[error("{}", rate_limited_message(.reset_at, .retry_after, .api))]
    RateLimited {
        /// For a primary rate limit (`x-ratelimit-remaining: 0`): when the window resets.
        reset_at: Option<DateTime<Utc>>,
        /// How long the server asked to wait (`Retry-After`), or 60 seconds for a
        /// secondary rate limit without that header.
        retry_after: Option<Duration>,
        /// The error response.
        api: Box<ApiError>,
    },
    /// A successful response body could not be decoded into the expected type.
    #[error(
        "failed to decode {target} from the {status} response body: {source} (body starts with: {excerpt:?})"
    )]
    Decode {
        /// The response status.
        status: StatusCode,
        /// The Rust type that was expected.
        target: &'static str,
        /// The serde error.
        #[source]
        source: serde_json::Error,
        /// The start of the body (at most 512 characters).
        excerpt: String,
        /// The `x-github-request-id` of the response.
        request_id: Option<String>,
    },
    /// A successful response body was not valid UTF-8 text.
    #[error("the {status} response body is not valid UTF-8: {source}")]
    InvalidText {
        /// The response status.
        status: StatusCode,
        /// The UTF-8 error.
        #[source]
        source: std::string::FromUtf8Error,
    },
    /// A request body could not be serialized to JSON.
    #[error("failed to encode the request body as JSON: {0}")]
    Encode(#[source] serde_json::Error),
    /// A request body could not be form-encoded (`serde_urlencoded` encodes a struct of
    /// scalar fields; nested objects and lists are not supported by that format).
    #[error("failed to form-encode the request body: {0}")]
    EncodeForm(#[source] serde_urlencoded::ser::Error),
    /// The configured base URL is unusable.
    #[error("invalid base URL `{url}`: {reason}")]
    InvalidBaseUrl {
        /// The URL as given (credentials are never included).
        url: String,
        /// Why it was rejected.
        reason: String,
    },
    /// A path parameter would have changed the request path (for example a `.` or
    /// `..` segment, which URL parsers normalise away). Nothing was sent.
    #[error(
        "a path parameter of `{template}` would change the request path: `{expected}` would be sent as `{actual}`"
    )]
    InvalidPathParameter {
        /// The path template of the operation.
        template: &'static str,
        /// The intended (percent-encoded) path.
        expected: String,
        /// The path the URL parser produced.
        actual: String,
    },
    /// A header name or value is not valid HTTP. The value is never included.
    #[error("invalid HTTP header `{name}`")]
    InvalidHeader {
        /// The header name.
        name: String,
    },
    /// The GitHub App private key given to the builder is unusable. The key is never included.
    #[error("invalid GitHub App private key: {reason}")]
    InvalidAppKey {
        /// What is wrong with it.
        reason: String,
    },
    /// A GitHub App JWT could not be signed.
    #[error("could not sign the GitHub App JWT: {reason}")]
    AppJwt {
        /// The signing library's explanation.
        reason: String,
    },
    /// [`ClientCore::installation`](crate::ClientCore::installation) (or `installation_for_org`,
    /// `installation_for_repo`) was called on a client that
    /// does not authenticate as a GitHub App.
    #[error("installation clients can only be made from a client built with `github_app`")]
    NotAnApp,
    /// The underlying HTTP client could not be built.
    #[error("failed to build the HTTP client: {0}")]
    Build(#[source] reqwest::Error),
}

fn transport_kind(source: &reqwest::Error) -> &'static str {
    if source.is_timeout() {
        "the request timed out"
    } else if source.is_connect() {
        "the connection failed"
    } else if source.is_redirect() {
        "redirect error"
    } else if source.is_body() || source.is_decode() {
        "failed to read the response body"
    } else {
        "the request failed"
    }
}

fn rate_limited_message(
    reset_at: &Option<DateTime<Utc>>,
    retry_after: &Option<Duration>,
    api: &ApiError,
) -> String {
    let mut out = String::from("GitHub rate limit exceeded");
    if let Some(reset_at) = reset_at {
        out.push_str(&format!(" (resets at {})", reset_at.to_rfc3339()));
    }
    if let Some(retry_after) = retry_after {
        out.push_str(&format!(" (retry after {}s)", retry_after.as_secs()));
    }
    out.push_str(": ");
    out.push_str(&api.to_string());
    out
}

impl Error {
    /// The HTTP status of the response that caused the error, if any.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(api) | Error::RateLimited { api, .. } => Some(api.status),
            Error::Decode { status, .. } | Error::InvalidText { status, .. } => Some(*status),
            Error::Transport { source, .. } => source.status(),
            _ => None,
        }
    }

    /// Whether retrying the same request may succeed: 5xx responses (except 501),
    /// rate limits, and connection or timeout failures.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Transport { source, .. } => source.is_connect() || source.is_timeout(),
            Error::RateLimited { .. } => true,
            Error::Api(api) => {
                api.status.is_server_error() && api.status != StatusCode::NOT_IMPLEMENTED
            }
            _ => false,
        }
    }

    /// The error response, for [`Error::Api`] and [`Error::RateLimited`].
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(api) | Error::RateLimited { api, .. } => Some(api),
            _ => None,
        }
    }

    /// The `x-github-request-id` of the response, if the error came from one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Api(api) | Error::RateLimited { api, .. } => api.request_id.as_deref(),
            Error::Decode { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// The rate-limit headers of the error response, if any.
    pub fn rate_limit(&self) -> Option<&RateLimit> {
        self.api().and_then(|api| api.rate_limit.as_ref())
    }

    /// How long the server asked to wait before retrying (`Retry-After`, or the
    /// primary rate-limit reset time), if it did.
    pub(super) fn server_requested_wait(&self) -> Option<Duration> {
        match self {
            Error::RateLimited {
                retry_after: Some(wait),
                ..
            } => Some(*wait),
            Error::RateLimited {
                reset_at: Some(reset_at),
                ..
            } => {
                // One extra second: the reset time has a one-second resolution.
                let wait = (*reset_at - Utc::now()).to_std().unwrap_or(Duration::ZERO);
                Some(wait + Duration::from_secs(1))
            }
            Error::Api(api) => api.retry_after,
            _ => None,
        }
    }
}

/// A non-2xx response from the API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// GitHub's `message`.
    pub message: Option<String>,
    /// GitHub's `documentation_url`.
    pub documentation_url: Option<String>,
    /// GitHub's `errors` (validation failures, mostly on 422).
    pub errors: Vec<ApiErrorDetail>,
    /// The `x-github-request-id` response header.
    pub request_id: Option<String>,
    /// The `x-ratelimit-*` response headers.
    pub rate_limit: Option<RateLimit>,
    /// The `Retry-After` response header.
    pub retry_after: Option<Duration>,
    /// The start of the body (at most 512 characters) when it was not GitHub's JSON
    /// error format: an HTML page from a proxy, plain text, truncated JSON, or an
    /// empty body (`Some("")`).
    pub body_excerpt: Option<String>,
}

/// One entry of the `errors` array of a GitHub error response.
///
/// GitHub sends either objects (`{"resource","field","code","message"}`) or plain
/// strings; a string becomes the `message`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApiErrorDetail {
    /// The resource the error is about, e.g. `Runner`.
    pub resource: Option<String>,
    /// The offending field.
    pub field: Option<String>,
    /// GitHub's error code, e.g. `missing_field`, `invalid`, `already_exists`.
    pub code: Option<String>,
    /// A human-readable message.
    pub message: Option<String>,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "GitHub API error {}", self.status)?;
        match (&self.message, &self.body_excerpt) {
            (Some(message), _) => write!(f, ": {message}")?,
            (None, Some(excerpt)) if excerpt.is_empty() => f.write_str(": (empty body)")?,
            (None, Some(excerpt)) => write!(f, ": {excerpt}")?,
            (None, None) => {}
        }
        if let Some(url) = &self.documentation_url {
            write!(f, " ({url})")?;
        }
        if !self.errors.is_empty() {
            f.write_str("; errors: ")?;
            for (index, detail) in self.errors.iter().enumerate() {
                if index > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "[{detail}]")?;
            }
        }
        if let Some(id) = &self.request_id {
            write!(f, " [request id {id}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

impl fmt::Display for ApiErrorDetail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts = [
            ("resource", &self.resource),
            ("field", &self.field),
            ("code", &self.code),
        ];
        let mut first = true;
        for (label, value) in parts {
            if let Some(value) = value {
                if !first {
                    f.write_str(" ")?;
                }
                write!(f, "{label}={value}")?;
                first = false;
            }
        }
        if let Some(message) = &self.message {
            if !first {
                f.write_str(": ")?;
            }
            f.write_str(message)?;
        }
        Ok(())
    }
}

impl ApiErrorDetail {
    pub(super) fn from_value(value: &serde_json::Value) -> ApiErrorDetail {
        let text = |key: &str| {
            value.get(key).and_then(|v| match v {
                serde_json::Value::Null => None,
                serde_json::Value::String(s) => Some(s.clone()),
                other => Some(other.to_string()),
            })
        };
        match value {
            serde_json::Value::String(message) => ApiErrorDetail {
                message: Some(message.clone()),
                ..ApiErrorDetail::default()
            },
            serde_json::Value::Object(_) => ApiErrorDetail {
                resource: text("resource"),
                field: text("field"),
                code: text("code"),
                message: text("message"),
            },
            other => ApiErrorDetail {
                message: Some(other.to_string()),
                ..ApiErrorDetail::default()
            },
        }
    }
}
