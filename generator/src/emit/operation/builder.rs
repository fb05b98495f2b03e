//! An operation's request builder: its fields, its setters for optional parameters and body
//! fields, `send()` and `IntoFuture`.

use super::super::docs::{doc_attrs, doc_block, text_attrs, text_block};
use super::super::preformatted::{self, Text};
use super::super::{Context, ident, path_text, type_text, type_tokens};
use super::body::{part_fields, part_setter};
use super::builder_text::{ITEM_INDENT, METHOD_INDENT, into_future_text, send_text, struct_text};
use super::method::{argument, argument_text};
use super::request::request_fn;
use super::response::{decode_fn, decoder, output_type, paginated};
use crate::model::{BodyShape, Docs, Operation, Presence, ResponseKind, TypeRef};
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

/// The rustdoc of a setter: the spec's docs (or a literal text), then a note.
struct SetterDoc<'a> {
    docs: Option<&'a Docs>,
    text: Option<&'a str>,
    note: Option<&'a str>,
}

impl SetterDoc<'_> {
    fn tokens(&self, link_base: Option<&str>) -> TokenStream {
        let mut doc = match (self.docs, self.text) {
            (Some(docs), _) => doc_attrs(docs, link_base),
            (None, Some(text)) => text_attrs(text),
            (None, None) => TokenStream::new(),
        };
        doc.extend(self.note.map(text_attrs));
        doc
    }

    fn block(&self, link_base: Option<&str>) -> Option<String> {
        let mut doc = match (self.docs, self.text) {
            (Some(docs), _) => doc_block(docs, link_base)?,
            (None, Some(text)) => text_block(text)?,
            (None, None) => String::new(),
        };
        if let Some(note) = self.note {
            doc.push_str(&text_block(note)?);
        }
        Some(doc)
    }
}

/// One setter: `pub fn <name>(mut self, <decl>) -> Self { <place> = Some(<value>); self }`,
/// with each part as text (`name`, `place` without `self.`).
struct Setter<'a> {
    doc: SetterDoc<'a>,
    deprecated: bool,
    name: &'a str,
    ty: &'a TypeRef,
    place: String,
}

impl Setter<'_> {
    fn emit(&self, context: &Context) -> TokenStream {
        if preformatted::active()
            && let Some(piece) = preformatted::piece(self.text(context.link_base), METHOD_INDENT)
        {
            return piece;
        }
        let name = ident(self.name);
        let doc = self.doc.tokens(context.link_base);
        let deprecated = self.deprecated.then(|| quote!(#[deprecated]));
        let (decl, conversion) = if self.doc.note.is_some() {
            let ty = type_tokens(self.ty);
            (quote!(#name: Option<#ty>), None)
        } else {
            argument(&name, self.ty)
        };
        let value = conversion.unwrap_or_else(|| quote!(#name));
        let place = self.place.split('.').map(ident);
        quote! {
            #doc
            #deprecated
            pub fn #name(mut self, #decl) -> Self {
                self.#(#place).* = Some(#value);
                self
            }
        }
    }

    fn text(&self, link_base: Option<&str>) -> Option<String> {
        let doc = self.doc.block(link_base)?;
        let (decl, conversion) = if self.doc.note.is_some() {
            (
                format!("{}: Option<{}>", self.name, type_text(self.ty)),
                None,
            )
        } else {
            argument_text(self.name, self.ty)
        };
        let value = conversion.unwrap_or_else(|| self.name.to_owned());
        let mut text = Text::new();
        text.lines(&doc);
        if self.deprecated {
            text.line("#[deprecated]");
        }
        let signature = format!("pub fn {}(mut self, {decl}) -> Self {{", self.name);
        if preformatted::fits(&signature, METHOD_INDENT) {
            text.open(&signature);
        } else {
            // As prettyplease breaks a signature too long for one line.
            text.open(&format!("pub fn {}(", self.name))
                .line("mut self,")
                .line(&format!("{decl},"));
            text.close_with(") -> Self {").open_again();
        }
        text.line(&format!("self.{} = Some({value});", self.place))
            .line("self")
            .close();
        Some(text.finish())
    }
}

fn setters(op: &Operation, context: &Context) -> TokenStream {
    let mut out = TokenStream::new();
    for param in op.params.iter().filter(|param| !param.required) {
        let setter = Setter {
            doc: SetterDoc {
                docs: Some(&param.docs),
                text: None,
                note: None,
            },
            deprecated: param.deprecated,
            name: &param.rust_name,
            ty: &param.ty,
            place: param.rust_name.clone(),
        };
        out.extend(setter.emit(context));
    }
    let Some(body) = &op.body else { return out };
    match &body.shape {
        BodyShape::Fields(fields) => {
            for field in fields {
                let note = match field.field.presence {
                    // Positional arguments of the `Client` method.
                    Presence::Required | Presence::RequiredNullable => continue,
                    Presence::Optional | Presence::OptionalNullable => None,
                    Presence::Clearable => Some("\n`None` sends `null`, which clears the value."),
                };
                let setter = Setter {
                    doc: SetterDoc {
                        docs: Some(&field.field.docs),
                        text: None,
                        note,
                    },
                    deprecated: field.field.deprecated,
                    name: &field.arg_name,
                    ty: &field.field.ty,
                    place: format!("{}.{}", body.rust_name, field.field.rust_name),
                };
                out.extend(setter.emit(context));
            }
        }
        BodyShape::OptionalWhole => {
            let setter = Setter {
                doc: SetterDoc {
                    docs: None,
                    text: Some("The request body."),
                    note: None,
                },
                deprecated: false,
                name: &body.rust_name,
                ty: &body.ty,
                place: body.rust_name.clone(),
            };
            out.extend(setter.emit(context));
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
