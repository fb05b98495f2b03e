//! Reading a spec: bytes → YAML (or JSON) → `openapiv3::OpenAPI`.
//!
//! [`yaml`] is the only module that uses `serde_yaml`, so swapping the YAML parser touches one
//! file. Syntax and shape errors carry the parser's line:column; inputs that are not OpenAPI
//! 3.0 at all (Swagger 2.0, OpenAPI 3.1, other JSON or YAML, empty or binary files) each get a
//! message of their own.
//!
//! [`keyword_kinds`] checks the kind of every schema keyword's value first (fast, located);
//! [`shape`] finds where a document that is not OpenAPI 3.0 goes wrong; [`source_map`] finds
//! the line of a JSON pointer for the reports of every phase.

mod keyword_kinds;
mod sections;
mod shape;
pub mod source_map;
mod yaml;

use crate::diagnostic::{Diagnostic, Location, Report};
use crate::text_cache::TextCache;
use openapiv3::OpenAPI;

/// Parses a spec from raw bytes.
pub fn load(bytes: &[u8]) -> Result<OpenAPI, Report> {
    let text = decode_text(bytes)?;
    load_str(text)
}

/// [`load`], reading a YAML spec section by section through `cache` (see [`sections`]): a
/// build script's rerun after an edit parses only the sections that changed.
pub fn load_cached(bytes: &[u8], cache: &mut TextCache) -> Result<OpenAPI, Report> {
    from_value(&load_value_with(decode_text(bytes)?, Some(cache))?)
}

/// Parses a spec from text: YAML (or JSON) → a JSON value → `openapiv3`.
///
/// Going through a JSON value, rather than deserializing `openapiv3` straight from the YAML
/// parser, makes scalar mapping keys (`200:`) strings and avoids an `openapiv3` panic on
/// inputs that its untagged types read differently on a second pass.
pub fn load_str(text: &str) -> Result<OpenAPI, Report> {
    from_value(&load_value(text)?)
}

/// Parses a spec from raw bytes into a JSON value, checking only that it is OpenAPI 3.0
/// (lenient mode prunes this value before [`from_value`] reads it).
pub fn load_value_bytes(
    bytes: &[u8],
    cache: Option<&mut TextCache>,
) -> Result<serde_json::Value, Report> {
    load_value_with(decode_text(bytes)?, cache)
}

/// YAML (or JSON) text → a JSON value of an OpenAPI 3.0 document, in the document's order.
pub fn load_value(text: &str) -> Result<serde_json::Value, Report> {
    load_value_with(text, None)
}

/// [`load_value`], section by section through `cache` when there is one.
fn load_value_with(text: &str, cache: Option<&mut TextCache>) -> Result<serde_json::Value, Report> {
    if text.trim().is_empty() {
        return Err(Report::single(
            Diagnostic::whole_file("the file is empty")
                .help("write an OpenAPI 3.0 document (it starts with `openapi: 3.0.3`)"),
        ));
    }
    let json = match cache {
        Some(cache) => sections::to_json(text, cache)?,
        None => yaml::to_json(text)?,
    };
    check_kind(&json)?;
    Ok(json)
}

/// A JSON value of an OpenAPI 3.0 document → `openapiv3`, with the place of a shape error.
pub fn from_value(json: &serde_json::Value) -> Result<OpenAPI, Report> {
    if let Some((at, message)) = keyword_kinds::first_error(json) {
        return Err(Report::single(
            Diagnostic::at_pointer(at, format!("the document does not have the shape of OpenAPI 3.0: {message}"))
                .help("compare this place with the OpenAPI 3.0.3 specification (https://spec.openapis.org/oas/v3.0.3)"),
        ));
    }
    // One pass, borrowing the value (kept for locating an error); `preserve_order` keeps
    // the document's key order, which fixes the order of the generated code.
    match <OpenAPI as serde::Deserialize>::deserialize(json) {
        Ok(spec) => {
            check_version(&spec.openapi)?;
            Ok(spec)
        }
        Err(error) => {
            let (at, message) =
                shape::locate(json).unwrap_or_else(|| ("#".to_owned(), error.to_string()));
            Err(Report::single(
                Diagnostic::at_pointer(
                    at,
                    format!("the document does not have the shape of OpenAPI 3.0: {message}"),
                )
                .help("compare this place with the OpenAPI 3.0.3 specification (https://spec.openapis.org/oas/v3.0.3)"),
            ))
        }
    }
}

