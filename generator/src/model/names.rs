//! The model's invariant that every name in it is a usable Rust identifier, checked before
//! emitting (a name that is not one is a bug of `lower`/`naming`, reported as an internal
//! error, never replaced).

use super::{Api, BodyShape, PathPart, ResponseKind, TypeDef};
use crate::naming::is_valid_identifier;

impl Api {
    /// The first name in the model that is not a valid identifier, if there is one.
    pub fn invalid_name(&self) -> Option<&str> {
        let mut names: Vec<&str> = Vec::new();
        names.extend(self.newtypes.iter().map(|newtype| newtype.name.as_str()));
        let types = self
            .types
            .iter()
            .chain(self.operations.iter().flat_map(|op| &op.types));
        for def in types {
            names.push(def.name());
            match def {
                TypeDef::Struct(def) => {
                    names.extend(def.fields.iter().map(|field| field.rust_name.as_str()));
                    names.extend(def.additional.iter().map(|extra| extra.rust_name.as_str()));
                }
                TypeDef::Enum(def) => names.extend(
                    def.variants
                        .iter()
                        .map(|variant| variant.rust_name.as_str()),
                ),
                TypeDef::Union(def) => {
                    names.extend(def.variants.iter().map(|(name, _)| name.as_str()))
                }
                TypeDef::Alias(def) => names.push(&def.target),
            }
        }
        for group in &self.groups {
            names.extend([&group.accessor, &group.type_name].map(String::as_str));
        }
        for op in &self.operations {
            names.extend([&op.method_name, &op.builder_name, &op.module_name].map(String::as_str));
            names.extend(op.params.iter().map(|param| param.rust_name.as_str()));
            names.extend(op.path.iter().filter_map(|part| match part {
                PathPart::Param { local, .. } => Some(local.as_str()),
                PathPart::Literal(_) => None,
            }));
            if let Some(body) = &op.body {
                names.push(&body.rust_name);
                if let BodyShape::Fields(fields) = &body.shape {
                    names.extend(fields.iter().map(|field| field.arg_name.as_str()));
                }
            }
            match &op.response {
                ResponseKind::Multi(multi) => {
                    names.push(&multi.name);
                    names.extend(
                        multi
                            .variants
                            .iter()
                            .map(|variant| variant.rust_name.as_str()),
                    );
                }
                ResponseKind::Page(shape) => {
                    names.extend(shape.items_field.as_deref());
                    names.extend(
                        shape
                            .total_count_field
                            .as_ref()
                            .map(|total| total.rust_name.as_str()),
                    );
                    names.extend(shape.per_page_param.as_deref());
                }
                ResponseKind::Single(_) => {}
            }
        }
        names.into_iter().find(|name| !is_valid_identifier(name))
    }
}
