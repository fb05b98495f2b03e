//! Pieces of a chunk written directly as the text prettyplease would print, without tokens.
//!
//! At opt-level 0 (where every user's build script runs), most of a first generation goes into
//! `syn` parsing the emitted tokens and prettyplease printing them. The most regular pieces (a
//! setter, a model struct, a builder struct, an `IntoFuture` impl) have one printed form as
//! long as each line fits prettyplease's margin, so their emitters write that form as text.
//! While [`with_pieces`] runs, such a piece becomes a one-line placeholder item in the tokens
//! (`__preformatted!(N);`), and [`Pieces::put_back`] replaces each placeholder line of the
//! printed chunk with the piece, indented like the placeholder. A piece with a line that would
//! pass the margin where it lands is not placed: its text is lexed into tokens
//! ([`piece_or_tokens`]) or its emitter writes tokens ([`piece`]), and prettyplease breaks the
//! line. Should a placed piece land deeper than its emitter assumed, `put_back` gives up and
//! the chunk is emitted again without pieces. The text is byte for byte what prettyplease
//! prints either way, which the tests check on every spec of the corpus.
//!
//! A piece's text has no blank lines (the formatter adds them between items afterwards, as it
//! does for printed items) and holds doc blocks as the placeholders of [`super::docs`].

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use std::cell::RefCell;

/// prettyplease's margin: it breaks a line that would be longer.
const MARGIN: usize = 89;

/// The macro name of a placeholder item (no spec text can make it: the formatter only ever
/// sees it in tokens an emitter wrote).
const PLACEHOLDER: &str = "__preformatted";

thread_local! {
    /// The pieces written while [`with_pieces`] runs.
    static PIECES: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
}

/// Whether emitters are writing pieces as text now.
pub fn active() -> bool {
    PIECES.with(|pieces| pieces.borrow().is_some())
}

/// The placeholder item of a piece's text, to be printed at `indent` spaces; or `None` (the
/// caller writes tokens) when pieces are not being collected, the piece could not be written
/// (`text` is `None`), or a line of it would pass the margin there.
pub fn piece(text: Option<String>, indent: usize) -> Option<TokenStream> {
    let text = text.filter(|text| fits_all(text, indent))?;
    push(text).ok()
}

/// A piece whose text is always valid code: its placeholder when it can be written as text
/// at `indent` ([`piece`]), else its text as tokens, for prettyplease to print (and break
/// where a line is too long).
pub fn piece_or_tokens(text: String, indent: usize) -> TokenStream {
    let text = match fits_all(&text, indent) {
        true => match push(text) {
            Ok(placeholder) => return placeholder,
            Err(text) => text,
        },
        false => text,
    };
    super::tokens_of(&text)
}

/// Whether every line of `text` fits at `indent`.
fn fits_all(text: &str, indent: usize) -> bool {
    text.lines().all(|line| fits(line, indent))
}

