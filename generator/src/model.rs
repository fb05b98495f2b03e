//! The intermediate representation between the spec and the emitted code.
//!
//! It holds neither `openapiv3` nor token types: the `lower` phase builds it from a validated
//! spec, and the emitters (`emit`) read it without any spec lookup. Every name in it
//! is final (decided by [`crate::naming`]) and every list is in deterministic document order.

/// Everything the emitters need to write one client.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Api {
    /// `info.title`.
    pub title: String,
    /// `info.version`.
    pub version: String,
    /// Newtype identifiers (`RunnerId`) declared with `x-newtype`.
    pub newtypes: Vec<Newtype>,
    /// Models not made for one operation, in document order (component schemas first, then
    /// inline ones as found); an operation's own are in [`Operation::types`].
    pub types: Vec<TypeDef>,
    /// Operations, in document order.
    pub operations: Vec<Operation>,
    /// Scheme and host that relative links in descriptions are resolved against
    /// (`https://docs.github.com`), taken from the spec's `externalDocs` URLs.
    pub doc_link_base: Option<String>,
}

/// Text for rustdoc, taken from the spec's own words, in typed parts: only `emit::docs`
/// writes Markdown.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Docs {
    /// One-line summary (or title).
    pub summary: Option<String>,
    /// Longer description (Markdown).
    pub description: Option<String>,
    /// The products that have the operation (`x-github-availability`).
    pub availability: Vec<String>,
    /// The operation's `externalDocs`.
    pub external: Option<DocLink>,
    /// The schema's `default`, as JSON text.
    pub default: Option<String>,
    /// An `x-curation-note` that tells a user something about the API.
    pub curation_note: Option<String>,
    /// The operation's documented error responses.
    pub errors: Vec<ErrorDoc>,
}

/// A link to documentation elsewhere.
#[derive(Debug, Clone, PartialEq)]
pub struct DocLink {
    /// The link text (`externalDocs.description`, or `Documentation`).
    pub label: String,
    /// The URL.
    pub url: String,
}

/// A documented error response of an operation (they all surface as `Error::Api`).
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorDoc {
    /// The status code, `4XX`, or `default`.
    pub status: String,
    /// The first line of the response's description.
    pub description: String,
    /// The model its JSON body matches, for a `$ref`'d schema.
    pub model: Option<String>,
}

/// A newtype over a primitive, such as `RunnerId(i64)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Newtype {
    /// The Rust type name.
    pub name: String,
    /// The wrapped primitive.
    pub inner: TypeRef,
    /// Rustdoc, from the first schema that declares it.
    pub docs: Docs,
}

/// A named model.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeDef {
    /// An object with known properties.
    Struct(StructDef),
    /// An open string enum (unknown values are kept).
    Enum(EnumDef),
    /// A `oneOf` / `anyOf` tried variant by variant.
    Union(UnionDef),
}

impl TypeDef {
    /// The Rust name of the model.
    pub fn name(&self) -> &str {
        match self {
            TypeDef::Struct(def) => &def.name,
            TypeDef::Enum(def) => &def.name,
            TypeDef::Union(def) => &def.name,
        }
    }
}

/// A struct model.
#[derive(Debug, Clone, PartialEq)]
pub struct StructDef {
    /// The Rust name.
    pub name: String,
    /// Rustdoc.
    pub docs: Docs,
    /// Fields in document order.
    pub fields: Vec<Field>,
    /// Extra properties, when `additionalProperties` gives their schema.
    pub additional: Option<ExtraProperties>,
    /// `deprecated: true`.
    pub deprecated: bool,
}

/// The field that collects the properties of a struct beyond the documented ones.
#[derive(Debug, Clone, PartialEq)]
pub struct ExtraProperties {
    /// The Rust field name ([`crate::naming::EXTRA_PROPERTIES_FIELD`], numbered if a
    /// documented property has that name).
    pub rust_name: String,
    /// The type of each extra property's value.
    pub value: TypeRef,
}

/// One field of a struct.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The property name on the wire.
    pub wire_name: String,
    /// The Rust field name.
    pub rust_name: String,
    /// Rustdoc.
    pub docs: Docs,
    /// The type, without the `Option`s its presence adds.
    pub ty: TypeRef,
    /// Whether the property is always there, and whether it can be `null`.
    pub presence: Presence,
    /// `deprecated: true`.
    pub deprecated: bool,
}

/// Whether a property is always there (`required`), and whether it can be `null` (`nullable`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Required, not nullable: `T`.
    Required,
    /// Required but nullable: `Option<T>`, sent as `null` when `None`.
    RequiredNullable,
    /// Optional: `Option<T>`, not sent when `None`.
    Optional,
    /// Optional and nullable, where `null` and absent mean the same: `Option<T>`.
    OptionalNullable,
    /// Optional and nullable in a request body of one operation, where an explicit `null`
    /// means something (it clears a value): `Option<Option<T>>`, `Some(None)` sent as `null`.
    Clearable,
}

impl Presence {
    /// The presence of a property listed in `required` or not, `nullable` or not.
    pub fn of(required: bool, nullable: bool) -> Presence {
        match (required, nullable) {
            (true, false) => Presence::Required,
            (true, true) => Presence::RequiredNullable,
            (false, false) => Presence::Optional,
            (false, true) => Presence::OptionalNullable,
        }
    }

    /// Listed in `required` (a positional argument of a request builder).
    pub fn is_required(self) -> bool {
        matches!(self, Presence::Required | Presence::RequiredNullable)
    }

    /// `nullable: true`.
    pub fn is_nullable(self) -> bool {
        !matches!(self, Presence::Required | Presence::Optional)
    }
}

/// An open string enum.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumDef {
    /// The Rust name.
    pub name: String,
    /// Rustdoc.
    pub docs: Docs,
    /// The documented values.
    pub variants: Vec<EnumVariant>,
}

/// One documented enum value.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumVariant {
    /// The value on the wire.
    pub wire_value: String,
    /// The Rust variant name.
    pub rust_name: String,
}

/// A union of schemas, decoded by trying each variant in order.
#[derive(Debug, Clone, PartialEq)]
pub struct UnionDef {
    /// The Rust name.
    pub name: String,
    /// Rustdoc.
    pub docs: Docs,
    /// Variant name and type, in document order.
    pub variants: Vec<(String, TypeRef)>,
}

/// A reference to a type in field, parameter and response positions.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TypeRef {
    /// `String`.
    String,
    /// A string with `x-secret: true` or `format: password`.
    Secret,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `f32`.
    F32,
    /// `f64`.
    F64,
    /// `bool`.
    Bool,
    /// `format: date-time`.
    DateTime,
    /// Any JSON value (free-form object or untyped schema).
    Json,
    /// A model by name.
    Named(String),
    /// A newtype by name.
    Newtype(String),
    /// An array.
    List(Box<TypeRef>),
    /// A string-keyed map (`additionalProperties`).
    Map(Box<TypeRef>),
    /// A boxed type, to break a recursive cycle.
    Boxed(Box<TypeRef>),
}

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
    /// The JSON request body.
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

/// A JSON request body.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    /// The body's type.
    pub ty: TypeRef,
    /// The media type sent as `Content-Type`.
    pub media_type: String,
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
