//! A model struct as a preformatted piece ([`super::preformatted`]): the text prettyplease
//! prints for the tokens of [`super::types`], written directly.

use super::docs::doc_block;
use super::preformatted::Text;
use super::type_text;
use crate::model::{Presence, StructDef};

/// The struct's text, or `None` for a struct without fields (prettyplease prints `{}`). Its
/// `Serialize` and `Deserialize` impls are [`super::serialize_text`] and
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
    text.line("#[derive(Debug, Clone, PartialEq)]")
        .open(&format!("pub struct {} {{", def.name));
    for field in &def.fields {
        text.lines(&doc_block(&field.docs, link_base));
        if field.deprecated {
            text.line("#[deprecated]");
        }
        let ty = type_text(&field.ty);
        let ty = match field.presence {
            Presence::Required => ty,
            Presence::RequiredNullable | Presence::Optional | Presence::OptionalNullable => {
                format!("Option<{ty}>")
            }
            Presence::Clearable => format!("Option<Option<{ty}>>"),
        };
        text.line(&format!("pub {}: {ty},", field.rust_name));
    }
    if let Some(extra) = &def.additional {
        text.line("/// Properties beyond the documented ones.")
            .line(&format!(
                "pub {}: BTreeMap<String, {}>,",
                extra.rust_name,
                type_text(&extra.value)
            ));
    }
    text.close();
    Some(text.finish())
}
