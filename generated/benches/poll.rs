//! Benchmark 7, polling: one unchanged list of runners polled 1,000 times, with the response
//! cache (conditional requests) and without it, against a local server that behaves like
//! GitHub (an `ETag` on every 200, `304 Not Modified` for a matching `If-None-Match`, and only
//! 200s counted against the rate limit). Prints how many polls counted against the limit and
//! the time per poll. Run with `cargo bench -p github-runners --bench poll`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use github_runners::Client;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, Respond, ResponseTemplate};

const POLLS: u64 = 1_000;
const ETAG: &str = "\"runners-v1\"";

/// A 200 (counted) with the page and its `ETag`, or a 304 (not counted) when the client
/// already has it.
struct GithubLike {
    page: Vec<u8>,
    counted: Arc<AtomicU64>,
}

impl Respond for GithubLike {
    fn respond(&self, request: &wiremock::Request) -> ResponseTemplate {
        let unchanged = request
            .headers
            .get("if-none-match")
            .is_some_and(|value| value.as_bytes() == ETAG.as_bytes());
        let counted = if unchanged {
            self.counted.load(Ordering::SeqCst)
        } else {
            self.counted.fetch_add(1, Ordering::SeqCst) + 1
        };
        let template = if unchanged {
            ResponseTemplate::new(304)
        } else {
            ResponseTemplate::new(200).set_body_raw(self.page.clone(), "application/json")
        };
        template
            .insert_header("etag", ETAG)
            .insert_header("x-ratelimit-limit", "5000")
            .insert_header(
                "x-ratelimit-remaining",
                (5000 - counted).to_string().as_str(),
            )
    }
}

/// Polls the list `POLLS` times; returns the polls counted by the server, the polls the
/// client saw as not modified, and the time per poll in microseconds.
async fn poll(client: &Client, counted: &AtomicU64) -> (u64, u64, f64) {
    let before = counted.load(Ordering::SeqCst);
    let mut not_modified = 0;
    let started = Instant::now();
    for _ in 0..POLLS {
        let page = client
            .list_self_hosted_runners_for_org("octo-org")
            .per_page(100)
            .await
            .unwrap();
        assert_eq!(page.len(), 100);
        not_modified += u64::from(page.not_modified());
    }
    let micros = started.elapsed().as_secs_f64() * 1e6 / POLLS as f64;
    (
        counted.load(Ordering::SeqCst) - before,
        not_modified,
        micros,
    )
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let server = MockServer::start().await;
        let counted = Arc::new(AtomicU64::new(0));
        Mock::given(method("GET"))
            .respond_with(GithubLike {
                page: common::runner_page(100, 1, 100),
                counted: Arc::clone(&counted),
            })
            .mount(&server)
            .await;
        let cached = Client::builder()
            .base_url(server.uri())
            .token("ghp_bench")
            .build()
            .unwrap();
        let uncached = Client::builder()
            .base_url(server.uri())
            .token("ghp_bench")
            .without_response_cache()
            .build()
            .unwrap();
        for (name, client) in [("response cache on (default)", &cached), ("response cache off", &uncached)] {
            let (counted, not_modified, micros) = poll(client, &counted).await;
            let remaining = client.rate_limit().and_then(|limit| limit.remaining);
            println!(
                "{name}: {POLLS} polls of a 100-runner page, {counted} counted against the rate limit \
                 ({not_modified} answered 304 Not Modified), x-ratelimit-remaining {remaining:?}, {micros:.0} µs/poll"
            );
        }
    });
}
