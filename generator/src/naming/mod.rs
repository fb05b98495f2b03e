//! Every Rust identifier the generator emits is decided here.
//!
//! Rules, in order:
//! - Words are split and re-cased by `heck` (`UpperCamelCase` for types and variants,
//!   `snake_case` for fields, parameters and methods).
//! - Punctuation that carries meaning in enum values becomes a word: a leading `+` is `Plus`,
//!   a leading `-` before a digit is `Minus`; other punctuation (`$`, `@`, `.`, `/`…) only
//!   separates words. Non-ASCII characters become `uXXXX` words, so every name is ASCII.
//! - A name that is empty after this becomes `Empty` / `empty`; a name that starts with a digit
//!   gets a `V` prefix (types, variants) or a `_` prefix (fields, methods).
//! - Rust keywords become raw identifiers (`r#type`); the few that cannot be raw (`self`,
//!   `Self`, `super`, `crate`, `_`) get a trailing underscore.
//! - Collisions are resolved by [`NameSet`]: the first claimant (in document order) keeps the
//!   name, later ones get `2`, `3`… appended (`_2` for snake_case names; a trailing `_` is
//!   dropped first, so `Self_` is followed by `Self2`), so generation is deterministic and
//!   generated code never fails to compile because of a name. Namespaces: types (models,
//!   request builders, response enums; [`RESERVED_TYPE_NAMES`] get a `Model` suffix), fields of
//!   one struct, variants of one enum, and the arguments and setters of one builder (its own
//!   methods, `send`, `request`…, are reserved; a query parameter `body` next to a body makes
//!   the body argument `body_2`).
//! - Operation method names come from `x-method-name`, else the operationId without its
//!   category, or from the method and path when there is none (`get /users/{id}` →
//!   `get_users_id`); a derived name the client already has ([`is_reserved_client_method`]:
//!   the runtime's own list, common traits', the generated constructors') gets an `_operation`
//!   suffix, an `x-method-name` of that kind is an error. Two operations with the same method
//!   name are an error naming both (see `validate`).
//! - Generated locals and fields: the segment locals of a request ([`segment_local`]) and the
//!   field of undocumented properties ([`EXTRA_PROPERTIES_FIELD`]) are claimed in their
//!   namespaces like any other name.

use heck::{ToSnakeCase, ToUpperCamelCase};
use std::collections::HashSet;

/// Keywords of Rust 2024, strict and reserved, that need a raw identifier.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Type names the generated code uses itself, or that a standalone crate re-exports from the
/// runtime next to it (`ApiError`, `RateLimit`, `RetryPolicy`); a schema named like one of them
/// gets a `Model` suffix instead of shadowing it (or being shadowed).
pub const RESERVED_TYPE_NAMES: &[&str] = &[
    "Client",
    "ClientCore",
    "ClientBuilder",
    "ApiClient",
    "Error",
    "Page",
    "Request",
    "RawResponse",
    "SecretString",
    "Bytes",
    "FilePart",
    "ApiError",
    "RateLimit",
    "RetryPolicy",
    "Paginated",
    "Result",
    "Option",
    "Some",
    "None",
    "Ok",
    "Err",
    "Vec",
    "String",
    "Box",
    "BTreeMap",
    "DateTime",
    "Utc",
    "Value",
    "Method",
    "Serialize",
    "Deserialize",
    "Serializer",
    "Deserializer",
    "IntoFuture",
    "BoxFuture",
    "Stream",
    "Self",
];

/// Splits `raw` into ASCII words heck can case: meaningful punctuation becomes a word.
fn words(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 8);
    let mut chars = raw.chars().peekable();
    let mut first = true;
    while let Some(c) = chars.next() {
        match c {
            '+' if first => out.push_str("plus "),
            '-' if first && chars.peek().is_some_and(char::is_ascii_digit) => {
                out.push_str("minus ")
            }
            c if c.is_ascii_alphanumeric() => out.push(c),
            c if c.is_ascii() => out.push(' '),
            c => {
                out.push_str(&format!(" u{:04x} ", u32::from(c)));
            }
        }
        first = false;
    }
    out
}

