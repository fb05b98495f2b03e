//! Synthetic specs for the scaling bench: the curated operations replicated under new paths
//! and operationIds (the components are shared, as in a real large spec).

use serde_yaml::{Mapping, Value};

/// The curated spec, read at compile time so that the benches do no IO while measuring.
pub const CURATED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../spec/github-runners.yaml"
));

/// The number of operations in the curated spec.
pub fn operation_count(spec: &[u8]) -> usize {
    let value: Value = serde_yaml::from_slice(spec).expect("the curated spec is YAML");
    let paths = value["paths"].as_mapping().expect("paths is a mapping");
    paths
        .values()
        .filter_map(Value::as_mapping)
        .map(|item| item.keys().filter(|key| is_method(key)).count())
        .sum()
}

fn is_method(key: &Value) -> bool {
    matches!(
        key.as_str(),
        Some("get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace")
    )
}

/// The curated spec with its operations copied `copies` times: copy `k > 0` of path `/p` is
/// `/copy{k}/p` and of operationId `x` is `x-copy{k}`. `copies = 1` is the curated spec.
pub fn replicate(spec: &[u8], copies: usize) -> Vec<u8> {
    let mut value: Value = serde_yaml::from_slice(spec).expect("the curated spec is YAML");
    let paths = value["paths"]
        .as_mapping()
        .expect("paths is a mapping")
        .clone();
    let mut all = Mapping::new();
    for copy in 0..copies {
        for (path, item) in &paths {
            let path = path.as_str().expect("paths are strings");
            let mut item = item.clone();
            if copy > 0 {
                if let Some(item) = item.as_mapping_mut() {
                    for (key, operation) in item.iter_mut() {
                        if !is_method(key) {
                            continue;
                        }
                        if let Some(id) = operation.get_mut("operationId") {
                            let renamed = format!("{}-copy{copy}", id.as_str().unwrap_or("op"));
                            *id = Value::String(renamed);
                        }
                    }
                }
                all.insert(Value::String(format!("/copy{copy}{path}")), item);
            } else {
                all.insert(Value::String(path.to_owned()), item);
            }
        }
    }
    value["paths"] = Value::Mapping(all);
    serde_yaml::to_string(&value)
        .expect("the spec serializes")
        .into_bytes()
}
