//! Request bodies → [`Body`]: which of the offered media types to send, how it is encoded,
//! and the arguments and setters it becomes.
//!
//! When an operation offers several media types, the one the generated method sends is the
//! first of: JSON, form, multipart, text, binary (document order breaks ties); the others are
//! listed in the method's docs.

use super::docs::schema_docs;
use super::named;
use super::schema::SchemaLowerer;
use crate::diagnostic::{Diagnostic, pointer_token};
use crate::model::{
    Body, BodyEncoding, BodyField, BodyShape, MultipartPart, PartValue, TypeDef, TypeRef,
};
use crate::naming::{self, NameSet};
use crate::refs::Resolver;
use crate::spec::{is_json_media_type, media_type_essence};
use openapiv3::{
    MediaType, ReferenceOr, Schema, SchemaKind, StringFormat, Type, VariantOrUnknownOrEmpty,
};

/// The kinds of body, in the order of preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Json,
    Form,
    Multipart,
    Text,
    Binary,
}

/// Lowers an operation's request body; `at` is the operation's pointer.
pub fn lower_body<'a>(
    resolver: Resolver<'a>,
    schemas: &mut SchemaLowerer<'a>,
    body: &'a openapiv3::RequestBody,
    builder_name: &str,
    arg_names: &mut NameSet,
    at: &str,
) -> Option<Body> {
    let (media_type, content, kind) = body
        .content
        .iter()
        .map(|(media, content)| (media, content, kind(resolver, media, content)))
        .min_by_key(|(_, _, kind)| *kind)?;
    let alternatives = body
        .content
        .keys()
        .filter(|media| *media != media_type)
        .cloned()
        .collect();
    let schema_at = format!(
        "{at}/requestBody/content/{}/schema",
        pointer_token(media_type)
    );
    let context = format!("{builder_name}Body");
    let whole = if body.required {
        BodyShape::Whole
    } else {
        BodyShape::OptionalWhole
    };
    let (encoding, ty, shape) = match kind {
        Kind::Json | Kind::Form => {
            let ty = match &content.schema {
                Some(schema) => schemas.type_of(schema, &context, &schema_at),
                None => TypeRef::Json,
            };
            // An inline JSON body belongs to this operation alone: there, `null` on an
            // optional nullable field means "clear it", so the builder can send it.
            if let (Kind::Json, Some(ReferenceOr::Item(_)), Some(name)) =
                (kind, &content.schema, named(&ty))
            {
                schemas.allow_explicit_null(name);
            }
            let shape = struct_fields(schemas, &ty, arg_names).map_or(whole, BodyShape::Fields);
            let encoding = if kind == Kind::Json {
                BodyEncoding::Json
            } else {
                BodyEncoding::Form
            };
            (encoding, ty, shape)
        }
        Kind::Text => (BodyEncoding::Text, TypeRef::String, whole),
        Kind::Binary => (BodyEncoding::Binary, TypeRef::Bytes, whole),
        Kind::Multipart => {
            let parts =
                multipart_parts(resolver, schemas, content, &context, arg_names, &schema_at)?;
            (
                BodyEncoding::Multipart,
                TypeRef::Json,
                BodyShape::Parts(parts),
            )
        }
    };
    Some(Body {
        encoding,
        rust_name: arg_names.claim("body"),
        ty,
        media_type: content_type(media_type, kind),
        alternatives,
        shape,
    })
}

/// The kind of body a media type and its schema make.
fn kind(resolver: Resolver<'_>, media_type: &str, content: &MediaType) -> Kind {
    let binary_schema = content
        .schema
        .as_ref()
        .and_then(|schema| resolver.schema(schema))
        .is_some_and(is_binary);
    let essence = media_type_essence(media_type);
    if binary_schema {
        Kind::Binary
    } else if is_json_media_type(&essence) {
        Kind::Json
    } else if essence == "application/x-www-form-urlencoded" {
        Kind::Form
    } else if essence == "multipart/form-data" {
        Kind::Multipart
    } else if essence.starts_with("text/") {
        Kind::Text
    } else {
        Kind::Binary
    }
}

