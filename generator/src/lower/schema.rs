//! Schemas → model types.
//!
//! Component schemas that are objects, enums or unions become named models; primitives and
//! arrays are inlined where they are referenced. Inline objects and enums are named after
//! where they appear (`Runner` + `status` → `RunnerStatus`); an inline enum with the same
//! property name and the same values as one already made reuses it.

use super::docs::schema_docs;
use crate::diagnostic::{Diagnostic, Report, pointer};
use crate::model::{
    Docs, EnumDef, EnumVariant, ExtraProperties, Field, Newtype, Presence, StructDef, TypeDef,
    TypeRef, UnionDef, WireEncoding,
};
use crate::naming::{self, NameSet};
use crate::refs::{Kind, Resolver, component_name};
use crate::spec;
use openapiv3::{
    AdditionalProperties, IntegerFormat, NumberFormat, OpenAPI, ReferenceOr, Schema, SchemaKind,
    StringFormat, Type, VariantOrUnknownOrEmpty,
};
use std::collections::HashMap;

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
                if let ReferenceOr::Item(schema) = schema {
                    if is_named_kind(schema) {
                        let rust_name = lowerer.names.claim_type(&naming::type_name(name));
                        lowerer.named_components.insert(name.clone(), rust_name);
                    }
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
            TypeRef::List(_) | TypeRef::Map(_) | TypeRef::Json | TypeRef::Boxed(_) => {
                WireEncoding::Json
            }
        }
    }

    /// Whether a boxed schema (following `$ref`s) is `nullable: true`.
    pub fn is_nullable_boxed(&self, schema: &ReferenceOr<Box<Schema>>) -> bool {
        self.resolver
            .boxed_schema(schema)
            .is_some_and(|s| s.schema_data.nullable)
    }

    /// The type of a schema found at `at`; `context` names any inline model it needs.
    pub fn type_of(&mut self, schema: &ReferenceOr<Schema>, context: &str, at: &str) -> TypeRef {
        match schema {
            ReferenceOr::Reference { reference } => self.type_of_reference(reference, at, 0),
            ReferenceOr::Item(schema) => self.type_of_item(schema, context, at, "", 0),
        }
    }

    fn type_of_boxed(
        &mut self,
        schema: &ReferenceOr<Box<Schema>>,
        context: &str,
        at: &str,
        property: &str,
        depth: usize,
    ) -> TypeRef {
        match schema {
            ReferenceOr::Reference { reference } => self.type_of_reference(reference, at, depth),
            ReferenceOr::Item(schema) => self.type_of_item(schema, context, at, property, depth),
        }
    }

    fn type_of_reference(&mut self, reference: &str, at: &str, depth: usize) -> TypeRef {
        let Some(name) = component_name(reference, Kind::Schemas) else {
            return TypeRef::Json;
        };
        if let Some(rust_name) = self.named_components.get(&name) {
            return TypeRef::Named(rust_name.clone());
        }
        // A component inlined where it is used (an array, a map, a primitive) is lowered once:
        // lowering it again at every reference would be exponential in recursive specs. One
        // that reaches itself while being lowered is a free-form JSON value there.
        if let Some(done) = self.inlined_components.get(&name) {
            return done.clone().unwrap_or(TypeRef::Json);
        }
        let target = self
            .spec
            .components
            .as_ref()
            .and_then(|components| components.schemas.get(&name));
        self.inlined_components.insert(name.clone(), None);
        let ty = self.lower_inlined_component(target, &name, at, depth);
        self.inlined_components.insert(name, Some(ty.clone()));
        ty
    }

    fn lower_inlined_component(
        &mut self,
        target: Option<&ReferenceOr<Schema>>,
        name: &str,
        at: &str,
        depth: usize,
    ) -> TypeRef {
        match target {
            Some(target) if depth < MAX_DEPTH => {
                let context = naming::type_name(name);
                let target_at = pointer(["components", "schemas", name]);
                match target {
                    ReferenceOr::Reference { reference } => {
                        self.type_of_reference(reference, &target_at, depth + 1)
                    }
                    ReferenceOr::Item(item) => {
                        self.type_of_item(item, &context, &target_at, "", depth + 1)
                    }
                }
            }
            Some(_) => {
                self.too_deep(at);
                TypeRef::Json
            }
            None => TypeRef::Json,
        }
    }

    fn too_deep(&mut self, at: &str) {
        self.report.push(
            Diagnostic::at_pointer(
                at,
                "schemas nest or refer to each other too deeply to be typed",
            )
            .help("name the nested schemas in `components/schemas` and refer to them with `$ref`"),
        );
    }

    fn type_of_item(
        &mut self,
        schema: &Schema,
        context: &str,
        at: &str,
        property: &str,
        depth: usize,
    ) -> TypeRef {
        if depth > MAX_DEPTH {
            self.too_deep(at);
            return TypeRef::Json;
        }
        if let Some(newtype) = self.newtype(schema) {
            return newtype;
        }
        match &schema.schema_kind {
            SchemaKind::Type(Type::String(string)) => {
                let values: Vec<String> = string.enumeration.iter().flatten().cloned().collect();
                if !values.is_empty() {
                    return self.inline_enum(schema, values, context, property);
                }
                let secret = spec::is_secret(schema);
                match &string.format {
                    _ if secret => TypeRef::Secret,
                    VariantOrUnknownOrEmpty::Item(StringFormat::DateTime) => TypeRef::DateTime,
                    VariantOrUnknownOrEmpty::Item(StringFormat::Password) => TypeRef::Secret,
                    _ => TypeRef::String,
                }
            }
            SchemaKind::Type(Type::Integer(integer)) => match integer.format {
                VariantOrUnknownOrEmpty::Item(IntegerFormat::Int32) => TypeRef::I32,
                _ => TypeRef::I64,
            },
            SchemaKind::Type(Type::Number(number)) => match number.format {
                VariantOrUnknownOrEmpty::Item(NumberFormat::Float) => TypeRef::F32,
                _ => TypeRef::F64,
            },
            SchemaKind::Type(Type::Boolean(_)) => TypeRef::Bool,
            SchemaKind::Type(Type::Array(array)) => {
                self.list_of(array.items.as_ref(), context, at, depth)
            }
            SchemaKind::Any(any) if any.items.is_some() => {
                self.list_of(any.items.as_ref(), context, at, depth)
            }
            SchemaKind::AllOf { all_of } if all_of.len() == 1 => {
                let member_at = format!("{at}/allOf/0");
                match &all_of[0] {
                    ReferenceOr::Reference { reference } => {
                        self.type_of_reference(reference, &member_at, depth + 1)
                    }
                    ReferenceOr::Item(item) => {
                        self.type_of_item(item, context, &member_at, property, depth + 1)
                    }
                }
            }
            _ if has_union(schema) || merges_members(schema) => {
                let name = self.claim_inline_name(schema, context);
                self.define(schema, name.clone(), at, depth + 1);
                TypeRef::Named(name)
            }
            _ => match self.object_parts(schema) {
                Some(parts) if parts.properties.is_empty() => match parts.additional {
                    Some(AdditionalProperties::Schema(extra)) => {
                        let value = self.type_of_nested(
                            extra,
                            &format!("{context}Value"),
                            &format!("{at}/additionalProperties"),
                            depth,
                        );
                        TypeRef::Map(Box::new(value))
                    }
                    _ => TypeRef::Json,
                },
                Some(_) => {
                    let name = self.claim_inline_name(schema, context);
                    self.define(schema, name.clone(), at, depth + 1);
                    TypeRef::Named(name)
                }
                None => TypeRef::Json,
            },
        }
    }

    fn type_of_nested(
        &mut self,
        schema: &ReferenceOr<Schema>,
        context: &str,
        at: &str,
        depth: usize,
    ) -> TypeRef {
        match schema {
            ReferenceOr::Reference { reference } => {
                self.type_of_reference(reference, at, depth + 1)
            }
            ReferenceOr::Item(item) => self.type_of_item(item, context, at, "", depth + 1),
        }
    }

    fn list_of(
        &mut self,
        items: Option<&ReferenceOr<Box<Schema>>>,
        context: &str,
        at: &str,
        depth: usize,
    ) -> TypeRef {
        let item = match items {
            Some(items) => self.type_of_boxed(
                items,
                &format!("{context}Item"),
                &format!("{at}/items"),
                "",
                depth + 1,
            ),
            None => TypeRef::Json,
        };
        TypeRef::List(Box::new(item))
    }

    /// `x-newtype: Name` on an integer or string schema.
    fn newtype(&mut self, schema: &Schema) -> Option<TypeRef> {
        let name = spec::newtype_name(schema)?;
        let inner = match &schema.schema_kind {
            SchemaKind::Type(Type::Integer(integer)) => match integer.format {
                VariantOrUnknownOrEmpty::Item(IntegerFormat::Int32) => TypeRef::I32,
                _ => TypeRef::I64,
            },
            SchemaKind::Type(Type::String(_)) => TypeRef::String,
            _ => return None,
        };
        if !naming::is_valid_identifier(name) {
            return None;
        }
        // Looked up by the name the spec asks for: the claimed one may differ
        // (`x-newtype: Client` is `ClientModel`), and every use is the same type.
        if let Some(claimed) = self.newtype_names.get(name) {
            return Some(TypeRef::Newtype(claimed.clone()));
        }
        let claimed = self.names.claim_type(name);
        self.newtype_names.insert(name.to_owned(), claimed.clone());
        // Described by the first schema that declares it (its title and description only:
        // a default or a curation note belongs to that one use).
        let docs = schema_docs(schema);
        self.newtypes.push(Newtype {
            name: claimed.clone(),
            inner,
            docs: Docs {
                summary: docs.summary,
                description: docs.description,
                ..Docs::default()
            },
        });
        Some(TypeRef::Newtype(claimed))
    }

    fn inline_enum(
        &mut self,
        schema: &Schema,
        values: Vec<String>,
        context: &str,
        property: &str,
    ) -> TypeRef {
        let mut key_values = values.clone();
        key_values.sort();
        let key = (property.to_owned(), key_values);
        if !property.is_empty() {
            if let Some(existing) = self.enum_dedup.get(&key) {
                return TypeRef::Named(existing.clone());
            }
        }
        let name = self.claim_inline_name(schema, context);
        let def = self.enum_def(schema, name.clone(), values);
        self.push(TypeDef::Enum(def));
        if !property.is_empty() {
            self.enum_dedup.insert(key, name.clone());
        }
        TypeRef::Named(name)
    }

    /// The name of an inline model: its `title` when it has one (`title: Runner group
    /// visibility` → `RunnerGroupVisibility`), else the name of where it appears
    /// (`Runner` + `status` → `RunnerStatus`).
    fn claim_inline_name(&mut self, schema: &Schema, context: &str) -> String {
        let titled = schema
            .schema_data
            .title
            .as_deref()
            .map(naming::type_name)
            .filter(|name| name != "Empty");
        self.names.claim_type(titled.as_deref().unwrap_or(context))
    }

    /// The enum of `values`; a value listed twice is one variant.
    fn enum_def(&self, schema: &Schema, name: String, mut values: Vec<String>) -> EnumDef {
        let mut seen = std::collections::HashSet::new();
        values.retain(|value| seen.insert(value.clone()));
        let mut variant_names = NameSet::with_reserved(&["Unknown"]);
        let variants = values
            .into_iter()
            .map(|value| EnumVariant {
                rust_name: variant_names.claim(&naming::type_name(&value)),
                wire_value: value,
            })
            .collect();
        EnumDef {
            name,
            docs: schema_docs(schema),
            variants,
        }
    }

    fn push(&mut self, def: TypeDef) {
        self.type_index
            .insert(def.name().to_owned(), self.types.len());
        self.types.push(def);
    }

    /// Makes the named model for `schema`.
    fn define(&mut self, schema: &Schema, name: String, at: &str, depth: usize) {
        if let SchemaKind::Type(Type::String(string)) = &schema.schema_kind {
            let values: Vec<String> = string.enumeration.iter().flatten().cloned().collect();
            let def = self.enum_def(schema, name, values);
            self.push(TypeDef::Enum(def));
            return;
        }
        if let Some((key, members)) = union_members(schema) {
            let def = self.union_def(schema, name, members, &format!("{at}/{key}"), depth);
            self.push(TypeDef::Union(def));
            return;
        }
        // Reserve the slot first so that recursive references find the name.
        let index = self.types.len();
        self.push(TypeDef::Struct(StructDef {
            name: name.clone(),
            docs: schema_docs(schema),
            fields: Vec::new(),
            additional: None,
            deprecated: schema.schema_data.deprecated,
        }));
        let mut fields = Vec::new();
        let mut field_names = NameSet::default();
        let mut additional = None;
        let mut seen_wire = Vec::new();
        let mut one_way: Vec<String> = Vec::new();
        for (part_at, part) in self.all_parts(schema, at) {
            for (wire, property) in part.properties {
                if seen_wire.contains(wire) {
                    continue;
                }
                seen_wire.push(wire.clone());
                let property_at = format!(
                    "{part_at}/properties/{}",
                    crate::diagnostic::pointer_token(wire)
                );
                let context = format!("{name}{}", naming::type_name(wire));
                let ty = self.type_of_boxed(property, &context, &property_at, wire, depth + 1);
                let nullable = self.is_nullable_boxed(property);
                if self
                    .resolver
                    .boxed_schema(property)
                    .is_some_and(|s| s.schema_data.read_only || s.schema_data.write_only)
                {
                    one_way.push(wire.clone());
                }
                let (mut docs, deprecated) = match property {
                    ReferenceOr::Item(item) => (schema_docs(item), item.schema_data.deprecated),
                    ReferenceOr::Reference { .. } => match self.resolver.boxed_schema(property) {
                        // A `$ref`'d property is described by its target.
                        Some(target) => (
                            Docs {
                                default: None,
                                curation_note: None,
                                ..schema_docs(target)
                            },
                            false,
                        ),
                        None => (Docs::default(), false),
                    },
                };
                if docs.summary.is_none() && docs.description.is_none() {
                    docs.summary = Some(format!("The `{wire}` property."));
                }
                fields.push(Field {
                    rust_name: field_names.claim(&naming::value_name(wire)),
                    wire_name: wire.clone(),
                    docs,
                    ty,
                    presence: Presence::of(part.required.contains(&wire), nullable),
                    deprecated,
                });
            }
            if let Some(AdditionalProperties::Schema(extra)) = part.additional {
                additional = Some(self.type_of_nested(
                    extra,
                    &format!("{name}Value"),
                    &format!("{part_at}/additionalProperties"),
                    depth,
                ));
            }
        }
        let additional = additional.map(|value| ExtraProperties {
            rust_name: field_names.claim(naming::EXTRA_PROPERTIES_FIELD),
            value,
        });
        // `required` may name a property of another allOf member.
        let all_required: Vec<String> = self
            .all_parts(schema, at)
            .into_iter()
            .flat_map(|(_, p)| p.required.into_iter().cloned())
            .collect();
        for field in &mut fields {
            // A readOnly property is absent from requests and a writeOnly one from responses,
            // so neither can be required in the one type that serves both directions.
            let required = (field.presence.is_required()
                || all_required.contains(&field.wire_name))
                && !one_way.contains(&field.wire_name);
            field.presence = Presence::of(required, field.presence.is_nullable());
        }
        if let Some(TypeDef::Struct(def)) = self.types.get_mut(index) {
            def.fields = fields;
            def.additional = additional;
        }
    }

    fn union_def(
        &mut self,
        schema: &Schema,
        name: String,
        members: &[ReferenceOr<Schema>],
        at: &str,
        depth: usize,
    ) -> UnionDef {
        let mut variant_names = NameSet::default();
        let mut variants = Vec::new();
        for (index, member) in members.iter().enumerate() {
            let member_at = format!("{at}/{index}");
            let context = format!("{name}Variant{}", index + 1);
            let ty = self.type_of_nested(member, &context, &member_at, depth);
            let variant = variant_names.claim(&variant_name(&ty));
            variants.push((variant, ty));
        }
        UnionDef {
            name,
            docs: schema_docs(schema),
            variants,
        }
    }

    /// The object parts of a schema and, for `allOf`, of each member (resolved), with the
    /// pointer of each part.
    fn all_parts<'s>(&self, schema: &'s Schema, at: &str) -> Vec<(String, ObjectParts<'s>)>
    where
        'a: 's,
    {
        let mut parts = Vec::new();
        if let Some(own) = self.object_parts(schema) {
            parts.push((at.to_owned(), own));
        }
        let members: &'s [ReferenceOr<Schema>] = match &schema.schema_kind {
            SchemaKind::AllOf { all_of } => all_of,
            SchemaKind::Any(any) => &any.all_of,
            _ => &[],
        };
        for (index, member) in members.iter().enumerate() {
            let member_at = match member {
                ReferenceOr::Reference { reference } => component_name(reference, Kind::Schemas)
                    .map(|name| pointer(["components", "schemas", &name]))
                    .unwrap_or_else(|| format!("{at}/allOf/{index}")),
                ReferenceOr::Item(_) => format!("{at}/allOf/{index}"),
            };
            if let Some(resolved) = self.resolver.schema(member) {
                parts.extend(self.all_parts(resolved, &member_at));
            }
        }
        parts
    }

    fn object_parts<'s>(&self, schema: &'s Schema) -> Option<ObjectParts<'s>> {
        match &schema.schema_kind {
            SchemaKind::Type(Type::Object(object)) => Some(ObjectParts {
                properties: object.properties.iter().collect(),
                required: object.required.iter().collect(),
                additional: object.additional_properties.as_ref(),
            }),
            SchemaKind::Any(any)
                if !any.properties.is_empty()
                    || any.typ.as_deref() == Some("object")
                    || !any.all_of.is_empty()
                    || any.additional_properties.is_some() =>
            {
                Some(ObjectParts {
                    properties: any.properties.iter().collect(),
                    required: any.required.iter().collect(),
                    additional: any.additional_properties.as_ref(),
                })
            }
            _ => None,
        }
    }
}