/// The words of a name without capitals or non-ASCII letters (`runner-group`, `per_page`,
/// `v2 runner`): the runs of letters and digits, which heck would case as they are (it splits
/// words at capitals, never at digits). `None` for any other name, and for a leading `+` or
/// `-1`, which [`words`] spells out.
fn lowercase_words(raw: &str) -> Option<impl Iterator<Item = &str>> {
    let spelled_out = raw.starts_with('+')
        || (raw.starts_with('-') && raw[1..].starts_with(|c: char| c.is_ascii_digit()));
    let capitals = raw.bytes().any(|byte| byte.is_ascii_uppercase());
    (raw.is_ascii() && !capitals && !spelled_out).then(|| {
        raw.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|word| !word.is_empty())
    })
}

/// What [`type_name`] and [`value_name`] do to a cased name: a name for nothing, a leading
/// digit, a keyword.
fn finish_name(cased: String, empty: &str, digit_prefix: &str) -> String {
    let named = if cased.is_empty() {
        empty.to_owned()
    } else if cased.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{digit_prefix}{cased}")
    } else {
        cased
    };
    unkeyword(named)
}

/// An `UpperCamelCase` name for a type or enum variant.
pub fn type_name(raw: &str) -> String {
    // Names without capitals (most component names) are cased here: heck's word splitting
    // at opt-level 0 was a tenth of the lowering in a build script.
    let cased = match lowercase_words(raw) {
        Some(words) => words
            .map(|word| {
                let (first, rest) = word.split_at(1);
                format!("{}{rest}", first.to_ascii_uppercase())
            })
            .collect(),
        None => words(raw).to_upper_camel_case(),
    };
    finish_name(cased, "Empty", "V")
}

/// A `snake_case` name for a field, parameter, setter or method.
pub fn value_name(raw: &str) -> String {
    let cased = match lowercase_words(raw) {
        Some(words) => words.collect::<Vec<_>>().join("_"),
        None => words(raw).to_snake_case(),
    };
    finish_name(cased, "empty", "_")
}

/// Methods that the traits every generated client and builder implements (`Clone`, `Debug`)
/// or gets by a blanket impl (conversions, `Any`) put on it.
pub const TRAIT_METHODS: &[&str] = &[
    "clone",
    "clone_from",
    "clone_into",
    "to_owned",
    "fmt",
    "borrow",
    "borrow_mut",
    "from",
    "into",
    "try_from",
    "try_into",
    "type_id",
];

/// The methods the generated code defines on `Client` itself (emit/client.rs).
pub const CLIENT_METHODS: &[&str] = &["builder", "new"];

/// The methods the runtime gives every generated client (`ClientCore`'s, through `Deref`,
/// and `ApiClient`'s), from the runtime crate itself.
pub use github_runners_runtime::reserved::CLIENT_METHODS as RUNTIME_CLIENT_METHODS;

/// The methods the runtime gives a request builder (`Paginated`'s), from the runtime itself.
pub use github_runners_runtime::reserved::BUILDER_METHODS as RUNTIME_BUILDER_METHODS;

/// The methods and fields the generated code defines on every request builder
/// (emit/operation/), `IntoFuture`'s included.
pub const BUILDER_METHODS: &[&str] = &[
    "client",
    "send",
    "request",
    "stream",
    "collect_all",
    "new",
    "into_future",
];

/// Whether a `Client` method of this name would clash with one the client already has
/// ([`CLIENT_METHODS`], [`TRAIT_METHODS`], [`RUNTIME_CLIENT_METHODS`]); an operation named so
/// gets an `_operation` suffix (`clone` → `clone_operation`).
pub fn is_reserved_client_method(name: &str) -> bool {
    let name = bare(name);
    [CLIENT_METHODS, TRAIT_METHODS, RUNTIME_CLIENT_METHODS]
        .iter()
        .any(|names| names.contains(&name))
}

