//! Rustdoc from the spec's own words, made safe for rustdoc.
//!
//! Descriptions are Markdown written for a web page, so a few things are adjusted: relative
//! links are resolved against the docs site the spec links to, code fences without a language
//! become `text` (rustdoc would compile them as doctests), indentation that Markdown would read
//! as a code block is trimmed, bare URLs are wrapped in `<…>`, and stray `[…]` and `<…>` are
//! escaped so that rustdoc reads them as text, not as intra-doc links or HTML.

mod sanitize;
mod set_aside;

pub use sanitize::sanitize;
pub use set_aside::with_docs_set_aside;

use crate::model::{Docs, ErrorDoc, Operation};
use proc_macro2::TokenStream;
use quote::quote;
use sanitize::resolve;
use set_aside::placeholder;

/// `#[doc = "…"]` attributes for `docs`, one per line: summary, description, availability,
/// default, curation note, errors.
pub fn doc_attrs(docs: &Docs, link_base: Option<&str>) -> TokenStream {
    lines_to_attrs(&markdown(docs, None, link_base))
}

/// The rustdoc of an operation's `Client` method: its docs, with the request line
/// (`GET /orgs/{org}/actions/runners`) and the external docs link after the description.
pub fn operation_doc_attrs(op: &Operation, link_base: Option<&str>) -> TokenStream {
    lines_to_attrs(&operation_doc_text(op, link_base))
}

/// The Markdown of [`operation_doc_attrs`].
pub fn operation_doc_text(op: &Operation, link_base: Option<&str>) -> String {
    let mut request_line = format!("`{} {}`", op.http_method.as_str(), op.path_template);
    if let Some(body) = op
        .body
        .as_ref()
        .filter(|body| !body.alternatives.is_empty())
    {
        let others: Vec<String> = body
            .alternatives
            .iter()
            .map(|media_type| format!("`{media_type}`"))
            .collect();
        request_line.push_str(&format!(
            "\n\nThe API also accepts request bodies of type {}; this method sends `{}`.",
            natural_list(&others),
            body.media_type
        ));
    }
    markdown(&op.docs, Some(request_line), link_base)
}

/// The Markdown of `docs`, paragraph by paragraph.
fn markdown(docs: &Docs, request_line: Option<String>, link_base: Option<&str>) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let present = |text: &Option<String>| {
        text.as_deref()
            .map(str::trim)
            .filter(|text| !text.is_empty())
            .map(|text| sanitize(text, link_base))
    };
    if let Some(summary) = present(&docs.summary) {
        paragraphs.push(summary);
    }
    if let Some(description) = present(&docs.description)
        && paragraphs.first() != Some(&description)
    {
        paragraphs.push(description);
    }
    if !docs.availability.is_empty() {
        paragraphs.push(sanitize(
            &format!("Available on {}.", natural_list(&docs.availability)),
            link_base,
        ));
    }
    paragraphs.extend(request_line);
    if let Some(link) = &docs.external {
        let label = sanitize(&link.label, link_base);
        paragraphs.push(format!("[{label}]({})", resolve(&link.url, link_base)));
    }
    if let Some(default) = &docs.default {
        paragraphs.push(format!("Default: `{}`.", default.replace('`', "'")));
    }
    if let Some(note) = present(&docs.curation_note) {
        paragraphs.push(format!("Curation note: {note}"));
    }
    if !docs.errors.is_empty() {
        paragraphs.push(errors(&docs.errors, link_base));
    }
    paragraphs.join("\n\n")
}

/// `A`, `A and B`, `A, B and C`.
fn natural_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The `# Errors` section of a method.
fn errors(errors: &[ErrorDoc], link_base: Option<&str>) -> String {
    let lines: Vec<String> = errors
        .iter()
        .map(|error| {
            let model = error
                .model
                .as_ref()
                .map(|model| format!(" (body: `{model}`)"))
                .unwrap_or_default();
            sanitize(
                &format!("- `{}`: {}{model}", error.status, error.description),
                link_base,
            )
        })
        .collect();
    format!(
        "# Errors\n\nReturned as `Error::Api`; the spec documents:\n{}",
        lines.join("\n")
    )
}

/// `#[doc = "…"]` attributes for literal text (already Markdown-safe).
pub fn text_attrs(text: &str) -> TokenStream {
    lines_to_attrs(text)
}

/// The doc comment of `docs` as the lines of a preformatted piece ([`super::preformatted`]):
/// the placeholder of the block set aside, or (when blocks are not being set aside, or the
/// text holds the placeholder's marker) its lines as prettyplease prints doc attributes.
pub fn doc_block(docs: &Docs, link_base: Option<&str>) -> String {
    text_block(&markdown(docs, None, link_base))
}

/// [`doc_block`] for literal text (already Markdown-safe).
pub fn text_block(text: &str) -> String {
    if let Some(placeholder) = placeholder(text) {
        return format!("///{placeholder}\n");
    }
    // prettyplease trims a doc line's trailing spaces.
    text.lines()
        .map(|line| match line.trim_end_matches(' ') {
            "" => "///\n".to_owned(),
            line => format!("/// {line}\n"),
        })
        .collect()
}

fn lines_to_attrs(text: &str) -> TokenStream {
    if let Some(placeholder) = placeholder(text) {
        return quote!(#[doc = #placeholder]);
    }
    let attrs = text.lines().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        quote!(#[doc = #line])
    });
    quote!(#(#attrs)*)
}
