//! An operation's `Client` method as a preformatted piece ([`crate::emit::preformatted`]):
//! the text prettyplease prints for the tokens of [`super::method::client_method`], written
//! directly.

use super::super::docs::{operation_doc_text, text_block};
use super::super::preformatted::{self, Text};
use super::METHOD_INDENT;
use super::method::{argument_docs_text, argument_text};
use crate::model::{BodyShape, Operation};

/// A struct literal no longer than this may be printed on one line (prettyplease keeps short
/// ones together); such methods are written with tokens.
const SHORT_LITERAL: usize = 40;

/// `impl Client { pub fn <method>(&self, …) -> Builder { Builder { … } } }`, or `None` when
/// a part is not written as text here: a body of fields or parts (nested literals), a short
/// builder literal, a line that would not fit.
pub fn client_method_text(op: &Operation, link_base: Option<&str>) -> Option<String> {
    let mut decls = Vec::new();
    let mut stores = Vec::new();
    for param in op.params.iter().filter(|param| param.required) {
        let (decl, conversion) = argument_text(&param.rust_name, &param.ty);
        decls.push(decl);
        stores.push(match conversion {
            Some(value) => format!("{}: {value}", param.rust_name),
            None => param.rust_name.clone(),
        });
    }
    let unset = |name: &str| format!("{name}: None");
    let optional: Vec<String> = op
        .params
        .iter()
        .filter(|param| !param.required)
        .map(|param| unset(&param.rust_name))
        .collect();
    // In the order of the tokens: required parameters, optional ones, the body.
    match op.body.as_ref().map(|body| (body, &body.shape)) {
        None => stores.extend(optional),
        Some((body, BodyShape::Whole)) => {
            let (decl, conversion) = argument_text(&body.rust_name, &body.ty);
            decls.push(decl);
            stores.extend(optional);
            stores.push(match conversion {
                Some(value) => format!("{}: {value}", body.rust_name),
                None => body.rust_name.clone(),
            });
        }
        Some((body, BodyShape::OptionalWhole)) => {
            stores.extend(optional);
            stores.push(unset(&body.rust_name));
        }
        Some((_, BodyShape::Fields(_) | BodyShape::Parts(_))) => return None,
    }
    let (owner, client) = match &op.group {
        Some(group) => (format!("groups::{}<'_>", group.type_name), "self.0.clone()"),
        None => ("Client".to_owned(), "self.clone()"),
    };
    let builder = &op.builder_name;
    let one_line = format!("{builder} {{ client: {client}, {} }}", stores.join(", "));
    if one_line.chars().count() <= SHORT_LITERAL {
        return None;
    }
    let mut text = Text::new();
    text.open(&format!("impl {owner} {{"))
        .lines(&text_block(&operation_doc_text(op, link_base)));
    if let Some(arguments) = argument_docs_text(op) {
        text.lines(&text_block(&arguments));
    }
    if op.deprecated {
        text.line("#[deprecated]");
    }
    let method = &op.method_name;
    let tail = format!(") -> {builder} {{");
    let signature = match decls.is_empty() {
        true => format!("pub fn {method}(&self{tail}"),
        false => format!("pub fn {method}(&self, {}{tail}", decls.join(", ")),
    };
    if preformatted::fits(&signature, METHOD_INDENT) {
        text.open(&signature);
    } else {
        // As prettyplease breaks a signature too long for one line.
        text.open(&format!("pub fn {method}(")).line("&self,");
        for decl in &decls {
            text.line(&format!("{decl},"));
        }
        text.close_with(&tail).open_again();
    }
    text.open(&format!("{builder} {{"))
        .line(&format!("client: {client},"));
    for store in &stores {
        text.line(&format!("{store},"));
    }
    text.close().close().close();
    Some(text.finish())
}
