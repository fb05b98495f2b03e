//! The primary rate limit: a budget of requests per credential and window, reported in
//! `x-ratelimit-*` headers and enforced as GitHub does (403 with `x-ratelimit-remaining: 0`
//! and the reset time once it is spent).
//!
//! `GET /rate_limit` and `304 Not Modified` answers do not count, as on GitHub.

use std::collections::HashMap;

use axum::http::{HeaderMap, HeaderValue, StatusCode};
use chrono::{DateTime, Duration, Utc};

use crate::error::ApiFailure;

/// GitHub's budget for a personal token: 5,000 requests an hour.
pub(crate) const DEFAULT_LIMIT: u64 = 5_000;
const WINDOW: Duration = Duration::hours(1);

/// The budget of one credential in the current window.
#[derive(Debug, Clone, Copy)]
struct Bucket {
    used: u64,
    reset: DateTime<Utc>,
}

/// The state of one bucket, as the headers report it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Snapshot {
    pub(crate) limit: u64,
    pub(crate) used: u64,
    pub(crate) remaining: u64,
    pub(crate) reset: DateTime<Utc>,
}

impl Snapshot {
    /// Sets the `x-ratelimit-*` headers.
    pub(crate) fn write_headers(&self, headers: &mut HeaderMap) {
        let mut set = |name: &'static str, value: String| {
            if let Ok(value) = HeaderValue::from_str(&value) {
                headers.insert(name, value);
            }
        };
        set("x-ratelimit-limit", self.limit.to_string());
        set("x-ratelimit-remaining", self.remaining.to_string());
        set("x-ratelimit-used", self.used.to_string());
        set("x-ratelimit-reset", self.reset.timestamp().to_string());
        set("x-ratelimit-resource", "core".to_owned());
    }
}

/// Every credential's budget.
#[derive(Debug)]
pub(crate) struct RateLimits {
    pub(crate) limit: u64,
    /// The status of a refusal: 403 (GitHub's usual answer) or 429.
    pub(crate) status: StatusCode,
    buckets: HashMap<String, Bucket>,
}

impl Default for RateLimits {
    fn default() -> RateLimits {
        RateLimits {
            limit: DEFAULT_LIMIT,
            status: StatusCode::FORBIDDEN,
            buckets: HashMap::new(),
        }
    }
}

impl RateLimits {
    fn bucket(&mut self, key: &str) -> &mut Bucket {
        let now = Utc::now();
        let bucket = self.buckets.entry(key.to_owned()).or_insert(Bucket {
            used: 0,
            reset: now + WINDOW,
        });
        if bucket.reset <= now {
            *bucket = Bucket {
                used: 0,
                reset: now + WINDOW,
            };
        }
        bucket
    }

    /// The bucket's state without spending anything.
    pub(crate) fn peek(&mut self, key: &str) -> Snapshot {
        let limit = self.limit;
        let bucket = *self.bucket(key);
        Snapshot {
            limit,
            used: bucket.used,
            remaining: limit.saturating_sub(bucket.used),
            reset: bucket.reset,
        }
    }

    /// The 403 GitHub answers once the budget is spent, or `None` while some is left.
    pub(crate) fn refusal(&mut self, key: &str) -> Option<ApiFailure> {
        let snapshot = self.peek(key);
        if snapshot.remaining > 0 {
            return None;
        }
        let mut failure = ApiFailure::new(
            self.status,
            "API rate limit exceeded. Check out the documentation for more details.",
        );
        failure.documentation_url =
            "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";
        let mut headers = HeaderMap::new();
        snapshot.write_headers(&mut headers);
        failure.headers = headers
            .iter()
            .map(|(name, value)| (name.clone(), value.clone()))
            .collect();
        Some(failure)
    }

    /// Spends one request and returns the state after it.
    pub(crate) fn spend(&mut self, key: &str) -> Snapshot {
        let bucket = self.bucket(key);
        bucket.used += 1;
        self.peek(key)
    }

    /// Sets what is left of a bucket in the current window (a test helper).
    pub(crate) fn set_remaining(&mut self, key: &str, remaining: u64) {
        let limit = self.limit;
        self.bucket(key).used = limit.saturating_sub(remaining);
    }
}
