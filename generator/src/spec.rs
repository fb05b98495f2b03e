//! What `validate` and `lower` both read from a spec: JSON media types, path template names,
//! and the `x-` extensions the generator understands (each read here, in one place).
//!
//! | extension | on | meaning |
//! |---|---|---|
//! | `x-newtype: RunnerId` | integer or string schema | a distinct identifier type |
//! | `x-secret: true` | string schema | a `SecretString` |
//! | `x-curation-note: …` | anything | why the spec says what it says (see `lower::docs`) |
//! | `x-method-name: get_rate_limit` | operation | the `Client` method name, instead of one derived from the operationId |
//! | `x-github-availability: [GitHub.com, …]` | operation | the products that have the operation, one line of its docs |

use openapiv3::{Operation, Schema};
use serde_json::Value;

/// `x-newtype`.
pub const NEWTYPE: &str = "x-newtype";
/// `x-secret`.
pub const SECRET: &str = "x-secret";
/// `x-curation-note`.
pub const CURATION_NOTE: &str = "x-curation-note";
/// `x-method-name`.
pub const METHOD_NAME: &str = "x-method-name";
/// `x-github-availability`.
pub const AVAILABILITY: &str = "x-github-availability";

/// Whether a media type carries JSON (`application/json`, `application/vnd.github+json`…).
pub fn is_json_media_type(media_type: &str) -> bool {
    let essence = media_type_essence(media_type);
    essence == "application/json" || essence.ends_with("+json") || essence == "*/*"
}

/// A media type without its parameters, in lower case (`Text/Plain; charset=utf-8` →
/// `text/plain`).
pub fn media_type_essence(media_type: &str) -> String {
    media_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// The `{name}` parameters of a path template, in order.
pub fn template_names(path: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        names.push(after[..end].to_owned());
        rest = &after[end + 1..];
    }
    names
}

/// The `x-curation-note` of an item's extensions, when it is a string.
pub fn curation_note(extensions: &indexmap::IndexMap<String, Value>) -> Option<String> {
    extensions
        .get(CURATION_NOTE)
        .and_then(Value::as_str)
        .map(str::to_owned)
}

/// `x-secret: true` on a schema.
pub fn is_secret(schema: &Schema) -> bool {
    schema
        .schema_data
        .extensions
        .get(SECRET)
        .and_then(Value::as_bool)
        == Some(true)
}

/// The `x-newtype` name of a schema, when it is a string.
pub fn newtype_name(schema: &Schema) -> Option<&str> {
    schema.schema_data.extensions.get(NEWTYPE)?.as_str()
}

/// An operation's `x-method-name`, as written (validated by `validate`).
pub fn method_name(operation: &Operation) -> Option<&Value> {
    operation.extensions.get(METHOD_NAME)
}

/// An operation's `x-github-availability` when it is a list of strings: `Some(Err(value))`
/// when it is present but something else.
pub fn availability(operation: &Operation) -> Option<Result<Vec<String>, &Value>> {
    let value = operation.extensions.get(AVAILABILITY)?;
    let products = value.as_array().and_then(|items| {
        items
            .iter()
            .map(|item| item.as_str().map(str::to_owned))
            .collect::<Option<Vec<String>>>()
    });
    Some(products.ok_or(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_names_in_order() {
        assert_eq!(template_names("/a/{x}/b/{y}"), vec!["x", "y"]);
        assert_eq!(template_names("/a/{broken"), Vec::<String>::new());
    }

    #[test]
    fn json_media_types() {
        assert!(is_json_media_type("application/json; charset=utf-8"));
        assert!(is_json_media_type("application/vnd.github+json"));
        assert!(is_json_media_type("application/problem+json"));
        assert!(!is_json_media_type("text/plain"));
    }
}
