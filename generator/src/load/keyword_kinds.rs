//! Checks the JSON kind of every schema keyword before `openapiv3` reads the document.
//!
//! `openapiv3` reads schemas through nested untagged enums: on a schema that is wrong deep
//! inside (say `type: {…}` twenty levels down) every level tries every variant, so reading
//! takes time exponential in the depth, and the error it gives has no place. This walk finds
//! such a mistake in one linear pass and names its JSON pointer. It only checks what
//! `openapiv3` would reject (a keyword holding the wrong kind of JSON value), never values it
//! accepts.

use crate::diagnostic::pointer_token;
use serde_json::Value;

/// What kind of JSON value a schema keyword holds.
#[derive(Clone, Copy)]
enum ValueKind {
    Text,
    Flag,
    Number,
    Count,
    Texts,
    List,
    Schema,
    Schemas,
    SchemaMap,
    FlagOrSchema,
    Object,
}

/// The schema keywords whose value kind `openapiv3` insists on.
const KEYWORDS: &[(&str, ValueKind)] = &[
    ("type", ValueKind::Text),
    ("format", ValueKind::Text),
    ("title", ValueKind::Text),
    ("description", ValueKind::Text),
    ("pattern", ValueKind::Text),
    ("$ref", ValueKind::Text),
    ("nullable", ValueKind::Flag),
    ("readOnly", ValueKind::Flag),
    ("writeOnly", ValueKind::Flag),
    ("deprecated", ValueKind::Flag),
    ("uniqueItems", ValueKind::Flag),
    ("exclusiveMinimum", ValueKind::Flag),
    ("exclusiveMaximum", ValueKind::Flag),
    ("minimum", ValueKind::Number),
    ("maximum", ValueKind::Number),
    ("multipleOf", ValueKind::Number),
    ("minLength", ValueKind::Count),
    ("maxLength", ValueKind::Count),
    ("minItems", ValueKind::Count),
    ("maxItems", ValueKind::Count),
    ("minProperties", ValueKind::Count),
    ("maxProperties", ValueKind::Count),
    ("required", ValueKind::Texts),
    ("enum", ValueKind::List),
    ("items", ValueKind::Schema),
    ("not", ValueKind::Schema),
    ("allOf", ValueKind::Schemas),
    ("oneOf", ValueKind::Schemas),
    ("anyOf", ValueKind::Schemas),
    ("properties", ValueKind::SchemaMap),
    ("additionalProperties", ValueKind::FlagOrSchema),
    ("discriminator", ValueKind::Object),
    ("externalDocs", ValueKind::Object),
    ("xml", ValueKind::Object),
];

/// Where the walk is: the way from the document's root, rendered as a JSON pointer only for
/// the error (building a pointer string for every node visited would cost more than the walk).
#[derive(Clone, Copy)]
enum At<'a> {
    Root,
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl At<'_> {
    fn pointer(&self) -> String {
        match self {
            At::Root => "#".to_owned(),
            At::Key(parent, key) => format!("{}/{}", parent.pointer(), pointer_token(key)),
            At::Index(parent, index) => format!("{}/{index}", parent.pointer()),
        }
    }
}

/// The first wrong value found: its pointer and a message.
type Found = Option<(String, String)>;

/// The first schema keyword that holds the wrong kind of value: its pointer and a message.
pub fn first_error(document: &Value) -> Found {
    let mut found = None;
    outside_schemas(document, At::Root, &mut found);
    found
}

/// Walks the parts of a document that are not schemas, looking for the ones that are.
fn outside_schemas(value: &Value, at: At<'_>, found: &mut Found) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                if found.is_some() {
                    return;
                }
                let child_at = At::Key(&at, key);
                match key.as_str() {
                    // Example values and extensions are free-form: anything may be in them.
                    "example" | "examples" | "value" => {}
                    key if key.starts_with("x-") => {}
                    "schema" => schema(child, child_at, found),
                    "schemas" => each_schema_in_map(child, child_at, found),
                    _ => outside_schemas(child, child_at, found),
                }
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                if found.is_some() {
                    return;
                }
                outside_schemas(child, At::Index(&at, index), found);
            }
        }
        _ => {}
    }
}

