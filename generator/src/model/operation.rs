//! Operations in the model: method, path, parameters, body and what a success response
//! decodes to.

use super::{Docs, Field, TypeDef, TypeRef};

/// An HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HttpMethod {
    /// GET
    Get,
    /// PUT
    Put,
    /// POST
    Post,
    /// DELETE
    Delete,
    /// OPTIONS
    Options,
    /// HEAD
    Head,
    /// PATCH
    Patch,
    /// TRACE
    Trace,
}

impl HttpMethod {
    /// The method in upper case.
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Put => "PUT",
            HttpMethod::Post => "POST",
            HttpMethod::Delete => "DELETE",
            HttpMethod::Options => "OPTIONS",
            HttpMethod::Head => "HEAD",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Trace => "TRACE",
        }
    }
}

/// One API operation, one method on `Client`.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// The spec's operationId.
    pub operation_id: String,
    /// The `Client` method name.
    pub method_name: String,
    /// The request builder's type name.
    pub builder_name: String,
    /// The HTTP method.
    pub http_method: HttpMethod,
    /// The path template as in the spec (`/orgs/{org}/actions/runners`).
    pub path_template: String,
    /// The template split into literal text and parameters (indexes into `params`).
    pub path: Vec<PathPart>,
    /// Path, query and header parameters, path ones first, in document order.
    pub params: Vec<Param>,
    /// The request body.
    pub body: Option<Body>,
    /// What a successful response decodes to.
    pub response: ResponseKind,
    /// Rustdoc.
    pub docs: Docs,
    /// `deprecated: true`.
    pub deprecated: bool,
    /// The `Accept` media type to send when the success response is not JSON.
    pub accept: Option<String>,
    /// The models first made for this operation (its inline body, its inline enums), emitted
    /// with it.
    pub types: Vec<TypeDef>,
    /// The private module that holds the request builder (re-exported from `builders`).
    pub module_name: String,
    /// The group whose method this is, in a grouped layout; none for a method of `Client`.
    pub group: Option<Group>,
}

/// A group of methods in a grouped layout (see [`crate::layout`]): `client.actions()`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The operationId category it holds (`actions`).
    pub category: String,
    /// The `Client` method that returns it (`actions`).
    pub accessor: String,
    /// Its type in the `groups` module (`Actions`).
    pub type_name: String,
}

/// A piece of a path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathPart {
    /// Literal text, sent as it is.
    Literal(String),
    /// A path parameter.
    Param {
        /// Index into [`Operation::params`].
        index: usize,
        /// The local the encoded segment is held in, captured by the path's `format!` string
        /// (so never a raw identifier), decided by [`crate::naming::segment_local`].
        local: String,
    },
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamLocation {
    /// A path segment.
    Path,
    /// A query pair.
    Query,
    /// A request header.
    Header,
}

/// A path, query or header parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// The name on the wire.
    pub wire_name: String,
    /// The Rust argument / setter name.
    pub rust_name: String,
    /// Where it goes.
    pub location: ParamLocation,
    /// Its type.
    pub ty: TypeRef,
    /// Required parameters are positional arguments; the rest are setters.
    pub required: bool,
    /// Rustdoc.
    pub docs: Docs,
    /// `deprecated: true`.
    pub deprecated: bool,
    /// How the value becomes the text of its path segment, query pair or header.
    pub encoding: WireEncoding,
}

/// How a parameter value becomes text on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WireEncoding {
    /// `to_string()`: strings, numbers, booleans, enums and newtypes.
    Display,
    /// RFC 3339: `format: date-time`.
    Rfc3339,
    /// The secret's text.
    Secret,
    /// JSON text: objects, unions, maps, free-form values and `content: application/json`
    /// parameters (which are never exploded).
    Json,
    /// A list sent as one query pair (or header) per item, each encoded as given.
    EachItem(Box<WireEncoding>),
}

/// A request body.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    /// How the body is encoded on the wire.
    pub encoding: BodyEncoding,
    /// The body's type (`String` for text, [`TypeRef::Bytes`] for binary bodies; unused for
    /// multipart bodies, whose parts have their own).
    pub ty: TypeRef,
    /// The media type sent as `Content-Type`.
    pub media_type: String,
    /// The other media types the operation accepts, which the method does not send.
    pub alternatives: Vec<String>,
    /// How the builder takes it.
    pub shape: BodyShape,
    /// The Rust name of the builder field that holds it (and of the positional argument or
    /// setter of a whole body).
    pub rust_name: String,
}

