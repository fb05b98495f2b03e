//! A request builder's setters: one per optional parameter, optional body field, optional
//! whole body and optional multipart part, each taking the value and returning the builder.

use super::super::docs::{doc_block, text_block};
use super::super::preformatted::{self, Text};
use super::super::{Context, type_text};
use super::METHOD_INDENT;
use super::body::part_setter;
use super::method::argument_text;
use crate::model::{BodyShape, Docs, Operation, Presence, TypeRef};
use proc_macro2::TokenStream;

/// The rustdoc of a setter: the spec's docs (or a literal text), then a note.
struct SetterDoc<'a> {
    docs: Option<&'a Docs>,
    text: Option<&'a str>,
    note: Option<&'a str>,
}

impl SetterDoc<'_> {
    /// The doc comment's lines ([`doc_block`]).
    fn block(&self, link_base: Option<&str>) -> String {
        let mut doc = match (self.docs, self.text) {
            (Some(docs), _) => doc_block(docs, link_base),
            (None, Some(text)) => text_block(text),
            (None, None) => String::new(),
        };
        if let Some(note) = self.note {
            doc.push_str(&text_block(note));
        }
        doc
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
    /// The setter, as a preformatted piece when it can be ([`preformatted::piece_or_tokens`]).
    fn emit(&self, context: &Context) -> TokenStream {
        preformatted::piece_or_tokens(self.text(context.link_base), METHOD_INDENT)
    }

    /// The setter's code, as prettyplease prints it when its lines fit.
    fn text(&self, link_base: Option<&str>) -> String {
        let doc = self.doc.block(link_base);
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
        text.finish()
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
