//! A request builder's `request()`: the path with its encoded segments, the query pairs,
//! the headers and the body.

use super::super::preformatted;
use super::super::{Context, ident, path_text, tokens_of};
use super::METHOD_INDENT;
use super::request_text::{is_copy, request_text, wire_text};
use crate::model::{Operation, ParamLocation, PathPart, WireEncoding};
use proc_macro2::TokenStream;
use quote::quote;

/// The expression that turns the stored value `value` (an expression such as `self.org`) into
/// the text of a path segment, query pair or header ([`wire_text`] as tokens).
pub fn to_wire_string(value: &str, encoding: &WireEncoding) -> TokenStream {
    tokens_of(&wire_text(value, encoding))
}

/// `fn request(&self) -> Result<Request, Error>`.
pub fn request_fn(op: &Operation, context: &Context) -> TokenStream {
    let runtime = context.runtime;
    if preformatted::active()
        && let Some(piece) = preformatted::piece(
            request_text(op, &path_text(runtime), &context.copy_newtypes),
            METHOD_INDENT,
        )
    {
        return piece;
    }
    // Each path parameter is encoded into a local (named by `naming::segment_local`), which
    // the format string then captures: `let org = path_segment(&self.org); format!("/orgs/{org}/…")`.
    let mut format_string = String::new();
    let mut segments = Vec::new();
    for part in &op.path {
        match part {
            PathPart::Literal(text) => {
                format_string.push_str(&text.replace('{', "{{").replace('}', "}}"))
            }
            PathPart::Param { index, local } => {
                let Some(param) = op.params.get(*index) else {
                    continue;
                };
                let field = ident(&param.rust_name);
                let local_ident = ident(local);
                let text = match &param.encoding {
                    WireEncoding::Display if is_copy(&param.ty, &context.copy_newtypes) => {
                        quote!(self.#field)
                    }
                    WireEncoding::Display => quote!(&self.#field),
                    encoding => to_wire_string(&format!("self.{}", param.rust_name), encoding),
                };
                segments.push(quote!(let #local_ident = #runtime::path_segment(#text);));
                format_string.push('{');
                format_string.push_str(local);
                format_string.push('}');
            }
        }
    }
    let template = &op.path_template;
    let http = ident(op.http_method.as_str());
    let path_expr = if segments.is_empty() {
        quote!(String::from(#format_string))
    } else {
        quote!(format!(#format_string))
    };
    let mut steps = TokenStream::new();
    for param in &op.params {
        let method = match param.location {
            // In the path, above.
            ParamLocation::Path => continue,
            ParamLocation::Query => quote!(query),
            ParamLocation::Header => quote!(header),
        };
        let field = ident(&param.rust_name);
        let wire = &param.wire_name;
        let add = |value: &str, encoding: &WireEncoding| {
            let text = to_wire_string(value, encoding);
            quote!(request = request.#method(#wire, #text);)
        };
        let step = match (&param.encoding, param.required) {
            (WireEncoding::EachItem(item), true) => {
                let add = add("value", item);
                quote!(for value in &self.#field { #add })
            }
            (WireEncoding::EachItem(item), false) => {
                let add = add("value", item);
                quote!(for value in self.#field.iter().flatten() { #add })
            }
            (encoding, true) => add(&format!("self.{}", param.rust_name), encoding),
            (encoding, false) => {
                let add = add("value", encoding);
                quote!(if let Some(value) = &self.#field { #add })
            }
        };
        steps.extend(step);
    }
    if let Some(accept) = &op.accept {
        steps.extend(quote!(request = request.accept(#accept);));
    }
    if let Some(body) = &op.body {
        steps.extend(super::body::body_step(body, context));
    }
    let binding = if steps.is_empty() {
        quote!(let request)
    } else {
        quote!(let mut request)
    };
    quote! {
        /// Builds the HTTP request.
        #[inline]
        fn request(&self) -> Result<Request, Error> {
            #(#segments)*
            let path = #path_expr;
            #binding = Request::new(reqwest::Method::#http, #template, path);
            #steps
            Ok(request)
        }
    }
}
