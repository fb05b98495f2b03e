//! What the fake costs: requests per second it serves for a 100-runner list page, and the
//! heap its world holds for 10,000 runners.
//!
//! ```text
//! cargo bench -p github-runners-fake --bench serve
//! ```
//!
//! Not a criterion bench: it prints its figures. The load generator (reqwest, reading the
//! body as bytes without decoding it) runs in the same process and shares the CPU with the
//! fake, so the figure is what one machine serves to itself, as in a user's test.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use github_runners_fake::{FakeGitHub, Scope, Seed};
use peak_alloc::PeakAlloc;

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

const RUNNERS: usize = 10_000;
const REQUESTS: usize = 4_000;
const ROUNDS: usize = 5;

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let mut seed = Seed::empty();
        seed.organizations.push("bench-org".to_owned());
        let before = HEAP.current_usage();
        // An unlimited budget: the bench sends more than the 5,000 requests of an hour.
        let fake = FakeGitHub::builder()
            .seed(seed)
            .rate_limit(u64::MAX)
            .start()
            .await
            .unwrap();
        let empty = HEAP.current_usage();
        for n in 0..RUNNERS {
            fake.add_runner(Scope::org("bench-org"), &format!("runner-{n:05}"), &["gpu"])
                .unwrap();
        }
        let full = HEAP.current_usage();
        println!(
            "memory: empty fake {:.1} KiB; {RUNNERS} runners add {:.1} KiB ({} bytes per runner)",
            (empty - before) as f64 / 1024.0,
            (full - empty) as f64 / 1024.0,
            (full - empty) / RUNNERS
        );

        let url = format!("{}/orgs/bench-org/actions/runners?per_page=100&page=3", fake.url());
        let http = reqwest::Client::builder().no_proxy().build().unwrap();
        let body = http.get(&url).bearer_auth("bench").send().await.unwrap().bytes().await.unwrap();
        println!("page: 100 runners, {} bytes of JSON", body.len());
        for concurrency in [1, 8] {
            let mut rates: Vec<f64> = Vec::new();
            for _ in 0..ROUNDS {
                let elapsed = run(&http, &url, concurrency).await;
                rates.push(REQUESTS as f64 / elapsed.as_secs_f64());
            }
            rates.sort_by(f64::total_cmp);
            println!(
                "throughput, {concurrency} connection(s): median {:.0} requests/s (min {:.0}, max {:.0}; {ROUNDS} rounds of {REQUESTS})",
                rates[ROUNDS / 2],
                rates[0],
                rates[ROUNDS - 1]
            );
        }
        fake.shutdown().await;
    });
}

/// Sends `REQUESTS` GETs of the page over `concurrency` connections; the wall time.
async fn run(http: &reqwest::Client, url: &str, concurrency: usize) -> Duration {
    let start = Instant::now();
    let workers: Vec<_> = (0..concurrency)
        .map(|_| {
            let http = http.clone();
            let url = url.to_owned();
            tokio::spawn(async move {
                for _ in 0..REQUESTS / concurrency {
                    let response = http.get(&url).bearer_auth("bench").send().await.unwrap();
                    assert!(response.status().is_success());
                    response.bytes().await.unwrap();
                }
            })
        })
        .collect();
    for worker in workers {
        worker.await.unwrap();
    }
    start.elapsed()
}
