//! Faults a test injects: the next N requests (to one path, or to any) answer a 500 or 502
//! with an HTML body, hit a secondary rate limit, are delayed, or lose their connection;
//! or a runner changes state or disappears just as the request arrives (a race a client must survive,
//! such as a runner picking up a job between the list and the delete).

use std::time::Duration;

use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use github_runners::RunnerId;

use crate::error::ApiFailure;
use crate::world::RunnerState;

/// What an injected fault does to a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FaultKind {
    /// Answer this status (500, 502, …) with an HTML body, as a proxy in front of GitHub does.
    ServerError(u16),
    /// Answer GitHub's secondary rate limit: 403 (or 429), its message, `retry-after`.
    SecondaryRateLimit {
        /// The `retry-after` value, in seconds.
        retry_after: u64,
        /// The status: 403 or 429 (GitHub answers either).
        status: u16,
    },
    /// Wait this long, then answer normally.
    Delay(Duration),
    /// Close the connection without answering.
    DropConnection,
    /// Remove a runner (someone else deleted it), then answer normally.
    RunnerRemoved(RunnerId),
    /// Set a runner online, busy or offline, then answer normally.
    RunnerTurns {
        /// The runner.
        runner: RunnerId,
        /// Its new state.
        state: RunnerState,
    },
}

/// A fault for the next `times` requests matching `path` (any path when `None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    kind: FaultKind,
    path: Option<String>,
    times: usize,
}

impl Fault {
    /// A fault of `kind` for the next request to any path.
    pub fn new(kind: FaultKind) -> Fault {
        Fault {
            kind,
            path: None,
            times: 1,
        }
    }

    /// `500 Internal Server Error` with an HTML body.
    pub fn internal_server_error() -> Fault {
        Fault::new(FaultKind::ServerError(500))
    }

    /// `502 Bad Gateway` with an HTML body.
    pub fn bad_gateway() -> Fault {
        Fault::new(FaultKind::ServerError(502))
    }

    /// A secondary rate limit asking to retry after `retry_after` seconds.
    pub fn secondary_rate_limit(retry_after: u64) -> Fault {
        Fault::new(FaultKind::SecondaryRateLimit {
            retry_after,
            status: 403,
        })
    }

    /// A secondary rate limit answered with `429 Too Many Requests`.
    pub fn too_many_requests(retry_after: u64) -> Fault {
        Fault::new(FaultKind::SecondaryRateLimit {
            retry_after,
            status: 429,
        })
    }

    /// A delay before the normal answer.
    pub fn delay(delay: Duration) -> Fault {
        Fault::new(FaultKind::Delay(delay))
    }

    /// The connection is closed without an answer.
    pub fn drop_connection() -> Fault {
        Fault::new(FaultKind::DropConnection)
    }

    /// The runner turns `state` (e.g. busy: it picked up a job) just before the request
    /// is answered.
    pub fn runner_turns(runner: RunnerId, state: RunnerState) -> Fault {
        Fault::new(FaultKind::RunnerTurns { runner, state })
    }

    /// The runner is removed (by someone else) just before the request is answered.
    pub fn runner_removed(runner: RunnerId) -> Fault {
        Fault::new(FaultKind::RunnerRemoved(runner))
    }

    /// Only requests to this path (without the query, e.g. `/orgs/octo-org/actions/runners`).
    pub fn on_path(mut self, path: &str) -> Fault {
        self.path = Some(path.to_owned());
        self
    }

    /// For the next `times` matching requests instead of one.
    pub fn times(mut self, times: usize) -> Fault {
        self.times = times;
        self
    }
}

/// The faults waiting for requests, in the order they were injected.
#[derive(Debug, Default)]
pub(crate) struct Faults {
    pending: Vec<Fault>,
}

impl Faults {
    /// Adds a fault.
    pub(crate) fn inject(&mut self, fault: Fault) {
        if fault.times > 0 {
            self.pending.push(fault);
        }
    }

    /// The fault that applies to a request to `path`, used up by one.
    pub(crate) fn take(&mut self, path: &str) -> Option<FaultKind> {
        let index = self
            .pending
            .iter()
            .position(|fault| fault.path.as_deref().is_none_or(|p| p == path))?;
        let fault = &mut self.pending[index];
        fault.times -= 1;
        let kind = fault.kind.clone();
        if fault.times == 0 {
            self.pending.remove(index);
        }
        Some(kind)
    }
}

/// The answer of a server error fault: an HTML page, as a proxy or load balancer sends it.
pub(crate) fn server_error(status: u16) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
    let reason = status.canonical_reason().unwrap_or("Error");
    let html = format!(
        "<html><head><title>{code} {reason}</title></head><body><h1>{code} {reason}</h1>\
         <p>The server encountered a temporary error. Please try again.</p></body></html>",
        code = status.as_u16()
    );
    let mut response = (status, html).into_response();
    response.headers_mut().insert(
        "content-type",
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

/// The answer of a secondary rate limit, as GitHub words it.
pub(crate) fn secondary_rate_limit(retry_after: u64, status: u16) -> Response {
    let mut failure = ApiFailure::new(
        StatusCode::from_u16(status).unwrap_or(StatusCode::FORBIDDEN),
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
    )
    .with_header("retry-after", retry_after);
    failure.documentation_url = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits";
    failure.into_response()
}
