//! An operation's `Client` method: its positional arguments, their docs, and the builder it
//! returns.

use super::super::docs::{operation_doc_attrs, sanitize, text_attrs};
use super::super::preformatted;
use super::super::{Context, ident, tokens_of, type_text, type_tokens};
use super::ITEM_INDENT;
use super::body::{part_argument, part_unset};
use super::method_text::client_method_text;
use crate::model::{BodyField, BodyShape, Operation, Presence, TypeRef};
use crate::naming::bare;
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// How a value of `ty` is taken as an argument: its declaration, and the conversion that
/// stores it (`None` when the argument is stored as it is); [`argument_text`] as tokens.
pub fn argument(name: &Ident, ty: &TypeRef) -> (TokenStream, Option<TokenStream>) {
    let (decl, conversion) = argument_text(&name.to_string(), ty);
    (tokens_of(&decl), conversion.map(|value| tokens_of(&value)))
}

/// How a value of `ty` is taken as an argument named `name`, as text: `impl Into<…>` for
/// strings, secrets, bytes and boxed fields (stored with `.into()`), the type itself otherwise.
pub fn argument_text(name: &str, ty: &TypeRef) -> (String, Option<String>) {
    let into = |target: String| {
        (
            format!("{name}: impl Into<{target}>"),
            Some(format!("{name}.into()")),
        )
    };
    match ty {
        TypeRef::String => into("String".to_owned()),
        TypeRef::Secret => into("SecretString".to_owned()),
        TypeRef::Bytes => into("Bytes".to_owned()),
        // A field boxed to break a cycle takes the value itself (or a box).
        TypeRef::Boxed(inner) => into(format!("Box<{}>", type_text(inner))),
        _ => (format!("{name}: {}", type_text(ty)), None),
    }
}

/// `field: value` for the argument `arg`, or the shorthand `field` when the argument of that
/// name is stored as it is.
fn field_init(field: &Ident, arg: &Ident, conversion: Option<TokenStream>) -> TokenStream {
    match conversion {
        Some(value) => quote!(#field: #value),
        None if field == arg => quote!(#field),
        None => quote!(#field: #arg),
    }
}

/// The required fields of an object body: each with its declaration and its conversion.
fn positional_body_fields(
    fields: &[BodyField],
) -> impl Iterator<Item = (&BodyField, TokenStream, Option<TokenStream>)> {
    fields.iter().filter_map(|field| {
        let name = ident(&field.arg_name);
        let (decl, conversion) = match field.field.presence {
            Presence::Required => argument(&name, &field.field.ty),
            Presence::RequiredNullable => {
                let ty = type_tokens(&field.field.ty);
                (quote!(#name: Option<#ty>), None)
            }
            // Setters of the builder.
            Presence::Optional | Presence::OptionalNullable | Presence::Clearable => return None,
        };
        Some((field, decl, conversion))
    })
}

/// `pub fn <method>(&self, <positional arguments>) -> <Builder>`, in the operation's module.
pub fn client_method(op: &Operation, context: &Context) -> TokenStream {
    if preformatted::active()
        && let Some(piece) =
            preformatted::piece(client_method_text(op, context.link_base), ITEM_INDENT)
    {
        return piece;
    }
    let method = ident(&op.method_name);
    let builder = ident(&op.builder_name);
    let doc = operation_doc_attrs(op, context.link_base);
    let deprecated = op.deprecated.then(|| quote!(#[deprecated]));
    let mut decls = Vec::new();
    let mut stores = Vec::new();
    for param in op.params.iter().filter(|param| param.required) {
        let name = ident(&param.rust_name);
        let (decl, conversion) = argument(&name, &param.ty);
        decls.push(decl);
        stores.push(field_init(&name, &name, conversion));
    }
    for param in op.params.iter().filter(|param| !param.required) {
        let name = ident(&param.rust_name);
        stores.push(quote!(#name: None));
    }
    if let Some(body) = &op.body {
        let body_name = ident(&body.rust_name);
        match &body.shape {
            BodyShape::Fields(fields) => {
                let body_ty = type_tokens(&body.ty);
                let mut inits = Vec::new();
                for (field, decl, conversion) in positional_body_fields(fields) {
                    decls.push(decl);
                    let field_name = ident(&field.field.rust_name);
                    let arg = ident(&field.arg_name);
                    inits.push(field_init(&field_name, &arg, conversion));
                }
                for field in fields.iter().filter(|f| !f.field.presence.is_required()) {
                    let field_name = ident(&field.field.rust_name);
                    inits.push(quote!(#field_name: None));
                }
                stores.push(quote!(#body_name: #body_ty { #(#inits),* }));
            }
            BodyShape::Whole => {
                let (decl, conversion) = argument(&body_name, &body.ty);
                decls.push(decl);
                stores.push(field_init(&body_name, &body_name, conversion));
            }
            BodyShape::OptionalWhole => stores.push(quote!(#body_name: None)),
            BodyShape::Parts(parts) => {
                for part in parts {
                    if part.required {
                        let name = ident(&part.arg_name);
                        let (decl, conversion) = part_argument(&name, &part.value);
                        decls.push(decl);
                        stores.push(field_init(&name, &name, conversion));
                    } else {
                        stores.push(part_unset(part));
                    }
                }
            }
        }
    }
    let arg_docs = argument_docs(op);
    // A grouped method borrows the client (`groups::Actions<'_>` holds a `&Client`).
    let (owner, client) = match &op.group {
        Some(group) => {
            let group = ident(&group.type_name);
            (quote!(groups::#group<'_>), quote!(self.0.clone()))
        }
        None => (quote!(Client), quote!(self.clone())),
    };
    quote! {
        impl #owner {
            #doc
            #arg_docs
            #deprecated
            pub fn #method(&self, #(#decls),*) -> #builder {
                #builder {
                    client: #client,
                    #(#stores,)*
                }
            }
        }
    }
}

/// A list of the positional arguments, with their docs.
fn argument_docs(op: &Operation) -> TokenStream {
    argument_docs_text(op)
        .map(|text| text_attrs(&text))
        .unwrap_or_default()
}

/// The Markdown of [`argument_docs`], `None` without positional arguments.
pub fn argument_docs_text(op: &Operation) -> Option<String> {
    let mut lines = Vec::new();
    for param in op.params.iter().filter(|param| param.required) {
        let text = first_sentence(param.docs.description.as_deref());
        lines.push(format!("- `{}`: {text}", bare(&param.rust_name)));
    }
    if let Some(body) = &op.body {
        match &body.shape {
            BodyShape::Fields(fields) => {
                for (field, _, _) in positional_body_fields(fields) {
                    let text = first_sentence(field.field.docs.description.as_deref());
                    lines.push(format!("- `{}`: {text}", bare(&field.arg_name)));
                }
            }
            BodyShape::Whole => {
                lines.push(format!("- `{}`: the request body.", bare(&body.rust_name)));
            }
            BodyShape::Parts(parts) => {
                for part in parts.iter().filter(|part| part.required) {
                    let text = first_sentence(part.docs.description.as_deref());
                    lines.push(format!("- `{}`: {text}", bare(&part.arg_name)));
                }
            }
            BodyShape::OptionalWhole => {}
        }
    }
    if lines.is_empty() {
        return None;
    }
    Some(format!("\n# Arguments\n\n{}", lines.join("\n")))
}

fn first_sentence(text: Option<&str>) -> String {
    let text = text.unwrap_or("").trim();
    let line = text.lines().next().unwrap_or("").trim();
    if line.is_empty() {
        return "see the operation's documentation.".into();
    }
    sanitize(line, None)
}