/// A namespace for the setters and arguments of one request builder, in which the builder's
/// own names are taken ([`BUILDER_METHODS`], [`TRAIT_METHODS`], [`RUNTIME_BUILDER_METHODS`]):
/// a clashing parameter is numbered (`send` → `send_2`).
pub fn builder_namespace() -> NameSet {
    let reserved: Vec<&str> = [BUILDER_METHODS, TRAIT_METHODS, RUNTIME_BUILDER_METHODS].concat();
    NameSet::with_reserved(&reserved)
}

/// The method name for an operation: the operationId without its category
/// (`actions/list-self-hosted-runners-for-org` → `list_self_hosted_runners_for_org`).
pub fn method_name(operation_id: &str) -> String {
    let last = operation_id
        .rsplit('/')
        .find(|part| !part.trim().is_empty())
        .unwrap_or(operation_id);
    let name = value_name(last);
    if is_reserved_client_method(&name) {
        format!("{name}_operation")
    } else {
        name
    }
}

/// The `Client` method that returns a group of methods ([`crate::layout`]): the category in
/// `snake_case` (`enterprise-admin` → `enterprise_admin`), with `_api` after a name the client
/// already has (`rate-limit` → `rate_limit_api`, as `rate_limit()` is the runtime's).
pub fn group_accessor(category: &str) -> String {
    let name = value_name(category);
    if is_reserved_client_method(bare(&name)) {
        format!("{}_api", bare(&name))
    } else {
        name
    }
}

/// The type of a group, in the generated `groups` module (`enterprise_admin` →
/// `EnterpriseAdmin`); `Client`, which that module imports, is `ClientGroup`.
pub fn group_type_name(accessor: &str) -> String {
    match type_name(bare(accessor)).as_str() {
        "Client" => "ClientGroup".to_owned(),
        other => other.to_owned(),
    }
}

/// What an operation's type names (its builder, its inline body) start from: its method name,
/// after its group's in a grouped layout (`ActionsGetRepoSecret`), where method names are
/// unique only within a group.
pub fn operation_type_stem(group: Option<&str>, method: &str) -> String {
    match group {
        Some(group) => type_name(&format!("{}_{}", bare(group), bare(method))),
        None => type_name(bare(method)),
    }
}

/// What the module of an operation's builder is named from: its method name, after its group's
/// in a grouped layout (`actions_get_repo_secret`).
pub fn operation_module_stem(group: Option<&str>, method: &str) -> String {
    match group {
        Some(group) => value_name(&format!("{}_{}", bare(group), bare(method))),
        None => method.to_owned(),
    }
}

/// The operationId used for an operation that has none: the method and the path
/// (`get /users/{id}/repos`), whose method name is `get_users_id_repos`.
pub fn fallback_operation_id(method: &str, path: &str) -> String {
    format!("{method} {path}")
}

/// The method name of an operation: its `x-method-name` (checked by
/// [`check_explicit_method_name`]), else from its operationId or, without one, its method and
/// path.
pub fn operation_method_name(
    explicit: Option<&str>,
    operation_id: Option<&str>,
    method: &str,
    path: &str,
) -> String {
    match (explicit, operation_id) {
        (Some(name), _) => name.to_owned(),
        (None, Some(id)) => method_name(id),
        (None, None) => value_name(&fallback_operation_id(method, path)),
    }
}

/// Why `name` cannot be an `x-method-name`, if it cannot: it must be a `snake_case` Rust
/// identifier (not a keyword) that the client does not already have.
pub fn check_explicit_method_name(name: &str) -> Result<(), &'static str> {
    if value_name(name) != name || !is_valid_identifier(name) {
        Err("is not a snake_case Rust identifier")
    } else if is_reserved_client_method(name) {
        Err("is a method every generated client already has")
    } else {
        Ok(())
    }
}

