//! Benchmark 4, request overhead: 1,000 GETs of one runner against a local server on 127.0.0.1, through
//! the generated client and through a plain reqwest call that builds the same request (same
//! headers, same decoding into the generated `Runner`) by hand, in the same run. Every response
//! carries an `ETag` that never matches: the generated client's response cache misses every time.
//! Run with `cargo bench -p github-runners --bench request`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use github_runners::{Client, Runner, RunnerId};
use reqwest::header::{ACCEPT, AUTHORIZATION, USER_AGENT};
use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

const REQUESTS: u64 = 1_000;
const TOKEN: &str = "ghp_benchmarktoken0000000000000000000000";

fn request(c: &mut Criterion) {
    // GitHub sends an `ETag` with every GET: the client stores each response and sends
    // `If-None-Match` on the next one, which this server ignores (always 200), so every
    // request pays the response cache's full cost: a miss (lookup, header, store).
    let response = Arc::new(common::http_response(
        &common::runner(),
        "etag: \"bench-runner-1\"\r\n",
    ));
    let port = common::serve(|_| move |_: &str| Arc::clone(&response));
    let base = format!("http://127.0.0.1:{port}");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();

    let client = Client::builder()
        .base_url(&base)
        .token(TOKEN)
        .build()
        .unwrap();
    let plain = reqwest::Client::new();
    let url = format!("{base}/orgs/octo-org/actions/runners/1");

    // Side by side on a busy machine: rounds of 1,000 GETs each way, alternating which goes
    // first; the median per-request time of each and their ratio are printed.
    let by_hand = || async {
        let started = Instant::now();
        for _ in 0..REQUESTS {
            black_box(by_hand_get(&plain, &url).await);
        }
        started.elapsed()
    };
    let generated = || async {
        let started = Instant::now();
        for _ in 0..REQUESTS {
            black_box(generated_get(&client).await);
        }
        started.elapsed()
    };
    let (mut hand_times, mut client_times) = (Vec::new(), Vec::new());
    runtime.block_on(async {
        for round in 0..20 {
            if round % 2 == 0 {
                hand_times.push(by_hand().await);
                client_times.push(generated().await);
            } else {
                client_times.push(generated().await);
                hand_times.push(by_hand().await);
            }
        }
    });
    let (hand, generated) = (median(&mut hand_times), median(&mut client_times));
    println!(
        "paired, 20 rounds of {REQUESTS} GETs: reqwest by hand {:.1} µs/request, generated client {:.1} µs/request, ratio {:.3}",
        hand.as_secs_f64() * 1e6 / REQUESTS as f64,
        generated.as_secs_f64() * 1e6 / REQUESTS as f64,
        generated.as_secs_f64() / hand.as_secs_f64()
    );

    let mut group = c.benchmark_group("request/get-runner-x1000");
    group.throughput(Throughput::Elements(REQUESTS));
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(15));
    group.bench_function("reqwest by hand", |b| {
        b.iter_custom(|iters| {
            runtime.block_on(async {
                let started = Instant::now();
                for _ in 0..iters * REQUESTS {
                    black_box(by_hand_get(&plain, &url).await);
                }
                started.elapsed()
            })
        })
    });
    group.bench_function("generated client", |b| {
        b.iter_custom(|iters| {
            runtime.block_on(async {
                let started = Instant::now();
                for _ in 0..iters * REQUESTS {
                    black_box(generated_get(&client).await);
                }
                started.elapsed()
            })
        })
    });
    group.finish();
}

/// The request the generated client sends, built by hand with reqwest.
async fn by_hand_get(plain: &reqwest::Client, url: &str) -> Runner {
    let response = plain
        .get(url)
        .header(ACCEPT, "application/vnd.github+json")
        .header("x-github-api-version", "2022-11-28")
        .header(USER_AGENT, "github-runners-rust/0.1.0")
        .header(AUTHORIZATION, format!("Bearer {TOKEN}"))
        .send()
        .await
        .unwrap()
        .error_for_status()
        .unwrap();
    let body = response.bytes().await.unwrap();
    serde_json::from_slice::<Runner>(&body).unwrap()
}

async fn generated_get(client: &Client) -> Runner {
    client
        .get_self_hosted_runner_for_org("octo-org", RunnerId(1))
        .send()
        .await
        .unwrap()
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

criterion_group!(benches, request);
criterion_main!(benches);
