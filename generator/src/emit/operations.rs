//! `Client` methods and their request builders.

use super::docs::{doc_attrs, operation_doc_attrs, text_attrs};
use super::{ident, type_tokens};
use crate::model::{
    Api, Body, BodyField, HttpMethod, MultiResponse, Operation, PageShape, Param, ParamLocation,
    PathPart, ResponseKind, TypeRef, WireEncoding,
};
use proc_macro2::{Ident, TokenStream};
use quote::quote;
use std::collections::HashSet;

/// The `impl Client` block and the `builders` module.
pub fn operations(api: &Api, runtime: &syn::Path, link_base: Option<&str>) -> TokenStream {
    if api.operations.is_empty() {
        return TokenStream::new();
    }
    let methods = api.operations.iter().map(|op| client_method(op, link_base));
    let copy_newtypes: HashSet<String> = api
        .newtypes
        .iter()
        .filter(|newtype| newtype.inner != TypeRef::String)
        .map(|newtype| newtype.name.clone())
        .collect();
    let builders = api
        .operations
        .iter()
        .map(|op| builder(op, runtime, &copy_newtypes, link_base));
    let has_pages = api
        .operations
        .iter()
        .any(|op| matches!(op.response, ResponseKind::Page(_)));
    let page_imports = has_pages.then(|| quote!(use #runtime::{Paginated, RawResponse};));
    let responses = api.operations.iter().filter_map(|op| match &op.response {
        ResponseKind::Multi(multi) => Some(multi_enum(multi, link_base)),
        _ => None,
    });
    quote! {
        impl Client {
            #(#methods)*
        }

        #(#responses)*

        /// Request builders, one per operation: set optional parameters, then `.send().await`
        /// (or just `.await`).
        pub mod builders {
            use super::*;
            use #runtime::Request;
            #page_imports
            use std::future::IntoFuture;

            #(#builders)*
        }
    }
}

/// A positional argument: its declaration and how it is stored.
struct Positional {
    decl: TokenStream,
    store: TokenStream,
}

/// How a value of `ty` is taken as an argument: its declaration, and the conversion that
/// stores it (`None` when the argument is stored as it is).
fn argument(name: &Ident, ty: &TypeRef) -> (TokenStream, Option<TokenStream>) {
    match ty {
        TypeRef::String => (quote!(#name: impl Into<String>), Some(quote!(#name.into()))),
        TypeRef::Secret => (
            quote!(#name: impl Into<SecretString>),
            Some(quote!(#name.into())),
        ),
        _ => {
            let ty = type_tokens(ty);
            (quote!(#name: #ty), None)
        }
    }
}

/// The value an argument is stored as.
fn stored(name: &Ident, conversion: Option<TokenStream>) -> TokenStream {
    conversion.unwrap_or_else(|| quote!(#name))
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

fn positional_params(op: &Operation) -> Vec<(&Param, Positional)> {
    op.params
        .iter()
        .filter(|param| param.required)
        .map(|param| {
            let name = ident(&param.rust_name);
            let (decl, conversion) = argument(&name, &param.ty);
            (
                param,
                Positional {
                    decl,
                    store: field_init(&name, &name, conversion),
                },
            )
        })
        .collect()
}

/// The required fields of an object body: each with its declaration and its conversion.
fn positional_body_fields(body: &Body) -> Vec<(&BodyField, TokenStream, Option<TokenStream>)> {
    let Some(fields) = &body.fields else {
        return Vec::new();
    };
    fields
        .iter()
        .filter(|field| field.field.required)
        .map(|field| {
            let name = ident(&field.arg_name);
            let (decl, conversion) = if field.field.is_optional() {
                let ty = type_tokens(&field.field.ty);
                (quote!(#name: Option<#ty>), None)
            } else {
                argument(&name, &field.field.ty)
            };
            (field, decl, conversion)
        })
        .collect()
}

fn client_method(op: &Operation, link_base: Option<&str>) -> TokenStream {
    let method = ident(&op.method_name);
    let builder = ident(&op.builder_name);
    let doc = operation_doc_attrs(op, link_base);
    let deprecated = op.deprecated.then(|| quote!(#[deprecated]));
    let params = positional_params(op);
    let mut decls: Vec<TokenStream> = params.iter().map(|(_, p)| p.decl.clone()).collect();
    let mut stores: Vec<TokenStream> = params.iter().map(|(_, p)| p.store.clone()).collect();
    for param in op.params.iter().filter(|param| !param.required) {
        let name = ident(&param.rust_name);
        stores.push(quote!(#name: None));
    }
    if let Some(body) = &op.body {
        let body_name = ident(&body.rust_name);
        match &body.fields {
            Some(fields) => {
                let body_ty = type_tokens(&body.ty);
                let mut inits = Vec::new();
                for (field, decl, conversion) in positional_body_fields(body) {
                    decls.push(decl);
                    let field_name = ident(&field.field.rust_name);
                    let arg = ident(&field.arg_name);
                    inits.push(field_init(&field_name, &arg, conversion));
                }
                for field in fields.iter().filter(|field| !field.field.required) {
                    let field_name = ident(&field.field.rust_name);
                    inits.push(quote!(#field_name: None));
                }
                stores.push(quote!(#body_name: #body_ty { #(#inits),* }));
            }
            None if body.required => {
                let (decl, conversion) = argument(&body_name, &body.ty);
                decls.push(decl);
                stores.push(field_init(&body_name, &body_name, conversion));
            }
            None => stores.push(quote!(#body_name: None)),
        }
    }
    let arg_docs = argument_docs(op);
    quote! {
        #doc
        #arg_docs
        #deprecated
        pub fn #method(&self, #(#decls),*) -> builders::#builder {
            builders::#builder {
                client: self.clone(),
                #(#stores,)*
            }
        }
    }
}

/// A list of the positional arguments, with their docs.
fn argument_docs(op: &Operation) -> TokenStream {
    let mut lines = Vec::new();
    for param in op.params.iter().filter(|param| param.required) {
        let text = first_sentence(param.docs.description.as_deref());
        lines.push(format!(
            "- `{}`: {text}",
            crate::naming::bare(&param.rust_name)
        ));
    }
    if let Some(body) = &op.body {
        for (field, _, _) in positional_body_fields(body) {
            let text = first_sentence(field.field.docs.description.as_deref());
            lines.push(format!(
                "- `{}`: {text}",
                crate::naming::bare(&field.arg_name)
            ));
        }
        if body.fields.is_none() && body.required {
            lines.push(format!(
                "- `{}`: the request body.",
                crate::naming::bare(&body.rust_name)
            ));
        }
    }
    if lines.is_empty() {
        return TokenStream::new();
    }
    text_attrs(&format!("\n# Arguments\n\n{}", lines.join("\n")))
}

fn first_sentence(text: Option<&str>) -> String {
    let text = text.unwrap_or("").trim();
    let line = text.lines().next().unwrap_or("").trim();
    if line.is_empty() {
        return "see the operation's documentation.".into();
    }
    super::docs::sanitize(line, None)
}

/// The builder's output type.
fn output_type(op: &Operation) -> TokenStream {
    match &op.response {
        ResponseKind::Empty => quote!(()),
        ResponseKind::Json(ty) => type_tokens(ty),
        ResponseKind::Text => quote!(String),
        ResponseKind::Bytes => quote!(Vec<u8>),
        ResponseKind::Page(shape) => {
            let item = type_tokens(&shape.item);
            quote!(Page<#item>)
        }
        ResponseKind::Multi(multi) => {
            let name = ident(&multi.name);
            quote!(#name)
        }
    }
}

fn builder(
    op: &Operation,
    runtime: &syn::Path,
    copy_newtypes: &HashSet<String>,
    link_base: Option<&str>,
) -> TokenStream {
    let name = ident(&op.builder_name);
    let doc = text_attrs(&format!(
        "Request builder for [`Client::{}`](super::Client::{}).",
        crate::naming::bare(&op.method_name),
        crate::naming::bare(&op.method_name)
    ));
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
        if body.fields.is_some() || body.required {
            quote!(pub(super) #field: #ty,)
        } else {
            quote!(pub(super) #field: Option<#ty>,)
        }
    });
    let setters = setters(op, link_base);
    let request = request_fn(op, runtime, copy_newtypes);
    let output = output_type(op);
    let decode = decode(op);
    let pages = match &op.response {
        ResponseKind::Page(shape) => paginated(op, shape, runtime),
        _ => TokenStream::new(),
    };
    quote! {
        #doc
        #[derive(Debug, Clone)]
        #[must_use = "a request builder does nothing until it is sent or awaited"]
        pub struct #name {
            pub(super) client: Client,
            #(pub(super) #fields)*
            #body_field
        }

        impl #name {
            #setters

            #request

            /// Sends the request and decodes the response.
            pub async fn send(self) -> Result<#output, Error> {
                let request = self.request()?;
                #decode
            }
        }

        #pages

        impl IntoFuture for #name {
            type Output = Result<#output, Error>;
            type IntoFuture = futures::future::BoxFuture<'static, Self::Output>;

            fn into_future(self) -> Self::IntoFuture {
                Box::pin(self.send())
            }
        }
    }
}

fn setters(op: &Operation, link_base: Option<&str>) -> TokenStream {
    let mut out = TokenStream::new();
    for param in op.params.iter().filter(|param| !param.required) {
        let name = ident(&param.rust_name);
        let doc = doc_attrs(&param.docs, link_base);
        let deprecated = param.deprecated.then(|| quote!(#[deprecated]));
        let (decl, conversion) = argument(&name, &param.ty);
        let store = stored(&name, conversion);
        out.extend(quote! {
            #doc
            #deprecated
            pub fn #name(mut self, #decl) -> Self {
                self.#name = Some(#store);
                self
            }
        });
    }
    let Some(body) = &op.body else { return out };
    let body_name = ident(&body.rust_name);
    match &body.fields {
        Some(fields) => {
            for field in fields.iter().filter(|field| !field.field.required) {
                let setter = ident(&field.arg_name);
                let field_name = ident(&field.field.rust_name);
                let mut doc = doc_attrs(&field.field.docs, link_base);
                let deprecated = field.field.deprecated.then(|| quote!(#[deprecated]));
                let (decl, conversion) = if field.field.explicit_null {
                    // `None` sends an explicit `null`, which clears the value.
                    let ty = type_tokens(&field.field.ty);
                    doc.extend(text_attrs("\n`None` sends `null`, which clears the value."));
                    (quote!(#setter: Option<#ty>), None)
                } else {
                    argument(&setter, &field.field.ty)
                };
                let store = stored(&setter, conversion);
                out.extend(quote! {
                    #doc
                    #deprecated
                    pub fn #setter(mut self, #decl) -> Self {
                        self.#body_name.#field_name = Some(#store);
                        self
                    }
                });
            }
        }
        None if !body.required => {
            let (decl, conversion) = argument(&body_name, &body.ty);
            let store = stored(&body_name, conversion);
            out.extend(quote! {
                /// The request body.
                pub fn #body_name(mut self, #decl) -> Self {
                    self.#body_name = Some(#store);
                    self
                }
            });
        }
        None => {}
    }
    out
}

/// The expression that turns a stored value into the text of a path segment, query pair or
/// header (JSON encoding can fail, so it may return early with `Error::Encode`).
fn to_wire_string(value: TokenStream, encoding: &WireEncoding) -> TokenStream {
    match encoding {
        WireEncoding::Rfc3339 => quote!(#value.to_rfc3339()),
        WireEncoding::Secret => quote!(#value.expose_secret()),
        WireEncoding::Json | WireEncoding::EachItem(_) => {
            quote!(serde_json::to_string(&#value).map_err(Error::Encode)?)
        }
        WireEncoding::Display => quote!(#value.to_string()),
    }
}

/// Whether values of `ty` are `Copy` (and so are passed by value, not borrowed).
fn is_copy(ty: &TypeRef, copy_newtypes: &HashSet<String>) -> bool {
    match ty {
        TypeRef::I32 | TypeRef::I64 | TypeRef::F32 | TypeRef::F64 | TypeRef::Bool => true,
        TypeRef::Newtype(name) => copy_newtypes.contains(name),
        _ => false,
    }
}

fn request_fn(op: &Operation, runtime: &syn::Path, copy_newtypes: &HashSet<String>) -> TokenStream {
    // Each path parameter is encoded into a local named like it, which the format string
    // then captures: `let org = path_segment(&self.org); format!("/orgs/{org}/…")`.
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
                let local_name = local;
                let local = ident(local_name);
                let text = match &param.encoding {
                    WireEncoding::Display if is_copy(&param.ty, copy_newtypes) => {
                        quote!(self.#field)
                    }
                    WireEncoding::Display => quote!(&self.#field),
                    encoding => to_wire_string(quote!(self.#field), encoding),
                };
                segments.push(quote!(let #local = #runtime::path_segment(#text);));
                format_string.push('{');
                format_string.push_str(local_name);
                format_string.push('}');
            }
        }
    }
    let template = &op.path_template;
    let http = match op.http_method {
        HttpMethod::Get => quote!(GET),
        HttpMethod::Put => quote!(PUT),
        HttpMethod::Post => quote!(POST),
        HttpMethod::Delete => quote!(DELETE),
        HttpMethod::Options => quote!(OPTIONS),
        HttpMethod::Head => quote!(HEAD),
        HttpMethod::Patch => quote!(PATCH),
        HttpMethod::Trace => quote!(TRACE),
    };
    let path_expr = if segments.is_empty() {
        quote!(String::from(#format_string))
    } else {
        quote!(format!(#format_string))
    };
    let mut steps = TokenStream::new();
    for param in op
        .params
        .iter()
        .filter(|p| p.location != ParamLocation::Path)
    {
        let field = ident(&param.rust_name);
        let wire = &param.wire_name;
        let add = |value: TokenStream, encoding: &WireEncoding| {
            let text = to_wire_string(value, encoding);
            match param.location {
                ParamLocation::Header => quote!(request = request.header(#wire, #text);),
                _ => quote!(request = request.query(#wire, #text);),
            }
        };
        let step = match (&param.encoding, param.required) {
            (WireEncoding::EachItem(item), true) => {
                let add = add(quote!(value), item);
                quote!(for value in &self.#field { #add })
            }
            (WireEncoding::EachItem(item), false) => {
                let add = add(quote!(value), item);
                quote!(for value in self.#field.iter().flatten() { #add })
            }
            (encoding, true) => add(quote!(self.#field), encoding),
            (encoding, false) => {
                let add = add(quote!(value), encoding);
                quote!(if let Some(value) = &self.#field { #add })
            }
        };
        steps.extend(step);
    }
    if let Some(accept) = &op.accept {
        steps.extend(quote!(request = request.accept(#accept);));
    }
    if let Some(body) = &op.body {
        let body_name = ident(&body.rust_name);
        if body.fields.is_some() || body.required {
            steps.extend(quote!(request = request.json(&self.#body_name)?;));
        } else {
            steps.extend(
                quote!(if let Some(body) = &self.#body_name { request = request.json(body)?; }),
            );
        }
    }
    let binding = if steps.is_empty() {
        quote!(let request)
    } else {
        quote!(let mut request)
    };
    let returns = quote!(Ok(request));
    quote! {
        /// Builds the HTTP request.
        fn request(&self) -> Result<Request, Error> {
            #(#segments)*
            let path = #path_expr;
            #binding = Request::new(reqwest::Method::#http, #template, path);
            #steps
            #returns
        }
    }
}

/// Decodes `response` into the output type.
fn decode(op: &Operation) -> TokenStream {
    let execute = quote!(let response = self.client.execute(request).await?;);
    match &op.response {
        ResponseKind::Empty => quote! {
            self.client.execute(request).await?;
            Ok(())
        },
        ResponseKind::Json(_) => quote!(#execute response.json()),
        ResponseKind::Text => quote!(#execute response.text()),
        ResponseKind::Bytes => quote!(#execute Ok(response.body().to_vec())),
        ResponseKind::Page(_) => quote!(#execute <Self as Paginated>::decode_page(&response)),
        ResponseKind::Multi(multi) => {
            let name = ident(&multi.name);
            let arms = multi.variants.iter().map(|variant| {
                let status = variant.status;
                let rust = ident(&variant.rust_name);
                match decode_body(&variant.body) {
                    None => quote!(#status => Ok(#name::#rust),),
                    Some(value) => quote!(#status => Ok(#name::#rust(#value)),),
                }
            });
            quote! {
                #execute
                match response.status().as_u16() {
                    #(#arms)*
                    status => Ok(#name::Other { status, body: response.body().to_vec() }),
                }
            }
        }
    }
}

/// The expression that decodes one status's body, `None` for a status without one.
fn decode_body(kind: &ResponseKind) -> Option<TokenStream> {
    match kind {
        ResponseKind::Empty => None,
        ResponseKind::Json(_) | ResponseKind::Page(_) | ResponseKind::Multi(_) => {
            Some(quote!(response.json()?))
        }
        ResponseKind::Text => Some(quote!(response.text()?)),
        ResponseKind::Bytes => Some(quote!(response.body().to_vec())),
    }
}

fn paginated(op: &Operation, shape: &PageShape, runtime: &syn::Path) -> TokenStream {
    let name = ident(&op.builder_name);
    let item = type_tokens(&shape.item);
    let body = type_tokens(&shape.body);
    let default_page_size = shape.per_page_param.as_ref().map(|param| {
        let field = ident(param);
        let ty = op
            .params
            .iter()
            .find(|p| p.rust_name == *param)
            .map(|p| &p.ty);
        // `u32` fits in an `i64` (and a `f64`); narrower types may not take it.
        let value = match ty {
            Some(TypeRef::I64) => quote!(Some(i64::from(default_per_page))),
            Some(TypeRef::F64) => quote!(Some(f64::from(default_per_page))),
            _ => quote!(TryFrom::try_from(default_per_page).ok()),
        };
        quote! {
            if first.#field.is_none() {
                first.#field = #value;
            }
        }
    });
    let (first_binding, default_per_page) = if default_page_size.is_some() {
        (quote!(let mut first), quote!(default_per_page))
    } else {
        (quote!(let first), quote!(_default_per_page))
    };
    let items = match &shape.items_field {
        Some(field) => {
            let field = ident(field);
            quote!(body.#field)
        }
        None => quote!(body),
    };
    let total = match &shape.total_count_field {
        Some(total) if total.optional => {
            let field = ident(&total.rust_name);
            quote!(body.#field.and_then(|count| u64::try_from(count).ok()))
        }
        Some(total) => {
            let field = ident(&total.rust_name);
            quote!(u64::try_from(body.#field).ok())
        }
        None => quote!(None),
    };
    quote! {
        impl #name {
            /// Streams every item of every page, fetching pages lazily (100 items a page unless
            /// `per_page` was set) and following the `Link` header until the last page.
            pub fn stream(self) -> impl futures::Stream<Item = Result<#item, Error>> + Send + Unpin + 'static {
                #runtime::stream(self)
            }

            /// Fetches every page and collects all items.
            pub async fn collect_all(self) -> Result<Vec<#item>, Error> {
                #runtime::collect_all(self).await
            }
        }

        impl Paginated for #name {
            type Item = #item;
            type Client = Client;

            fn client(&self) -> &Client {
                &self.client
            }

            fn first_request(&self, #default_per_page: u32) -> Result<Request, Error> {
                #first_binding = self.clone();
                #default_page_size
                first.request()
            }

            fn decode_page(response: &RawResponse) -> Result<Page<#item>, Error> {
                let body: #body = response.json()?;
                let total_count = #total;
                Ok(Page::new(#items, total_count, response))
            }
        }
    }
}

fn multi_enum(multi: &MultiResponse, link_base: Option<&str>) -> TokenStream {
    let name = ident(&multi.name);
    let variants = multi.variants.iter().map(|variant| {
        let rust = ident(&variant.rust_name);
        let mut doc = doc_attrs(&variant.docs, link_base);
        if doc.is_empty() {
            doc = text_attrs(&format!("Status {}.", variant.status));
        }
        let payload = match variant.body.as_ref() {
            ResponseKind::Empty => TokenStream::new(),
            ResponseKind::Json(ty) => {
                let ty = type_tokens(ty);
                quote!((#ty))
            }
            ResponseKind::Text => quote!((String)),
            _ => quote!((Vec<u8>)),
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
            Other {
                /// The status code.
                status: u16,
                /// The raw body.
                body: Vec<u8>,
            },
        }
    }
}