/// The local that holds a path parameter's encoded segment in the generated `request()`: the
/// parameter's name, or `<name>_segment` for a raw identifier (a `format!` string cannot
/// capture `r#type`), claimed in `locals`, the namespace of one operation's segment locals
/// (path parameters `type` and `type_segment` are `type_segment` and `type_segment_2`).
pub fn segment_local(param: &str, locals: &mut NameSet) -> String {
    match param.strip_prefix("r#") {
        Some(raw) => locals.claim(&format!("{raw}_segment")),
        None => locals.claim(param),
    }
}

/// Names a per-operation module (which holds the request builder) may not take: the modules
/// and crates the generated code refers to by name. Module names are the method names,
/// claimed in one namespace with these.
pub const RESERVED_MODULE_NAMES: &[&str] = &[
    "builders",
    "groups",
    "runtime",
    "std",
    "core",
    "alloc",
    "serde",
    "serde_json",
    "chrono",
    "futures",
    "reqwest",
];

/// The variant of a generated string enum that keeps a value the spec does not list; taken in
/// every enum's variant namespace.
pub const UNKNOWN_VARIANT: &str = "Unknown";

/// The variant of an operation's response enum for a success status the spec does not list;
/// taken in every response enum's variant namespace.
pub const OTHER_STATUS_VARIANT: &str = "Other";

/// The name of the field that collects a struct's undocumented properties
/// (`additionalProperties`), claimed after the documented fields.
pub const EXTRA_PROPERTIES_FIELD: &str = "additional_properties";

/// Turns a keyword into a raw identifier, or suffixes one that cannot be raw.
fn unkeyword(name: String) -> String {
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// The identifier without a raw prefix, for building derived names.
pub fn bare(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// Whether `name` is an identifier the emitters can use as it is.
pub fn is_valid_identifier(name: &str) -> bool {
    let bare_name = bare(name);
    let mut chars = bare_name.chars();
    let starts_well = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    starts_well
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && bare_name != "_"
        && !NOT_RAW.contains(&bare_name)
        && (name.starts_with("r#") || !KEYWORDS.contains(&bare_name))
}

/// A namespace of names already taken; claiming a taken name yields a numbered one.
#[derive(Debug, Default, Clone)]
pub struct NameSet {
    taken: HashSet<String>,
}

impl NameSet {
    /// A namespace in which `reserved` are already taken.
    pub fn with_reserved(reserved: &[&str]) -> NameSet {
        NameSet {
            taken: reserved.iter().map(|name| (*name).to_owned()).collect(),
        }
    }

    /// Claims `name`, or the first free numbered variant of it (`Name2`, `name_2`).
    pub fn claim(&mut self, name: &str) -> String {
        if self.taken.insert(bare(name).to_owned()) {
            return name.to_owned();
        }
        // `self_` and `Self_` are numbered as `self_2` and `Self2`, never `self__2`.
        let base = match bare(name).trim_end_matches('_') {
            "" => bare(name),
            trimmed => trimmed,
        };
        let separator = if base.starts_with(|c: char| c.is_ascii_uppercase()) {
            ""
        } else {
            "_"
        };
        let mut index = 2usize;
        loop {
            let candidate = format!("{base}{separator}{index}");
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
            index += 1;
        }
    }

    /// Claims a type name; a reserved one gets a `Model` suffix first.
    pub fn claim_type(&mut self, name: &str) -> String {
        if RESERVED_TYPE_NAMES.contains(&name) {
            return self.claim(&format!("{name}Model"));
        }
        self.claim(name)
    }

    /// Whether `name` is taken.
    pub fn contains(&self, name: &str) -> bool {
        self.taken.contains(bare(name))
    }
}

#[cfg(test)]
mod tests;
