//! Schemas → model types.
//!
//! Component schemas that are objects, enums or unions become named models; primitives and
//! arrays are inlined where they are referenced. Inline objects and enums are named after
//! where they appear (`Runner` + `status` → `RunnerStatus`); an inline enum with the same
//! property name and the same values as one already made reuses it.
//!
//! [`types`] holds `type_of`, the entry point from a schema to a type; [`objects`] defines
//! the named models (structs, enums, unions).

mod objects;
mod types;

use super::docs::schema_docs;
use crate::diagnostic::{Diagnostic, Report, pointer};
use crate::model::{
    Docs, EnumDef, EnumVariant, ExtraProperties, Field, Newtype, Presence, StructDef, TypeDef,
    TypeRef, UnionDef, WireEncoding,
};
use crate::naming::{self, NameSet};
use crate::refs::{ComponentKind, Resolver, component_name};
use crate::spec;
use openapiv3::{
    AdditionalProperties, IntegerFormat, NumberFormat, OpenAPI, ReferenceOr, Schema, SchemaKind,
    StringFormat, Type, VariantOrUnknownOrEmpty,
};
use std::collections::{HashMap, HashSet};

/// How deep inline schemas and `$ref` chains to primitives may nest before lowering gives up.
const MAX_DEPTH: usize = 64;

/// Builds model types from schemas.
pub struct SchemaLowerer<'a> {
    resolver: Resolver<'a>,
    spec: &'a OpenAPI,
    /// The type namespace (models, builders, response enums).
    pub names: NameSet,
    /// Component schema name → Rust name, for components that become named models.
    named_components: HashMap<String, String>,
    /// Models made so far, in order.
    pub types: Vec<TypeDef>,
    /// Index of each model in `types` by Rust name.
    type_index: HashMap<String, usize>,
    /// Component schemas inlined where they are used → their type (`None` while lowering).
    inlined_components: HashMap<String, Option<TypeRef>>,
    /// Newtypes, in first-seen order.
    pub newtypes: Vec<Newtype>,
    /// `x-newtype` value → the newtype's (claimed) Rust name.
    newtype_names: HashMap<String, String>,
    /// (property name, sorted values) → enum name, for reusing identical inline enums.
    enum_dedup: HashMap<(String, Vec<String>), String>,
    /// Problems found.
    pub report: Report,
}

/// The parts of a schema that describe an object, whatever form it was written in.
struct ObjectParts<'s> {
    properties: Vec<(&'s String, &'s ReferenceOr<Box<Schema>>)>,
    required: Vec<&'s String>,
    additional: Option<&'s AdditionalProperties>,
}

