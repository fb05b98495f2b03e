//! YAML (or JSON) text → the JSON value the loader checks and reads. The only module that uses
//! `serde_yaml`, so swapping the YAML parser touches one file. A JSON document is read with
//! `serde_json` ([`json_document`]).
//!
//! The value holds what JSON can hold, in the document's order: scalar mapping keys become
//! strings (`200:` → `"200"`), tags are dropped, and numbers JSON cannot hold (`.nan`, `.inf`)
//! become strings. `openapiv3`, which reads some parts twice (once through `serde_json`), then
//! sees the same data both times and never panics.
//!
//! The parser's events are read straight into that value ([`Json`]): building a
//! `serde_yaml::Value` first and converting it cost a third more of the whole load. Only a
//! document with `<<` merge keys takes that way, for `serde_yaml`'s `apply_merge`.

use crate::diagnostic::{Diagnostic, Location, Report};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::collections::HashSet;
use std::fmt;

/// Parses `text` into the normalised JSON value; a syntax error is located at the parser's
/// line:column.
pub fn to_json(text: &str) -> Result<Value, Report> {
    if let Some(value) = json_document(text) {
        return Ok(value);
    }
    if text.contains("<<") {
        return merged_to_json(text);
    }
    serde_yaml::from_str::<Json>(text)
        .map(|json| json.0)
        .map_err(|error| Report::single(syntax_error(&error)))
}

/// A document that is JSON, read by `serde_json` into the same value (through [`Json`], so
/// keys given twice are refused alike): many times faster than YAML's parser on a large file
/// (GitHub's description is 14 MB of JSON), and it takes every JSON string, where YAML's parser
/// refuses escaped surrogate pairs (`"\ud83d\ude00"`, as Python's `json.dump` writes an emoji).
/// Anything else, broken JSON included, goes on to the YAML parser, whose error it gets.
fn json_document(text: &str) -> Option<Value> {
    if !text.trim_start().starts_with('{') {
        return None;
    }
    let mut json = serde_json::Deserializer::from_str(text);
    let Json(value) = Json::deserialize(&mut json).ok()?;
    json.end().ok()?;
    Some(value)
}

/// The way through `serde_yaml::Value`, for `<<` merge keys.
fn merged_to_json(text: &str) -> Result<Value, Report> {
    let mut yaml = serde_yaml::from_str::<serde_yaml::Value>(text)
        .map_err(|error| Report::single(syntax_error(&error)))?;
    // A malformed merge is left for the shape check to report.
    let _ = yaml.apply_merge();
    serde_json::to_value(normalize(yaml)).map_err(|error| {
        Report::single(
            Diagnostic::whole_file(format!("the document cannot be read as JSON data: {error}"))
                .help("write an OpenAPI 3.0 document in plain YAML or JSON"),
        )
    })
}

fn syntax_error(error: &serde_yaml::Error) -> Diagnostic {
    let message = error.to_string();
    // The parser's message without its trailing "at line X column Y".
    let message = match message.find(" at line ") {
        Some(index) => &message[..index],
        None => &message,
    };
    let mut diagnostic =
        Diagnostic::whole_file(format!("the file is not valid YAML or JSON: {message}"))
            .help("fix the syntax at this place");
    if let Some(location) = error.location() {
        diagnostic.location = Location::LineColumn {
            line: location.line(),
            column: location.column(),
        };
    }
    diagnostic
}

