//! The generated `Client`: a newtype over the runtime's `ClientCore`.
//!
//! Inherent methods cannot be added to a type of another crate, so each generated crate has
//! its own `Client`. It implements the runtime's `ApiClient` (so that the runtime's
//! `ClientBuilder<Client>` builds it and the core's client-returning methods return it) and
//! derefs to `ClientCore<Client>` (so that the runtime's methods, `rate_limit()`,
//! `execute()`…, are the client's). New client features go into the runtime, not here.

use super::docs::text_attrs;
use crate::model::Group;
use proc_macro2::TokenStream;
use quote::quote;

/// The `Client` struct, its constructors and its runtime trait impls; `base_url` is the
/// spec's default (its first `servers` URL).
pub fn client(title: &str, base_url: Option<&str>, groups: &[Group]) -> TokenStream {
    let (builder_doc, builder) = match base_url {
        Some(url) => (
            text_attrs(&format!(
                "A builder with the runtime's defaults and the spec's server, `{url}`, as the base URL; see [`ClientBuilder`]."
            )),
            quote!(ClientBuilder::new().base_url(#url)),
        ),
        None => (
            text_attrs("A builder with the runtime's defaults; see [`ClientBuilder`]."),
            quote!(ClientBuilder::new()),
        ),
    };
    let methods = match groups.first() {
        Some(group) => format!(
            "one method per operation, grouped by the category of its operationId \
             (`client.{}()` returns the [`groups::{}`] of the `{}/…` operations)",
            crate::naming::bare(&group.accessor),
            group.type_name,
            group.category
        ),
        None => "one method per operation".to_owned(),
    };
    let doc = text_attrs(&format!(
        "The client of the {}: {methods}.\n\n\
         Build it with [`Client::builder`]. Cheap to clone (clones share the connection pool and \
         the latest rate-limit state). The runtime's methods (`rate_limit`, `base_url`, \
         `execute`…) are reached through `Deref` to [`ClientCore`].",
        super::docs::sanitize(title.trim(), None).trim_end()
    ));
    quote! {
        #doc
        #[derive(Debug, Clone)]
        pub struct Client(ClientCore<Client>);

        impl Client {
            #builder_doc
            pub fn builder() -> ClientBuilder<Client> {
                #builder
            }

            /// A client with the defaults of [`Client::builder`] (unauthenticated).
            pub fn new() -> Result<Client, Error> {
                Client::builder().build()
            }
        }

        impl ApiClient for Client {
            fn from_core(core: ClientCore<Client>) -> Client {
                Client(core)
            }

            fn core(&self) -> &ClientCore<Client> {
                &self.0
            }
        }

        impl std::ops::Deref for Client {
            type Target = ClientCore<Client>;

            fn deref(&self) -> &ClientCore<Client> {
                &self.0
            }
        }
    }
}
