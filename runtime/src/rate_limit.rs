//! Rate-limit information from GitHub's `x-ratelimit-*` response headers.

use chrono::{DateTime, Utc};
use reqwest::header::HeaderMap;

/// The rate-limit state reported by the `x-ratelimit-*` headers of a response.
///
/// Each field is `None` when its header is missing or malformed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLimit {
    /// `x-ratelimit-limit`: requests allowed per window.
    pub limit: Option<u64>,
    /// `x-ratelimit-remaining`: requests left in the current window.
    pub remaining: Option<u64>,
    /// `x-ratelimit-used`: requests made in the current window.
    pub used: Option<u64>,
    /// `x-ratelimit-reset`: when the current window resets.
    pub reset_at: Option<DateTime<Utc>>,
    /// `x-ratelimit-resource`: the rate-limit bucket (`core`, `search`, ...).
    pub resource: Option<String>,
}

impl RateLimit {
    /// Reads the `x-ratelimit-*` headers; `None` when none of them is present.
    pub fn from_headers(headers: &HeaderMap) -> Option<RateLimit> {
        const NAMES: [&str; 5] = [
            "x-ratelimit-limit",
            "x-ratelimit-remaining",
            "x-ratelimit-used",
            "x-ratelimit-reset",
            "x-ratelimit-resource",
        ];
        if !NAMES.iter().any(|name| headers.contains_key(*name)) {
            return None;
        }
        let number = |name: &str| header_str(headers, name).and_then(|v| v.parse::<u64>().ok());
        Some(RateLimit {
            limit: number("x-ratelimit-limit"),
            remaining: number("x-ratelimit-remaining"),
            used: number("x-ratelimit-used"),
            reset_at: number("x-ratelimit-reset")
                .and_then(|secs| i64::try_from(secs).ok())
                .and_then(|secs| DateTime::from_timestamp(secs, 0)),
            resource: header_str(headers, "x-ratelimit-resource")
                .filter(|v| !v.is_empty())
                .map(str::to_owned),
        })
    }
}

/// The trimmed value of a header, if present and valid visible ASCII.
pub(super) fn header_str<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .map(str::trim)
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn parses_all_headers() {
        let mut headers = HeaderMap::new();
        headers.insert("x-ratelimit-limit", HeaderValue::from_static("5000"));
        headers.insert("x-ratelimit-remaining", HeaderValue::from_static("4999"));
        headers.insert("x-ratelimit-used", HeaderValue::from_static("1"));
        headers.insert("x-ratelimit-reset", HeaderValue::from_static("1700000000"));
        headers.insert("x-ratelimit-resource", HeaderValue::from_static("core"));
        let rl = RateLimit::from_headers(&headers).unwrap();
        assert_eq!(rl.limit, Some(5000));
        assert_eq!(rl.remaining, Some(4999));
        assert_eq!(rl.used, Some(1));
        assert_eq!(rl.reset_at.unwrap().timestamp(), 1_700_000_000);
        assert_eq!(rl.resource.as_deref(), Some("core"));
    }

    #[test]
    fn absent_and_malformed() {
        assert_eq!(RateLimit::from_headers(&HeaderMap::new()), None);
        let mut headers = HeaderMap::new();
        headers.insert("x-ratelimit-limit", HeaderValue::from_static("lots"));
        headers.insert("x-ratelimit-remaining", HeaderValue::from_static("-1"));
        headers.insert(
            "x-ratelimit-reset",
            HeaderValue::from_static("99999999999999999999999"),
        );
        let rl = RateLimit::from_headers(&headers).unwrap();
        assert_eq!(rl.limit, None);
        assert_eq!(rl.remaining, None);
        assert_eq!(rl.reset_at, None);
        headers.insert(
            "x-ratelimit-reset",
            HeaderValue::from_static("18446744073709551615"),
        );
        assert_eq!(RateLimit::from_headers(&headers).unwrap().reset_at, None);
    }
}
