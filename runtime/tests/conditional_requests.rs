//! Conditional requests against a mock server that behaves like GitHub: every GET answers
//! with an `ETag`, a matching `If-None-Match` gets `304 Not Modified`, and only 200s count
//! against the primary rate limit.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{TimeDelta, Utc};
use github_runners_runtime::{CacheLimits, RawClient, Request};
use reqwest::Method;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Respond, ResponseTemplate};

const LIMIT: u64 = 5000;

/// GitHub's conditional GET: the `ETag` of a path is `"<path>"`; a 200 lowers
/// `x-ratelimit-remaining`, a 304 does not.
#[derive(Clone, Default)]
struct Conditional {
    counted: Arc<AtomicU64>,
}

impl Respond for Conditional {
    fn respond(&self, request: &wiremock::Request) -> ResponseTemplate {
        let etag = format!("\"{}\"", request.url.path());
        let not_modified = request
            .headers
            .get("if-none-match")
            .is_some_and(|value| value.to_str().unwrap() == etag);
        let counted = if not_modified {
            self.counted.load(Ordering::SeqCst)
        } else {
            self.counted.fetch_add(1, Ordering::SeqCst) + 1
        };
        let template = if not_modified {
            ResponseTemplate::new(304)
        } else {
            ResponseTemplate::new(200).set_body_json(json!({"path": request.url.path()}))
        };
        template
            .insert_header("etag", etag.as_str())
            .insert_header("x-ratelimit-limit", LIMIT.to_string().as_str())
            .insert_header(
                "x-ratelimit-remaining",
                (LIMIT - counted).to_string().as_str(),
            )
            .insert_header("x-ratelimit-used", counted.to_string().as_str())
            .insert_header(
                "x-github-request-id",
                if not_modified { "R304" } else { "R200" },
            )
    }
}

async fn github_like() -> (MockServer, Conditional) {
    let server = MockServer::start().await;
    let responder = Conditional::default();
    Mock::given(method("GET"))
        .respond_with(responder.clone())
        .mount(&server)
        .await;
    (server, responder)
}

fn get(path: &str) -> Request {
    Request::new(Method::GET, "/test", path.to_owned())
}

/// The `If-None-Match` of every request the server received, in order (token exchanges
/// left out).
async fn conditions(server: &MockServer) -> Vec<Option<String>> {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|request| request.method.as_str() != "POST")
        .map(|request| {
            request
                .headers
                .get("if-none-match")
                .map(|value| value.to_str().unwrap().to_owned())
        })
        .collect()
}

#[tokio::test]
async fn an_unchanged_resource_is_served_from_the_cache_and_costs_nothing() {
    let (server, responder) = github_like().await;
    let client = RawClient::builder()
        .base_url(server.uri())
        .token("ghp_a")
        .build()
        .unwrap();
    let first = client.execute(get("/runners")).await.unwrap();
    assert!(!first.not_modified());
    let remaining = client.rate_limit().unwrap().remaining;
    assert_eq!(remaining, Some(LIMIT - 1));

    let second = client.execute(get("/runners")).await.unwrap();
    assert!(second.not_modified());
    assert_eq!(second.status().as_u16(), 200);
    assert_eq!(
        second.json::<serde_json::Value>().unwrap(),
        json!({"path": "/runners"})
    );
    // The 304's own headers win: the request id is the revalidation's.
    assert_eq!(second.request_id(), Some("R304"));
    assert_eq!(client.rate_limit().unwrap().remaining, remaining);
    assert_eq!(responder.counted.load(Ordering::SeqCst), 1);
    assert_eq!(
        conditions(&server).await,
        [None, Some("\"/runners\"".to_owned())]
    );
}

#[tokio::test]
async fn two_credentials_never_share_an_entry() {
    let (server, _) = github_like().await;
    for installation in [1, 2] {
        let token = json!({
            "token": format!("ghs_{installation}"),
            "expires_at": (Utc::now() + TimeDelta::hours(1)).to_rfc3339(),
        });
        Mock::given(method("POST"))
            .and(path(format!(
                "/app/installations/{installation}/access_tokens"
            )))
            .respond_with(ResponseTemplate::new(201).set_body_json(token))
            .mount(&server)
            .await;
    }
    let app = RawClient::builder()
        .base_url(server.uri())
        .github_app(7, include_str!("fixtures/test-app-key.pem"))
        .build()
        .unwrap();
    let (one, two) = (app.installation(1).unwrap(), app.installation(2).unwrap());
    one.execute(get("/shared")).await.unwrap();
    assert!(!two.execute(get("/shared")).await.unwrap().not_modified());
    assert!(!app.execute(get("/shared")).await.unwrap().not_modified());
    assert!(one.execute(get("/shared")).await.unwrap().not_modified());
    // A new installation client of the same installation shares its entries.
    assert!(
        app.installation(2)
            .unwrap()
            .execute(get("/shared"))
            .await
            .unwrap()
            .not_modified()
    );
    let etag = Some("\"/shared\"".to_owned());
    assert_eq!(
        conditions(&server).await,
        [None, None, None, etag.clone(), etag]
    );

    // Separately built clients (two tokens) never share a cache.
    let a = RawClient::builder()
        .base_url(server.uri())
        .token("ghp_a")
        .build()
        .unwrap();
    let b = RawClient::builder()
        .base_url(server.uri())
        .token("ghp_b")
        .build()
        .unwrap();
    a.execute(get("/tokens")).await.unwrap();
    assert!(!b.execute(get("/tokens")).await.unwrap().not_modified());
}

#[tokio::test]
async fn the_bound_holds_and_the_cache_can_be_turned_off() {
    let (server, _) = github_like().await;
    let client = RawClient::builder()
        .base_url(server.uri())
        .response_cache(CacheLimits::default().max_entries(1))
        .build()
        .unwrap();
    for path in ["/a", "/b", "/a"] {
        assert!(!client.execute(get(path)).await.unwrap().not_modified());
    }
    assert!(client.execute(get("/a")).await.unwrap().not_modified());
    assert_eq!(
        conditions(&server).await,
        [None, None, None, Some("\"/a\"".to_owned())]
    );

    let (server, responder) = github_like().await;
    let client = RawClient::builder()
        .base_url(server.uri())
        .without_response_cache()
        .build()
        .unwrap();
    for _ in 0..3 {
        assert!(!client.execute(get("/a")).await.unwrap().not_modified());
    }
    assert_eq!(conditions(&server).await, [None, None, None]);
    assert_eq!(responder.counted.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn only_gets_are_conditional_and_a_changed_resource_replaces_the_entry() {
    let server = MockServer::start().await;
    // The resource changes after the first GET: new ETag, new body.
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("etag", "\"v1\"")
                .set_body_json(json!({"v": 1})),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("etag", "\"v2\"")
                .set_body_json(json!({"v": 2})),
        )
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = RawClient::builder().base_url(server.uri()).build().unwrap();
    client.execute(get("/r")).await.unwrap();
    let changed = client.execute(get("/r")).await.unwrap();
    assert!(!changed.not_modified());
    assert_eq!(
        changed.json::<serde_json::Value>().unwrap(),
        json!({"v": 2})
    );
    client.execute(get("/r")).await.unwrap();
    client
        .execute(Request::new(Method::DELETE, "/test", "/r".to_owned()))
        .await
        .unwrap();
    assert_eq!(
        conditions(&server).await,
        [
            None,
            Some("\"v1\"".to_owned()),
            Some("\"v2\"".to_owned()),
            None
        ]
    );
}
