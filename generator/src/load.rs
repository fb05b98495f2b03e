//! Reading a spec: bytes → YAML (or JSON) → `openapiv3::OpenAPI`.
//!
//! This is the only module that uses `serde_yaml`, so swapping the YAML parser touches one
//! file. Syntax and shape errors carry the parser's line:column; inputs that are not OpenAPI
//! 3.0 at all (Swagger 2.0, OpenAPI 3.1, other JSON or YAML, empty or binary files) each get a
//! message of their own.

use crate::diagnostic::{Diagnostic, Location, Report};
use openapiv3::OpenAPI;

/// Parses a spec from raw bytes.
pub fn load(bytes: &[u8]) -> Result<OpenAPI, Report> {
    let text = decode_text(bytes).map_err(Report::single)?;
    load_str(text)
}

/// Parses a spec from text.
pub fn load_str(text: &str) -> Result<OpenAPI, Report> {
    if text.trim().is_empty() {
        return Err(Report::single(
            Diagnostic::whole_file("the file is empty")
                .help("write an OpenAPI 3.0 document (it starts with `openapi: 3.0.3`)"),
        ));
    }
    match serde_yaml::from_str::<OpenAPI>(text) {
        Ok(spec) => check_version(&spec.openapi)
            .map(|()| spec)
            .map_err(Report::single),
        Err(error) => Err(Report::single(diagnose(text, &error))),
    }
}

/// Rejects text that is not UTF-8 or holds NUL bytes.
fn decode_text(bytes: &[u8]) -> Result<&str, Diagnostic> {
    let binary = || {
        Diagnostic::whole_file("the file is binary, not a YAML or JSON text")
            .help("point the generator at an OpenAPI 3.0 document in YAML or JSON")
    };
    if bytes.contains(&0) {
        return Err(binary());
    }
    let text = std::str::from_utf8(bytes).map_err(|_| binary())?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Accepts OpenAPI 3.0.x only.
fn check_version(version: &str) -> Result<(), Diagnostic> {
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
    Err(Diagnostic {
        location: at,
        ..diagnostic
    })
}

/// Explains why text did not parse as OpenAPI 3.0, as precisely as possible.
fn diagnose(text: &str, error: &serde_yaml::Error) -> Diagnostic {
    let value = match serde_yaml::from_str::<serde_yaml::Value>(text) {
        Ok(value) => value,
        Err(syntax) => {
            return located(
                &syntax,
                format!(
                    "the file is not valid YAML or JSON: {}",
                    strip_location(&syntax)
                ),
            )
            .help("fix the syntax at this place");
        }
    };
    let Some(root) = value.as_mapping() else {
        return Diagnostic::whole_file(
            "the document is not a mapping, so it cannot be an OpenAPI document",
        )
        .help("an OpenAPI 3.0 document is a mapping that starts with `openapi: 3.0.3`");
    };
    if let Some(swagger) = root.get("swagger") {
        let version = scalar_text(swagger);
        return Diagnostic::whole_file(format!(
            "this is a Swagger {version} document; only OpenAPI 3.0 is supported"
        ))
        .help("convert it to OpenAPI 3.0 first (for example with swagger2openapi)");
    }
    match root.get("openapi") {
        None => Diagnostic::whole_file(
            "the document has no `openapi` field, so it is not an OpenAPI document",
        )
        .help("an OpenAPI 3.0 document starts with `openapi: 3.0.3`, then `info` and `paths`"),
        Some(version) => {
            let version = scalar_text(version);
            if !version.starts_with("3.0") {
                return check_version(&version)
                    .err()
                    .unwrap_or_else(|| Diagnostic::whole_file("unsupported OpenAPI version"));
            }
            located(
                error,
                format!("the document does not have the shape of OpenAPI 3.0: {}", strip_location(error)),
            )
            .help("compare this place with the OpenAPI 3.0.3 specification (https://spec.openapis.org/oas/v3.0.3)")
        }
    }
}

/// A diagnostic at the parser's line:column when it has one.
fn located(error: &serde_yaml::Error, message: String) -> Diagnostic {
    let mut diagnostic = Diagnostic::whole_file(message);
    if let Some(location) = error.location() {
        diagnostic.location = Location::LineColumn {
            line: location.line(),
            column: location.column(),
        };
    }
    diagnostic
}

/// The parser's message without its trailing "at line X column Y".
fn strip_location(error: &serde_yaml::Error) -> String {
    let message = error.to_string();
    match message.find(" at line ") {
        Some(index) => message[..index].to_owned(),
        None => message,
    }
}

fn scalar_text(value: &serde_yaml::Value) -> String {
    match value {
        serde_yaml::Value::String(text) => text.clone(),
        serde_yaml::Value::Number(number) => number.to_string(),
        other => format!("{other:?}"),
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
        assert!(report.contains(":6:3"), "{report}");
    }

    #[test]
    fn minimal_document_loads() {
        let text = "openapi: 3.0.3\ninfo: {title: t, version: v}\npaths: {}\n";
        assert!(load_str(text).is_ok());
    }
}
