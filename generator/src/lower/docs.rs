//! The typed [`Docs`] of schemas, parameters and operations, from the spec's own words.
//!
//! Which `x-curation-note`s reach the docs: those of schemas and their properties, which tell
//! a user about the data (a field only some servers return). Those of operations and
//! parameters record where a text came from (which page says what), so they stay in the spec;
//! a shared parameter's note would otherwise repeat on every builder that has it.

use crate::model::{DocLink, Docs};
use crate::spec;
use openapiv3::Schema;

/// Docs for a schema: title, description, default and curation note.
pub fn schema_docs(schema: &Schema) -> Docs {
    let data = &schema.schema_data;
    Docs {
        summary: data.title.clone(),
        description: data.description.clone(),
        default: data.default.as_ref().map(ToString::to_string),
        curation_note: spec::curation_note(&data.extensions),
        ..Docs::default()
    }
}

/// Docs for a parameter: its description and its schema's default.
pub fn parameter_docs(description: Option<&String>, schema: Option<&Schema>) -> Docs {
    Docs {
        description: description.cloned(),
        default: schema
            .and_then(|schema| schema.schema_data.default.as_ref())
            .map(ToString::to_string),
        ..Docs::default()
    }
}

/// Docs for an operation without its errors: summary, description, availability and
/// external docs.
pub fn operation_docs(operation: &openapiv3::Operation) -> Docs {
    Docs {
        summary: operation.summary.clone(),
        description: operation.description.clone(),
        availability: spec::availability(operation)
            .and_then(Result::ok)
            .unwrap_or_default(),
        external: operation.external_docs.as_ref().map(|docs| DocLink {
            label: docs
                .description
                .clone()
                .unwrap_or_else(|| "Documentation".into()),
            url: docs.url.clone(),
        }),
        ..Docs::default()
    }
}
