//! [`RetryPolicy`]: when and how long to wait before retrying a failed request.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::Method;

use super::Error;

/// Controls retries of failed requests.
///
/// Retried by default: idempotent methods (`GET`, `HEAD`, `PUT`, `DELETE`,
/// `OPTIONS`, `TRACE`) failing with a 5xx status (except 501), a rate limit, or a
/// connection/timeout error. `POST` and `PATCH` are only retried with
/// [`RetryPolicy::retry_non_idempotent`].
///
/// The wait honours `Retry-After` and the primary rate-limit reset time; otherwise
/// it is an exponential backoff (`initial_backoff * 2^n`, capped by `max_backoff`)
/// with jitter. If the next wait would push the total waiting time of one call over
/// `max_total_wait`, the error is returned at once instead.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    max_total_wait: Duration,
    retry_non_idempotent: bool,
    jitter: bool,
}

impl Default for RetryPolicy {
    fn default() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(30),
            max_total_wait: Duration::from_secs(60),
            retry_non_idempotent: false,
            jitter: true,
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries (one attempt).
    pub fn none() -> RetryPolicy {
        RetryPolicy::default().max_attempts(1)
    }

    /// Total number of attempts including the first one (default 3; 0 is treated as 1).
    pub fn max_attempts(mut self, attempts: u32) -> RetryPolicy {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The first backoff delay (default 500 ms).
    pub fn initial_backoff(mut self, delay: Duration) -> RetryPolicy {
        self.initial_backoff = delay;
        self
    }

    /// The cap of the exponential backoff (default 30 s). Server-requested waits
    /// (`Retry-After`, rate-limit reset) are not capped by this, only by
    /// [`RetryPolicy::max_total_wait`].
    pub fn max_backoff(mut self, delay: Duration) -> RetryPolicy {
        self.max_backoff = delay;
        self
    }

    /// The maximum total time one call may spend sleeping between attempts (default 60 s).
    pub fn max_total_wait(mut self, wait: Duration) -> RetryPolicy {
        self.max_total_wait = wait;
        self
    }

    /// Whether `POST` and `PATCH` requests are retried too (default `false`).
    pub fn retry_non_idempotent(mut self, retry: bool) -> RetryPolicy {
        self.retry_non_idempotent = retry;
        self
    }

    /// Whether backoff delays are randomised (default `true`): a delay `d` becomes a
    /// value between `d/2` and `d`.
    pub fn jitter(mut self, jitter: bool) -> RetryPolicy {
        self.jitter = jitter;
        self
    }

    /// Returns how long to sleep before the next attempt, or `None` to give up.
    ///
    /// `attempts_made` counts the attempts so far (≥ 1); `waited` is the time
    /// already slept during this call.
    pub(super) fn next_delay(
        &self,
        method: &Method,
        error: &Error,
        attempts_made: u32,
        waited: Duration,
    ) -> Option<Duration> {
        if attempts_made >= self.max_attempts || !error.is_retryable() {
            return None;
        }
        if !self.retry_non_idempotent && !is_idempotent(method) {
            return None;
        }
        let delay = error
            .server_requested_wait()
            .unwrap_or_else(|| self.backoff(attempts_made.saturating_sub(1)));
        match waited.checked_add(delay) {
            Some(total) if total <= self.max_total_wait => Some(delay),
            _ => None,
        }
    }

    /// The exponential backoff before retry number `retry` (0-based).
    fn backoff(&self, retry: u32) -> Duration {
        let factor = 2u32.saturating_pow(retry.min(31));
        let delay = self
            .initial_backoff
            .checked_mul(factor)
            .unwrap_or(self.max_backoff)
            .min(self.max_backoff);
        if !self.jitter {
            return delay;
        }
        let half = delay / 2;
        let spread = u64::try_from((delay - half).as_nanos()).unwrap_or(u64::MAX);
        let extra = if spread == 0 {
            0
        } else {
            random_u64() % spread
        };
        half + Duration::from_nanos(extra)
    }
}

fn is_idempotent(method: &Method) -> bool {
    [
        Method::GET,
        Method::HEAD,
        Method::PUT,
        Method::DELETE,
        Method::OPTIONS,
        Method::TRACE,
    ]
    .contains(method)
}

/// A pseudo-random number from the std hasher's random keys, a counter and the clock.
fn random_u64() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    hasher.write_u128(nanos);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::super::error_mapping::from_response;
    use super::*;
    use reqwest::StatusCode;
    use reqwest::header::{HeaderMap, HeaderValue};

    fn bad_gateway() -> Error {
        from_response(StatusCode::BAD_GATEWAY, &HeaderMap::new(), b"")
    }

    #[test]
    fn backoff_is_exponential_and_capped() {
        let policy = RetryPolicy::default()
            .jitter(false)
            .initial_backoff(Duration::from_millis(100))
            .max_backoff(Duration::from_millis(350));
        assert_eq!(policy.backoff(0), Duration::from_millis(100));
        assert_eq!(policy.backoff(1), Duration::from_millis(200));
        assert_eq!(policy.backoff(2), Duration::from_millis(350));
        assert_eq!(policy.backoff(100), Duration::from_millis(350));
        let jittered = RetryPolicy::default().initial_backoff(Duration::from_millis(100));
        for _ in 0..100 {
            let d = jittered.backoff(0);
            assert!(d >= Duration::from_millis(50) && d <= Duration::from_millis(100));
        }
    }

    #[test]
    fn decisions() {
        let policy = RetryPolicy::default().jitter(false);
        let err = bad_gateway();
        assert_eq!(
            policy.next_delay(&Method::GET, &err, 1, Duration::ZERO),
            Some(Duration::from_millis(500))
        );
        assert_eq!(
            policy.next_delay(&Method::GET, &err, 3, Duration::ZERO),
            None
        );
        assert_eq!(
            policy.next_delay(&Method::POST, &err, 1, Duration::ZERO),
            None
        );
        assert!(
            policy
                .clone()
                .retry_non_idempotent(true)
                .next_delay(&Method::POST, &err, 1, Duration::ZERO)
                .is_some()
        );
        assert_eq!(
            policy.next_delay(&Method::GET, &err, 1, Duration::from_secs(60)),
            None
        );
        let not_found = from_response(StatusCode::NOT_FOUND, &HeaderMap::new(), b"");
        assert_eq!(
            policy.next_delay(&Method::GET, &not_found, 1, Duration::ZERO),
            None
        );
        assert_eq!(
            RetryPolicy::none().next_delay(&Method::GET, &err, 1, Duration::ZERO),
            None
        );

        let mut headers = HeaderMap::new();
        headers.insert("retry-after", HeaderValue::from_static("5"));
        let limited = from_response(StatusCode::TOO_MANY_REQUESTS, &headers, b"");
        assert_eq!(
            policy.next_delay(&Method::GET, &limited, 1, Duration::ZERO),
            Some(Duration::from_secs(5))
        );
        headers.insert("retry-after", HeaderValue::from_static("61"));
        let limited = from_response(StatusCode::TOO_MANY_REQUESTS, &headers, b"");
        assert_eq!(
            policy.next_delay(&Method::GET, &limited, 1, Duration::ZERO),
            None
        );
    }
}
