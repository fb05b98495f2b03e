//! A paginated operation's paging impls, as the text prettyplease prints for them when their
//! lines fit (a preformatted piece, [`crate::emit::preformatted`]); otherwise as valid code that
//! prettyplease breaks.

use super::super::preformatted::{self, Text};
use super::super::type_text;
use super::METHOD_INDENT;
use crate::model::{Operation, PageShape, TypeRef};

/// `impl Builder { stream, collect_all }`.
pub fn stream_impl_text(op: &Operation, shape: &PageShape, runtime: &str) -> String {
    let item = type_text(&shape.item);
    let mut text = Text::new();
    text.open(&format!("impl {} {{", op.builder_name))
        .line(
            "/// Streams every item of every page, fetching pages lazily (100 items a page unless",
        )
        .line("/// `per_page` was set) and following the `Link` header until the last page.")
        .line("#[inline]");
    signature(
        &mut text,
        "pub fn stream(",
        "self",
        &format!(") -> futures::stream::BoxStream<'static, Result<{item}, Error>> {{"),
    );
    text.line(&format!("{runtime}::stream(self)"))
        .close()
        .line("/// Fetches every page and collects all items.")
        .line("#[inline]");
    signature(
        &mut text,
        "pub fn collect_all(",
        "self",
        &format!(") -> ResponseFuture<Vec<{item}>> {{"),
    );
    text.line(&format!("{runtime}::collect_all(self)"))
        .close()
        .close();
    text.finish()
}

/// `impl Paginated for Builder`.
pub fn paginated_impl_text(op: &Operation, shape: &PageShape) -> String {
    let item = type_text(&shape.item);
    let default_page_size = shape
        .per_page_param
        .as_ref()
        .map(|param| (param, per_page_value(op, param)));
    let items = match &shape.items_field {
        Some(field) => format!("body.{field}"),
        None => "body".to_owned(),
    };
    let total = match &shape.total_count_field {
        Some(total) if total.optional => format!(
            "body.{}.and_then(|count| u64::try_from(count).ok())",
            total.rust_name
        ),
        Some(total) => format!("u64::try_from(body.{}).ok()", total.rust_name),
        None => "None".to_owned(),
    };
    let mut text = Text::new();
    text.open(&format!("impl Paginated for {} {{", op.builder_name))
        .line(&format!("type Item = {item};"))
        .line("type Client = Client;")
        .open("fn client(&self) -> &Client {")
        .line("&self.client")
        .close()
        .line("#[inline]");
    match default_page_size {
        Some((field, value)) => {
            text.open("fn first_request(&self, default_per_page: u32) -> Result<Request, Error> {")
                .line("let mut first = self.clone();")
                .open(&format!("if first.{field}.is_none() {{"))
                .line(&format!("first.{field} = {value};"))
                .close();
        }
        None => {
            text.open(
                "fn first_request(&self, _default_per_page: u32) -> Result<Request, Error> {",
            )
            .line("let first = self.clone();");
        }
    }
    text.line("first.request()").close().line("#[inline]");
    signature(
        &mut text,
        "fn decode_page(",
        "response: &RawResponse",
        &format!(") -> Result<Page<{item}>, Error> {{"),
    );
    text.line(&format!(
        "let body: {} = response.json()?;",
        type_text(&shape.body)
    ))
    .line(&format!("let total_count = {total};"))
    .line(&format!("Ok(Page::new({items}, total_count, response))"))
    .close()
    .close();
    text.finish()
}

/// The value `first_request` gives the page-size parameter `param` from the runtime's
/// `default_per_page: u32`: `u32` fits in an `i64` (and a `f64`); narrower types may not take it.
fn per_page_value(op: &Operation, param: &str) -> &'static str {
    let ty = op
        .params
        .iter()
        .find(|p| p.rust_name == param)
        .map(|p| &p.ty);
    match ty {
        Some(TypeRef::I64) => "Some(i64::from(default_per_page))",
        Some(TypeRef::F64) => "Some(f64::from(default_per_page))",
        _ => "TryFrom::try_from(default_per_page).ok()",
    }
}

/// Opens a method of one parameter as prettyplease prints it: on one line when it fits at
/// [`METHOD_INDENT`], else with the parameter on a line of its own (when even the last line does
/// not fit, the piece is printed from tokens, see [`preformatted::piece_or_tokens`]).
fn signature(text: &mut Text, head: &str, param: &str, tail: &str) {
    let line = format!("{head}{param}{tail}");
    if preformatted::fits(&line, METHOD_INDENT) {
        text.open(&line);
        return;
    }
    text.open(head).line(&format!("{param},"));
    text.close_with(tail).open_again();
}
