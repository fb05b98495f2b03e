//! What a request builder's `send()` returns and how it decodes the response: one payload,
//! a page (with streaming), or the enum of several success statuses.

use super::super::docs::{doc_attrs, text_attrs};
use super::super::preformatted;
use super::super::{Context, ident, path_text, tokens_of, type_tokens};
use super::ITEM_INDENT;
use super::builder_text::{decoder_text, output_text, payload_text};
use super::paging_text::{paginated_impl_text, per_page_value, stream_impl_text};
use crate::model::{MultiResponse, Operation, PageShape, Payload, ResponseKind};
use crate::naming::OTHER_STATUS_VARIANT;
use proc_macro2::TokenStream;
use quote::quote;

/// The builder's output type ([`output_text`] as tokens).
pub fn output_type(op: &Operation) -> TokenStream {
    tokens_of(&output_text(op))
}

/// The type a success response's payload decodes to.
fn payload_type(payload: &Payload) -> TokenStream {
    tokens_of(&payload_text(payload))
}

/// The function that decodes a successful response into the output type (a
/// `runtime::send::Decode`), passed to `runtime::send` ([`decoder_text`] as tokens).
pub fn decoder(op: &Operation, context: &Context) -> TokenStream {
    tokens_of(&decoder_text(op, &path_text(context.runtime)))
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
    let runtime = context.runtime;
    if preformatted::active() {
        let stream = stream_impl_text(op, shape, &path_text(runtime));
        let paginated = paginated_impl_text(op, shape);
        if let (Some(stream), Some(paginated)) = (stream, paginated)
            && let Some(stream) = preformatted::piece(Some(stream), ITEM_INDENT)
            && let Some(paginated) = preformatted::piece(Some(paginated), ITEM_INDENT)
        {
            return quote!(#stream #paginated);
        }
    }
    let name = ident(&op.builder_name);
    let item = type_tokens(&shape.item);
    let body = type_tokens(&shape.body);
    let default_page_size = shape.per_page_param.as_ref().map(|param| {
        let field = ident(param);
        // A fixed expression of `per_page_value`, always valid tokens.
        let value: TokenStream = per_page_value(op, param).parse().unwrap_or_default();
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
            #[inline]
            pub fn stream(self) -> futures::stream::BoxStream<'static, Result<#item, Error>> {
                #runtime::stream(self)
            }

            /// Fetches every page and collects all items.
            #[inline]
            pub fn collect_all(self) -> ResponseFuture<Vec<#item>> {
                #runtime::collect_all(self)
            }
        }

        impl Paginated for #name {
            type Item = #item;
            type Client = Client;

            fn client(&self) -> &Client {
                &self.client
            }

            #[inline]
            fn first_request(&self, #default_per_page: u32) -> Result<Request, Error> {
                #first_binding = self.clone();
                #default_page_size
                first.request()
            }

            #[inline]
            fn decode_page(response: &RawResponse) -> Result<Page<#item>, Error> {
                let body: #body = response.json()?;
                let total_count = #total;
                Ok(Page::new(#items, total_count, response))
            }
        }
    }
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
