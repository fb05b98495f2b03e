//! Doc blocks set aside while a chunk is parsed and printed: each block is one placeholder
//! attribute in the tokens, written back afterwards as prettyplease writes doc comments.

use std::cell::RefCell;

/// Starts the placeholder of a doc block set aside (a character of Unicode's private use area,
/// which no spec text that contains it can ever be mistaken for: such text is never set aside).
const BLOCK_MARKER: char = '\u{F8FF}';

thread_local! {
    /// The doc blocks set aside while [`with_docs_set_aside`] runs.
    static SET_ASIDE: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
}

/// Keeps `text` aside, if blocks are being set aside, and returns the placeholder that
/// stands for it (the value of its one `#[doc]` attribute). `None` when blocks are not being
/// set aside, or for no text or text holding the marker, which stay plain doc attributes.
pub fn placeholder(text: &str) -> Option<String> {
    if text.lines().next().is_none() || text.contains(BLOCK_MARKER) {
        return None;
    }
    SET_ASIDE.with(|blocks| {
        let mut blocks = blocks.borrow_mut();
        let blocks = blocks.as_mut()?;
        blocks.push(text.to_owned());
        Some(format!("{BLOCK_MARKER}{}", blocks.len() - 1))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::docs::text_attrs;
    use proc_macro2::TokenStream;
    use quote::quote;

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
}