fn each_schema_in_map(value: &Value, at: At<'_>, found: &mut Found) {
    if let Value::Object(map) = value {
        for (name, child) in map {
            if found.is_some() {
                return;
            }
            schema(child, At::Key(&at, name), found);
        }
    }
}

/// Checks one schema and the schemas inside it, keyword by keyword in document order.
fn schema(value: &Value, at: At<'_>, found: &mut Found) {
    let Value::Object(map) = value else {
        *found = Some((
            at.pointer(),
            format!("a schema must be an object, not {}", kind_name(value)),
        ));
        return;
    };
    for (keyword, child) in map {
        if found.is_some() {
            return;
        }
        if let Some((_, kind)) = KEYWORDS.iter().find(|(name, _)| name == keyword) {
            keyword_value(child, *kind, At::Key(&at, keyword), found);
        }
    }
}

fn keyword_value(value: &Value, kind: ValueKind, at: At<'_>, found: &mut Found) {
    let wrong = |expected: &str| {
        Some((
            at.pointer(),
            format!("expected {expected}, found {}", kind_name(value)),
        ))
    };
    match (kind, value) {
        (ValueKind::Text, Value::String(_))
        | (ValueKind::Flag, Value::Bool(_))
        | (ValueKind::Number, Value::Number(_))
        | (ValueKind::Object, Value::Object(_)) => {}
        (ValueKind::Count, Value::Number(number)) if number.as_u64().is_some() => {}
        (ValueKind::Texts, Value::Array(items)) if items.iter().all(Value::is_string) => {}
        (ValueKind::List, Value::Array(_)) => {}
        (ValueKind::Schema, child) | (ValueKind::FlagOrSchema, child @ Value::Object(_)) => {
            schema(child, at, found)
        }
        (ValueKind::FlagOrSchema, Value::Bool(_)) => {}
        (ValueKind::Schemas, Value::Array(items)) => {
            for (index, child) in items.iter().enumerate() {
                if found.is_some() {
                    return;
                }
                schema(child, At::Index(&at, index), found);
            }
        }
        (ValueKind::SchemaMap, Value::Object(_)) => each_schema_in_map(value, at, found),
        (ValueKind::Text, _) => *found = wrong("a string"),
        (ValueKind::Flag, _) => *found = wrong("true or false"),
        (ValueKind::Number, _) => *found = wrong("a number"),
        (ValueKind::Count, _) => *found = wrong("a non-negative integer"),
        (ValueKind::Texts, _) => *found = wrong("a list of strings"),
        (ValueKind::List, _) => *found = wrong("a list"),
        (ValueKind::Schemas, _) => *found = wrong("a list of schemas"),
        (ValueKind::SchemaMap, _) => *found = wrong("a mapping of names to schemas"),
        (ValueKind::FlagOrSchema, _) => *found = wrong("true, false or a schema"),
        (ValueKind::Object, _) => *found = wrong("an object"),
    }
}

fn kind_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn finds_a_wrong_keyword_deep_inside_a_schema() {
        let document = json!({"paths": {"/a": {"get": {"responses": {"200": {"content": {"application/json": {
            "schema": {"properties": {"a": {"items": {"oneOf": [{"type": "string"}, {"type": {"nested": 1}}]}}}}
        }}}}}}}});
        let (at, message) = first_error(&document).unwrap();
        assert_eq!(
            at,
            "#/paths/~1a/get/responses/200/content/application~1json/schema/properties/a/items/oneOf/1/type"
        );
        assert_eq!(message, "expected a string, found an object");
    }

    #[test]
    fn examples_and_extensions_are_not_schemas() {
        let document = json!({"components": {
            "schemas": {"ok": {"type": "object", "example": {"type": 5}, "x-anything": {"schema": 1}}},
            "examples": {"e": {"value": {"schema": {"type": 1}}}}
        }});
        assert_eq!(first_error(&document), None);
    }

    #[test]
    fn boolean_additional_properties_and_refs_pass() {
        let document = json!({"components": {"schemas": {
            "a": {"type": "object", "additionalProperties": true, "required": ["x"]},
            "b": {"$ref": "#/components/schemas/a"}
        }}});
        assert_eq!(first_error(&document), None);
    }
}
