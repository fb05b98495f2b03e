//! Rustdoc from the spec's own words, made safe for rustdoc.
//!
//! Descriptions are Markdown written for a web page, so a few things are adjusted: relative
//! links are resolved against the docs site the spec links to, code fences without a language
//! become `text` (rustdoc would compile them as doctests), indentation that Markdown would read
//! as a code block is trimmed, bare URLs are wrapped in `<…>`, and stray `[…]` and `<…>` are
//! escaped so that rustdoc reads them as text, not as intra-doc links or HTML.

use crate::model::{Docs, ErrorDoc, Operation};
use proc_macro2::TokenStream;
use quote::quote;
use std::cell::RefCell;

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
/// the placeholder of the block set aside, nothing for no docs, `None` when the block cannot
/// be set aside (its text holds the placeholder's marker; the piece is written with tokens).
pub fn doc_block(docs: &Docs, link_base: Option<&str>) -> Option<String> {
    text_block(&markdown(docs, None, link_base))
}

/// [`doc_block`] for literal text (already Markdown-safe).
pub fn text_block(text: &str) -> Option<String> {
    if text.lines().next().is_none() {
        return Some(String::new());
    }
    if text.contains(BLOCK_MARKER) {
        return None;
    }
    set_aside(text).map(|index| format!("///{BLOCK_MARKER}{index}\n"))
}

fn lines_to_attrs(text: &str) -> TokenStream {
    if text.lines().next().is_some()
        && !text.contains(BLOCK_MARKER)
        && let Some(index) = set_aside(text)
    {
        let placeholder = format!("{BLOCK_MARKER}{index}");
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

/// Starts the placeholder of a doc block set aside (a character of Unicode's private use area,
/// which no spec text that contains it can ever be mistaken for: such text is never set aside).
const BLOCK_MARKER: char = '\u{F8FF}';

thread_local! {
    /// The doc blocks set aside while [`with_docs_set_aside`] runs.
    static SET_ASIDE: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
}

/// Keeps `text` aside, if blocks are being set aside; its index.
fn set_aside(text: &str) -> Option<usize> {
    SET_ASIDE.with(|blocks| {
        let mut blocks = blocks.borrow_mut();
        let blocks = blocks.as_mut()?;
        blocks.push(text.to_owned());
        Some(blocks.len() - 1)
    })
}

/// Doc blocks kept out of the tokens of one chunk, to be put back into its formatted text by
/// [`DocBlocks::put_back`].
///
/// Docs are two fifths of the generated text, and as `#[doc = "…"]` attributes each line
/// costs an escaped literal in the tokens, an expression for `syn` to parse and a literal for
/// prettyplease to unescape: at opt-level 0, in every build that generates, a large part of
/// the formatting. Set aside, a whole block is one short attribute, and its lines are
/// written back as prettyplease writes doc comments (`///` and the line).
#[derive(Debug, Default)]
pub struct DocBlocks(Vec<String>);

/// Runs `emit` with every doc block it makes set aside (a placeholder attribute in the tokens).
pub fn with_docs_set_aside<T>(emit: impl FnOnce() -> T) -> (T, DocBlocks) {
    let previous = SET_ASIDE.with(|blocks| blocks.borrow_mut().replace(Vec::new()));
    let value = emit();
    let blocks = SET_ASIDE.with(|blocks| std::mem::replace(&mut *blocks.borrow_mut(), previous));
    (value, DocBlocks(blocks.unwrap_or_default()))
}

impl DocBlocks {
    /// `formatted` with each placeholder line (`///` and the placeholder, indented) replaced by
    /// the block's lines, indented alike.
    pub fn put_back(&self, formatted: &str) -> String {
        if self.0.is_empty() {
            return formatted.to_owned();
        }
        let extra: usize = self.0.iter().map(String::len).sum();
        let mut out = String::with_capacity(formatted.len() + extra);
        // From placeholder to placeholder (not line by line: most lines have none).
        let mut rest = formatted;
        while let Some(at) = rest.find(BLOCK_MARKER) {
            let line_start = rest[..at].rfind('\n').map_or(0, |newline| newline + 1);
            let line_end = rest[at..]
                .find('\n')
                .map_or(rest.len(), |newline| at + newline + 1);
            let prefix = &rest[line_start..at];
            let index = rest[at + BLOCK_MARKER.len_utf8()..line_end].trim_end();
            let indent = prefix
                .strip_suffix("///")
                .filter(|indent| indent.bytes().all(|b| b == b' '));
            let block = index
                .parse::<usize>()
                .ok()
                .and_then(|index| self.0.get(index));
            out.push_str(&rest[..line_start]);
            match (indent, block) {
                (Some(indent), Some(block)) => {
                    for doc_line in block.lines() {
                        out.push_str(indent);
                        out.push_str("///");
                        if !doc_line.is_empty() {
                            out.push(' ');
                            out.push_str(doc_line);
                        }
                        out.push('\n');
                    }
                }
                // Not a placeholder line (cannot happen: spec text with the marker is never
                // set aside); kept as it is.
                _ => out.push_str(&rest[line_start..line_end]),
            }
            rest = &rest[line_end..];
        }
        out.push_str(rest);
        out
    }
}

/// Makes Markdown from a spec safe for rustdoc.
pub fn sanitize(text: &str, link_base: Option<&str>) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut in_fence = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            // Whatever the language, a fence from the spec is shown, never run as a doctest.
            out.push_str(if in_fence { "```" } else { "```text" });
            in_fence = !in_fence;
            out.push('\n');
            continue;
        }
        if in_fence {
            out.push_str(line);
        } else {
            let indent = line.len() - trimmed.len();
            let kept = " ".repeat(indent.min(2));
            out.push_str(&kept);
            out.push_str(&inline(trimmed, link_base));
        }
        out.push('\n');
    }
    if in_fence {
        out.push_str("```\n");
    }
    out.trim_end().to_owned()
}