impl<'a> SchemaLowerer<'a> {
    /// A lowerer for `spec`; claims the names of all object/enum/union component schemas first
    /// so that they keep their names ahead of inline types.
    pub fn new(spec: &'a OpenAPI, names: NameSet) -> SchemaLowerer<'a> {
        let mut lowerer = SchemaLowerer {
            resolver: Resolver::new(spec),
            spec,
            names,
            named_components: HashMap::new(),
            inlined_components: HashMap::new(),
            types: Vec::new(),
            type_index: HashMap::new(),
            newtypes: Vec::new(),
            newtype_names: HashMap::new(),
            enum_dedup: HashMap::new(),
            report: Report::default(),
        };
        if let Some(components) = &spec.components {
            for (name, schema) in &components.schemas {
                if let ReferenceOr::Item(schema) = schema
                    && is_named_kind(schema)
                {
                    let rust_name = lowerer.names.claim_type(&naming::type_name(name));
                    lowerer.named_components.insert(name.clone(), rust_name);
                }
            }
        }
        lowerer
    }

    /// Lowers every component schema that becomes a named model.
    pub fn lower_components(&mut self) {
        let Some(components) = &self.spec.components else {
            return;
        };
        for (name, schema) in &components.schemas {
            let (ReferenceOr::Item(schema), Some(rust_name)) =
                (schema, self.named_components.get(name).cloned())
            else {
                continue;
            };
            let at = pointer(["components", "schemas", name]);
            self.define(schema, rust_name, &at, 0);
        }
    }

    /// The Rust names of the models made for component schemas.
    pub fn component_models(&self) -> HashSet<String> {
        self.named_components.values().cloned().collect()
    }

    /// The Rust names of the component models whose schema is `nullable: true` itself.
    pub fn nullable_components(&self) -> HashSet<String> {
        let Some(components) = &self.spec.components else {
            return HashSet::new();
        };
        components
            .schemas
            .iter()
            .filter_map(|(name, schema)| match schema {
                ReferenceOr::Item(schema) if schema.schema_data.nullable => {
                    self.named_components.get(name).cloned()
                }
                _ => None,
            })
            .collect()
    }

    /// Marks the optional, nullable fields of the struct `name` as able to send an explicit
    /// `null` (used for inline request bodies, where `null` clears a value).
    pub fn allow_explicit_null(&mut self, name: &str) {
        let index = self.type_index.get(name).copied();
        if let Some(TypeDef::Struct(def)) = index.and_then(|index| self.types.get_mut(index)) {
            for field in &mut def.fields {
                if field.presence == Presence::OptionalNullable {
                    field.presence = Presence::Clearable;
                }
            }
        }
    }

    /// The model named `name`, if one was made.
    pub fn type_def(&self, name: &str) -> Option<&TypeDef> {
        self.type_index
            .get(name)
            .and_then(|index| self.types.get(*index))
    }

    /// How a parameter of type `ty` is written as text: lists are exploded into one pair per
    /// item (except in a path, where, like objects and unions, they are sent as JSON).
    pub fn encoding(&self, ty: &TypeRef, in_path: bool) -> WireEncoding {
        match ty {
            TypeRef::String
            | TypeRef::I32
            | TypeRef::I64
            | TypeRef::F32
            | TypeRef::F64
            | TypeRef::Bool
            | TypeRef::Newtype(_) => WireEncoding::Display,
            TypeRef::Secret => WireEncoding::Secret,
            TypeRef::DateTime => WireEncoding::Rfc3339,
            TypeRef::Named(name) => match self.type_def(name) {
                Some(TypeDef::Enum(_)) => WireEncoding::Display,
                _ => WireEncoding::Json,
            },
            TypeRef::List(item) if !in_path && !matches!(**item, TypeRef::List(_)) => {
                WireEncoding::EachItem(Box::new(self.encoding(item, true)))
            }
            TypeRef::List(_)
            | TypeRef::Map(_)
            | TypeRef::Json
            | TypeRef::Boxed(_)
            | TypeRef::Bytes => WireEncoding::Json,
        }
    }

    /// Whether a boxed schema (following `$ref`s) is `nullable: true`.
    pub fn is_nullable_boxed(&self, schema: &ReferenceOr<Box<Schema>>) -> bool {
        self.resolver
            .boxed_schema(schema)
            .is_some_and(|s| s.schema_data.nullable)
    }

    pub(super) fn push(&mut self, def: TypeDef) {
        self.type_index
            .insert(def.name().to_owned(), self.types.len());
        self.types.push(def);
    }

    pub(super) fn too_deep(&mut self, at: &str) {
        self.report.push(
            Diagnostic::at_pointer(
                at,
                "schemas nest or refer to each other too deeply to be typed",
            )
            .help("name the nested schemas in `components/schemas` and refer to them with `$ref`"),
        );
    }
}

/// Whether a component schema becomes a named model (rather than being inlined).
pub(super) fn is_named_kind(schema: &Schema) -> bool {
    if schema.schema_data.extensions.contains_key(spec::NEWTYPE) {
        return false;
    }
    match &schema.schema_kind {
        SchemaKind::Type(Type::Object(object)) => {
            !object.properties.is_empty() || object.additional_properties.is_none()
        }
        SchemaKind::Type(Type::String(string)) => !string.enumeration.is_empty(),
        // `allOf` of one inline object is that object (and may be recursive).
        SchemaKind::AllOf { all_of } => {
            all_of.len() > 1
                || all_of
                    .iter()
                    .any(|member| matches!(member, ReferenceOr::Item(item) if is_named_kind(item)))
        }
        SchemaKind::OneOf { .. } | SchemaKind::AnyOf { .. } => true,
        SchemaKind::Any(any) => {
            !any.properties.is_empty()
                || any.typ.as_deref() == Some("object")
                || !any.one_of.is_empty()
                || !any.any_of.is_empty()
                || any.all_of.len() > 1
        }
        _ => false,
    }
}
