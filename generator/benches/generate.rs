//! Generation speed (load + generate against load alone) and its scaling with the number of
//! operations. Run with `cargo bench -p github-runners-codegen --bench generate`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod synth;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

/// Benchmark 1, the curated spec: load only (serde_yaml → openapiv3) and the whole generation.
fn generation(c: &mut Criterion) {
    let spec = synth::CURATED;
    let mut group = c.benchmark_group("generation");
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("load", |b| {
        b.iter(|| {
            github_runners_codegen::load_spec(black_box(spec), "github-runners.yaml").unwrap()
        })
    });
    group.bench_function("load+generate", |b| {
        b.iter(|| github_runners_codegen::generate(black_box(spec), "github-runners.yaml").unwrap())
    });
    group.finish();
}

/// Benchmark 2, synthetic specs of 45, 450 and 4,500 operations; the throughput line is operations/s.
fn scaling(c: &mut Criterion) {
    let per_copy = synth::operation_count(synth::CURATED);
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    for copies in [1, 10, 100] {
        let spec = synth::replicate(synth::CURATED, copies);
        let operations = per_copy * copies;
        group.throughput(Throughput::Elements(operations as u64));
        group.bench_with_input(BenchmarkId::new("load", operations), &spec, |b, spec| {
            b.iter(|| github_runners_codegen::load_spec(black_box(spec), "synthetic.yaml").unwrap())
        });
        group.bench_with_input(
            BenchmarkId::new("load+generate", operations),
            &spec,
            |b, spec| {
                b.iter(|| {
                    github_runners_codegen::generate(black_box(spec), "synthetic.yaml").unwrap()
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, generation, scaling);
criterion_main!(benches);