/// Escapes and rewrites one line of prose.
fn inline(line: &str, link_base: Option<&str>) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 8);
    let mut index = 0;
    while index < chars.len() {
        let c = chars[index];
        match c {
            '`' => {
                // Inline code is copied verbatim up to its closing backtick.
                let end = chars[index + 1..]
                    .iter()
                    .position(|&d| d == '`')
                    .map(|p| index + 1 + p);
                match end {
                    Some(end) => {
                        out.extend(&chars[index..=end]);
                        index = end + 1;
                    }
                    None => {
                        out.push_str("\\`");
                        index += 1;
                    }
                }
                continue;
            }
            '[' => {
                if let Some((label_end, url_end)) = markdown_link(&chars, index) {
                    let label: String = chars[index + 1..label_end].iter().collect();
                    let url: String = chars[label_end + 2..url_end].iter().collect();
                    out.push('[');
                    out.push_str(&inline(&label, link_base));
                    out.push_str("](");
                    out.push_str(&resolve(url.trim(), link_base));
                    out.push(')');
                    index = url_end + 1;
                    continue;
                }
                out.push_str("\\[");
            }
            ']' => out.push_str("\\]"),
            '<' => {
                let rest: String = chars[index..].iter().take(9).collect();
                if rest.starts_with("<http://") || rest.starts_with("<https://") {
                    let end = chars[index..]
                        .iter()
                        .position(|&d| d == '>')
                        .map(|p| index + p);
                    if let Some(end) = end {
                        out.extend(&chars[index..=end]);
                        index = end + 1;
                        continue;
                    }
                }
                out.push_str("&lt;");
            }
            '>' => out.push_str("&gt;"),
            'h' if starts_url(&chars[index..]) => {
                let mut end = index;
                while end < chars.len()
                    && !chars[end].is_whitespace()
                    && !matches!(chars[end], '<' | '>' | '"' | '`')
                {
                    end += 1;
                }
                while end > index
                    && matches!(
                        chars[end - 1],
                        '.' | ',' | ';' | ':' | ')' | '!' | '?' | '\''
                    )
                {
                    end -= 1;
                }
                out.push('<');
                out.extend(&chars[index..end]);
                out.push('>');
                index = end;
                continue;
            }
            _ => out.push(c),
        }
        index += 1;
    }
    out
}

