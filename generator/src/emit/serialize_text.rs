//! A model struct's `Serialize` impl, as text (a preformatted piece when its lines fit,
//! [`super::preformatted::piece_or_tokens`]).
//!
//! Not `#[derive(Serialize)]`, for the reason [`super::deserialize_text`] gives: the derive's
//! expansion is compiled again on every rebuild of the client. Each field is written with its
//! wire name, an optional one only when it is set; the runtime's `fields::write` does the
//! rest.
//!
//! ```text
//! impl Serialize for Runner {
//!     fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
//!         let mut fields = crate::runtime::fields::write(serializer)?;
//!         fields.value("id", &self.id)?;
//!         fields.optional("version", &self.version)?;
//!         fields.end()
//!     }
//! }
//! ```

use super::preformatted::{self, Text, string_text};
use crate::model::{Presence, StructDef};

/// Where the statements of `serialize` are, relative to the impl.
const STATEMENT_INDENT: usize = 8;

/// The `Serialize` impl of `def`, printed at `indent` spaces, the runtime at `runtime`.
pub fn serialize_text(def: &StructDef, runtime: &str, indent: usize) -> String {
    let mut text = Text::new();
    let header = format!("impl Serialize for {} {{", def.name);
    if preformatted::fits(&header, indent) {
        text.open(&header);
    } else {
        // As prettyplease breaks an impl header too long for one line.
        text.line("impl Serialize")
            .open(&format!("for {} {{", def.name));
    }
    let signature =
        "fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {";
    if preformatted::fits(signature, indent + 4) {
        text.open(signature);
    } else {
        // As prettyplease breaks a signature too long for one line.
        text.open("fn serialize<S: serde::Serializer>(")
            .line("&self,")
            .line("serializer: S,")
            .close_with(") -> Result<S::Ok, S::Error> {")
            .open_again();
    }
    let write = format!("{runtime}::fields::write(serializer)?");
    if def.fields.is_empty() && def.additional.is_none() {
        text.line(&format!("{write}.end()"));
        return text.close().close().finish();
    }
    text.line(&format!("let mut fields = {write};"));
    let at = indent + STATEMENT_INDENT;
    for field in &def.fields {
        let method = match field.presence {
            Presence::Required | Presence::RequiredNullable => "value",
            Presence::Optional | Presence::OptionalNullable | Presence::Clearable => "optional",
        };
        let arguments = [
            string_text(&field.wire_name),
            format!("&self.{}", field.rust_name),
        ];
        statement(&mut text, method, &arguments, at);
    }
    if let Some(extra) = &def.additional {
        statement(
            &mut text,
            "extra",
            &[format!("&self.{}", extra.rust_name)],
            at,
        );
    }
    text.line("fields.end()").close().close();
    text.finish()
}

/// `fields.method(arguments)?;`, broken as prettyplease breaks a statement too long for one
/// line: before the method, then between the arguments.
fn statement(text: &mut Text, method: &str, arguments: &[String], indent: usize) {
    let call = format!(".{method}({})?;", arguments.join(", "));
    if preformatted::fits(&format!("fields{call}"), indent) {
        text.line(&format!("fields{call}"));
    } else if preformatted::fits(&call, indent + 4) {
        text.line("fields").line(&format!("    {call}"));
    } else {
        text.line("fields").line(&format!("    .{method}("));
        for argument in arguments {
            text.line(&format!("        {argument},"));
        }
        text.line("    )?;");
    }
}
