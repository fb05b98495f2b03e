//! Looking up local `$ref`s (`#/components/<kind>/<name>`).
//!
//! Only references into the same document's `components` are supported; a reference that
//! does not resolve is reported by [`crate::validate`] with its place, so later phases treat a
//! failed lookup as "skip", never as a panic.

use openapiv3::{Components, OpenAPI, Parameter, ReferenceOr, RequestBody, Response, Schema};

/// The component kinds a reference can point into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
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

impl Kind {
    /// The key under `components`.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Schemas => "schemas",
            Kind::Parameters => "parameters",
            Kind::RequestBodies => "requestBodies",
            Kind::Responses => "responses",
            Kind::Examples => "examples",
            Kind::Headers => "headers",
        }
    }
}

/// The component name a reference of `kind` points to, if it has the expected form.
pub fn component_name(reference: &str, kind: Kind) -> Option<String> {
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

    resolve_fn!(parameter, Parameter, parameters, Kind::Parameters);
    resolve_fn!(
        request_body,
        RequestBody,
        request_bodies,
        Kind::RequestBodies
    );
    resolve_fn!(response, Response, responses, Kind::Responses);
    resolve_fn!(schema, Schema, schemas, Kind::Schemas);

    /// Resolves a boxed schema reference.
    pub fn boxed_schema(&self, value: &'a ReferenceOr<Box<Schema>>) -> Option<&'a Schema> {
        match value {
            ReferenceOr::Item(item) => Some(item),
            ReferenceOr::Reference { reference } => {
                let name = component_name(reference, Kind::Schemas)?;
                self.schema(self.components?.schemas.get(&name)?)
            }
        }
    }

    /// Whether a reference of `kind` resolves to a component that exists.
    pub fn exists(&self, reference: &str, kind: Kind) -> bool {
        let Some(name) = component_name(reference, kind) else {
            return false;
        };
        let Some(components) = self.components else {
            return false;
        };
        match kind {
            Kind::Schemas => components.schemas.contains_key(&name),
            Kind::Parameters => components.parameters.contains_key(&name),
            Kind::RequestBodies => components.request_bodies.contains_key(&name),
            Kind::Responses => components.responses.contains_key(&name),
            Kind::Examples => components.examples.contains_key(&name),
            Kind::Headers => components.headers.contains_key(&name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn component_names() {
        assert_eq!(
            component_name("#/components/schemas/runner", Kind::Schemas).as_deref(),
            Some("runner")
        );
        assert_eq!(
            component_name("#/components/schemas/runner", Kind::Parameters),
            None
        );
        assert_eq!(
            component_name("other.yaml#/components/schemas/x", Kind::Schemas),
            None
        );
        assert_eq!(component_name("#/components/schemas/", Kind::Schemas), None);
        assert_eq!(
            component_name("#/components/schemas/a~1b", Kind::Schemas).as_deref(),
            Some("a/b")
        );
    }
}
