//! How a request builder decodes its response: one payload, a page (with streaming), or the
//! enum of several success statuses (what `send()` returns is in `builder_text.rs`).

use super::super::docs::{doc_attrs, text_attrs};
use super::super::preformatted;
use super::super::{Context, ident, path_text, tokens_of};
use super::ITEM_INDENT;
use super::builder_text::payload_text;
use super::paging_text::{paginated_impl_text, stream_impl_text};
use crate::model::{MultiResponse, Operation, PageShape, Payload, ResponseKind};
use crate::naming::OTHER_STATUS_VARIANT;
use proc_macro2::TokenStream;
use quote::quote;

/// The type a success response's payload decodes to.
fn payload_type(payload: &Payload) -> TokenStream {
    tokens_of(&payload_text(payload))
}

/// The `decode_response` function of an operation with several success responses (a free
/// function of the operation's module; nothing for the other operations).
pub fn decode_fn(op: &Operation) -> TokenStream {
    let ResponseKind::Multi(multi) = &op.response else {
        return TokenStream::new();
    };
    let name = ident(&multi.name);
    let other = ident(OTHER_STATUS_VARIANT);
    let arms = multi.variants.iter().map(|variant| {
        let status = variant.status;
        let rust = ident(&variant.rust_name);
        let value = match variant.body {
            Payload::Empty => return quote!(#status => Ok(#name::#rust),),
            Payload::Json(_) => quote!(response.json()?),
            Payload::Text => quote!(response.text()?),
            Payload::Bytes => quote!(response.body().to_vec()),
        };
        quote!(#status => Ok(#name::#rust(#value)),)
    });
    quote! {
        /// Decodes a successful response by its status.
        #[inline]
        fn decode_response(response: &RawResponse) -> Result<#name, Error> {
            match response.status().as_u16() {
                #(#arms)*
                status => Ok(#name::#other { status, body: response.body().to_vec() }),
            }
        }
    }
}

/// `stream()`, `collect_all()` and the `Paginated` impl of a list operation's builder.
pub fn paginated(op: &Operation, shape: &PageShape, context: &Context) -> TokenStream {
    let stream = stream_impl_text(op, shape, &path_text(context.runtime));
    let stream = preformatted::piece_or_tokens(stream, ITEM_INDENT);
    let paginated = preformatted::piece_or_tokens(paginated_impl_text(op, shape), ITEM_INDENT);
    quote!(#stream #paginated)
}

/// The enum of an operation's success responses.
pub fn multi_enum(multi: &MultiResponse, context: &Context) -> TokenStream {
    let name = ident(&multi.name);
    let other = ident(OTHER_STATUS_VARIANT);
    let variants = multi.variants.iter().map(|variant| {
        let rust = ident(&variant.rust_name);
        let mut doc = doc_attrs(&variant.docs, context.link_base);
        if doc.is_empty() {
            doc = text_attrs(&format!("Status {}.", variant.status));
        }
        let payload = match &variant.body {
            Payload::Empty => TokenStream::new(),
            payload => {
                let ty = payload_type(payload);
                quote!((#ty))
            }
        };
        quote!(#doc #rust #payload,)
    });
    let doc = text_attrs(&format!(
        "The success responses of one operation, by status (`{}`).",
        multi.name
    ));
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name {
            #(#variants)*
            /// A success status the spec does not document, with its raw body.
            #other {
                /// The status code.
                status: u16,
                /// The raw body.
                body: Vec<u8>,
            },
        }
    }
}
