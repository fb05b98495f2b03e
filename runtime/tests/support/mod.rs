//! Helpers shared by the test binaries that drive a GitHub App client against wiremock:
//! the test key, an installation-token exchange, and request inspection.
//!
//! Each test binary compiles this module on its own and uses part of it, hence the
//! `dead_code` allowance.

#![allow(dead_code, clippy::unwrap_used)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use chrono::{TimeDelta, Utc};
use github_runners_runtime::{RawClient, Request, RetryPolicy};
use reqwest::Method;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Respond, ResponseTemplate};

/// The test app's private key (PKCS#1).
pub const APP_KEY: &str = include_str!("../fixtures/test-app-key.pem");
/// The exchange path of installation 42.
pub const EXCHANGE_PATH: &str = "/app/installations/42/access_tokens";

/// Answers token exchanges with `ghs_1`, `ghs_2`, …; the first `short_lived` tokens
/// expire in two minutes (inside the renewal margin), the others in an hour.
pub struct Exchanges {
    count: Arc<AtomicUsize>,
    short_lived: usize,
}

impl Respond for Exchanges {
    fn respond(&self, _: &wiremock::Request) -> ResponseTemplate {
        let n = self.count.fetch_add(1, Ordering::SeqCst) + 1;
        let lifetime = if n <= self.short_lived {
            TimeDelta::minutes(2)
        } else {
            TimeDelta::hours(1)
        };
        ResponseTemplate::new(201)
            .set_body_json(json!({
                "token": format!("ghs_{n}"),
                "expires_at": (Utc::now() + lifetime).to_rfc3339(),
                "permissions": {"organization_self_hosted_runners": "write"},
                "repository_selection": "all"
            }))
            // Long enough that concurrent requests overlap with the exchange.
            .set_delay(Duration::from_millis(100))
    }
}

/// Mounts the exchange for installation 42 (requiring a JWT) and returns its counter.
pub async fn mount_exchange(server: &MockServer, short_lived: usize) -> Arc<AtomicUsize> {
    let count = Arc::new(AtomicUsize::new(0));
    Mock::given(method("POST"))
        .and(path(EXCHANGE_PATH))
        .respond_with(Exchanges {
            count: Arc::clone(&count),
            short_lived,
        })
        .mount(server)
        .await;
    count
}

pub fn app_client(server: &MockServer) -> RawClient {
    RawClient::builder()
        .base_url(server.uri())
        .github_app(12345, APP_KEY)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap()
}

pub fn get(path: &str) -> Request {
    Request::new(Method::GET, "/test", path.to_owned())
}

/// The `Authorization` values the server received for `path`, in order.
pub async fn authorizations(server: &MockServer, wanted: &str) -> Vec<String> {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|request| request.url.path() == wanted)
        .map(|request| {
            request
                .headers
                .get("authorization")
                .map(|value| value.to_str().unwrap().to_owned())
                .unwrap_or_default()
        })
        .collect()
}
pub async fn ok_for_any_get(server: &MockServer) {
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"ok": true})))
        .mount(server)
        .await;
}
