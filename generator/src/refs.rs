//! Looking up local `$ref`s (`#/components/<kind>/<name>`).
//!
//! Only references into the same document's `components` are supported; a reference that
//! does not resolve is reported by [`crate::validate`] with its place, so later phases treat a
//! failed lookup as "skip", never as a panic.

use openapiv3::{Components, OpenAPI, Parameter, ReferenceOr, RequestBody, Response, Schema};

/// The component kinds a reference can point into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComponentKind {
    /// `#/components/schemas/…`
    Schemas,
    /// `#/components/parameters/…`
    Parameters,
    /// `#/components/requestBodies/…`
    RequestBodies,
    /// `#/components/responses/…`
    Responses,
    /// `#/components/examples/…`
    Examples,
    /// `#/components/headers/…`
    Headers,
}

impl ComponentKind {
    /// The key under `components`.
    pub fn key(self) -> &'static str {
        match self {
            ComponentKind::Schemas => "schemas",
            ComponentKind::Parameters => "parameters",
            ComponentKind::RequestBodies => "requestBodies",
            ComponentKind::Responses => "responses",
            ComponentKind::Examples => "examples",
            ComponentKind::Headers => "headers",
        }
    }
}

/// The component name a reference of `kind` points to, if it has the expected form.
pub fn component_name(reference: &str, kind: ComponentKind) -> Option<String> {
    let rest = reference.strip_prefix("#/components/")?;
    let name = rest.strip_prefix(kind.key())?.strip_prefix('/')?;
    if name.is_empty() || name.contains('/') {
        return None;
    }
    Some(name.replace("~1", "/").replace("~0", "~"))
}

/// Resolves references against one document.
#[derive(Clone, Copy)]
pub struct Resolver<'a> {
    components: Option<&'a Components>,
}

macro_rules! resolve_fn {
    ($name:ident, $ty:ty, $field:ident, $kind:expr) => {
        /// Follows references (up to a depth that breaks cycles) to an item.
        pub fn $name(&self, value: &'a ReferenceOr<$ty>) -> Option<&'a $ty> {
            let mut current = value;
            for _ in 0..32 {
                match current {
                    ReferenceOr::Item(item) => return Some(item),
                    ReferenceOr::Reference { reference } => {
                        let name = component_name(reference, $kind)?;
                        current = self.components?.$field.get(&name)?;
                    }
                }
            }
            None
        }
    };
}

impl<'a> Resolver<'a> {
    /// A resolver for `spec`.
    pub fn new(spec: &'a OpenAPI) -> Resolver<'a> {
        Resolver {
            components: spec.components.as_ref(),
        }
    }

    resolve_fn!(parameter, Parameter, parameters, ComponentKind::Parameters);
    resolve_fn!(
        request_body,
        RequestBody,
        request_bodies,
        ComponentKind::RequestBodies
    );
    resolve_fn!(response, Response, responses, ComponentKind::Responses);
    resolve_fn!(schema, Schema, schemas, ComponentKind::Schemas);

    /// Resolves a boxed schema reference.
    pub fn boxed_schema(&self, value: &'a ReferenceOr<Box<Schema>>) -> Option<&'a Schema> {
        match value {
            ReferenceOr::Item(item) => Some(item),
            ReferenceOr::Reference { reference } => {
                let name = component_name(reference, ComponentKind::Schemas)?;
                self.schema(self.components?.schemas.get(&name)?)
            }
        }
    }

    /// Whether a reference of `kind` resolves to a component that exists.
    pub fn exists(&self, reference: &str, kind: ComponentKind) -> bool {
        let Some(name) = component_name(reference, kind) else {
            return false;
        };
        let Some(components) = self.components else {
            return false;
        };
        match kind {
            ComponentKind::Schemas => components.schemas.contains_key(&name),
            ComponentKind::Parameters => components.parameters.contains_key(&name),
            ComponentKind::RequestBodies => components.request_bodies.contains_key(&name),
            ComponentKind::Responses => components.responses.contains_key(&name),
            ComponentKind::Examples => components.examples.contains_key(&name),
            ComponentKind::Headers => components.headers.contains_key(&name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn component_names() {
        assert_eq!(
            component_name("#/components/schemas/runner", ComponentKind::Schemas).as_deref(),
            Some("runner")
        );
        assert_eq!(
            component_name("#/components/schemas/runner", ComponentKind::Parameters),
            None
        );
        assert_eq!(
            component_name("other.yaml#/components/schemas/x", ComponentKind::Schemas),
            None
        );
        assert_eq!(
            component_name("#/components/schemas/", ComponentKind::Schemas),
            None
        );
        assert_eq!(
            component_name("#/components/schemas/a~1b", ComponentKind::Schemas).as_deref(),
            Some("a/b")
        );
    }
}
