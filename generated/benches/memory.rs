//! Benchmark 6, memory: streaming 10,000 runners across 100 pages of 100 holds one page at a time. A
//! counting global allocator measures the peak of live heap bytes while streaming 1,000
//! runners (10 pages) and 10,000 runners (100 pages); the figures are printed, and the
//! streaming time is benchmarked. Run with `cargo bench -p github-runners --bench memory`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use futures::StreamExt;
use github_runners::Client;
use peak_alloc::PeakAlloc;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

const PER_PAGE: usize = 100;

/// Serves `/orgs/octo-org/actions/runners?per_page=100&page=N` for N in 1..=pages, each page
/// linking to the next; returns the client's base URL.
fn server(pages: usize) -> String {
    let total = pages * PER_PAGE;
    let port = common::serve(|port| {
        let base =
            format!("http://127.0.0.1:{port}/orgs/octo-org/actions/runners?per_page={PER_PAGE}");
        let responses: HashMap<usize, Arc<Vec<u8>>> = (1..=pages)
            .map(|page| {
                let first_id = ((page - 1) * PER_PAGE + 1) as u64;
                let body = common::runner_page(PER_PAGE, first_id, total);
                let link = if page < pages {
                    format!(
                        "link: <{base}&page={}>; rel=\"next\", <{base}&page={pages}>; rel=\"last\"\r\n",
                        page + 1
                    )
                } else {
                    String::new()
                };
                (page, Arc::new(common::http_response(&body, &link)))
            })
            .collect();
        move |target: &str| {
            let page = target
                .split(['?', '&'])
                .find_map(|pair| pair.strip_prefix("page="))
                .and_then(|n| n.parse().ok())
                .unwrap_or(1);
            Arc::clone(&responses[&page])
        }
    });
    format!("http://127.0.0.1:{port}")
}

async fn stream_all(client: &Client) -> usize {
    let mut runners = client
        .list_self_hosted_runners_for_org("octo-org")
        .per_page(PER_PAGE as i64)
        .stream();
    let mut count = 0;
    while let Some(runner) = runners.next().await {
        std::hint::black_box(runner.unwrap());
        count += 1;
    }
    count
}

/// The peak of live heap bytes above the level before streaming.
fn peak_while_streaming(
    runtime: &tokio::runtime::Runtime,
    client: &Client,
    expected: usize,
) -> usize {
    let before = ALLOCATOR.current_usage();
    ALLOCATOR.reset_peak_usage();
    let count = runtime.block_on(stream_all(client));
    assert_eq!(count, expected);
    ALLOCATOR.peak_usage().saturating_sub(before)
}

fn memory(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let page_bytes = common::runner_page(PER_PAGE, 1, 10_000).len();
    let mut group = c.benchmark_group("stream");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    println!("one page of {PER_PAGE} runners is {page_bytes} bytes of JSON");
    for pages in [10, 100] {
        let client = Client::builder()
            .base_url(server(pages))
            .token("ghp_bench")
            .build()
            .unwrap();
        // Warm up the connection pool, then measure twice; report the larger peak.
        runtime.block_on(stream_all(&client));
        let peak = (0..2)
            .map(|_| peak_while_streaming(&runtime, &client, pages * PER_PAGE))
            .max()
            .unwrap_or(0);
        println!(
            "streaming {} runners over {pages} pages: peak live heap {:.1} KiB above the baseline",
            pages * PER_PAGE,
            peak as f64 / 1024.0
        );
        group.throughput(Throughput::Elements((pages * PER_PAGE) as u64));
        group.bench_function(format!("runners-{}", pages * PER_PAGE), |b| {
            b.iter(|| runtime.block_on(stream_all(&client)))
        });
    }
    group.finish();
}

criterion_group!(benches, memory);
criterion_main!(benches);
