//! Named models: structs (with `allOf` members merged), enums and unions.

use super::*;

impl<'a> SchemaLowerer<'a> {
    /// The enum of `values`; a value listed twice is one variant.
    pub(super) fn enum_def(
        &self,
        schema: &Schema,
        name: String,
        mut values: Vec<String>,
    ) -> EnumDef {
        let mut seen = std::collections::HashSet::new();
        values.retain(|value| seen.insert(value.clone()));
        let mut variant_names = NameSet::with_reserved(&[naming::UNKNOWN_VARIANT]);
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
    /// Makes the named model for `schema`.
    pub(super) fn define(&mut self, schema: &Schema, name: String, at: &str, depth: usize) {
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

    pub(super) fn union_def(
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
    pub(super) fn all_parts<'s>(
        &self,
        schema: &'s Schema,
        at: &str,
    ) -> Vec<(String, ObjectParts<'s>)>
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
                ReferenceOr::Reference { reference } => {
                    component_name(reference, ComponentKind::Schemas)
                        .map(|name| pointer(["components", "schemas", &name]))
                        .unwrap_or_else(|| format!("{at}/allOf/{index}"))
                }
                ReferenceOr::Item(_) => format!("{at}/allOf/{index}"),
            };
            if let Some(resolved) = self.resolver.schema(member) {
                parts.extend(self.all_parts(resolved, &member_at));
            }
        }
        parts
    }

    pub(super) fn object_parts<'s>(&self, schema: &'s Schema) -> Option<ObjectParts<'s>> {
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

pub(super) fn union_members(schema: &Schema) -> Option<(&'static str, &[ReferenceOr<Schema>])> {
    match &schema.schema_kind {
        SchemaKind::OneOf { one_of } => Some(("oneOf", one_of)),
        SchemaKind::AnyOf { any_of } => Some(("anyOf", any_of)),
        SchemaKind::Any(any) if !any.one_of.is_empty() => Some(("oneOf", &any.one_of)),
        SchemaKind::Any(any) if !any.any_of.is_empty() => Some(("anyOf", &any.any_of)),
        _ => None,
    }
}

/// A union variant's name from its type.
pub(super) fn variant_name(ty: &TypeRef) -> String {
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
        TypeRef::Bytes => "Bytes".into(),
    }
}
