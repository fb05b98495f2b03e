//! How a non-2xx response becomes an [`Error`]: GitHub's JSON error body when there is one,
//! an excerpt of the body otherwise, and the rate-limit classification (primary limit,
//! secondary limit, or a plain API error).

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use reqwest::header::HeaderMap;

use super::error::{ApiError, ApiErrorDetail, Error};
use super::rate_limit::{RateLimit, header_str};

/// How long to wait after a secondary rate limit without a `Retry-After` header,
/// as recommended by GitHub's documentation.
const SECONDARY_RATE_LIMIT_DEFAULT_WAIT: Duration = Duration::from_secs(60);

/// Maximum number of characters kept in body excerpts.
const EXCERPT_CHARS: usize = 512;

/// The parts of GitHub's JSON error body we understand.
#[derive(serde::Deserialize)]
struct ErrorBody {
    #[serde(default)]
    message: Option<serde_json::Value>,
    #[serde(default)]
    documentation_url: Option<serde_json::Value>,
    #[serde(default)]
    errors: Option<serde_json::Value>,
}

fn json_text(value: Option<serde_json::Value>) -> Option<String> {
    match value? {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s),
        other => Some(other.to_string()),
    }
}

/// The first (at most) 512 characters of `body`, lossily decoded and trimmed.
pub(super) fn excerpt(body: &[u8]) -> String {
    // 512 characters take at most 2048 bytes, so no character is cut by this.
    let head = &body[..body.len().min(EXCERPT_CHARS * 4)];
    let text = String::from_utf8_lossy(head);
    text.trim().chars().take(EXCERPT_CHARS).collect()
}

/// Parses a `Retry-After` value: delay seconds or an HTTP date.
pub(super) fn parse_retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = header_str(headers, "retry-after")?;
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = DateTime::parse_from_rfc2822(value).ok()?;
    Some(
        (date.with_timezone(&Utc) - Utc::now())
            .to_std()
            .unwrap_or(Duration::ZERO),
    )
}

/// Maps a non-2xx response to an [`Error`].
pub(super) fn from_response(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Error {
    let rate_limit = RateLimit::from_headers(headers);
    let retry_after = parse_retry_after(headers);
    let mut api = ApiError {
        status,
        message: None,
        documentation_url: None,
        errors: Vec::new(),
        request_id: header_str(headers, crate::github::REQUEST_ID_HEADER).map(str::to_owned),
        rate_limit,
        retry_after,
        body_excerpt: None,
    };
    match serde_json::from_slice::<ErrorBody>(body) {
        Ok(parsed)
            if parsed.message.is_some()
                || parsed.documentation_url.is_some()
                || parsed.errors.is_some() =>
        {
            api.message = json_text(parsed.message);
            api.documentation_url = json_text(parsed.documentation_url);
            api.errors = match parsed.errors {
                Some(serde_json::Value::Array(items)) => {
                    items.iter().map(ApiErrorDetail::from_value).collect()
                }
                Some(serde_json::Value::Null) | None => Vec::new(),
                Some(other) => vec![ApiErrorDetail::from_value(&other)],
            };
        }
        _ => api.body_excerpt = Some(excerpt(body)),
    }
    classify(api)
}

/// Decides between [`Error::RateLimited`] and [`Error::Api`].
fn classify(api: ApiError) -> Error {
    let limited_status =
        api.status == StatusCode::FORBIDDEN || api.status == StatusCode::TOO_MANY_REQUESTS;
    if !limited_status {
        return Error::Api(Box::new(api));
    }
    let primary = api
        .rate_limit
        .as_ref()
        .is_some_and(|rl| rl.remaining == Some(0));
    let message = api
        .message
        .as_deref()
        .or(api.body_excerpt.as_deref())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let secondary_message =
        message.contains("secondary rate limit") || message.contains("abuse detection");
    if primary {
        Error::RateLimited {
            reset_at: api.rate_limit.as_ref().and_then(|rl| rl.reset_at),
            retry_after: api.retry_after,
            api: Box::new(api),
        }
    } else if api.retry_after.is_some()
        || secondary_message
        || api.status == StatusCode::TOO_MANY_REQUESTS
    {
        Error::RateLimited {
            reset_at: None,
            retry_after: Some(api.retry_after.unwrap_or(SECONDARY_RATE_LIMIT_DEFAULT_WAIT)),
            api: Box::new(api),
        }
    } else {
        Error::Api(Box::new(api))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn excerpt_cuts_on_char_boundary() {
        let body = "é".repeat(600);
        let cut = excerpt(body.as_bytes());
        assert_eq!(cut.chars().count(), 512);
        assert!(cut.chars().all(|c| c == 'é'));
        assert_eq!(excerpt(b"  short \n"), "short");
        assert_eq!(excerpt(b""), "");
    }

    #[test]
    fn maps_json_error_and_displays_it() {
        let mut headers = HeaderMap::new();
        headers.insert("x-github-request-id", HeaderValue::from_static("ABCD"));
        let body = br#"{"message":"Validation Failed","documentation_url":"https://docs.github.com/x","errors":[{"resource":"Runner","field":"name","code":"invalid"},"plain text error",{"message":"m","code":"custom"}]}"#;
        let err = from_response(StatusCode::UNPROCESSABLE_ENTITY, &headers, body);
        let api = err.api().unwrap();
        assert_eq!(api.errors.len(), 3);
        assert_eq!(api.errors[1].message.as_deref(), Some("plain text error"));
        assert_eq!(api.body_excerpt, None);
        assert_eq!(
            err.to_string(),
            "GitHub API error 422 Unprocessable Entity: Validation Failed (https://docs.github.com/x); \
             errors: [resource=Runner field=name code=invalid], [plain text error], [code=custom: m] \
             [request id ABCD]"
        );
        assert!(!err.is_retryable());
    }

    #[test]
    fn non_json_bodies_are_api_errors_with_excerpt() {
        let err = from_response(
            StatusCode::BAD_GATEWAY,
            &HeaderMap::new(),
            b"<html>bad</html>",
        );
        assert_eq!(
            err.api().unwrap().body_excerpt.as_deref(),
            Some("<html>bad</html>")
        );
        assert!(err.is_retryable());
        let err = from_response(StatusCode::NOT_FOUND, &HeaderMap::new(), br#"{"messa"#);
        assert!(matches!(err, Error::Api(_)));
        let err = from_response(StatusCode::NOT_FOUND, &HeaderMap::new(), b"[1,2]");
        assert!(matches!(err, Error::Api(_)));
        let err = from_response(StatusCode::FORBIDDEN, &HeaderMap::new(), b"");
        assert_eq!(
            err.to_string(),
            "GitHub API error 403 Forbidden: (empty body)"
        );
    }

    #[test]
    fn retry_after_forms() {
        let mut headers = HeaderMap::new();
        headers.insert("retry-after", HeaderValue::from_static("7"));
        assert_eq!(parse_retry_after(&headers), Some(Duration::from_secs(7)));
        headers.insert(
            "retry-after",
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(parse_retry_after(&headers), Some(Duration::ZERO));
        headers.insert("retry-after", HeaderValue::from_static("soon"));
        assert_eq!(parse_retry_after(&headers), None);
    }
}
