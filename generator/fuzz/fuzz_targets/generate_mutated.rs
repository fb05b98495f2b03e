//! Valid specs, structurally mutated, → the whole pipeline: must never panic.
//!
//! The seeds are every good corpus case (and the curated spec with `FUZZ_CURATED=1`), loaded
//! once and turned into JSON values. The fuzz input picks a seed and a list of mutations (4 bytes each: a node, an
//! operation, an argument), so libFuzzer's byte mutations become structural ones: replacing a
//! node by an interesting value, deleting or renaming a key, inserting an OpenAPI keyword,
//! copying one node over another (cycles, odd shapes), or wrapping a node in `allOf`/`oneOf`/
//! `array`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};
use std::path::Path;
use std::sync::OnceLock;

const KEYS: &[&str] = &[
    "type",
    "$ref",
    "nullable",
    "allOf",
    "oneOf",
    "anyOf",
    "not",
    "items",
    "properties",
    "additionalProperties",
    "enum",
    "required",
    "format",
    "default",
    "deprecated",
    "x-newtype",
    "in",
    "name",
    "content",
    "schema",
    "readOnly",
    "parameters",
    "requestBody",
    "responses",
    "operationId",
    "+1",
    "-1",
    "self",
    "body",
    "Client",
    "",
    "ü",
    "1",
    "ref",
];

fn interesting(arg: u8) -> Value {
    match arg % 24 {
        0 => Value::Null,
        1 => json!(true),
        2 => json!(0),
        3 => json!(-1),
        4 => json!(""),
        5 => json!("+1"),
        6 => json!("type"),
        7 => json!("#/components/schemas/missing"),
        8 => json!([]),
        9 => json!({}),
        10 => json!("string"),
        11 => json!("object"),
        12 => json!("integer"),
        13 => json!("array"),
        14 => json!({"type": "string", "enum": ["+1", "1", "", "-1"]}),
        15 => json!({"type": "object", "additionalProperties": true}),
        16 => json!({"$ref": "#/components/schemas/Runner"}),
        17 => json!({"type": "integer", "format": "int32", "x-newtype": "Self"}),
        18 => {
            json!({"name": "body", "in": "query", "schema": {"type": "object", "properties": {"a": {"type": "string"}}}})
        }
        19 => json!({"application/problem+json": {"schema": {"type": "object"}}}),
        20 => json!({"text/plain": {"schema": {"type": "string"}}}),
        21 => json!("date-time"),
        22 => json!(1e300),
        _ => json!("{x}"),
    }
}

fn seeds() -> &'static [Value] {
    static SEEDS: OnceLock<Vec<Value>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        // The curated spec takes seconds a run under ASAN, so it is a seed only on request
        // (`FUZZ_CURATED=1`); `generate_arbitrary` starts from it anyway.
        let mut files = Vec::new();
        if std::env::var_os("FUZZ_CURATED").is_some() {
            files.push(root.join("spec/github-runners.yaml"));
        }
        if let Ok(entries) = std::fs::read_dir(root.join("tests/corpus/good")) {
            let mut good: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
            good.sort();
            files.extend(good);
        }
        files
            .iter()
            .filter_map(|file| std::fs::read(file).ok())
            .filter_map(|bytes| github_runners_codegen::load_spec(&bytes, "seed").ok())
            .filter_map(|spec| serde_json::to_value(spec).ok())
            .collect()
    })
}

/// Every node's path from the root, as keys and indexes.
fn paths(value: &Value, prefix: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(prefix.clone());
    match value {
        Value::Object(map) => {
            for key in map.keys() {
                prefix.push(Step::Key(key.clone()));
                paths(&map[key], prefix, out);
                prefix.pop();
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                prefix.push(Step::Index(index));
                paths(item, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn node_mut<'v>(value: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    let mut current = value;
    for step in path {
        current = match step {
            Step::Key(key) => current.as_object_mut()?.get_mut(key)?,
            Step::Index(index) => current.as_array_mut()?.get_mut(*index)?,
        };
    }
    Some(current)
}

fn node<'v>(value: &'v Value, path: &[Step]) -> Option<&'v Value> {
    let mut current = value;
    for step in path {
        current = match step {
            Step::Key(key) => current.as_object()?.get(key)?,
            Step::Index(index) => current.as_array()?.get(*index)?,
        };
    }
    Some(current)
}

fn mutate(value: &mut Value, target: usize, op: u8, arg: u8) {
    let mut all = Vec::new();
    paths(value, &mut Vec::new(), &mut all);
    if all.is_empty() {
        return;
    }
    let path = all[target % all.len()].clone();
    let other = all[(target / 7 + arg as usize) % all.len()].clone();
    match op % 6 {
        0 => {
            if let Some(node) = node_mut(value, &path) {
                *node = interesting(arg);
            }
        }
        1 => {
            let (Some(last), parent) = (path.last(), &path[..path.len().saturating_sub(1)]) else {
                return;
            };
            match (node_mut(value, parent), last) {
                (Some(Value::Object(map)), Step::Key(key)) => {
                    map.remove(key);
                }
                (Some(Value::Array(items)), Step::Index(index)) if *index < items.len() => {
                    items.remove(*index);
                }
                _ => {}
            }
        }
        2 => {
            if let Some(Value::Object(map)) = node_mut(value, &path) {
                let key = KEYS[arg as usize % KEYS.len()];
                map.insert(key.to_owned(), interesting(arg / 3));
            }
        }
        3 => {
            let (Some(Step::Key(key)), parent) =
                (path.last(), &path[..path.len().saturating_sub(1)])
            else {
                return;
            };
            if let Some(Value::Object(map)) = node_mut(value, parent) {
                if let Some(moved) = map.remove(key) {
                    map.insert(KEYS[arg as usize % KEYS.len()].to_owned(), moved);
                }
            }
        }
        4 => {
            let Some(copy) = node(value, &other).cloned() else {
                return;
            };
            if let Some(node) = node_mut(value, &path) {
                *node = copy;
            }
        }
        _ => {
            if let Some(node) = node_mut(value, &path) {
                let inner = node.take();
                *node = match arg % 4 {
                    0 => json!({"allOf": [inner]}),
                    1 => json!({"oneOf": [inner, {"type": "string"}]}),
                    2 => json!({"type": "array", "items": inner}),
                    _ => json!({"nullable": true, "allOf": [inner]}),
                };
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let seeds = seeds();
    let Some((&pick, mut rest)) = data.split_first() else {
        return;
    };
    if seeds.is_empty() {
        return;
    }
    let mut value = seeds[pick as usize % seeds.len()].clone();
    while rest.len() >= 4 {
        let target = usize::from(u16::from_le_bytes([rest[0], rest[1]]));
        mutate(&mut value, target, rest[2], rest[3]);
        rest = &rest[4..];
    }
    if let Ok(text) = serde_json::to_vec(&value) {
        // `FUZZ_DUMP=1 cargo fuzz run generate_mutated <artifact>` prints the mutated spec.
        if std::env::var_os("FUZZ_DUMP").is_some() {
            eprintln!("{}", String::from_utf8_lossy(&text));
        }
        let _ = github_runners_codegen::generate(&text, "mutated.json");
    }
});
