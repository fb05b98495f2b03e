//! An operation's request builder: its fields, its setters ([`super::setters`]), `request()`,
//! `send()` and `IntoFuture`.

use super::super::preformatted;
use super::super::{Context, ident, path_text};
use super::builder_text::{into_future_text, send_text, struct_text};
use super::request::request_fn;
use super::response::{decode_fn, paginated};
use super::setters::setters;
use super::{ITEM_INDENT, METHOD_INDENT};
use crate::model::{Operation, ResponseKind};
use crate::naming::bare;
use proc_macro2::TokenStream;
use quote::quote;

/// The builder struct and its impls.
pub fn builder(op: &Operation, context: &Context) -> TokenStream {
    let name = ident(&op.builder_name);
    let method = bare(&op.method_name);
    // The method that returns it: on `Client`, or on its group (`client.actions()…`).
    let doc_text = match &op.group {
        Some(group) => format!(
            "Request builder for [`{group}::{method}`](super::groups::{group}::{method}) \
             (`client.{accessor}().{method}(…)`).",
            group = group.type_name,
            accessor = bare(&group.accessor),
        ),
        None => format!("Request builder for [`Client::{method}`](super::Client::{method})."),
    };
    let send =
        preformatted::piece_or_tokens(send_text(op, &path_text(context.runtime)), METHOD_INDENT);
    let into_future = preformatted::piece_or_tokens(into_future_text(op), ITEM_INDENT);
    let setters = setters(op, context);
    let request = request_fn(op, context);
    let decode_fn = decode_fn(op);
    let pages = match &op.response {
        ResponseKind::Page(shape) => paginated(op, shape, context),
        ResponseKind::Single(_) | ResponseKind::Multi(_) => TokenStream::new(),
    };
    let builder_struct = preformatted::piece_or_tokens(struct_text(op, &doc_text), ITEM_INDENT);
    // `#[inline]` on `send`, `into_future`, `request` and the paging functions (see
    // `response.rs` and `request.rs`): they are the only paths from an operation to the generic
    // code that encodes its request and decodes its response (serde for every model it sends or
    // returns, the boxed futures). Inline functions are compiled where
    // they are used, so the client crate itself compiles none of it, and a user's build compiles
    // it only for the operations the user calls (progenitor's `async fn`s get the same effect).
    quote! {
        #builder_struct

        impl #name {
            #setters

            #request

            #send
        }

        #decode_fn

        #pages

        #into_future
    }
}
