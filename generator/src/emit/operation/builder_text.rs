//! The regular parts of a request builder as text: its struct, `send()` and `IntoFuture`, as
//! prettyplease prints them when their lines fit (preformatted pieces,
//! [`crate::emit::preformatted`]), else as valid code that prettyplease breaks.

use super::super::docs::text_block;
use super::super::preformatted::{self, Text};
use super::super::type_text;
use super::STATEMENT_INDENT;
use crate::model::{BodyShape, Operation, PartValue, Payload, ResponseKind};

/// The builder struct: the client, each parameter (optional ones as `Option`), the body.
pub fn struct_text(op: &Operation, doc: &str) -> String {
    let mut text = Text::new();
    text.lines(&text_block(doc))
        .line("#[derive(Debug, Clone)]")
        .line("#[must_use = \"a request builder does nothing until it is sent or awaited\"]")
        .open(&format!("pub struct {} {{", op.builder_name))
        .line("client: Client,");
    let mut field = |name: &str, ty: String, optional: bool| {
        text.line(&match optional {
            false => format!("{name}: {ty},"),
            true => format!("{name}: Option<{ty}>,"),
        });
    };
    for param in &op.params {
        field(&param.rust_name, type_text(&param.ty), !param.required);
    }
    if let Some(body) = &op.body {
        match &body.shape {
            BodyShape::Fields(_) | BodyShape::Whole => {
                field(&body.rust_name, type_text(&body.ty), false)
            }
            BodyShape::OptionalWhole => field(&body.rust_name, type_text(&body.ty), true),
            // Each part a field; a list of files is empty rather than absent.
            BodyShape::Parts(parts) => {
                for part in parts {
                    let (ty, optional) = match &part.value {
                        PartValue::File => ("FilePart".to_owned(), !part.required),
                        PartValue::Files => ("Vec<FilePart>".to_owned(), false),
                        PartValue::Value { ty, .. } => (type_text(ty), !part.required),
                    };
                    field(&part.arg_name, ty, optional);
                }
            }
        }
    }
    text.close();
    text.finish()
}

/// `send()`, which hands the request and the response's decoder to the runtime.
pub fn send_text(op: &Operation, runtime: &str) -> String {
    let mut text = Text::new();
    text.line("/// Sends the request and decodes the response.")
        .line("#[inline]")
        .open(&format!(
            "pub fn send(self) -> ResponseFuture<{}> {{",
            output_text(op)
        ));
    let decode = decoder_text(op, runtime);
    let call = format!("{runtime}::send(&self.client, self.request(), {decode})");
    if preformatted::fits(&call, STATEMENT_INDENT) {
        text.line(&call);
    } else {
        // As prettyplease breaks a call too long for one line.
        text.open(&format!("{runtime}::send("))
            .line("&self.client,")
            .line("self.request(),")
            .line(&format!("{decode},"));
        text.close_with(")");
    }
    text.close();
    text.finish()
}

/// `impl IntoFuture`, which sends the request when the builder is awaited.
pub fn into_future_text(op: &Operation) -> String {
    let output = output_text(op);
    let mut text = Text::new();
    text.open(&format!("impl IntoFuture for {} {{", op.builder_name))
        .line(&format!("type Output = Result<{output}, Error>;"))
        .line(&format!("type IntoFuture = ResponseFuture<{output}>;"))
        .line("#[inline]")
        .open("fn into_future(self) -> Self::IntoFuture {")
        .line("self.send()")
        .close()
        .close();
    text.finish()
}

/// What `send()` gives: the payload, a page of items, or the operation's response enum.
fn output_text(op: &Operation) -> String {
    match &op.response {
        ResponseKind::Single(payload) => payload_text(payload),
        ResponseKind::Page(shape) => format!("Page<{}>", type_text(&shape.item)),
        ResponseKind::Multi(multi) => multi.name.clone(),
    }
}

/// The type a success response's payload decodes to.
pub fn payload_text(payload: &Payload) -> String {
    match payload {
        Payload::Empty => "()".to_owned(),
        Payload::Json(ty) => type_text(ty),
        Payload::Text => "String".to_owned(),
        Payload::Bytes => "Vec<u8>".to_owned(),
    }
}

/// The runtime function that decodes a successful response into the output type.
fn decoder_text(op: &Operation, runtime: &str) -> String {
    match &op.response {
        ResponseKind::Single(Payload::Empty) => format!("{runtime}::send::decode::empty"),
        ResponseKind::Single(Payload::Json(_)) => format!("{runtime}::send::decode::json"),
        ResponseKind::Single(Payload::Text) => format!("{runtime}::send::decode::text"),
        ResponseKind::Single(Payload::Bytes) => format!("{runtime}::send::decode::bytes"),
        ResponseKind::Page(_) => "<Self as Paginated>::decode_page".to_owned(),
        ResponseKind::Multi(_) => "decode_response".to_owned(),
    }
}
