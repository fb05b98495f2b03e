//! Shared helpers for the test suite: where the curated spec is, its examples, and JSON
//! comparison that treats equal instants as equal.

#![allow(clippy::panic, reason = "test helpers fail the test that calls them")]

use openapiv3::{OpenAPI, ReferenceOr};
use serde_json::Value;
use std::path::PathBuf;

/// The curated spec's path.
pub fn spec_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../spec/github-runners.yaml")
}

/// The curated spec's bytes.
pub fn spec_bytes() -> Vec<u8> {
    std::fs::read(spec_path()).unwrap_or_default()
}

/// The curated spec, parsed by the generator's own loader.
pub fn spec() -> OpenAPI {
    match github_runners_codegen::load_spec(&spec_bytes(), "spec/github-runners.yaml") {
        Ok(spec) => spec,
        Err(error) => panic!("the curated spec does not load: {error}"),
    }
}

/// The value of `#/components/examples/<name>`.
pub fn example(name: &str) -> Value {
    let spec = spec();
    let example = spec
        .components
        .as_ref()
        .and_then(|components| components.examples.get(name));
    match example {
        Some(ReferenceOr::Item(example)) => example.value.clone().unwrap_or(Value::Null),
        _ => panic!("the spec has no example `{name}`"),
    }
}

/// Whether two JSON values are equivalent: equal, except that strings which are both
/// RFC 3339 date-times only need to name the same instant, and a `null` member equals an
/// absent one.
pub fn equivalent(left: &Value, right: &Value) -> bool {
    match (left, right) {
        (Value::Object(a), Value::Object(b)) => {
            // An optional field that is `null` is the same as one that is absent.
            let same = |x: &serde_json::Map<String, Value>, y: &serde_json::Map<String, Value>| {
                x.iter()
                    .all(|(key, value)| equivalent(value, y.get(key).unwrap_or(&Value::Null)))
            };
            same(a, b) && same(b, a)
        }
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| equivalent(x, y))
        }
        (Value::String(a), Value::String(b)) if a != b => {
            match (
                chrono::DateTime::parse_from_rfc3339(a),
                chrono::DateTime::parse_from_rfc3339(b),
            ) {
                (Ok(a), Ok(b)) => a == b,
                _ => false,
            }
        }
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        _ => left == right,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn date_times_compare_by_instant() {
        assert!(equivalent(
            &json!({"at": "2020-01-22T12:13:35.123Z"}),
            &json!({"at": "2020-01-22T12:13:35.123+00:00"})
        ));
        assert!(!equivalent(&json!({"at": "a"}), &json!({"at": "b"})));
        assert!(!equivalent(&json!({"a": 1}), &json!({"a": 1, "b": 2})));
        assert!(equivalent(&json!({"a": 1}), &json!({"a": 1, "b": null})));
    }
}

/// The workspace README's examples, compiled as doctests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct WorkspaceReadmeDoctests;
