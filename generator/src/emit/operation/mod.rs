//! Operations → tokens, grouped by operation: a private module of its own holds its
//! `impl Client` block with its method, its own models (inline body, inline enums), its response
//! enum and its request builder; the models are re-exported at the top, the builder from
//! `builders`. A spec change to one operation is one hunk of the generated code, and one module
//! for rustc to check again.
//!
//! [`method`] writes the `Client` method, [`builder`] the request builder, [`setters`] its
//! setters, [`request`] its `request()`, [`body`] the body's parts and encoding, [`response`]
//! the decoding of its response. The `*_text` modules write the same items as preformatted
//! text ([`super::preformatted`]).

mod body;
mod builder;
mod builder_text;
mod method;
mod method_text;
mod paging_text;
mod request;
mod request_text;
mod response;
mod setters;

use super::{Context, ident, types};
use crate::model::{Api, Operation, ResponseKind};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// Where the items of an operation's module are printed (for preformatted pieces: a piece is
/// written as text only when its lines fit prettyplease's margin there).
const ITEM_INDENT: usize = 4;

/// Where the methods of an `impl` in an operation's module are printed.
const METHOD_INDENT: usize = ITEM_INDENT + 4;

/// Where the statements of those methods are printed.
const STATEMENT_INDENT: usize = METHOD_INDENT + 4;

/// Everything generated for one operation.
pub fn operation(op: &Operation, context: &Context) -> TokenStream {
    let method = method::client_method(op, context);
    let models = op
        .types
        .iter()
        .map(|def| types::type_def(def, context, ITEM_INDENT));
    let response = match &op.response {
        ResponseKind::Multi(multi) => response::multi_enum(multi, context),
        ResponseKind::Single(_) | ResponseKind::Page(_) => TokenStream::new(),
    };
    let module = ident(&op.module_name);
    let builder = builder::builder(op, context);
    // Everything of the operation is in its own module (its models re-exported by
    // `exports_module`): rustc checks lints, privacy and attributes module by module, so an
    // edit to one operation re-checks that module, not every item of the API.
    quote! {
        mod #module {
            use super::*;

            #method
            #(#models)*
            #response
            #builder
        }
    }
}

/// The models of each operation, re-exported from its module, and the `builders` module:
/// every request builder, re-exported from its operation's module.
pub fn exports_module(api: &Api) -> TokenStream {
    let models = api.operations.iter().filter_map(|op| {
        let module = ident(&op.module_name);
        let mut names: Vec<Ident> = op.types.iter().map(|def| ident(def.name())).collect();
        if let ResponseKind::Multi(multi) = &op.response {
            names.push(ident(&multi.name));
        }
        (!names.is_empty()).then(|| quote!(pub use #module::{#(#names),*};))
    });
    let exports = api.operations.iter().map(|op| {
        let module = ident(&op.module_name);
        let builder = ident(&op.builder_name);
        quote!(pub use super::#module::#builder;)
    });
    quote! {
        #(#models)*

        /// Request builders, one per operation: set optional parameters, then `.send().await`
        /// (or just `.await`).
        pub mod builders {
            #(#exports)*
        }
    }
}
