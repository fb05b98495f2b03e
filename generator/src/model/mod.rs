//! The intermediate representation between the spec and the emitted code.
//!
//! It holds neither `openapiv3` nor token types: the `lower` phase builds it from a validated
//! spec, and the emitters (`emit`) read it without any spec lookup. Every name in it
//! is final (decided by [`crate::naming`]) and every list is in deterministic document order.
//! Types live here; operations (parameters, bodies, responses) in `model/operation.rs`.

mod names;
mod operation;

pub use operation::*;

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
    /// The method groups of a grouped layout, in the order of their first operation; empty
    /// when methods are flat.
    pub groups: Vec<Group>,
    /// Why the methods are grouped, when the default layout chose it (see [`crate::layout`]).
    pub layout_note: Option<String>,
    /// The default base URL: the spec's first `servers` URL, when it is an absolute http(s)
    /// URL without variables (otherwise the runtime's default, `https://api.github.com`).
    pub default_base_url: Option<String>,
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
    /// Another name for a model that is the same but for its name and docs.
    Alias(AliasDef),
}

impl TypeDef {
    /// The Rust name of the model.
    pub fn name(&self) -> &str {
        match self {
            TypeDef::Struct(def) => &def.name,
            TypeDef::Enum(def) => &def.name,
            TypeDef::Union(def) => &def.name,
            TypeDef::Alias(def) => &def.name,
        }
    }

    /// The model's name and docs, to change.
    pub fn name_and_docs_mut(&mut self) -> (&mut String, &mut Docs) {
        match self {
            TypeDef::Struct(def) => (&mut def.name, &mut def.docs),
            TypeDef::Enum(def) => (&mut def.name, &mut def.docs),
            TypeDef::Union(def) => (&mut def.name, &mut def.docs),
            TypeDef::Alias(def) => (&mut def.name, &mut def.docs),
        }
    }
}

/// A type alias: a model described twice (see `lower::twins`).
#[derive(Debug, Clone, PartialEq)]
pub struct AliasDef {
    /// The Rust name.
    pub name: String,
    /// Rustdoc, from its own schema.
    pub docs: Docs,
    /// The model it names.
    pub target: String,
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
    /// Raw bytes (`bytes::Bytes`, re-exported by the runtime): binary request bodies.
    Bytes,
}
