//! The request body in a builder: the parts of a multipart body (arguments, setters, fields)
//! and the statements of `request()` that encode a body of any kind.

use super::super::docs::{doc_attrs, text_attrs};
use super::super::{Context, ident};
use super::method::argument;
use super::request::to_wire_string;
use crate::model::{Body, BodyEncoding, BodyShape, MultipartPart, PartValue, WireEncoding};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// The statements that put the body into `request`.
pub fn body_step(body: &Body, context: &Context) -> TokenStream {
    let runtime = context.runtime;
    let body_name = ident(&body.rust_name);
    let media_type = &body.media_type;
    // `place` holds the body (a field or a reference), `reference` borrows it.
    let add = |place: TokenStream, reference: TokenStream| match body.encoding {
        BodyEncoding::Json => quote!(request = request.json(#reference)?;),
        BodyEncoding::Form => quote!(request = request.form(#reference)?;),
        BodyEncoding::Text => quote!(request = request.text(#media_type, #place.clone());),
        BodyEncoding::Binary => quote!(request = request.bytes(#media_type, #place.clone());),
        BodyEncoding::Multipart => TokenStream::new(),
    };
    match &body.shape {
        BodyShape::Parts(parts) => {
            let parts = parts.iter().map(part_step);
            quote! {
                let mut form = #runtime::Multipart::new();
                #(#parts)*
                request = request.multipart(form);
            }
        }
        BodyShape::Fields(_) | BodyShape::Whole => {
            add(quote!(self.#body_name), quote!(&self.#body_name))
        }
        BodyShape::OptionalWhole => {
            let add = add(quote!(body), quote!(body));
            quote!(if let Some(body) = &self.#body_name { #add })
        }
    }
}

/// How a part is taken as an argument: its declaration and conversion.
pub fn part_argument(name: &Ident, value: &PartValue) -> (TokenStream, Option<TokenStream>) {
    match value {
        PartValue::File => (
            quote!(#name: impl Into<FilePart>),
            Some(quote!(#name.into())),
        ),
        PartValue::Files => (quote!(#name: Vec<FilePart>), None),
        PartValue::Value { ty, .. } => argument(name, ty),
    }
}

/// The initial value of an optional part's builder field.
pub fn part_unset(part: &MultipartPart) -> TokenStream {
    let name = ident(&part.arg_name);
    match part.value {
        PartValue::Files => quote!(#name: Vec::new()),
        _ => quote!(#name: None),
    }
}

/// The setter of an optional part.
pub fn part_setter(part: &MultipartPart, context: &Context) -> TokenStream {
    let name = ident(&part.arg_name);
    let mut doc = doc_attrs(&part.docs, context.link_base);
    if doc.is_empty() {
        doc = text_attrs(&format!("The `{}` part.", part.wire_name));
    }
    let (decl, conversion) = part_argument(&name, &part.value);
    let value = conversion.unwrap_or_else(|| quote!(#name));
    let store = match part.value {
        PartValue::Files => quote!(self.#name = #value;),
        _ => quote!(self.#name = Some(#value);),
    };
    quote! {
        #doc
        pub fn #name(mut self, #decl) -> Self {
            #store
            self
        }
    }
}

/// The statements that add one part to `form`.
fn part_step(part: &MultipartPart) -> TokenStream {
    let field = ident(&part.arg_name);
    let wire = &part.wire_name;
    let encoding = match &part.value {
        PartValue::File if part.required => {
            return quote!(form = form.file(#wire, self.#field.clone()););
        }
        PartValue::File => {
            return quote! {
                if let Some(part) = &self.#field {
                    form = form.file(#wire, part.clone());
                }
            };
        }
        PartValue::Files => {
            return quote! {
                for part in &self.#field {
                    form = form.file(#wire, part.clone());
                }
            };
        }
        PartValue::Value { encoding, .. } => encoding,
    };
    // `place` holds the value (a field or a reference), `reference` borrows it.
    let add = |place: &str, reference: TokenStream, encoding: &WireEncoding| match encoding {
        WireEncoding::Json => quote!(form = form.json(#wire, #reference)?;),
        encoding => {
            let text = to_wire_string(place, encoding);
            quote!(form = form.text(#wire, #text);)
        }
    };
    match (encoding, part.required) {
        (WireEncoding::EachItem(item), true) => {
            let add = add("value", quote!(value), item);
            quote!(for value in &self.#field { #add })
        }
        (WireEncoding::EachItem(item), false) => {
            let add = add("value", quote!(value), item);
            quote!(for value in self.#field.iter().flatten() { #add })
        }
        (encoding, true) => add(
            &format!("self.{}", part.arg_name),
            quote!(&self.#field),
            encoding,
        ),
        (encoding, false) => {
            let add = add("value", quote!(value), encoding);
            quote!(if let Some(value) = &self.#field { #add })
        }
    }
}