/// Keeps `text` as a piece of the chunk being emitted and returns its placeholder item; gives
/// the text back when pieces are not being collected.
fn push(text: String) -> Result<TokenStream, String> {
    PIECES.with(|pieces| {
        let mut pieces = pieces.borrow_mut();
        let Some(pieces) = pieces.as_mut() else {
            return Err(text);
        };
        pieces.push(text);
        let index = proc_macro2::Literal::usize_unsuffixed(pieces.len() - 1);
        let name = Ident::new(PLACEHOLDER, Span::call_site());
        Ok(quote!(#name!(#index);))
    })
}

/// Pieces of one chunk, to be put back into its printed text.
#[derive(Debug, Default)]
pub struct Pieces(Vec<String>);

/// Runs `emit` with pieces written as text (`enabled`) or not.
pub fn with_pieces<T>(enabled: bool, emit: impl FnOnce() -> T) -> (T, Pieces) {
    let previous =
        PIECES.with(|pieces| std::mem::replace(&mut *pieces.borrow_mut(), enabled.then(Vec::new)));
    let value = emit();
    let pieces = PIECES.with(|pieces| std::mem::replace(&mut *pieces.borrow_mut(), previous));
    (value, Pieces(pieces.unwrap_or_default()))
}

impl Pieces {
    /// `printed` with each placeholder line replaced by its piece, indented alike; `None`
    /// when a line of a piece would pass the margin at that indentation.
    pub fn put_back(&self, printed: &str) -> Option<String> {
        if self.0.is_empty() {
            return Some(printed.to_owned());
        }
        let extra: usize = self.0.iter().map(String::len).sum();
        let mut out = String::with_capacity(printed.len() + extra);
        for line in printed.lines() {
            let trimmed = line.trim_start();
            let Some(piece) = placeholder_index(trimmed).and_then(|index| self.0.get(index)) else {
                out.push_str(line);
                out.push('\n');
                continue;
            };
            let indent = &line[..line.len() - trimmed.len()];
            for piece_line in piece.lines() {
                if !fits(piece_line, indent.len()) {
                    return None;
                }
                out.push_str(indent);
                out.push_str(piece_line);
                out.push('\n');
            }
        }
        Some(out)
    }
}

/// Whether prettyplease prints `line` as it is at `indent` spaces: it fits the margin, or it
/// is a doc comment (never broken).
pub fn fits(line: &str, indent: usize) -> bool {
    indent + line.chars().count() <= MARGIN || line.trim_start().starts_with("///")
}

/// The index in a placeholder line (`__preformatted!(N);`).
fn placeholder_index(trimmed: &str) -> Option<usize> {
    trimmed
        .strip_prefix(PLACEHOLDER)?
        .strip_prefix("!(")?
        .strip_suffix(");")?
        .parse()
        .ok()
}

/// Writes a piece line by line, with the indentation of its nesting.
#[derive(Debug, Default)]
pub struct Text {
    out: String,
    depth: usize,
}

impl Text {
    /// An empty piece.
    pub fn new() -> Text {
        Text::default()
    }

    /// One line at the current depth.
    pub fn line(&mut self, line: &str) -> &mut Text {
        for _ in 0..self.depth {
            self.out.push_str("    ");
        }
        self.out.push_str(line);
        self.out.push('\n');
        self
    }

    /// Lines already indented relative to the current depth (doc placeholders).
    pub fn lines(&mut self, lines: &str) -> &mut Text {
        for line in lines.lines() {
            self.line(line);
        }
        self
    }

    /// A line that opens a block (ends with `{`); what follows is one level deeper.
    pub fn open(&mut self, line: &str) -> &mut Text {
        self.line(line);
        self.depth += 1;
        self
    }

    /// Closes the innermost block with `}`.
    pub fn close(&mut self) -> &mut Text {
        self.depth = self.depth.saturating_sub(1);
        self.line("}")
    }

    /// Closes the innermost block with `line` (`) -> Self {`), which may open the next one
    /// (see [`Text::open_again`]).
    pub fn close_with(&mut self, line: &str) -> &mut Text {
        self.depth = self.depth.saturating_sub(1);
        self.line(line)
    }

    /// One level deeper, after a line that opens a block.
    pub fn open_again(&mut self) -> &mut Text {
        self.depth += 1;
        self
    }

    /// The text written.
    pub fn finish(&mut self) -> String {
        std::mem::take(&mut self.out)
    }
}

/// A string literal as prettyplease prints it, for text that needs no escapes (others get
/// `None`, and their piece is written with tokens).
pub fn string_literal(text: &str) -> Option<String> {
    text.chars()
        .all(|c| (c.is_ascii_graphic() || c == ' ') && c != '"' && c != '\\')
        .then(|| format!("\"{text}\""))
}

/// A string literal of any `text`: as [`string_literal`] writes it, else with Rust's escapes
/// (for a piece whose text is lexed when it does not fit, [`piece_or_tokens`]).
pub fn string_text(text: &str) -> String {
    string_literal(text).unwrap_or_else(|| format!("{text:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_placeholder_is_replaced_with_its_piece_indented_like_it() {
        let ((), pieces) = with_pieces(true, || {
            assert!(piece(Some("fn a() {\n    b();\n}\n".to_owned()), 4).is_some());
        });
        let printed = "mod m {\n    __preformatted!(0);\n}\n";
        assert_eq!(
            pieces.put_back(printed).as_deref(),
            Some("mod m {\n    fn a() {\n        b();\n    }\n}\n")
        );
    }

    #[test]
    fn a_line_past_the_margin_gives_up_but_a_doc_line_does_not() {
        let long = "x".repeat(MARGIN - 6);
        let ((), pieces) = with_pieces(true, || {
            assert!(piece(Some(format!("/// {long}{long}\n{long};\n")), 0).is_some());
            assert!(piece(Some(format!("{long};\n")), 8).is_none());
        });
        assert!(pieces.put_back("__preformatted!(0);\n").is_some());
        assert!(pieces.put_back("    __preformatted!(0);\n").is_some());
        assert!(pieces.put_back("        __preformatted!(0);\n").is_none());
    }

    #[test]
    fn without_collecting_there_is_no_placeholder() {
        assert!(piece(Some("fn a() {}\n".to_owned()), 0).is_none());
        let ((), pieces) = with_pieces(false, || {
            assert!(!active());
            assert!(piece(Some("fn a() {}\n".to_owned()), 0).is_none());
        });
        assert!(pieces.0.is_empty());
    }

    #[test]
    fn only_plain_strings_are_written_as_literals() {
        assert_eq!(string_literal("a-b_c").as_deref(), Some("\"a-b_c\""));
        assert_eq!(string_literal("a\"b"), None);
        assert_eq!(string_literal("é"), None);
    }
}
