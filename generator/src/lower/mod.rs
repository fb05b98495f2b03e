//! Builds the [`crate::model::Api`] from a validated spec.
//!
//! Schemas are lowered by [`schema`], operations by [`operation`] (their request bodies by
//! [`body`], their responses by [`response`]), their docs by [`docs`], and [`recursion`] boxes the fields that would make a
//! recursive struct infinitely large.

mod body;
mod docs;
mod operation;
mod recursion;
mod response;
mod schema;
mod twins;

use crate::diagnostic::Report;
use crate::layout::Decision;
use crate::model::{Api, BodyShape, Group, Operation, TypeDef, TypeRef};
use crate::naming::{NameSet, RESERVED_TYPE_NAMES};
use openapiv3::OpenAPI;

/// Lowers a validated spec to the model; the report lists every problem found.
pub fn lower(spec: &OpenAPI, layout: &Decision) -> Result<Api, Report> {
    let mut schemas = schema::SchemaLowerer::new(spec, NameSet::with_reserved(RESERVED_TYPE_NAMES));
    schemas.lower_components();
    let mut lowered = operation::lower_operations(spec, &mut schemas, layout);
    let mut types = std::mem::take(&mut schemas.types);
    twins::merge_twins(
        &mut types,
        &schemas.component_models(),
        &schemas.nullable_components(),
    );
    recursion::box_cycles(&mut types);
    body_fields_as_boxed(&mut lowered, &types);
    // Each operation's own models (its inline body, its inline enums) go with it.
    let mut owners: Vec<Option<usize>> = vec![None; types.len()];
    for (index, (_, range)) in lowered.iter().enumerate() {
        for owner in owners.get_mut(range.clone()).into_iter().flatten() {
            *owner = Some(index);
        }
    }
    let mut operations: Vec<Operation> = lowered.into_iter().map(|(op, _)| op).collect();
    let mut shared = Vec::new();
    for (def, owner) in types.into_iter().zip(owners) {
        match owner.and_then(|index| operations.get_mut(index)) {
            Some(operation) => operation.types.push(def),
            None => shared.push(def),
        }
    }
    let types = shared;
    let mut groups: Vec<Group> = Vec::new();
    for group in operations.iter().filter_map(|op| op.group.as_ref()) {
        if !groups.iter().any(|known| known.accessor == group.accessor) {
            groups.push(group.clone());
        }
    }
    let api = Api {
        title: spec.info.title.clone(),
        version: spec.info.version.clone(),
        newtypes: std::mem::take(&mut schemas.newtypes),
        types,
        operations,
        groups,
        layout_note: layout.note.clone(),
        default_base_url: default_base_url(spec),
        doc_link_base: doc_link_base(spec),
    };
    std::mem::take(&mut schemas.report).into_result(api)
}

/// The first `servers` URL, when it is an absolute http(s) URL without `{variables}`.
fn default_base_url(spec: &OpenAPI) -> Option<String> {
    let url = spec.servers.first()?.url.trim();
    let usable = (url.starts_with("https://") || url.starts_with("http://"))
        && !url.contains(['{', '}', ' ', '"', '\\']);
    usable.then(|| url.to_owned())
}

/// Gives the fields of struct bodies the types of the final structs: a field boxed to break a
/// cycle takes a box in its argument or setter too.
fn body_fields_as_boxed<R>(lowered: &mut [(Operation, R)], types: &[TypeDef]) {
    for (operation, _) in lowered.iter_mut() {
        let Some(body) = operation.body.as_mut() else {
            continue;
        };
        let (Some(name), BodyShape::Fields(fields)) = (named(&body.ty), &mut body.shape) else {
            continue;
        };
        let Some(def) = struct_named(types, name) else {
            continue;
        };
        for field in fields.iter_mut() {
            if let Some(boxed) = def
                .fields
                .iter()
                .find(|f| f.rust_name == field.field.rust_name)
            {
                field.field.ty = boxed.ty.clone();
            }
        }
    }
}

/// The struct named `name`, through an alias.
fn struct_named<'a>(types: &'a [TypeDef], name: &str) -> Option<&'a crate::model::StructDef> {
    // An alias names a struct, never another alias (`twins` resolves chains).
    let def = types.iter().find(|def| def.name() == name)?;
    let def = match def {
        TypeDef::Alias(alias) => types.iter().find(|def| def.name() == alias.target)?,
        def => def,
    };
    match def {
        TypeDef::Struct(def) => Some(def),
        _ => None,
    }
}

/// The scheme and host of the first `externalDocs` URL in the spec.
fn doc_link_base(spec: &OpenAPI) -> Option<String> {
    let top = spec.external_docs.iter().map(|docs| docs.url.as_str());
    let operations = spec
        .paths
        .iter()
        .filter_map(|(_, item)| item.as_item())
        .flat_map(|item| item.iter())
        .filter_map(|(_, operation)| operation.external_docs.as_ref())
        .map(|docs| docs.url.as_str());
    top.chain(operations).find_map(origin)
}

/// `https://host` of an absolute http(s) URL.
fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let host = rest.split('/').next().filter(|host| !host.is_empty())?;
    Some(format!("{scheme}://{host}"))
}

/// Whether the type is a struct-like model that the page decoder can look into.
pub(crate) fn named(ty: &TypeRef) -> Option<&str> {
    match ty {
        TypeRef::Named(name) => Some(name),
        _ => None,
    }
}
