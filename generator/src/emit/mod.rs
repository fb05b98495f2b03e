//! Model → Rust tokens.
//!
//! [`client`] writes the `Client` struct, [`types`] newtypes and models, [`operation`] each
//! operation (method, own models, builder) together, [`docs`] the rustdoc. The emitters read
//! only the model: no spec lookups here.

mod breaks;
mod client;
mod deserialize_text;
pub mod docs;
mod enum_text;
mod groups;
mod operation;
pub mod preformatted;
mod serialize_text;
mod struct_text;
mod types;

use crate::model::{Api, BodyShape, Newtype, Operation, PartValue, ResponseKind, TypeDef, TypeRef};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use std::collections::HashSet;

/// What every emitter needs besides the model part it writes.
pub struct Context<'a> {
    /// The Rust path of the runtime (`crate::runtime`).
    pub runtime: &'a syn::Path,
    /// The docs site relative links are resolved against.
    pub link_base: Option<&'a str>,
    /// The newtypes that are `Copy` (over integers).
    pub copy_newtypes: HashSet<String>,
}

/// One piece of the generated file, formatted on its own (see [`crate::format`]).
///
/// A chunk made from one part of the model (a model, a newtype, an operation) is keyed by that
/// part (its `Debug` text, with what else its tokens depend on): a formatter that has seen the
/// key before can take the text it printed then without emitting the tokens at all.
pub struct Chunk<'a> {
    /// What the chunk's tokens are made from, completely.
    pub key: String,
    source: ChunkSource<'a>,
}

/// What a [`Chunk`]'s tokens are made from.
pub enum ChunkSource<'a> {
    Tokens(TokenStream),
    Newtype(&'a Newtype),
    Model(&'a TypeDef),
    Operation(&'a Operation),
}

impl<'a> Chunk<'a> {
    /// The key, and what makes the tokens.
    pub fn split(self) -> (String, ChunkSource<'a>) {
        (self.key, self.source)
    }
}

impl ChunkSource<'_> {
    /// The chunk's tokens.
    pub fn tokens(&self, emitter: &Emitter<'_>) -> TokenStream {
        let context = &emitter.context;
        match self {
            ChunkSource::Tokens(tokens) => tokens.clone(),
            ChunkSource::Newtype(newtype) => types::newtype(newtype, context.link_base),
            ChunkSource::Model(def) => types::type_def(def, context, 0),
            ChunkSource::Operation(op) => operation::operation(op, context),
        }
    }
}

/// Emits the generated file (without its header comment) chunk by chunk.
pub struct Emitter<'a> {
    api: &'a Api,
    context: Context<'a>,
    /// Everything in [`Context`], as text: part of the key of each chunk made from the model.
    context_key: String,
}

impl<'a> Emitter<'a> {
    /// An emitter of `api`; a name of the model that is not an identifier is an internal
    /// error.
    pub fn new(api: &'a Api, runtime: &'a syn::Path) -> Result<Emitter<'a>, String> {
        if let Some(name) = api.invalid_name() {
            return Err(format!("`{name}` is not a Rust identifier"));
        }
        let context = Context {
            runtime,
            link_base: api.doc_link_base.as_deref(),
            copy_newtypes: api
                .newtypes
                .iter()
                .filter(|newtype| newtype.inner != TypeRef::String)
                .map(|newtype| newtype.name.clone())
                .collect(),
        };
        let mut copy_newtypes: Vec<&String> = context.copy_newtypes.iter().collect();
        copy_newtypes.sort_unstable();
        let context_key = format!(
            "runtime {} link base {:?} copy {copy_newtypes:?}",
            quote!(#runtime),
            context.link_base
        );
        Ok(Emitter {
            api,
            context,
            context_key,
        })
    }

