//! A request builder's setters: one per optional parameter, optional body field, optional
//! whole body and optional multipart part, each taking the value and returning the builder.

use super::super::docs::{doc_attrs, doc_block, text_attrs, text_block};
use super::super::preformatted::{self, Text};
use super::super::{Context, ident, type_text, type_tokens};
use super::METHOD_INDENT;
use super::body::part_setter;
use super::method::{argument, argument_text};
use crate::model::{BodyShape, Docs, Operation, Presence, TypeRef};
use proc_macro2::TokenStream;
use quote::quote;

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

/// The setters of `op`'s builder.
pub fn setters(op: &Operation, context: &Context) -> TokenStream {
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
