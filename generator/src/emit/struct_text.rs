//! A model struct as a preformatted piece ([`super::preformatted`]): the text prettyplease
//! prints for the tokens of [`super::types`], written directly.

use super::docs::doc_block;
use super::preformatted::{Text, string_literal};
use super::type_text;
use crate::model::{Presence, StructDef};

/// The struct's text, or `None` when a part of it is not written as text here (a wire name
/// that needs escapes, no fields at all: prettyplease prints `{}`). Its `Deserialize` impl is
/// [`super::deserialize_text`].
pub fn struct_text(def: &StructDef, link_base: Option<&str>) -> Option<String> {
    if def.fields.is_empty() && def.additional.is_none() {
        return None;
    }
    let mut text = Text::new();
    text.lines(&doc_block(&def.docs, link_base));
    if def.deprecated {
        text.line("#[deprecated]");
    }
    text.line("#[derive(Debug, Clone, PartialEq, Serialize)]")
        .open(&format!("pub struct {} {{", def.name));
    for field in &def.fields {
        text.lines(&doc_block(&field.docs, link_base));
        if field.deprecated {
            text.line("#[deprecated]");
        }
        if crate::naming::bare(&field.rust_name) != field.wire_name {
            text.line(&format!(
                "#[serde(rename = {})]",
                string_literal(&field.wire_name)?
            ));
        }
        let ty = type_text(&field.ty);
        let ty = match field.presence {
            Presence::Required => ty,
            Presence::RequiredNullable => format!("Option<{ty}>"),
            Presence::Optional | Presence::OptionalNullable => {
                text.line("#[serde(skip_serializing_if = \"Option::is_none\")]");
                format!("Option<{ty}>")
            }
            Presence::Clearable => {
                text.line("#[serde(skip_serializing_if = \"Option::is_none\")]");
                format!("Option<Option<{ty}>>")
            }
        };
        text.line(&format!("pub {}: {ty},", field.rust_name));
    }
    if let Some(extra) = &def.additional {
        text.line("/// Properties beyond the documented ones.")
            .line("#[serde(flatten)]")
            .line(&format!(
                "pub {}: BTreeMap<String, {}>,",
                extra.rust_name,
                type_text(&extra.value)
            ));
    }
    text.close();
    Some(text.finish())
}