    /// The chunks, in file order: the imports, the client, the groups, each newtype, each
    /// model, each operation, the `builders` module.
    pub fn chunks(&self) -> Vec<Chunk<'a>> {
        let api = self.api;
        let tokens = |tokens: TokenStream| Chunk {
            key: format!("tokens {tokens}"),
            source: ChunkSource::Tokens(tokens),
        };
        let uses = Uses::of(api);
        let mut chunks = vec![
            tokens(imports(&uses, self.context.runtime)),
            tokens(client::client(
                &api.title,
                api.default_base_url.as_deref(),
                &api.groups,
            )),
            tokens(groups::groups(&api.groups)),
        ];
        let context = &self.context_key;
        chunks.extend(api.newtypes.iter().map(|newtype| Chunk {
            key: format!("{context}\nnewtype {newtype:?}"),
            source: ChunkSource::Newtype(newtype),
        }));
        chunks.extend(api.types.iter().map(|def| Chunk {
            key: format!("{context}\nmodel {def:?}"),
            source: ChunkSource::Model(def),
        }));
        chunks.extend(api.operations.iter().map(|op| Chunk {
            key: format!("{context}\noperation {op:?}"),
            source: ChunkSource::Operation(op),
        }));
        if !api.operations.is_empty() {
            chunks.push(tokens(operation::exports_module(api)));
        }
        chunks
    }
}

/// Which optional imports the generated code needs, so that none is unused.
#[derive(Default)]
struct Uses {
    date_time: bool,
    map: bool,
    secret: bool,
    page: bool,
    raw_response: bool,
    serde: bool,
    operations: bool,
    bytes: bool,
    file_part: bool,
}

impl Uses {
    fn of(api: &Api) -> Uses {
        let all_types = || {
            api.types
                .iter()
                .chain(api.operations.iter().flat_map(|op| &op.types))
        };
        let mut uses = Uses {
            serde: !api.newtypes.is_empty() || all_types().next().is_some(),
            operations: !api.operations.is_empty(),
            ..Uses::default()
        };
        let mut types = Vec::new();
        let mut note = |ty: &TypeRef| types.push(ty.clone());
        for def in all_types() {
            match def {
                TypeDef::Struct(def) => {
                    def.fields.iter().for_each(|field| note(&field.ty));
                    if let Some(extra) = &def.additional {
                        note(&TypeRef::Map(Box::new(extra.value.clone())));
                    }
                }
                TypeDef::Union(def) => def.variants.iter().for_each(|(_, ty)| note(ty)),
                TypeDef::Enum(_) | TypeDef::Alias(_) => {}
            }
        }
        for operation in &api.operations {
            operation.params.iter().for_each(|param| note(&param.ty));
            match operation.body.as_ref().map(|body| (body, &body.shape)) {
                Some((_, BodyShape::Parts(parts))) => {
                    for part in parts {
                        match &part.value {
                            PartValue::File | PartValue::Files => uses.file_part = true,
                            PartValue::Value { ty, .. } => note(ty),
                        }
                    }
                }
                Some((body, _)) => note(&body.ty),
                None => {}
            }
        }
        for ty in &types {
            uses_in(ty, &mut uses);
        }
        uses.page = api
            .operations
            .iter()
            .any(|operation| matches!(operation.response, ResponseKind::Page(_)));
        uses.raw_response = api.operations.iter().any(|operation| {
            matches!(
                operation.response,
                ResponseKind::Page(_) | ResponseKind::Multi(_)
            )
        });
        uses
    }
}

fn uses_in(ty: &TypeRef, uses: &mut Uses) {
    match ty {
        TypeRef::DateTime => uses.date_time = true,
        TypeRef::Secret => uses.secret = true,
        TypeRef::Bytes => uses.bytes = true,
        TypeRef::Map(inner) => {
            uses.map = true;
            uses_in(inner, uses);
        }
        TypeRef::List(inner) | TypeRef::Boxed(inner) => uses_in(inner, uses),
        _ => {}
    }
}