/// A YAML value read as a normalised JSON value.
struct Json(Value);

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any YAML value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Json, E> {
        Ok(Json(Value::Bool(value)))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Json, E> {
        Ok(Json(Value::Number(value.into())))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Json, E> {
        Ok(Json(Value::Number(value.into())))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Json, E> {
        Ok(Json(match Number::from_f64(value) {
            Some(number) => Value::Number(number),
            // `.nan`, `.inf`, written as YAML writes them.
            None => Value::String(serde_yaml::Number::from(value).to_string()),
        }))
    }

    fn visit_str<E>(self, value: &str) -> Result<Json, E> {
        Ok(Json(Value::String(value.to_owned())))
    }

    fn visit_string<E>(self, value: String) -> Result<Json, E> {
        Ok(Json(Value::String(value)))
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json(Value::Null))
    }

    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json(Value::Null))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        Json::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Json, A::Error> {
        let mut array = Vec::new();
        while let Some(Json(item)) = items.next_element()? {
            array.push(item);
        }
        Ok(Json(Value::Array(array)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Json, A::Error> {
        let mut object = Map::new();
        // `200` and `'200'` are two keys in YAML, both `"200"` in JSON, where the later one
        // wins (as it did through `serde_yaml::Value`); the same key twice is an error. The
        // texts of keys that were not strings, and of those seen both ways, tell them apart.
        let mut not_strings: HashSet<String> = HashSet::new();
        let mut both: HashSet<String> = HashSet::new();
        while let Some(key) = entries.next_key::<Key>()? {
            let Json(value) = entries.next_value()?;
            let seen = object.insert(key.text.clone(), value).is_some();
            let twice = match (seen, key.string) {
                (false, true) => false,
                (false, false) => !not_strings.insert(key.text.clone()),
                // Seen before: as a string, unless every earlier one was not a string.
                (true, true) => !not_strings.contains(&key.text) || !both.insert(key.text.clone()),
                (true, false) => {
                    !not_strings.insert(key.text.clone()) || !both.insert(key.text.clone())
                }
            };
            if twice {
                return Err(de::Error::custom(duplicate(&key)));
            }
        }
        Ok(Json(Value::Object(object)))
    }

    /// A tagged value (`!tag value`): the tag is dropped.
    fn visit_enum<A: de::EnumAccess<'de>>(self, tagged: A) -> Result<Json, A::Error> {
        let (_tag, value): (String, _) = tagged.variant()?;
        de::VariantAccess::newtype_variant(value)
    }
}

/// `serde_yaml`'s own message for a key given twice.
fn duplicate(key: &Key) -> String {
    match key.text.as_str() {
        text if key.string => format!("duplicate entry with key {text:?}"),
        "null" => "duplicate entry with null key".to_owned(),
        flag @ ("true" | "false") => format!("duplicate entry with key `{flag}`"),
        text if text.starts_with(['[', '{']) => "duplicate entry in YAML map".to_owned(),
        number => format!("duplicate entry with key {number}"),
    }
}

/// A mapping key as text: scalars as written (`200`, `true`, `null`), anything else as JSON.
struct Key {
    text: String,
    /// Whether the key was a string (a number, a boolean or null was not).
    string: bool,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_any(KeyVisitor)
    }
}

struct KeyVisitor;

impl KeyVisitor {
    fn other<E>(text: impl ToString) -> Result<Key, E> {
        Ok(Key {
            text: text.to_string(),
            string: false,
        })
    }
}

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a mapping key")
    }

    fn visit_str<E>(self, text: &str) -> Result<Key, E> {
        Ok(Key {
            text: text.to_owned(),
            string: true,
        })
    }

    fn visit_bool<E>(self, flag: bool) -> Result<Key, E> {
        KeyVisitor::other(flag)
    }

    fn visit_i64<E>(self, number: i64) -> Result<Key, E> {
        KeyVisitor::other(number)
    }

    fn visit_u64<E>(self, number: u64) -> Result<Key, E> {
        KeyVisitor::other(number)
    }

    fn visit_f64<E>(self, number: f64) -> Result<Key, E> {
        KeyVisitor::other(serde_yaml::Number::from(number))
    }

    fn visit_unit<E>(self) -> Result<Key, E> {
        KeyVisitor::other("null")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, items: A) -> Result<Key, A::Error> {
        let Json(value) = JsonVisitor.visit_seq(items)?;
        KeyVisitor::other(value)
    }

    fn visit_map<A: MapAccess<'de>>(self, entries: A) -> Result<Key, A::Error> {
        let Json(value) = JsonVisitor.visit_map(entries)?;
        KeyVisitor::other(value)
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, tagged: A) -> Result<Key, A::Error> {
        let (_tag, value): (String, _) = tagged.variant()?;
        de::VariantAccess::newtype_variant(value)
    }
}

/// The YAML value as plain data that JSON can hold (see the module's docs).
fn normalize(value: serde_yaml::Value) -> serde_yaml::Value {
    use serde_yaml::Value as Yaml;
    match value {
        Yaml::Number(number)
            if number.as_i64().is_none()
                && number.as_u64().is_none()
                && !number.as_f64().is_some_and(f64::is_finite) =>
        {
            Yaml::String(number.to_string())
        }
        Yaml::Sequence(items) => Yaml::Sequence(items.into_iter().map(normalize).collect()),
        Yaml::Mapping(map) => Yaml::Mapping(
            map.into_iter()
                .map(|(key, value)| (Yaml::String(key_text(key)), normalize(value)))
                .collect(),
        ),
        Yaml::Tagged(tagged) => normalize(tagged.value),
        other => other,
    }
}

