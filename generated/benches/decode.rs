//! Benchmark 3, decoding a 100-runner list page and a 100-repository access page through the client's
//! own response path (`RawResponse` → the list builder's `Paginated::decode_page`, which is
//! what `send`/`stream` run) against `serde_json::from_slice` into the same generated type.
//! Both sides start from the same `RawResponse` (made outside the timing) and drop their
//! output outside it. Run with `cargo bench -p github-runners --bench decode`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use github_runners::builders::{
    ListRepoAccessToSelfHostedRunnerGroupInOrg, ListSelfHostedRunnersForOrg,
};
use github_runners::runtime::{Paginated, RawResponse};
use github_runners::{MinimalRepositoryList, RunnerList};
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, HeaderValue};
use std::hint::black_box;
use std::time::Instant;

use url::Url;

fn raw(body: &[u8]) -> RawResponse {
    let mut headers = HeaderMap::new();
    headers.insert(
        "content-type",
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    headers.insert("x-github-request-id", HeaderValue::from_static("BENCH:1"));
    RawResponse::new(
        StatusCode::OK,
        headers,
        body.to_vec(),
        Url::parse("https://api.github.com/orgs/octo-org/actions/runners?per_page=100").unwrap(),
    )
}

/// Side by side on a busy machine: `rounds` alternations of one decode each way from the same
/// response; prints the median time of each and their ratio.
fn paired(
    name: &str,
    rounds: usize,
    response: &RawResponse,
    mut by_serde: impl FnMut(&RawResponse),
    mut by_client: impl FnMut(&RawResponse),
) {
    let (mut serde_times, mut client_times) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let started = Instant::now();
        by_serde(response);
        serde_times.push(started.elapsed());
        let started = Instant::now();
        by_client(response);
        client_times.push(started.elapsed());
    }
    serde_times.sort();
    client_times.sort();
    let (serde, client) = (serde_times[rounds / 2], client_times[rounds / 2]);
    println!(
        "paired {name}, {rounds} rounds: serde_json::from_slice {:.1} µs, client {:.1} µs, ratio {:.3}",
        serde.as_secs_f64() * 1e6,
        client.as_secs_f64() * 1e6,
        client.as_secs_f64() / serde.as_secs_f64()
    );
}

fn decode(c: &mut Criterion) {
    let runners = common::runner_page(100, 1, 100);
    let repositories = common::repository_page(100);
    paired(
        "runners-100",
        2_000,
        &raw(&runners),
        |r| {
            drop(black_box(
                serde_json::from_slice::<RunnerList>(r.body()).unwrap(),
            ))
        },
        |r| {
            drop(black_box(
                ListSelfHostedRunnersForOrg::decode_page(r).unwrap(),
            ))
        },
    );
    paired(
        "repositories-100",
        300,
        &raw(&repositories),
        |r| {
            drop(black_box(
                serde_json::from_slice::<MinimalRepositoryList>(r.body()).unwrap(),
            ))
        },
        |r| {
            drop(black_box(
                ListRepoAccessToSelfHostedRunnerGroupInOrg::decode_page(r).unwrap(),
            ))
        },
    );

    let mut group = c.benchmark_group("decode/runners-100");
    group.throughput(Throughput::Bytes(runners.len() as u64));
    group.bench_function("serde_json::from_slice", |b| {
        b.iter_batched_ref(
            || raw(&runners),
            |response| serde_json::from_slice::<RunnerList>(black_box(response.body())).unwrap(),
            BatchSize::SmallInput,
        )
    });
    group.bench_function("client", |b| {
        b.iter_batched_ref(
            || raw(&runners),
            |response| ListSelfHostedRunnersForOrg::decode_page(black_box(response)).unwrap(),
            BatchSize::SmallInput,
        )
    });
    group.finish();

    let mut group = c.benchmark_group("decode/repositories-100");
    group.throughput(Throughput::Bytes(repositories.len() as u64));
    group.bench_function("serde_json::from_slice", |b| {
        b.iter_batched_ref(
            || raw(&repositories),
            |response| {
                serde_json::from_slice::<MinimalRepositoryList>(black_box(response.body())).unwrap()
            },
            BatchSize::SmallInput,
        )
    });
    group.bench_function("client", |b| {
        b.iter_batched_ref(
            || raw(&repositories),
            |response| {
                ListRepoAccessToSelfHostedRunnerGroupInOrg::decode_page(black_box(response))
                    .unwrap()
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, decode);
criterion_main!(benches);