fn imports(uses: &Uses, runtime: &syn::Path) -> TokenStream {
    let mut out = TokenStream::new();
    if uses.date_time {
        out.extend(quote!(
            use chrono::{DateTime, Utc};
        ));
    }
    if uses.map {
        out.extend(quote!(
            use std::collections::BTreeMap;
        ));
    }
    if uses.serde {
        out.extend(quote!(
            use serde::{Deserialize, Serialize};
        ));
    }
    let mut runtime_items = vec!["ApiClient", "ClientBuilder", "ClientCore", "Error"];
    if uses.operations {
        runtime_items.extend(["Request", "ResponseFuture"]);
        out.extend(quote!(
            use std::future::IntoFuture;
        ));
    }
    if uses.page {
        runtime_items.extend(["Page", "Paginated"]);
    }
    if uses.raw_response {
        runtime_items.push("RawResponse");
    }
    if uses.secret {
        runtime_items.push("SecretString");
    }
    if uses.bytes {
        runtime_items.push("Bytes");
    }
    if uses.file_part {
        runtime_items.push("FilePart");
    }
    runtime_items.sort_unstable();
    if !runtime_items.is_empty() {
        let items = runtime_items.iter().map(|name| ident(name));
        out.extend(quote!(use #runtime::{#(#items),*};));
    }
    out
}

/// An identifier for a name decided by [`crate::naming`] (raw when it starts with `r#`).
///
/// [`Emitter::new`] has checked every name of the model ([`Api::invalid_name`]) before any reaches
/// here; the check is repeated (it is cheap) so that `Ident::new`, which panics on a string
/// that is not an identifier, is never called with one.
pub(crate) fn ident(name: &str) -> Ident {
    if !crate::naming::is_valid_identifier(name) {
        return Ident::new("_", Span::call_site());
    }
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// The Rust type for a model type reference (what [`type_text`] writes, as tokens).
pub(crate) fn type_tokens(ty: &TypeRef) -> TokenStream {
    tokens_of(&type_text(ty))
}

/// Code an emitter wrote as text, as tokens. The text is made by the `*_text` functions from
/// checked names and fixed syntax, so it always lexes; were it ever not to, the empty result
/// would fail the chunk's parse, an internal error, rather than panic here.
pub(crate) fn tokens_of(text: &str) -> TokenStream {
    text.parse().unwrap_or_default()
}

/// A path (`crate::runtime`) as text, for serde attributes and preformatted pieces.
pub(crate) fn path_text(path: &syn::Path) -> String {
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    let leading = if path.leading_colon.is_some() {
        "::"
    } else {
        ""
    };
    format!("{leading}{}", segments.join("::"))
}

/// The Rust type for a model type reference, as prettyplease prints it.
pub(crate) fn type_text(ty: &TypeRef) -> String {
    match ty {
        TypeRef::String => "String".to_owned(),
        TypeRef::Secret => "SecretString".to_owned(),
        TypeRef::I32 => "i32".to_owned(),
        TypeRef::I64 => "i64".to_owned(),
        TypeRef::F32 => "f32".to_owned(),
        TypeRef::F64 => "f64".to_owned(),
        TypeRef::Bool => "bool".to_owned(),
        TypeRef::DateTime => "DateTime<Utc>".to_owned(),
        TypeRef::Json => "serde_json::Value".to_owned(),
        TypeRef::Named(name) | TypeRef::Newtype(name) => ident(name).to_string(),
        TypeRef::List(inner) => format!("Vec<{}>", type_text(inner)),
        TypeRef::Map(inner) => format!("BTreeMap<String, {}>", type_text(inner)),
        TypeRef::Boxed(inner) => format!("Box<{}>", type_text(inner)),
        TypeRef::Bytes => "Bytes".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Docs;

    #[test]
    fn a_name_that_is_not_an_identifier_is_an_internal_error() {
        let api = Api {
            newtypes: vec![Newtype {
                name: "Runner Id".into(),
                inner: TypeRef::I64,
                docs: Docs::default(),
            }],
            ..Api::default()
        };
        let runtime: syn::Path = syn::parse_quote!(crate::runtime);
        let error = Emitter::new(&api, &runtime).err();
        assert_eq!(
            error.as_deref(),
            Some("`Runner Id` is not a Rust identifier")
        );
    }

    #[test]
    fn raw_and_plain_identifiers() {
        assert_eq!(ident("r#type").to_string(), "r#type");
        assert_eq!(ident("runner_id").to_string(), "runner_id");
    }
}
