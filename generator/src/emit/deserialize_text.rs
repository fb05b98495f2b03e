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

use super::breaks::{MethodCall, impl_header};
use super::preformatted::{self, Text, string_text};
use crate::model::{Presence, StructDef};
use crate::naming::bare;

/// The longest struct literal prettyplease keeps on one line: it breaks one whose text up to
/// the closing brace is wider than 34 columns (`end_with_max_width(34)` in its `expr_struct`).
const SHORT_STRUCT_LITERAL: usize = 35;

/// Where the arms of the `match` on a key are, relative to the impl.
const ARM_INDENT: usize = 16;

/// Where the values of the struct literal are, relative to the impl.
const VALUE_INDENT: usize = 12;

/// The two impls that deserialize `def`, printed at `indent` spaces, the runtime at `runtime`
/// (`crate::runtime`).
pub fn deserialize_text(def: &StructDef, runtime: &str, indent: usize) -> String {
    let name = &def.name;
    let mut text = Text::new();
    impl_header(&mut text, "impl<'de> Deserialize<'de>", name, indent);
    text.open("fn deserialize<D: serde::Deserializer<'de>>(")
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
    let trait_path = format!("impl {runtime}::fields::FromFields");
    impl_header(text, &trait_path, &def.name, indent);
    text.open("fn from_fields<'de, A: serde::de::MapAccess<'de>>(")
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
            let arm = format!("{wire} => {read}");
            // The comma is not measured: prettyplease writes it after deciding the break.
            if preformatted::fits(&arm, indent + ARM_INDENT) {
                text.line(&format!("{arm},"));
            } else {
                // As prettyplease prints an arm too long for one line: its body in a block.
                text.open(&format!("{wire} => {{")).line(&read).close();
            }
        }
        text.line(&format!("_ => {other},")).close().close();
    }
    struct_literal(def, &fields, indent, text);
    text.close().close();
}

/// `Ok(Self { … })`: each field from its slot (a required one's missing is an error).
fn struct_literal(def: &StructDef, fields: &str, indent: usize, text: &mut Text) {
    let values: Vec<Value> = def
        .fields
        .iter()
        .map(|field| {
            let slot = &field.rust_name;
            match field.presence {
                Presence::Required => Value::Call(MethodCall::new(
                    format!("{slot}: {fields}"),
                    "required",
                    vec![slot.clone(), string_text(&field.wire_name)],
                    "?",
                )),
                Presence::RequiredNullable | Presence::Optional | Presence::OptionalNullable => {
                    Value::Call(MethodCall::new(
                        format!("{slot}: {slot}"),
                        "flatten",
                        Vec::new(),
                        "",
                    ))
                }
                Presence::Clearable => Value::Slot(slot.clone()),
            }
        })
        .chain(
            def.additional
                .iter()
                .map(|extra| Value::Slot(extra.rust_name.clone())),
        )
        .collect();
    let one_line: Vec<&str> = values.iter().map(Value::text).collect();
    // `Self { a, b }`: the values, their separators and the braces.
    let one_line_width = match one_line.is_empty() {
        true => "Self {}".len(),
        false => {
            one_line
                .iter()
                .map(|value| value.chars().count() + 2)
                .sum::<usize>()
                + 7
        }
    };
    if one_line_width <= SHORT_STRUCT_LITERAL {
        match one_line.is_empty() {
            true => text.line("Ok(Self {})"),
            false => text.line(&format!("Ok(Self {{ {} }})", one_line.join(", "))),
        };
    } else {
        text.open("Ok(Self {");
        for (index, value) in values.iter().enumerate() {
            match value {
                Value::Slot(slot) => {
                    text.line(&format!("{slot},"));
                }
                // The last value's comma is not measured (see `MethodCall::write`).
                Value::Call(call) => {
                    call.write(text, indent + VALUE_INDENT, ",", index + 1 < values.len())
                }
            }
        }
        text.close_with("})");
    }
}

/// A field's value in the struct literal.
enum Value {
    /// The slot as it is (field shorthand).
    Slot(String),
    /// `field: slot.method(…)`.
    Call(MethodCall),
}

impl Value {
    /// The value on one line.
    fn text(&self) -> &str {
        match self {
            Value::Slot(slot) => slot,
            Value::Call(call) => call.whole(),
        }
    }
}

/// `wanted`, or `wanted` with underscores after it, whichever is not the name of a slot.
fn free_name(wanted: &str, slots: &[&str]) -> String {
    let mut name = wanted.to_owned();
    while slots.contains(&name.as_str()) {
        name.push('_');
    }
    name
}
