//! Conditional requests through the generated client, against a mock server that behaves like
//! GitHub (an `ETag` on every 200, `304 Not Modified` for a matching `If-None-Match`, only 200s
//! counted against the rate limit): polling an unchanged list, and streaming pages.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a failed expectation fails the test"
)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use futures::StreamExt as _;
use github_runners::{Client, RunnerId};
use github_runners_tests::example;
use serde_json::{Value, json};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, Respond, ResponseTemplate};

/// Runner pages of two runners each, three pages; the `ETag` names the page.
struct RunnerPages {
    base: String,
    counted: Arc<AtomicU64>,
}

impl Respond for RunnerPages {
    fn respond(&self, request: &wiremock::Request) -> ResponseTemplate {
        let page: u64 = request
            .url
            .query_pairs()
            .find(|(name, _)| name == "page")
            .and_then(|(_, value)| value.parse().ok())
            .unwrap_or(1);
        let etag = format!("\"page-{page}\"");
        let unchanged = request
            .headers
            .get("if-none-match")
            .is_some_and(|value| value.as_bytes() == etag.as_bytes());
        let counted = if unchanged {
            self.counted.load(Ordering::SeqCst)
        } else {
            self.counted.fetch_add(1, Ordering::SeqCst) + 1
        };
        let link = |p: u64, rel: &str| {
            format!(
                "<{}/orgs/octo-org/actions/runners?per_page=2&page={p}>; rel=\"{rel}\"",
                self.base
            )
        };
        let mut links = vec![link(3, "last")];
        if page < 3 {
            links.push(link(page + 1, "next"));
        }
        let template = if unchanged {
            ResponseTemplate::new(304)
        } else {
            let runners: Vec<Value> = (1..=2)
                .map(|offset| {
                    let mut runner = example("runner");
                    runner["id"] = json!((page - 1) * 2 + offset);
                    runner
                })
                .collect();
            ResponseTemplate::new(200)
                .set_body_json(json!({"total_count": 6, "runners": runners}))
                .insert_header("link", links.join(", "))
        };
        template
            .insert_header("etag", etag.as_str())
            .insert_header("x-ratelimit-limit", "5000")
            .insert_header(
                "x-ratelimit-remaining",
                (5000 - counted).to_string().as_str(),
            )
    }
}

async fn github_like() -> (MockServer, Arc<AtomicU64>) {
    let server = MockServer::start().await;
    let counted = Arc::new(AtomicU64::new(0));
    Mock::given(method("GET"))
        .respond_with(RunnerPages {
            base: server.uri(),
            counted: Arc::clone(&counted),
        })
        .mount(&server)
        .await;
    (server, counted)
}

#[tokio::test]
async fn polling_an_unchanged_list_a_thousand_times_costs_one_request() {
    let (server, counted) = github_like().await;
    let client = Client::builder()
        .base_url(server.uri())
        .token("ghp_poll")
        .build()
        .unwrap();
    let first = client
        .list_self_hosted_runners_for_org("octo-org")
        .per_page(2)
        .await
        .unwrap();
    assert!(!first.not_modified());
    for _ in 0..999 {
        let page = client
            .list_self_hosted_runners_for_org("octo-org")
            .per_page(2)
            .await
            .unwrap();
        assert!(page.not_modified());
        assert_eq!(page.items(), first.items());
        assert_eq!(page.next_page(), Some(2), "the stored Link header");
    }
    assert_eq!(counted.load(Ordering::SeqCst), 1);
    assert_eq!(client.rate_limit().unwrap().remaining, Some(4999));
}

#[tokio::test]
async fn a_stream_over_all_pages_revalidates_page_by_page() {
    let (server, counted) = github_like().await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    for _ in 0..2 {
        let ids: Vec<RunnerId> = client
            .list_self_hosted_runners_for_org("octo-org")
            .per_page(2)
            .stream()
            .map(|runner| runner.unwrap().id)
            .collect()
            .await;
        assert_eq!(ids, (1..=6).map(RunnerId).collect::<Vec<_>>());
    }
    // Three pages fetched once, then three 304s.
    assert_eq!(counted.load(Ordering::SeqCst), 3);
    let conditional: Vec<bool> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|request| request.headers.contains_key("if-none-match"))
        .collect();
    assert_eq!(conditional, [false, false, false, true, true, true]);
}
