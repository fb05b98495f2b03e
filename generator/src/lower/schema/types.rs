//! `type_of`, the one entry point from a schema to a type: primitives, lists, maps,
//! `$ref`s, newtypes and inline enums; inline objects and unions are defined by [`super::objects`].

use super::objects::union_members;
use super::*;

impl<'a> SchemaLowerer<'a> {
    /// The type of a schema found at `at`; `context` names any inline model it needs.
    pub fn type_of(&mut self, schema: &ReferenceOr<Schema>, context: &str, at: &str) -> TypeRef {
        match schema {
            ReferenceOr::Reference { reference } => self.type_of_reference(reference, at, 0),
            ReferenceOr::Item(schema) => self.type_of_item(schema, context, at, "", 0),
        }
    }

    pub(super) fn type_of_boxed(
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

    pub(super) fn type_of_reference(&mut self, reference: &str, at: &str, depth: usize) -> TypeRef {
        let Some(name) = component_name(reference, ComponentKind::Schemas) else {
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

    pub(super) fn lower_inlined_component(
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
    pub(super) fn type_of_item(
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

    pub(super) fn type_of_nested(
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

    pub(super) fn list_of(
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
    pub(super) fn newtype(&mut self, schema: &Schema) -> Option<TypeRef> {
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

    pub(super) fn inline_enum(
        &mut self,
        schema: &Schema,
        values: Vec<String>,
        context: &str,
        property: &str,
    ) -> TypeRef {
        let mut key_values = values.clone();
        key_values.sort();
        let key = (property.to_owned(), key_values);
        if !property.is_empty()
            && let Some(existing) = self.enum_dedup.get(&key)
        {
            return TypeRef::Named(existing.clone());
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
    pub(super) fn claim_inline_name(&mut self, schema: &Schema, context: &str) -> String {
        let titled = schema
            .schema_data
            .title
            .as_deref()
            .map(naming::type_name)
            .filter(|name| name != "Empty");
        self.names.claim_type(titled.as_deref().unwrap_or(context))
    }
}

/// Whether a schema is an `allOf` of several members, merged into one struct.
pub(super) fn merges_members(schema: &Schema) -> bool {
    match &schema.schema_kind {
        SchemaKind::AllOf { all_of } => all_of.len() > 1,
        SchemaKind::Any(any) => {
            any.all_of.len() > 1 || (!any.all_of.is_empty() && !any.properties.is_empty())
        }
        _ => false,
    }
}

pub(super) fn has_union(schema: &Schema) -> bool {
    union_members(schema).is_some()
}
