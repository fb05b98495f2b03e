//! A string enum as a preformatted piece ([`super::preformatted`]): the text prettyplease
//! prints for the tokens of [`super::types`], written directly.

use super::docs::{doc_block, text_block};
use super::preformatted::{Text, string_literal};
use crate::model::EnumDef;
use crate::naming::UNKNOWN_VARIANT;

/// The enum and its impls, or `None` when a wire value needs escapes (not written as text
/// here).
pub fn enum_text(def: &EnumDef, link_base: Option<&str>) -> Option<String> {
    let name = &def.name;
    let mut doc = doc_block(&def.docs, link_base);
    if doc.is_empty() {
        doc = text_block(&format!("The documented values of `{name}`."));
    }
    let mut wire = Vec::with_capacity(def.variants.len());
    for variant in &def.variants {
        wire.push((variant, string_literal(&variant.wire_value)?));
    }
    let mut text = Text::new();
    text.lines(&doc)
        .line("#[derive(Debug, Clone, PartialEq, Eq, Hash)]")
        .open(&format!("pub enum {name} {{"));
    for (variant, _) in &wire {
        text.lines(&text_block(&format!(
            "`{}`",
            variant.wire_value.replace('`', "'")
        )))
        .line(&format!("{},", variant.rust_name));
    }
    text.lines(&text_block(
        "A value this client does not know yet, kept as it was sent so that it round-trips.",
    ))
    .line(&format!("{UNKNOWN_VARIANT}(String),"))
    .close()
    .open(&format!("impl {name} {{"))
    .line("/// The value as sent on the wire.")
    .open("pub fn as_str(&self) -> &str {")
    .open("match self {");
    for (variant, literal) in &wire {
        text.line(&format!("Self::{} => {literal},", variant.rust_name));
    }
    text.line(&format!("Self::{UNKNOWN_VARIANT}(value) => value,"))
        .close()
        .close()
        .close()
        .open(&format!("impl From<&str> for {name} {{"))
        .open("fn from(value: &str) -> Self {")
        .open("match value {");
    for (variant, literal) in &wire {
        text.line(&format!("{literal} => Self::{},", variant.rust_name));
    }
    text.line(&format!(
        "other => Self::{UNKNOWN_VARIANT}(other.to_owned()),"
    ))
    .close()
    .close()
    .close()
    .open(&format!("impl std::fmt::Display for {name} {{"))
    .open("fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {")
    .line("f.write_str(self.as_str())")
    .close()
    .close()
    .open(&format!("impl Serialize for {name} {{"))
    .open("fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {")
    .line("serializer.serialize_str(self.as_str())")
    .close()
    .close()
    .open(&format!("impl<'de> Deserialize<'de> for {name} {{"))
    .open("fn deserialize<D: serde::Deserializer<'de>>(")
    .line("deserializer: D,");
    text.close_with(") -> Result<Self, D::Error> {")
        .open_again()
        .line("let value = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;")
        .line("Ok(Self::from(value.as_ref()))")
        .close()
        .close();
    Some(text.finish())
}
