//! Schemas: every `$ref` resolves, nothing unsupported (`not`), and `x-newtype` names a type
//! and wraps one primitive everywhere.

use super::*;

impl<'a> Validator<'a> {
    pub(super) fn schema(&mut self, schema: &'a ReferenceOr<Schema>, at: &str) {
        match schema {
            ReferenceOr::Reference { reference } => {
                self.reference(reference, ComponentKind::Schemas, at)
            }
            ReferenceOr::Item(schema) => self.schema_item(schema, at),
        }
    }

    pub(super) fn boxed_schema(&mut self, schema: &'a ReferenceOr<Box<Schema>>, at: &str) {
        match schema {
            ReferenceOr::Reference { reference } => {
                self.reference(reference, ComponentKind::Schemas, at)
            }
            ReferenceOr::Item(schema) => self.schema_item(schema, at),
        }
    }

    pub(super) fn schema_item(&mut self, schema: &'a Schema, at: &str) {
        self.newtype(schema, at);
        match &schema.schema_kind {
            SchemaKind::Type(Type::Object(object)) => {
                for (name, property) in &object.properties {
                    self.boxed_schema(property, &pointer_join(at, &["properties", name]));
                }
                if let Some(AdditionalProperties::Schema(extra)) = &object.additional_properties {
                    self.schema(extra, &format!("{at}/additionalProperties"));
                }
            }
            SchemaKind::Type(Type::Array(array)) => {
                if let Some(items) = &array.items {
                    self.boxed_schema(items, &format!("{at}/items"));
                }
            }
            SchemaKind::Type(_) => {}
            SchemaKind::AllOf { all_of: list } => self.schema_list(list, at, "allOf"),
            SchemaKind::OneOf { one_of: list } => self.schema_list(list, at, "oneOf"),
            SchemaKind::AnyOf { any_of: list } => self.schema_list(list, at, "anyOf"),
            SchemaKind::Not { .. } => self.error(
                format!("{at}/not"),
                "`not` schemas are not supported".into(),
                "describe what the value is rather than what it is not",
            ),
            SchemaKind::Any(any) => {
                for (name, property) in &any.properties {
                    self.boxed_schema(property, &pointer_join(at, &["properties", name]));
                }
                if let Some(items) = &any.items {
                    self.boxed_schema(items, &format!("{at}/items"));
                }
                if let Some(AdditionalProperties::Schema(extra)) = &any.additional_properties {
                    self.schema(extra, &format!("{at}/additionalProperties"));
                }
                for (key, list) in [
                    ("allOf", &any.all_of),
                    ("oneOf", &any.one_of),
                    ("anyOf", &any.any_of),
                ] {
                    self.schema_list(list, at, key);
                }
            }
        }
    }

    pub(super) fn schema_list(&mut self, list: &'a [ReferenceOr<Schema>], at: &str, key: &str) {
        for (index, member) in list.iter().enumerate() {
            self.schema(member, &format!("{at}/{key}/{index}"));
        }
    }

    /// `x-newtype` names a valid type and wraps the same primitive everywhere.
    pub(super) fn newtype(&mut self, schema: &Schema, at: &str) {
        let Some(value) = schema.schema_data.extensions.get(spec::NEWTYPE) else {
            return;
        };
        let at = format!("{at}/x-newtype");
        let Some(name) = value
            .as_str()
            .filter(|name| naming::type_name(name) == *name && naming::is_valid_identifier(name))
        else {
            self.error(
                at,
                format!("`x-newtype: {value}` is not an UpperCamelCase type name"),
                "name the newtype like a Rust type, for example `x-newtype: RunnerId`",
            );
            return;
        };
        let primitive = match &schema.schema_kind {
            SchemaKind::Type(Type::Integer(_)) => "integer",
            SchemaKind::Type(Type::String(_)) => "string",
            _ => {
                self.error(
                    at,
                    format!(
                        "`x-newtype: {name}` is on a schema that is not an integer or a string"
                    ),
                    "put `x-newtype` on integer or string schemas only",
                );
                return;
            }
        };
        match self.newtypes.get(name) {
            Some((first, first_at)) if *first != primitive => {
                let message = format!(
                    "newtype `{name}` wraps type `{primitive}` here but type `{first}` at {first_at}"
                );
                self.error(
                    at,
                    message,
                    "use one primitive type for every occurrence of a newtype",
                );
            }
            Some(_) => {}
            None => {
                self.newtypes.insert(name.to_owned(), (primitive, at));
            }
        }
    }
}
