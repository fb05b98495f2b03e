//! An operation's request builder: its fields, its setters for optional parameters and body
//! fields, `send()` and `IntoFuture`.

use super::super::docs::{doc_attrs, text_attrs};
use super::super::{Context, ident, type_tokens};
use super::body::{part_fields, part_setter};
use super::method::argument;
use super::request::request_fn;
use super::response::{decode_fn, decoder, output_type, paginated};
use crate::model::{BodyShape, Operation, Presence, ResponseKind};
use crate::naming::bare;
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// The builder struct and its impls.
pub fn builder(op: &Operation, context: &Context) -> TokenStream {
    let name = ident(&op.builder_name);
    let method = bare(&op.method_name);
    // The method that returns it: on `Client`, or on its group (`client.actions()…`).
    let doc = text_attrs(&match &op.group {
        Some(group) => format!(
            "Request builder for [`{group}::{method}`](super::groups::{group}::{method}) \
             (`client.{accessor}().{method}(…)`).",
            group = group.type_name,
            accessor = bare(&group.accessor),
        ),
        None => format!("Request builder for [`Client::{method}`](super::Client::{method})."),
    });
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
    let setters = setters(op, context);
    let request = request_fn(op, context);
    let output = output_type(op);
    let runtime = context.runtime;
    let decode = decoder(op, context);
    let decode_fn = decode_fn(op);
    let pages = match &op.response {
        ResponseKind::Page(shape) => paginated(op, shape, context),
        ResponseKind::Single(_) | ResponseKind::Multi(_) => TokenStream::new(),
    };
    // `#[inline]` on `send`, `into_future`, `request` and the paging functions (see
    // `response.rs` and `request.rs`): they are the only paths from an operation to the generic
    // code that encodes its request and decodes its response (serde for every model it sends or
    // returns, the boxed futures). Inline functions are compiled where
    // they are used, so the client crate itself compiles none of it, and a user's build compiles
    // it only for the operations the user calls (progenitor's `async fn`s get the same effect).
    quote! {
        #doc
        #[derive(Debug, Clone)]
        #[must_use = "a request builder does nothing until it is sent or awaited"]
        pub struct #name {
            client: Client,
            #(#fields)*
            #body_field
        }

        impl #name {
            #setters

            #request

            /// Sends the request and decodes the response.
            #[inline]
            pub fn send(self) -> ResponseFuture<#output> {
                #runtime::send(&self.client, self.request(), #decode)
            }
        }

        #decode_fn

        #pages

        impl IntoFuture for #name {
            type Output = Result<#output, Error>;
            type IntoFuture = ResponseFuture<#output>;

            #[inline]
            fn into_future(self) -> Self::IntoFuture {
                self.send()
            }
        }
    }
}

/// `pub fn <name>(mut self, <name>: T) -> Self { <place> = Some(value); self }`.
fn setter(
    doc: TokenStream,
    deprecated: bool,
    name: &Ident,
    decl: TokenStream,
    place: TokenStream,
    value: TokenStream,
) -> TokenStream {
    let deprecated = deprecated.then(|| quote!(#[deprecated]));
    quote! {
        #doc
        #deprecated
        pub fn #name(mut self, #decl) -> Self {
            #place = Some(#value);
            self
        }
    }
}

fn setters(op: &Operation, context: &Context) -> TokenStream {
    let mut out = TokenStream::new();
    for param in op.params.iter().filter(|param| !param.required) {
        let name = ident(&param.rust_name);
        let doc = doc_attrs(&param.docs, context.link_base);
        let (decl, conversion) = argument(&name, &param.ty);
        let value = conversion.unwrap_or_else(|| quote!(#name));
        out.extend(setter(
            doc,
            param.deprecated,
            &name,
            decl,
            quote!(self.#name),
            value,
        ));
    }
    let Some(body) = &op.body else { return out };
    let body_name = ident(&body.rust_name);
    match &body.shape {
        BodyShape::Fields(fields) => {
            for field in fields {
                let name = ident(&field.arg_name);
                let field_name = ident(&field.field.rust_name);
                let mut doc = doc_attrs(&field.field.docs, context.link_base);
                let (decl, conversion) = match field.field.presence {
                    // Positional arguments of the `Client` method.
                    Presence::Required | Presence::RequiredNullable => continue,
                    Presence::Optional | Presence::OptionalNullable => {
                        argument(&name, &field.field.ty)
                    }
                    Presence::Clearable => {
                        let ty = type_tokens(&field.field.ty);
                        doc.extend(text_attrs("\n`None` sends `null`, which clears the value."));
                        (quote!(#name: Option<#ty>), None)
                    }
                };
                let value = conversion.unwrap_or_else(|| quote!(#name));
                out.extend(setter(
                    doc,
                    field.field.deprecated,
                    &name,
                    decl,
                    quote!(self.#body_name.#field_name),
                    value,
                ));
            }
        }
        BodyShape::OptionalWhole => {
            let (decl, conversion) = argument(&body_name, &body.ty);
            let value = conversion.unwrap_or_else(|| quote!(#body_name));
            out.extend(setter(
                text_attrs("The request body."),
                false,
                &body_name,
                decl,
                quote!(self.#body_name),
                value,
            ));
        }
        BodyShape::Parts(parts) => {
            for part in parts.iter().filter(|part| !part.required) {
                out.extend(part_setter(part, context));
            }
        }
        BodyShape::Whole => {}
    }
    out
}
