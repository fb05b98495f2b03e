//! Finds where a document that is not shaped like OpenAPI 3.0 goes wrong.
//!
//! `openapiv3` reports a failed deserialization without a place (its untagged and flattened
//! types buffer their input), so when a whole document does not deserialize, this descends
//! into it part by part (path items, operations, parameters, responses, components, schema
//! properties) and returns the JSON pointer of the deepest part that fails on its own, with
//! that part's message.

use crate::diagnostic::pointer_token;
use openapiv3::{
    Callback, Example, ExternalDocumentation, Header, Info, Link, Operation, Parameter, PathItem,
    ReferenceOr, RequestBody, Response, Schema, SecurityRequirement, SecurityScheme, Server, Tag,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A place and a message: the JSON pointer of the failing part and why it fails.
pub type Found = (String, String);

/// The deepest part of `root` that does not deserialize, if any part can be blamed.
pub fn locate(root: &Value) -> Option<Found> {
    let Value::Object(map) = root else {
        return None;
    };
    let top: [(&str, Checker); 5] = [
        ("info", fails::<Info>),
        ("servers", fails::<Vec<Server>>),
        ("externalDocs", fails::<ExternalDocumentation>),
        ("tags", fails::<Vec<Tag>>),
        ("security", fails::<Vec<SecurityRequirement>>),
    ];
    for (key, check) in top {
        if let Some(message) = map.get(key).and_then(check) {
            return Some((format!("#/{key}"), message));
        }
    }
    if let Some(found) = map
        .get("paths")
        .and_then(|paths| each(paths, "#/paths", path_item))
    {
        return Some(found);
    }
    map.get("components").and_then(components)
}

type Checker = fn(&Value) -> Option<String>;

/// Finds the failing part of one entry at a pointer.
type Finder = fn(&Value, &str) -> Option<Found>;

/// The error message when `value` is not a `T`.
fn fails<T: DeserializeOwned>(value: &Value) -> Option<String> {
    serde_json::from_value::<T>(value.clone())
        .err()
        .map(|error| error.to_string())
}

/// `at` itself when `check` fails there and no child found by `deeper` fails.
fn here_or_deeper(
    value: &Value,
    at: &str,
    check: Checker,
    deeper: impl FnOnce(&Value, &str) -> Option<Found>,
) -> Option<Found> {
    let message = check(value)?;
    deeper(value, at).or_else(|| Some((at.to_owned(), message)))
}

/// The first failing entry of an object or array, each checked by `entry`.
fn each(value: &Value, at: &str, entry: Finder) -> Option<Found> {
    match value {
        Value::Object(map) => map
            .iter()
            .find_map(|(key, item)| entry(item, &format!("{at}/{}", pointer_token(key)))),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(index, item)| entry(item, &format!("{at}/{index}"))),
        _ => None,
    }
}

fn child<'v>(value: &'v Value, key: &str) -> Option<&'v Value> {
    value.as_object().and_then(|map| map.get(key))
}

fn path_item(value: &Value, at: &str) -> Option<Found> {
    here_or_deeper(value, at, fails::<ReferenceOr<PathItem>>, |value, at| {
        let parameters = child(value, "parameters")
            .and_then(|list| each(list, &format!("{at}/parameters"), parameter));
        parameters.or_else(|| {
            [
                "get", "put", "post", "delete", "options", "head", "patch", "trace",
            ]
            .iter()
            .find_map(|method| {
                child(value, method).and_then(|op| operation(op, &format!("{at}/{method}")))
            })
        })
    })
}

fn operation(value: &Value, at: &str) -> Option<Found> {
    here_or_deeper(value, at, fails::<Operation>, |value, at| {
        child(value, "parameters")
            .and_then(|list| each(list, &format!("{at}/parameters"), parameter))
            .or_else(|| {
                child(value, "requestBody")
                    .and_then(|body| request_body(body, &format!("{at}/requestBody")))
            })
            .or_else(|| {
                child(value, "responses")
                    .and_then(|list| each(list, &format!("{at}/responses"), response))
            })
    })
}

fn parameter(value: &Value, at: &str) -> Option<Found> {
    here_or_deeper(value, at, fails::<ReferenceOr<Parameter>>, |value, at| {
        child(value, "schema")
            .and_then(|schema_value| schema(schema_value, &format!("{at}/schema")))
    })
}

fn request_body(value: &Value, at: &str) -> Option<Found> {
    here_or_deeper(value, at, fails::<ReferenceOr<RequestBody>>, content)
}

fn response(value: &Value, at: &str) -> Option<Found> {
    here_or_deeper(value, at, fails::<ReferenceOr<Response>>, content)
}

/// The schemas of a `content` map.
fn content(value: &Value, at: &str) -> Option<Found> {
    let media = child(value, "content")?.as_object()?;
    media.iter().find_map(|(media_type, item)| {
        let item_at = format!("{at}/content/{}", pointer_token(media_type));
        child(item, "schema").and_then(|value| schema(value, &format!("{item_at}/schema")))
    })
}

fn schema(value: &Value, at: &str) -> Option<Found> {
    here_or_deeper(value, at, fails::<ReferenceOr<Schema>>, |value, at| {
        let properties = child(value, "properties")
            .and_then(|map| each(map, &format!("{at}/properties"), schema));
        properties
            .or_else(|| child(value, "items").and_then(|v| schema(v, &format!("{at}/items"))))
            .or_else(|| {
                ["allOf", "oneOf", "anyOf"].iter().find_map(|key| {
                    child(value, key).and_then(|list| each(list, &format!("{at}/{key}"), schema))
                })
            })
            .or_else(|| {
                child(value, "additionalProperties")
                    .filter(|v| v.is_object())
                    .and_then(|v| schema(v, &format!("{at}/additionalProperties")))
            })
    })
}

fn components(value: &Value) -> Option<Found> {
    let at = "#/components";
    let kinds: [(&str, Finder); 9] = [
        ("schemas", schema),
        ("responses", response),
        ("parameters", parameter),
        ("requestBodies", request_body),
        ("examples", |v, at| leaf::<ReferenceOr<Example>>(v, at)),
        ("headers", |v, at| leaf::<ReferenceOr<Header>>(v, at)),
        ("securitySchemes", |v, at| {
            leaf::<ReferenceOr<SecurityScheme>>(v, at)
        }),
        ("links", |v, at| leaf::<ReferenceOr<Link>>(v, at)),
        ("callbacks", |v, at| leaf::<ReferenceOr<Callback>>(v, at)),
    ];
    kinds.iter().find_map(|(kind, entry)| {
        child(value, kind).and_then(|map| each(map, &format!("{at}/{kind}"), *entry))
    })
}

fn leaf<T: DeserializeOwned>(value: &Value, at: &str) -> Option<Found> {
    fails::<T>(value).map(|message| (at.to_owned(), message))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn blames_the_deepest_failing_part() {
        let document = json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "v"},
            "paths": {"/a": {"get": {"responses": {"200": {"description": "ok",
                "content": {"application/json": {"schema": {"properties": {"x": {"type": 12}}}}}}}}}}
        });
        let (at, _) = locate(&document).unwrap_or_default();
        assert_eq!(
            at,
            "#/paths/~1a/get/responses/200/content/application~1json/schema/properties/x"
        );
        let (at, _) = locate(&json!({"info": {"title": 1}})).unwrap_or_default();
        assert_eq!(at, "#/info");
    }
}