fn starts_url(chars: &[char]) -> bool {
    let head: String = chars.iter().take(8).collect();
    head.starts_with("http://") || head.starts_with("https://")
}

/// For `[label](url)` starting at `start`: the index of `]` and of `)`.
fn markdown_link(chars: &[char], start: usize) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut label_end = None;
    for (offset, &c) in chars[start..].iter().enumerate() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    label_end = Some(start + offset);
                    break;
                }
            }
            _ => {}
        }
    }
    let label_end = label_end?;
    if chars.get(label_end + 1) != Some(&'(') {
        return None;
    }
    let url_end = chars[label_end + 2..].iter().position(|&c| c == ')')? + label_end + 2;
    let url: String = chars[label_end + 2..url_end].iter().collect();
    if url.contains(char::is_whitespace) && !url.trim().starts_with("http") {
        return None;
    }
    Some((label_end, url_end))
}

/// Resolves a relative link against the docs site.
fn resolve(url: &str, link_base: Option<&str>) -> String {
    match link_base {
        Some(base) if url.starts_with('/') && !url.starts_with("//") => format!("{base}{url}"),
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The item prettyplease prints for `tokens`.
    fn printed(tokens: TokenStream) -> String {
        prettyplease::unparse(&syn::parse2(tokens).unwrap_or_else(|error| panic!("{error}")))
    }

    #[test]
    fn doc_blocks_set_aside_come_back_as_prettyplease_prints_them() {
        let emit = || {
            let outer = text_attrs("A struct.\n\nWith `code`, \"quotes\", a \\ and ✓.");
            let field = text_attrs("A field.\n  indented\n");
            let none = text_attrs("");
            quote! {
                #outer
                pub struct S {
                    #field
                    #none
                    pub a: i64,
                }
            }
        };
        let direct = printed(emit());
        let (tokens, blocks) = with_docs_set_aside(emit);
        let aside = printed(tokens);
        assert_ne!(aside, direct, "the blocks were set aside");
        assert_eq!(blocks.put_back(&aside), direct);
        // Outside `with_docs_set_aside`, docs are attributes as always.
        assert_eq!(printed(emit()), direct);
    }

    #[test]
    fn text_with_the_marker_is_never_set_aside() {
        let text = format!("Says {BLOCK_MARKER}0 on purpose.");
        let (tokens, blocks) = with_docs_set_aside(|| text_attrs(&text));
        assert!(blocks.0.is_empty());
        assert_eq!(tokens.to_string(), text_attrs(&text).to_string());
    }

    #[test]
    fn links_urls_brackets_and_tags() {
        let base = Some("https://docs.github.com");
        assert_eq!(
            sanitize(
                "See [scopes](/apps/scopes#x) and [repo] for <YOUR-TOKEN>.",
                base
            ),
            "See [scopes](https://docs.github.com/apps/scopes#x) and \\[repo\\] for &lt;YOUR-TOKEN&gt;."
        );
        assert_eq!(
            sanitize("Visit https://example.com/a. Or <https://b.example>.", None),
            "Visit <https://example.com/a>. Or <https://b.example>."
        );
        assert_eq!(sanitize("`a [b] <c>` stays", None), "`a [b] <c>` stays");
    }

    #[test]
    fn code_fences_and_indentation() {
        assert_eq!(sanitize("```\ncurl x\n```", None), "```text\ncurl x\n```");
        assert_eq!(sanitize("```json\n{}", None), "```text\n{}\n```");
        assert_eq!(sanitize("a\n        indented", None), "a\n  indented");
    }
}
