//! A model struct's `Deserialize` impl, as text (a preformatted piece when its lines fit,
//! [`super::preformatted::piece_or_tokens`]).
//!
//! Not `#[derive(Deserialize)]`: the derive writes about 280 lines per struct, which every
//! build of the client expands, checks and encodes (half the client crate's compile time on
//! the curated spec). These impls name the fields, one `match` arm each, and leave the rest to
//! the runtime's `fields` module, which says what they decode and why it matches the derive.
//!
//! ```text
//! impl<'de> Deserialize<'de> for Runner {
//!     fn deserialize<D: serde::Deserializer<'de>>(
//!         deserializer: D,
//!     ) -> Result<Self, D::Error> {
//!         crate::runtime::fields::deserialize(deserializer, "Runner")
//!     }
//! }
//! impl crate::runtime::fields::FromFields for Runner {
//!     fn from_fields<'de, A: serde::de::MapAccess<'de>>(
//!         mut fields: crate::runtime::fields::Fields<'de, A>,
//!     ) -> Result<Self, A::Error> {
//!         let mut id = None;
//!         let mut version = None;
//!         while let Some(key) = fields.next_key()? {
//!             match key {
//!                 "id" => fields.value(&mut id)?,
//!                 "version" => fields.value(&mut version)?,
//!                 _ => fields.skip()?,
//!             }
//!         }
//!         Ok(Self {
//!             id: fields.required(id, "id")?,
//!             version: version.flatten(),
//!         })
//!     }
//! }
//! ```

use super::preformatted::{self, Text, string_text};
use crate::model::{Presence, StructDef};
use crate::naming::bare;

/// The longest struct literal prettyplease keeps on one line: it breaks one whose text up to
/// the closing brace is wider than 34 columns (`end_with_max_width(34)` in its `expr_struct`).
const SHORT_STRUCT_LITERAL: usize = 35;

/// Where the arms of the `match` on a key are, relative to the impl.
const ARM_INDENT: usize = 16;

/// The two impls that deserialize `def`, printed at `indent` spaces, the runtime at `runtime`
/// (`crate::runtime`).
pub fn deserialize_text(def: &StructDef, runtime: &str, indent: usize) -> String {
    let name = &def.name;
    let mut text = Text::new();
    text.open(&format!("impl<'de> Deserialize<'de> for {name} {{"))
        .open("fn deserialize<D: serde::Deserializer<'de>>(")
        .line("deserializer: D,")
        .close_with(") -> Result<Self, D::Error> {")
        .open_again();
    let call = format!("{runtime}::fields::deserialize(deserializer, \"{name}\")");
    if preformatted::fits(&call, indent + 8) {
        text.line(&call);
    } else {
        // As prettyplease breaks a call too long for one line.
        text.open(&format!("{runtime}::fields::deserialize("))
            .line("deserializer,")
            .line(&format!("\"{name}\","))
            .close_with(")");
    }
    text.close().close();
    from_fields(def, runtime, indent, &mut text);
    text.finish()
}

/// `impl FromFields`: a slot per field, filled key by key, then the struct.
fn from_fields(def: &StructDef, runtime: &str, indent: usize, text: &mut Text) {
    let slots: Vec<&str> = (def.fields.iter().map(|field| field.rust_name.as_str()))
        .chain(def.additional.iter().map(|extra| extra.rust_name.as_str()))
        .map(bare)
        .collect();
    let fields = free_name("fields", &slots);
    let key = free_name("key", &slots);
    text.open(&format!(
        "impl {runtime}::fields::FromFields for {} {{",
        def.name
    ))
    .open("fn from_fields<'de, A: serde::de::MapAccess<'de>>(")
    .line(&format!("mut {fields}: {runtime}::fields::Fields<'de, A>,"))
    .close_with(") -> Result<Self, A::Error> {")
    .open_again();
    for field in &def.fields {
        text.line(&format!("let mut {} = None;", field.rust_name));
    }
    if let Some(extra) = &def.additional {
        text.line(&format!("let mut {} = BTreeMap::new();", extra.rust_name));
    }
    let other = match &def.additional {
        Some(extra) => format!("{fields}.extra(&mut {})?", extra.rust_name),
        None => format!("{fields}.skip()?"),
    };
    if def.fields.is_empty() {
        text.open(&format!("while {fields}.next_key()?.is_some() {{"))
            .line(&format!("{other};"))
            .close();
    } else {
        text.open(&format!("while let Some({key}) = {fields}.next_key()? {{"))
            .open(&format!("match {key} {{"));
        for field in &def.fields {
            let wire = string_text(&field.wire_name);
            let read = format!("{fields}.value(&mut {})?", field.rust_name);
            let arm = format!("{wire} => {read},");
            if preformatted::fits(&arm, indent + ARM_INDENT) {
                text.line(&arm);
            } else {
                // As prettyplease prints an arm too long for one line: its body in a block.
                text.open(&format!("{wire} => {{")).line(&read).close();
            }
        }
        text.line(&format!("_ => {other},")).close().close();
    }
    let mut values: Vec<String> = def
        .fields
        .iter()
        .map(|field| {
            let slot = &field.rust_name;
            match field.presence {
                Presence::Required => format!(
                    "{slot}: {fields}.required({slot}, {})?",
                    string_text(&field.wire_name)
                ),
                Presence::RequiredNullable | Presence::Optional | Presence::OptionalNullable => {
                    format!("{slot}: {slot}.flatten()")
                }
                Presence::Clearable => slot.clone(),
            }
        })
        .collect();
    values.extend(def.additional.iter().map(|extra| extra.rust_name.clone()));
    let one_line = match values.is_empty() {
        true => "Self {}".to_owned(),
        false => format!("Self {{ {} }}", values.join(", ")),
    };
    if one_line.chars().count() <= SHORT_STRUCT_LITERAL {
        text.line(&format!("Ok({one_line})"));
    } else {
        text.open("Ok(Self {");
        for value in &values {
            text.line(&format!("{value},"));
        }
        text.close_with("})");
    }
    text.close().close();
}

/// `wanted`, or `wanted` with underscores after it, whichever is not the name of a slot.
fn free_name(wanted: &str, slots: &[&str]) -> String {
    let mut name = wanted.to_owned();
    while slots.contains(&name.as_str()) {
        name.push('_');
    }
    name
}
