//! Operations → tokens, grouped by operation: its `impl Client` block with its method, its own
//! models (inline body, inline enums), its response enum, and its request builder in a private
//! module of its own, re-exported from `builders`. A spec change to one operation is one hunk
//! of the generated code.
//!
//! [`method`] writes the `Client` method, [`builder`] the request builder, [`request`] its
//! `request()`, [`body`] the body's parts and encoding, [`response`] the decoding of its
//! response.

mod body;
mod builder;
mod method;
mod request;
mod response;

use super::{Context, ident, types};
use crate::model::{Api, Operation, ResponseKind};
use proc_macro2::TokenStream;
use quote::quote;

/// Everything generated for one operation.
pub fn operation(op: &Operation, context: &Context) -> TokenStream {
    let method = method::client_method(op, context);
    let models = op.types.iter().map(|def| types::type_def(def, context));
    let response = match &op.response {
        ResponseKind::Multi(multi) => response::multi_enum(multi, context),
        ResponseKind::Single(_) | ResponseKind::Page(_) => TokenStream::new(),
    };
    let module = ident(&op.module_name);
    let builder = builder::builder(op, context);
    quote! {
        #method
        #(#models)*
        #response
        mod #module {
            use super::*;

            #builder
        }
    }
}

/// The `builders` module: every request builder, re-exported from its operation's module.
pub fn builders_module(api: &Api) -> TokenStream {
    let exports = api.operations.iter().map(|op| {
        let module = ident(&op.module_name);
        let builder = ident(&op.builder_name);
        quote!(pub use super::#module::#builder;)
    });
    quote! {
        /// Request builders, one per operation: set optional parameters, then `.send().await`
        /// (or just `.await`).
        pub mod builders {
            #(#exports)*
        }
    }
}