/// Whether a component schema becomes a named model (rather than being inlined).
fn is_named_kind(schema: &Schema) -> bool {
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

/// Whether a schema is an `allOf` of several members, merged into one struct.
fn merges_members(schema: &Schema) -> bool {
    match &schema.schema_kind {
        SchemaKind::AllOf { all_of } => all_of.len() > 1,
        SchemaKind::Any(any) => {
            any.all_of.len() > 1 || (!any.all_of.is_empty() && !any.properties.is_empty())
        }
        _ => false,
    }
}

fn has_union(schema: &Schema) -> bool {
    union_members(schema).is_some()
}

fn union_members(schema: &Schema) -> Option<(&'static str, &[ReferenceOr<Schema>])> {
    match &schema.schema_kind {
        SchemaKind::OneOf { one_of } => Some(("oneOf", one_of)),
        SchemaKind::AnyOf { any_of } => Some(("anyOf", any_of)),
        SchemaKind::Any(any) if !any.one_of.is_empty() => Some(("oneOf", &any.one_of)),
        SchemaKind::Any(any) if !any.any_of.is_empty() => Some(("anyOf", &any.any_of)),
        _ => None,
    }
}

/// A union variant's name from its type.
fn variant_name(ty: &TypeRef) -> String {
    match ty {
        TypeRef::String | TypeRef::Secret => "String".into(),
        TypeRef::I32 | TypeRef::I64 => "Integer".into(),
        TypeRef::F32 | TypeRef::F64 => "Number".into(),
        TypeRef::Bool => "Boolean".into(),
        TypeRef::DateTime => "DateTime".into(),
        TypeRef::Json => "Json".into(),
        TypeRef::Named(name) | TypeRef::Newtype(name) => name.clone(),
        TypeRef::List(inner) => format!("{}List", variant_name(inner)),
        TypeRef::Map(inner) => format!("{}Map", variant_name(inner)),
        TypeRef::Boxed(inner) => variant_name(inner),
    }
}