/// The `Content-Type` to send: the media type, or `application/octet-stream` for a binary
/// range (`image/*`) that names no single type.
fn content_type(media_type: &str, kind: Kind) -> String {
    if kind == Kind::Binary && media_type.contains('*') {
        "application/octet-stream".to_owned()
    } else {
        media_type.to_owned()
    }
}

/// `type: string, format: binary`.
fn is_binary(schema: &Schema) -> bool {
    matches!(
        &schema.schema_kind,
        SchemaKind::Type(Type::String(string))
            if string.format == VariantOrUnknownOrEmpty::Item(StringFormat::Binary)
    )
}

/// The fields of a struct body, each with the name of its argument or setter.
fn struct_fields(
    schemas: &SchemaLowerer<'_>,
    ty: &TypeRef,
    arg_names: &mut NameSet,
) -> Option<Vec<BodyField>> {
    let fields = match schemas.type_def(named(ty)?)? {
        TypeDef::Struct(def) if def.additional.is_none() => def.fields.clone(),
        _ => return None,
    };
    Some(
        fields
            .into_iter()
            .map(|field| BodyField {
                arg_name: arg_names.claim(&field.rust_name),
                field,
            })
            .collect(),
    )
}

/// One part per property of a multipart body's object schema; an error when there are none.
fn multipart_parts<'a>(
    resolver: Resolver<'a>,
    schemas: &mut SchemaLowerer<'a>,
    content: &'a MediaType,
    context: &str,
    arg_names: &mut NameSet,
    at: &str,
) -> Option<Vec<MultipartPart>> {
    let object = content
        .schema
        .as_ref()
        .and_then(|schema| resolver.schema(schema))
        .and_then(|schema| match &schema.schema_kind {
            SchemaKind::Type(Type::Object(object)) if !object.properties.is_empty() => Some(object),
            _ => None,
        });
    let Some(object) = object else {
        schemas.report.push(
            Diagnostic::at_pointer(
                at.to_owned(),
                "a multipart/form-data body needs an object schema with properties: they are its parts",
            )
            .help("describe each part as a property of an object schema (`format: binary` for files)"),
        );
        return None;
    };
    let mut parts = Vec::new();
    for (name, property) in &object.properties {
        let property_at = format!("{at}/properties/{}", pointer_token(name));
        let resolved = resolver.boxed_schema(property);
        let value = match resolved.map(|schema| &schema.schema_kind) {
            Some(_) if resolved.is_some_and(is_binary) => PartValue::File,
            Some(SchemaKind::Type(Type::Array(array)))
                if array
                    .items
                    .as_ref()
                    .and_then(|items| resolver.boxed_schema(items))
                    .is_some_and(is_binary) =>
            {
                PartValue::Files
            }
            _ => {
                let schema = unbox(property);
                let ty = schemas.type_of(
                    &schema,
                    &format!("{context}{}", naming::type_name(name)),
                    &property_at,
                );
                let encoding = schemas.encoding(&ty, false);
                PartValue::Value { ty, encoding }
            }
        };
        parts.push(MultipartPart {
            wire_name: name.clone(),
            arg_name: arg_names.claim(&naming::value_name(name)),
            required: object.required.contains(name),
            docs: resolved.map(schema_docs).unwrap_or_default(),
            value,
        });
    }
    Some(parts)
}

/// A property schema (boxed in `openapiv3`) as a plain schema reference.
fn unbox(schema: &ReferenceOr<Box<Schema>>) -> ReferenceOr<Schema> {
    match schema {
        ReferenceOr::Reference { reference } => ReferenceOr::Reference {
            reference: reference.clone(),
        },
        ReferenceOr::Item(schema) => ReferenceOr::Item((**schema).clone()),
    }
}
