//! An operation's request builder: its fields, its setters ([`super::setters`]), `request()`,
//! `send()` and `IntoFuture`.

use super::super::docs::text_attrs;
use super::super::preformatted;
use super::super::{Context, ident, path_text, type_tokens};
use super::body::part_fields;
use super::builder_text::{into_future_text, send_text, struct_text};
use super::request::request_fn;
use super::response::{decode_fn, decoder, output_type, paginated};
use super::setters::setters;
use super::{ITEM_INDENT, METHOD_INDENT};
use crate::model::{BodyShape, Operation, ResponseKind};
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
    let runtime = context.runtime;
    let output = output_type(op);
    // Written as text when pieces are collected (see `preformatted`), else from tokens.
    let pieces = preformatted::active();
    let piece = |make: &dyn Fn() -> Option<String>, indent| {
        pieces
            .then(|| preformatted::piece(make(), indent))
            .flatten()
    };
    let send =
        piece(&|| Some(send_text(op, &path_text(runtime))), METHOD_INDENT).unwrap_or_else(|| {
            let decode = decoder(op, context);
            quote! {
                /// Sends the request and decodes the response.
                #[inline]
                pub fn send(self) -> ResponseFuture<#output> {
                    #runtime::send(&self.client, self.request(), #decode)
                }
            }
        });
    let into_future = piece(&|| Some(into_future_text(op)), ITEM_INDENT).unwrap_or_else(|| {
        quote! {
            impl IntoFuture for #name {
                type Output = Result<#output, Error>;
                type IntoFuture = ResponseFuture<#output>;

                #[inline]
                fn into_future(self) -> Self::IntoFuture {
                    self.send()
                }
            }
        }
    });
    let setters = setters(op, context);
    let request = request_fn(op, context);
    let decode_fn = decode_fn(op);
    let pages = match &op.response {
        ResponseKind::Page(shape) => paginated(op, shape, context),
        ResponseKind::Single(_) | ResponseKind::Multi(_) => TokenStream::new(),
    };
    let builder_struct = piece(&|| struct_text(op, &doc_text), ITEM_INDENT)
        .unwrap_or_else(|| builder_struct(op, &doc_text));
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

/// The builder struct, from tokens.
fn builder_struct(op: &Operation, doc: &str) -> TokenStream {
    let name = ident(&op.builder_name);
    let doc = text_attrs(doc);
    let fields = op.params.iter().map(|param| {
        let field = ident(&param.rust_name);
        let ty = type_tokens(&param.ty);
        if param.required {
            quote!(#field: #ty,)
        } else {
            quote!(#field: Option<#ty>,)
        }
    });
    let body_field = op.body.as_ref().map(|body| {
        let field = ident(&body.rust_name);
        let ty = type_tokens(&body.ty);
        match &body.shape {
            BodyShape::Fields(_) | BodyShape::Whole => quote!(#field: #ty,),
            BodyShape::OptionalWhole => quote!(#field: Option<#ty>,),
            BodyShape::Parts(parts) => part_fields(parts),
        }
    });
    quote! {
        #doc
        #[derive(Debug, Clone)]
        #[must_use = "a request builder does nothing until it is sent or awaited"]
        pub struct #name {
            client: Client,
            #(#fields)*
            #body_field
        }
    }
}
