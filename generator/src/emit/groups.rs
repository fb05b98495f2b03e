//! The method groups of a grouped layout ([`crate::layout`]): the `groups` module with one
//! borrowing struct per category, and the `Client` accessors that return them
//! (`client.actions()` → `groups::Actions`). The operations' own methods are written with
//! each operation, in an `impl groups::Actions<'_>` block of their own.

use super::docs::text_attrs;
use super::ident;
use crate::model::Group;
use crate::naming::bare;
use proc_macro2::TokenStream;
use quote::quote;

/// The accessors on `Client` and the `groups` module; nothing for a flat layout.
pub fn groups(groups: &[Group]) -> TokenStream {
    if groups.is_empty() {
        return TokenStream::new();
    }
    let accessors = groups.iter().map(|group| {
        let accessor = ident(&group.accessor);
        let type_name = ident(&group.type_name);
        let doc = text_attrs(&format!(
            "The operations whose operationId starts with `{}/`.",
            group.category
        ));
        quote! {
            #doc
            pub fn #accessor(&self) -> groups::#type_name<'_> {
                groups::#type_name(self)
            }
        }
    });
    let structs = groups.iter().map(|group| {
        let type_name = ident(&group.type_name);
        let doc = text_attrs(&format!(
            "The `{}/…` operations, from [`Client::{}`].",
            group.category,
            bare(&group.accessor)
        ));
        quote! {
            #doc
            #[derive(Debug, Clone, Copy)]
            pub struct #type_name<'a>(pub(super) &'a Client);
        }
    });
    let module_doc = groups.first().map(|first| {
        text_attrs(&format!(
            "The operations grouped by the category of their operationId: `client.{}()` \
             returns a [`groups::{}`], whose methods are the `{}/…` operations.",
            bare(&first.accessor),
            first.type_name,
            first.category
        ))
    });
    quote! {
        impl Client {
            #(#accessors)*
        }

        #module_doc
        pub mod groups {
            use super::Client;

            #(#structs)*
        }
    }
}