/// How a request builder takes its body.
#[derive(Debug, Clone, PartialEq)]
pub enum BodyShape {
    /// An object body, field by field: required fields are positional arguments, optional
    /// ones setters.
    Fields(Vec<BodyField>),
    /// One whole value, a positional argument (`requestBody.required: true`).
    Whole,
    /// One whole value that may be left out, a setter.
    OptionalWhole,
    /// The parts of a multipart body: required ones are positional arguments, optional ones
    /// setters.
    Parts(Vec<MultipartPart>),
}

/// How a request body is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyEncoding {
    /// JSON (`application/json`, `*/*`, `…+json`).
    Json,
    /// `application/x-www-form-urlencoded`: the body's struct, form-encoded.
    Form,
    /// `text/*`: a `String`.
    Text,
    /// Any other media type, or a `format: binary` string schema: bytes as they are.
    Binary,
    /// `multipart/form-data`, of the parts in [`BodyShape::Parts`].
    Multipart,
}

/// One part of a `multipart/form-data` body.
#[derive(Debug, Clone, PartialEq)]
pub struct MultipartPart {
    /// The part's name on the wire (the schema's property name).
    pub wire_name: String,
    /// The positional argument, setter and builder field name.
    pub arg_name: String,
    /// Listed in the schema's `required`.
    pub required: bool,
    /// Rustdoc.
    pub docs: Docs,
    /// What the part holds.
    pub value: PartValue,
}

/// What a multipart part holds.
#[derive(Debug, Clone, PartialEq)]
pub enum PartValue {
    /// A `format: binary` string: bytes with an optional file name and media type.
    File,
    /// A list of `format: binary` strings: one part per file, all of the same name.
    Files,
    /// Any other value, sent as text (scalars) or JSON (objects, lists).
    Value {
        /// Its type.
        ty: TypeRef,
        /// How it becomes the part's text.
        encoding: WireEncoding,
    },
}

/// A field of an object request body, as the request builder exposes it.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyField {
    /// The struct field.
    pub field: Field,
    /// The positional argument or setter name on the builder (differs from the field name
    /// only when a parameter of the operation already has that name).
    pub arg_name: String,
}

/// The body of one success response.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    /// No body (204, or no content declared): `()`.
    Empty,
    /// A JSON body of one type.
    Json(TypeRef),
    /// A text body: `String`.
    Text,
    /// Any other body: raw bytes.
    Bytes,
}

/// What a successful response decodes to.
#[derive(Debug, Clone, PartialEq)]
pub enum ResponseKind {
    /// Every success status has this body.
    Single(Payload),
    /// A paginated list.
    Page(PageShape),
    /// Several success statuses with different bodies: a generated enum.
    Multi(MultiResponse),
}

/// How to find the items of a paginated response.
#[derive(Debug, Clone, PartialEq)]
pub struct PageShape {
    /// The type the body decodes to.
    pub body: TypeRef,
    /// The item type.
    pub item: TypeRef,
    /// For an object body: the Rust name of the array field holding the items. `None` when the
    /// body is the array itself.
    pub items_field: Option<String>,
    /// The Rust name of the `total_count` field, when the body has one.
    pub total_count_field: Option<TotalCount>,
    /// The Rust name of the page-size query parameter, if the operation has one.
    pub per_page_param: Option<String>,
}

/// The `total_count` field of a page body.
#[derive(Debug, Clone, PartialEq)]
pub struct TotalCount {
    /// Rust field name.
    pub rust_name: String,
    /// Whether the field is an `Option`.
    pub optional: bool,
}

/// An enum of the success responses of one operation.
#[derive(Debug, Clone, PartialEq)]
pub struct MultiResponse {
    /// The enum's Rust name.
    pub name: String,
    /// One variant per documented success status.
    pub variants: Vec<MultiVariant>,
}

/// One success status of a [`MultiResponse`].
#[derive(Debug, Clone, PartialEq)]
pub struct MultiVariant {
    /// The status code.
    pub status: u16,
    /// The variant name (`Ok`, `Created`, `NoContent`…).
    pub rust_name: String,
    /// The body of that status.
    pub body: Payload,
    /// Rustdoc (the response description).
    pub docs: Docs,
}
