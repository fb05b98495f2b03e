//! Decoding a page of 100 runners into a model whose `Deserialize` is written as the generator
//! writes it (with `github_runners_runtime::fields`) against the same model deriving
//! `Deserialize`: the generated impls must not cost decoding time for what they save in
//! compile time. Prints a **paired** line (rounds that alternate one decode each way), then
//! criterion's figures. Run with `cargo bench -p github-runners-runtime --bench fields`.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use github_runners_runtime::fields::{self, Fields, FromFields};
use serde::Deserialize;
use serde::de::MapAccess;
use std::hint::black_box;
use std::time::Instant;

/// A runner as the generator writes the model.
#[derive(Debug)]
#[allow(dead_code)] // Decoded, never read.
struct Runner {
    id: i64,
    name: String,
    os: String,
    status: String,
    busy: bool,
    ephemeral: Option<bool>,
    runner_group_id: Option<i64>,
    version: Option<String>,
    labels: Vec<Label>,
}

impl<'de> Deserialize<'de> for Runner {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        fields::deserialize(deserializer, "Runner")
    }
}

impl FromFields for Runner {
    fn from_fields<'de, A: MapAccess<'de>>(mut fields: Fields<'de, A>) -> Result<Self, A::Error> {
        let mut id = None;
        let mut name = None;
        let mut os = None;
        let mut status = None;
        let mut busy = None;
        let mut ephemeral = None;
        let mut runner_group_id = None;
        let mut version = None;
        let mut labels = None;
        while let Some(key) = fields.next_key()? {
            match key {
                "id" => fields.value(&mut id)?,
                "name" => fields.value(&mut name)?,
                "os" => fields.value(&mut os)?,
                "status" => fields.value(&mut status)?,
                "busy" => fields.value(&mut busy)?,
                "ephemeral" => fields.value(&mut ephemeral)?,
                "runner_group_id" => fields.value(&mut runner_group_id)?,
                "version" => fields.value(&mut version)?,
                "labels" => fields.value(&mut labels)?,
                _ => fields.skip()?,
            }
        }
        Ok(Self {
            id: fields.required(id, "id")?,
            name: fields.required(name, "name")?,
            os: fields.required(os, "os")?,
            status: fields.required(status, "status")?,
            busy: fields.required(busy, "busy")?,
            ephemeral: ephemeral.flatten(),
            runner_group_id: runner_group_id.flatten(),
            version: version.flatten(),
            labels: fields.required(labels, "labels")?,
        })
    }
}

#[derive(Debug)]
#[allow(dead_code)] // Decoded, never read.
struct Label {
    id: Option<i64>,
    name: String,
    kind: Option<String>,
}

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        fields::deserialize(deserializer, "Label")
    }
}

impl FromFields for Label {
    fn from_fields<'de, A: MapAccess<'de>>(mut fields: Fields<'de, A>) -> Result<Self, A::Error> {
        let mut id = None;
        let mut name = None;
        let mut kind = None;
        while let Some(key) = fields.next_key()? {
            match key {
                "id" => fields.value(&mut id)?,
                "name" => fields.value(&mut name)?,
                "type" => fields.value(&mut kind)?,
                _ => fields.skip()?,
            }
        }
        Ok(Self {
            id: id.flatten(),
            name: fields.required(name, "name")?,
            kind: kind.flatten(),
        })
    }
}

/// The same models, deriving `Deserialize` as the generator did before.
mod derived {
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)] // Decoded, never read.
    pub struct Runner {
        id: i64,
        name: String,
        os: String,
        status: String,
        busy: bool,
        #[serde(default)]
        ephemeral: Option<bool>,
        #[serde(default)]
        runner_group_id: Option<i64>,
        #[serde(default)]
        version: Option<String>,
        labels: Vec<Label>,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)] // Decoded, never read.
    pub struct Label {
        #[serde(default)]
        id: Option<i64>,
        name: String,
        #[serde(default, rename = "type")]
        kind: Option<String>,
    }
}

/// A page of `count` runners as GitHub sends them (with a field neither model knows).
fn page(count: usize) -> Vec<u8> {
    let runners: Vec<serde_json::Value> = (0..count)
        .map(|i| {
            serde_json::json!({
                "id": i,
                "name": format!("runner-{i}"),
                "os": "linux",
                "status": if i % 3 == 0 { "offline" } else { "online" },
                "busy": i % 2 == 0,
                "ephemeral": i % 5 == 0,
                "runner_group_id": 1,
                "version": if i % 4 == 0 { serde_json::Value::Null } else { "2.321.0".into() },
                "labels": [
                    {"id": 1, "name": "self-hosted", "type": "read-only"},
                    {"id": 2, "name": "linux", "type": "read-only"},
                    {"id": 3, "name": format!("pool-{}", i % 7), "type": "custom"}
                ],
                "accessed_at": "2026-11-30T12:00:00Z"
            })
        })
        .collect();
    serde_json::to_vec(&runners).expect("a JSON array")
}

fn decode(c: &mut Criterion) {
    let body = page(100);
    let (mut derived_times, mut written_times) = (Vec::new(), Vec::new());
    let rounds = 2_000;
    for _ in 0..rounds {
        let started = Instant::now();
        drop(black_box(
            serde_json::from_slice::<Vec<derived::Runner>>(black_box(&body)).unwrap(),
        ));
        derived_times.push(started.elapsed());
        let started = Instant::now();
        drop(black_box(
            serde_json::from_slice::<Vec<Runner>>(black_box(&body)).unwrap(),
        ));
        written_times.push(started.elapsed());
    }
    derived_times.sort();
    written_times.sort();
    let (derived, written) = (derived_times[rounds / 2], written_times[rounds / 2]);
    println!(
        "paired runners-100, {rounds} rounds: derived {:.1} µs, written {:.1} µs, ratio {:.3}",
        derived.as_secs_f64() * 1e6,
        written.as_secs_f64() * 1e6,
        written.as_secs_f64() / derived.as_secs_f64()
    );

    let mut group = c.benchmark_group("fields/runners-100");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("derived", |b| {
        b.iter(|| serde_json::from_slice::<Vec<derived::Runner>>(black_box(&body)).unwrap())
    });
    group.bench_function("written", |b| {
        b.iter(|| serde_json::from_slice::<Vec<Runner>>(black_box(&body)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, decode);
criterion_main!(benches);
