//! A request builder's `request()` as a preformatted piece ([`crate::emit::preformatted`]):
//! the text prettyplease prints for the tokens of [`super::request::request_fn`], written
//! directly.

use super::super::preformatted::{self, Text, string_literal};
use super::STATEMENT_INDENT;
use crate::model::{
    BodyEncoding, BodyShape, Operation, ParamLocation, PathPart, TypeRef, WireEncoding,
};
use std::collections::HashSet;

/// The expression that turns the stored value `value` into the text of a path segment, query
/// pair or header (JSON encoding can fail, so it may return early with `Error::Encode`).
pub fn wire_text(value: &str, encoding: &WireEncoding) -> String {
    match encoding {
        WireEncoding::Rfc3339 => format!("{value}.to_rfc3339()"),
        WireEncoding::Secret => format!("{value}.expose_secret()"),
        WireEncoding::Json | WireEncoding::EachItem(_) => {
            format!("serde_json::to_string(&{value}).map_err(Error::Encode)?")
        }
        WireEncoding::Display => format!("{value}.to_string()"),
    }
}

/// `fn request(&self) -> Result<Request, Error>`, or `None` when a part is not written as
/// text here (a multipart body, a literal that needs escapes, a statement that would not fit
/// on one line and that prettyplease breaks in a way not written here).
pub fn request_text(
    op: &Operation,
    runtime: &str,
    copy_newtypes: &HashSet<String>,
) -> Option<String> {
    let mut text = Text::new();
    text.line("/// Builds the HTTP request.")
        .line("#[inline]")
        .open("fn request(&self) -> Result<Request, Error> {");
    let mut format_string = String::new();
    for part in &op.path {
        match part {
            PathPart::Literal(literal) => {
                format_string.push_str(&literal.replace('{', "{{").replace('}', "}}"))
            }
            PathPart::Param { index, local } => {
                let Some(param) = op.params.get(*index) else {
                    continue;
                };
                let field = format!("self.{}", param.rust_name);
                let value = match &param.encoding {
                    WireEncoding::Display if is_copy(&param.ty, copy_newtypes) => field,
                    WireEncoding::Display => format!("&{field}"),
                    encoding => wire_text(&field, encoding),
                };
                statement(
                    &mut text,
                    &format!("let {local} = {runtime}::path_segment({value});"),
                )?;
                format_string.push('{');
                format_string.push_str(local);
                format_string.push('}');
            }
        }
    }
    let format_literal = string_literal(&format_string)?;
    let path = if format_string.contains('{') {
        format!("let path = format!({format_literal});")
    } else {
        format!("let path = String::from({format_literal});")
    };
    if preformatted::fits(&path, STATEMENT_INDENT) {
        text.line(&path);
    } else if format_string.contains('{') {
        // As prettyplease breaks a macro call too long for one line (no trailing comma).
        text.open("let path = format!(").line(&format_literal);
        text.close_with(");");
    } else {
        return None;
    }
    let mut steps = Vec::new();
    for param in &op.params {
        let method = match param.location {
            ParamLocation::Path => continue,
            ParamLocation::Query => "query",
            ParamLocation::Header => "header",
        };
        let wire = string_literal(&param.wire_name)?;
        let add = |value: &str, encoding: &WireEncoding| {
            format!(
                "request = request.{method}({wire}, {});",
                wire_text(value, encoding)
            )
        };
        let field = format!("self.{}", param.rust_name);
        steps.push(match (&param.encoding, param.required) {
            (WireEncoding::EachItem(item), true) => {
                Step::Block(format!("for value in &{field} {{"), add("value", item))
            }
            (WireEncoding::EachItem(item), false) => Step::Block(
                format!("for value in {field}.iter().flatten() {{"),
                add("value", item),
            ),
            (encoding, true) => Step::Line(add(&field, encoding)),
            (encoding, false) => Step::Block(
                format!("if let Some(value) = &{field} {{"),
                add("value", encoding),
            ),
        });
    }
    if let Some(accept) = &op.accept {
        steps.push(Step::Line(format!(
            "request = request.accept({});",
            string_literal(accept)?
        )));
    }
    if let Some(body) = &op.body {
        let media_type = string_literal(&body.media_type)?;
        let add = |place: &str, reference: &str| match body.encoding {
            BodyEncoding::Json => Some(format!("request = request.json({reference})?;")),
            BodyEncoding::Form => Some(format!("request = request.form({reference})?;")),
            BodyEncoding::Text => Some(format!(
                "request = request.text({media_type}, {place}.clone());"
            )),
            BodyEncoding::Binary => Some(format!(
                "request = request.bytes({media_type}, {place}.clone());"
            )),
            BodyEncoding::Multipart => None,
        };
        let field = format!("self.{}", body.rust_name);
        steps.push(match &body.shape {
            BodyShape::Parts(_) => return None,
            BodyShape::Fields(_) | BodyShape::Whole => {
                Step::Line(add(&field, &format!("&{field}"))?)
            }
            BodyShape::OptionalWhole => Step::Block(
                format!("if let Some(body) = &{field} {{"),
                add("body", "body")?,
            ),
        });
    }
    let binding = if steps.is_empty() {
        "let request"
    } else {
        "let mut request"
    };
    let http = op.http_method.as_str();
    let template = string_literal(&op.path_template)?;
    let new = format!("{binding} = Request::new(reqwest::Method::{http}, {template}, path);");
    if preformatted::fits(&new, STATEMENT_INDENT) {
        text.line(&new);
    } else {
        // As prettyplease breaks a function call too long for one line.
        text.open(&format!("{binding} = Request::new("))
            .line(&format!("reqwest::Method::{http},"))
            .line(&format!("{template},"))
            .line("path,");
        text.close_with(");");
    }
    for step in steps {
        match step {
            Step::Line(line) => statement(&mut text, &line)?,
            Step::Block(head, line) => {
                if !preformatted::fits(&head, STATEMENT_INDENT)
                    || !preformatted::fits(&line, STATEMENT_INDENT + 4)
                {
                    return None;
                }
                text.open(&head).line(&line).close();
            }
        }
    }
    text.line("Ok(request)").close();
    Some(text.finish())
}

/// A statement of `request()`: one line, or a block around one line.
enum Step {
    Line(String),
    Block(String, String),
}

/// One statement on one line, `None` when it would not fit.
fn statement(text: &mut Text, line: &str) -> Option<()> {
    preformatted::fits(line, STATEMENT_INDENT).then(|| {
        text.line(line);
    })
}

/// Whether values of `ty` are `Copy` (and so are passed by value, not borrowed).
pub fn is_copy(ty: &TypeRef, copy_newtypes: &HashSet<String>) -> bool {
    match ty {
        TypeRef::I32 | TypeRef::I64 | TypeRef::F32 | TypeRef::F64 | TypeRef::Bool => true,
        TypeRef::Newtype(name) => copy_newtypes.contains(name),
        _ => false,
    }
}