/// Rejects text that is not UTF-8 or holds NUL bytes.
fn decode_text(bytes: &[u8]) -> Result<&str, Report> {
    let binary = || {
        Report::single(
            Diagnostic::whole_file("the file is binary, not a YAML or JSON text")
                .help("point the generator at an OpenAPI 3.0 document in YAML or JSON"),
        )
    };
    if bytes.contains(&0) {
        return Err(binary());
    }
    let text = std::str::from_utf8(bytes).map_err(|_| binary())?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Accepts OpenAPI 3.0.x only.
fn check_version(version: &str) -> Result<(), Report> {
    if version.starts_with("3.0") {
        return Ok(());
    }
    let at = Location::Pointer {
        pointer: "#/openapi".to_owned(),
        line: None,
    };
    let diagnostic = if version.starts_with("3.1") {
        Diagnostic::whole_file(format!(
            "this is an OpenAPI {version} document; only OpenAPI 3.0 is supported"
        ))
        .help("describe the API in OpenAPI 3.0.3 (3.1's type arrays and JSON Schema 2020-12 keywords are not supported yet)")
    } else {
        Diagnostic::whole_file(format!(
            "unsupported OpenAPI version `{version}`; only 3.0.x is supported"
        ))
        .help("set `openapi: 3.0.3` and describe the API in OpenAPI 3.0")
    };
    Err(Report::single(Diagnostic {
        location: at,
        ..diagnostic
    }))
}

/// Tells apart documents that are not OpenAPI 3.0 at all: not a mapping, Swagger 2.0, no
/// `openapi` field, another OpenAPI version.
fn check_kind(document: &serde_json::Value) -> Result<(), Report> {
    let Some(root) = document.as_object() else {
        return Err(Report::single(
            Diagnostic::whole_file(
                "the document is not a mapping, so it cannot be an OpenAPI document",
            )
            .help("an OpenAPI 3.0 document is a mapping that starts with `openapi: 3.0.3`"),
        ));
    };
    if let Some(swagger) = root.get("swagger") {
        let version = scalar_text(swagger);
        return Err(Report::single(
            Diagnostic::whole_file(format!(
                "this is a Swagger {version} document; only OpenAPI 3.0 is supported"
            ))
            .help("convert it to OpenAPI 3.0 first (for example with swagger2openapi)"),
        ));
    }
    match root.get("openapi") {
        None => Err(Report::single(
            Diagnostic::whole_file(
                "the document has no `openapi` field, so it is not an OpenAPI document",
            )
            .help("an OpenAPI 3.0 document starts with `openapi: 3.0.3`, then `info` and `paths`"),
        )),
        Some(version) => check_version(&scalar_text(version)),
    }
}

fn scalar_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(input: &[u8]) -> String {
        match load(input) {
            Ok(_) => String::from("ok"),
            Err(report) => report.to_string(),
        }
    }

    #[test]
    fn tells_each_kind_of_wrong_input_apart() {
        assert!(message(b"").contains("the file is empty"));
        assert!(message(b"\x00\x01binary").contains("binary"));
        assert!(message(b"swagger: '2.0'\ninfo: {}\n").contains("Swagger 2.0"));
        assert!(
            message(b"openapi: 3.1.0\ninfo: {title: t, version: v}\npaths: {}\n")
                .contains("OpenAPI 3.1.0")
        );
        assert!(message(b"{\"name\": \"package.json\"}").contains("no `openapi` field"));
        assert!(message(b"- a\n- b\n").contains("not a mapping"));
        assert!(message(b"openapi: 3.0.3\ninfo: [\n").contains("not valid YAML"));
    }

    #[test]
    fn shape_errors_have_a_line() {
        let text = "openapi: 3.0.3\ninfo:\n  title: t\n  version: v\npaths:\n  /a:\n    get:\n      responses: 12\n";
        let report = load_str(text)
            .err()
            .map(|r| r.to_string())
            .unwrap_or_default();
        assert!(report.contains("shape of OpenAPI 3.0"), "{report}");
        assert!(report.contains("at #/paths/~1a/get"), "{report}");
    }

    #[test]
    fn minimal_document_loads() {
        let text = "openapi: 3.0.3\ninfo: {title: t, version: v}\npaths: {}\n";
        assert!(load_str(text).is_ok());
    }
}
