//! Decoding and encoding a page of 100 runners with models whose `Deserialize` and `Serialize`
//! are written as the generator writes them (with `github_runners_runtime::fields`) against the
//! same models deriving them: the generated impls must not cost run time for what they save in
//! compile time. Prints **paired** lines (rounds that alternate one decode, or one encode, each
//! way), then criterion's figures. Run with
//! `cargo bench -p github-runners-runtime --bench fields`.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use github_runners_runtime::fields::{self, Fields, FromFields};
use serde::de::MapAccess;
use serde::{Deserialize, Serialize};
use std::hint::black_box;
use std::time::Instant;

/// A runner as the generator writes the model.
#[derive(Debug)]
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

impl Serialize for Runner {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut fields = fields::write(serializer)?;
        fields.value("id", &self.id)?;
        fields.value("name", &self.name)?;
        fields.value("os", &self.os)?;
        fields.value("status", &self.status)?;
        fields.value("busy", &self.busy)?;
        fields.optional("ephemeral", &self.ephemeral)?;
        fields.optional("runner_group_id", &self.runner_group_id)?;
        fields.optional("version", &self.version)?;
        fields.value("labels", &self.labels)?;
        fields.end()
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

impl Serialize for Label {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut fields = fields::write(serializer)?;
        fields.optional("id", &self.id)?;
        fields.value("name", &self.name)?;
        fields.optional("type", &self.kind)?;
        fields.end()
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
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Serialize, Deserialize)]
    pub struct Runner {
        id: i64,
        name: String,
        os: String,
        status: String,
        busy: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ephemeral: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        runner_group_id: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        version: Option<String>,
        labels: Vec<Label>,
    }

    #[derive(Debug, Serialize, Deserialize)]
    pub struct Label {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<i64>,
        name: String,
        #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
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

/// Median times of `derived` and `written`, run alternately `rounds` times; printed as a
/// paired line.
fn paired(name: &str, rounds: usize, mut derived: impl FnMut(), mut written: impl FnMut()) {
    let (mut derived_times, mut written_times) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let started = Instant::now();
        derived();
        derived_times.push(started.elapsed());
        let started = Instant::now();
        written();
        written_times.push(started.elapsed());
    }
    derived_times.sort();
    written_times.sort();
    let (derived, written) = (derived_times[rounds / 2], written_times[rounds / 2]);
    println!(
        "paired {name}, {rounds} rounds: derived {:.1} µs, written {:.1} µs, ratio {:.3}",
        derived.as_secs_f64() * 1e6,
        written.as_secs_f64() * 1e6,
        written.as_secs_f64() / derived.as_secs_f64()
    );
}

fn decode(c: &mut Criterion) {
    let body = page(100);
    let derived_page = serde_json::from_slice::<Vec<derived::Runner>>(&body).unwrap();
    let written_page = serde_json::from_slice::<Vec<Runner>>(&body).unwrap();
    // Both write the same JSON.
    assert_eq!(
        serde_json::to_vec(&derived_page).unwrap(),
        serde_json::to_vec(&written_page).unwrap()
    );
    paired(
        "decode runners-100",
        2_000,
        || {
            drop(black_box(
                serde_json::from_slice::<Vec<derived::Runner>>(black_box(&body)).unwrap(),
            ))
        },
        || {
            drop(black_box(
                serde_json::from_slice::<Vec<Runner>>(black_box(&body)).unwrap(),
            ))
        },
    );
    paired(
        "encode runners-100",
        2_000,
        || {
            drop(black_box(
                serde_json::to_vec(black_box(&derived_page)).unwrap(),
            ))
        },
        || {
            drop(black_box(
                serde_json::to_vec(black_box(&written_page)).unwrap(),
            ))
        },
    );

    let mut group = c.benchmark_group("fields/runners-100");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("decode derived", |b| {
        b.iter(|| serde_json::from_slice::<Vec<derived::Runner>>(black_box(&body)).unwrap())
    });
    group.bench_function("decode written", |b| {
        b.iter(|| serde_json::from_slice::<Vec<Runner>>(black_box(&body)).unwrap())
    });
    group.bench_function("encode derived", |b| {
        b.iter(|| serde_json::to_vec(black_box(&derived_page)).unwrap())
    });
    group.bench_function("encode written", |b| {
        b.iter(|| serde_json::to_vec(black_box(&written_page)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, decode);
criterion_main!(benches);