/// A mapping key as text: scalars as written, anything else as JSON.
fn key_text(key: serde_yaml::Value) -> String {
    match normalize(key) {
        serde_yaml::Value::String(text) => text,
        serde_yaml::Value::Null => "null".to_owned(),
        serde_yaml::Value::Bool(flag) => flag.to_string(),
        serde_yaml::Value::Number(number) => number.to_string(),
        other => serde_json::to_string(&other).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The way through `serde_yaml::Value`, for comparison.
    fn through_value(text: &str) -> Option<Value> {
        let yaml = serde_yaml::from_str::<serde_yaml::Value>(text).ok()?;
        serde_json::to_value(normalize(yaml)).ok()
    }

    #[test]
    fn reading_events_gives_the_value_that_the_yaml_value_gave() {
        let text = "openapi: 3.0.3\n\
            a: &anchor {x: 1, y: [true, null, ~, 2.5, -3, 18446744073709551615]}\n\
            b: *anchor\n\
            200: integer key\n\
            '201': string key\n\
            1.0: float key\n\
            true: bool key\n\
            null: null key\n\
            ? [1, 2]\n\
            : sequence key\n\
            tagged: !custom {z: .nan}\n\
            numbers: [.inf, -.inf, .nan, 0x1f, 1e3]\n\
            text: |\n  block\n  scalar\n";
        let direct = to_json(text).ok();
        assert!(direct.is_some());
        assert_eq!(direct, through_value(text));
        let order: Vec<String> = direct
            .and_then(|value| value.as_object().map(|map| map.keys().cloned().collect()))
            .unwrap_or_default();
        assert_eq!(order.get(3).map(String::as_str), Some("200"), "{order:?}");
    }

    #[test]
    fn json_is_read_as_json_with_surrogate_pairs_big_integers_and_the_order_kept() {
        let text = r#"{"b": "\ud83d\ude00", "a": 18446744073709551616, "c": {"200": 1}}"#;
        let value = to_json(text).ok().unwrap_or_default();
        assert_eq!(value["b"], "\u{1F600}");
        assert_eq!(value["a"].as_f64(), Some(18446744073709551616.0));
        let order: Vec<&String> = value
            .as_object()
            .map(|map| map.keys().collect())
            .unwrap_or_default();
        assert_eq!(order, ["b", "a", "c"]);
        // The same key twice is refused, by the YAML parser's rules and message.
        let twice = to_json(r#"{"a": 1, "a": 2}"#)
            .err()
            .map(|report| report.diagnostics);
        assert!(twice.is_some_and(|d| {
            d.iter()
                .any(|d| d.message.contains("duplicate entry with key \"a\""))
        }),);
        // Not JSON: YAML's parser reads it (a flow mapping) or says why not.
        assert_eq!(to_json("{a: 1}").ok().unwrap_or_default()["a"], 1);
        assert!(to_json("{\"a\": ").is_err());
    }

    #[test]
    fn merge_keys_are_merged() {
        let text = "base: &base {a: 1, b: 2}\nchild:\n  <<: *base\n  b: 3\n";
        let value = to_json(text).ok().unwrap_or_default();
        assert_eq!(value["child"]["a"], 1);
        assert_eq!(value["child"]["b"], 3);
    }

    #[test]
    fn a_key_given_twice_is_an_error_as_in_yaml() {
        let message = |text: &str| {
            to_json(text)
                .err()
                .and_then(|report| report.diagnostics.into_iter().next())
                .map(|d| d.message)
                .unwrap_or_default()
        };
        assert_eq!(
            message("a: 1\nb: 2\na: 3\n"),
            "the file is not valid YAML or JSON: duplicate entry with key \"a\""
        );
        assert!(to_json("200: a\n'200': b\n").is_ok());
        assert!(to_json("'200': a\n200: b\n").is_ok());
        assert!(to_json("200: a\n'200': b\n'200': c\n").is_err());
        assert!(to_json("200: a\n'200': b\n200: c\n").is_err());
        for (text, key) in [("200", "200"), ("true", "`true`"), ("~", "null")] {
            let twice = format!("{text}: a\n{text}: b\n");
            let expected = serde_yaml::from_str::<serde_yaml::Value>(&twice)
                .err()
                .map(|error| format!("the file is not valid YAML or JSON: {error}"))
                .unwrap_or_default();
            let got = message(&twice);
            assert!(
                expected.starts_with(&got) && got.contains(key),
                "{got} / {expected}"
            );
        }
        let through = serde_yaml::from_str::<serde_yaml::Value>("a: 1\na: 2\n")
            .err()
            .map(|error| error.to_string())
            .unwrap_or_default();
        assert!(
            through.starts_with("duplicate entry with key \"a\""),
            "{through}"
        );
    }
}
