//! What the runtime tells `tracing`: one span per call with its outcome, and no secret.
//!
//! These tests live in a test binary of their own, and each installs its recorder before
//! anything else, because `tracing` caches per call site whether anyone listens. A call site
//! first reached by another test thread while no recorder existed could stay cached as
//! "never", and the span would silently go unrecorded. Here no call site of the runtime is
//! reached before a recorder exists.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use github_runners_runtime::{RawClient, Request, RetryPolicy, path_segment};
use reqwest::Method;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

mod support;
use support::{EXCHANGE_PATH, app_client, authorizations, get, mount_exchange, ok_for_any_get};

/// Records spans, field updates and events as one line of text each.
#[derive(Default, Clone)]
struct Recorder(Arc<Mutex<Vec<String>>>);

impl Recorder {
    /// Installs a fresh recorder for this thread; it records until the guard drops.
    fn install() -> (Self, tracing::dispatcher::DefaultGuard) {
        let recorder = Recorder::default();
        let guard = tracing::dispatcher::set_default(&tracing::Dispatch::new(recorder.clone()));
        (recorder, guard)
    }

    fn text(&self) -> String {
        self.0.lock().unwrap().join("\n")
    }

    fn push(&self, line: String) -> usize {
        let mut lines = self.0.lock().unwrap();
        lines.push(line);
        lines.len()
    }
}

struct Fields<'a>(&'a mut String);

impl tracing::field::Visit for Fields<'_> {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        self.0.push_str(&format!("{}={:?} ", field.name(), value));
    }
}

impl tracing::Subscriber for Recorder {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, span: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        let mut line = format!("span {} ", span.metadata().name());
        span.record(&mut Fields(&mut line));
        tracing::span::Id::from_u64(self.push(line) as u64)
    }

    fn record(&self, _: &tracing::span::Id, values: &tracing::span::Record<'_>) {
        let mut line = String::from("record ");
        values.record(&mut Fields(&mut line));
        self.push(line);
    }

    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}

    fn event(&self, event: &tracing::Event<'_>) {
        let mut line = String::from("event ");
        event.record(&mut Fields(&mut line));
        self.push(line);
    }

    fn enter(&self, _: &tracing::span::Id) {}

    fn exit(&self, _: &tracing::span::Id) {}
}

#[tokio::test]
async fn one_span_per_call_with_its_outcome_and_without_secrets() {
    let (recorder, _guard) = Recorder::install();
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(502))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).insert_header("x-github-request-id", "REQ-9"))
        .mount(&server)
        .await;
    let client = RawClient::builder()
        .base_url(server.uri())
        .token("ghp_secret_token")
        .retry_policy(
            RetryPolicy::default()
                .initial_backoff(Duration::from_millis(1))
                .max_backoff(Duration::from_millis(5)),
        )
        .build()
        .unwrap();
    let request = Request::new(
        Method::GET,
        "/orgs/{org}/actions/runners",
        format!("/orgs/{}/actions/runners", path_segment("o")),
    )
    .query("secret_query", "query-value-xyz")
    .json(&serde_json::json!({"body": "body-value-xyz"}))
    .unwrap();
    client.execute(request).await.unwrap();

    let lines = recorder.text();
    assert_eq!(lines.matches("span github_request").count(), 1, "{lines}");
    for expected in [
        "path=\"/orgs/{org}/actions/runners\"",
        "method=GET",
        "status=200",
        "retries=1",
        "request_id=\"REQ-9\"",
        "duration_ms=",
        "retrying GitHub request",
    ] {
        assert!(lines.contains(expected), "{expected} missing from {lines}");
    }
    for secret in ["ghp_secret_token", "query-value-xyz", "body-value-xyz"] {
        assert!(!lines.contains(secret), "{secret} in {lines}");
    }
}

#[tokio::test]
async fn no_app_secret_reaches_tracing() {
    let (recorder, _guard) = Recorder::install();
    let server = MockServer::start().await;
    mount_exchange(&server, 0).await;
    Mock::given(wiremock::matchers::path("/refused"))
        .respond_with(ResponseTemplate::new(401))
        .with_priority(1)
        .mount(&server)
        .await;
    ok_for_any_get(&server).await;
    let installation = app_client(&server).installation(42).unwrap();
    installation.execute(get("/x")).await.unwrap();
    installation.execute(get("/refused")).await.unwrap_err();

    let recorded = recorder.text();
    assert!(recorded.contains("span github_request"), "{recorded}");
    assert!(
        recorded.contains("/app/installations/{installation_id}/access_tokens"),
        "{recorded}"
    );
    let jwt = authorizations(&server, EXCHANGE_PATH).await.remove(0);
    let key_body = support::APP_KEY.lines().nth(1).unwrap();
    for secret in [key_body, "ghs_", &jwt["Bearer ".len()..]] {
        assert!(!recorded.contains(secret), "{secret} in {recorded}");
    }
}
