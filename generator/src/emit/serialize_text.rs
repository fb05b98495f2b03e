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

use super::breaks::{MethodCall, impl_header};
use super::preformatted::{self, Text, string_text};
use crate::model::{Presence, StructDef};

/// Where the statements of `serialize` are, relative to the impl.
const STATEMENT_INDENT: usize = 8;

/// The `Serialize` impl of `def`, printed at `indent` spaces, the runtime at `runtime`.
pub fn serialize_text(def: &StructDef, runtime: &str, indent: usize) -> String {
    let mut text = Text::new();
    impl_header(&mut text, "impl Serialize", &def.name, indent);
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
        let arguments = vec![
            string_text(&field.wire_name),
            format!("&self.{}", field.rust_name),
        ];
        statement(method, arguments).write(&mut text, at, ";", true);
    }
    if let Some(extra) = &def.additional {
        let arguments = vec![format!("&self.{}", extra.rust_name)];
        statement("extra", arguments).write(&mut text, at, ";", true);
    }
    text.line("fields.end()").close().close();
    text.finish()
}

/// `fields.method(arguments)?`.
fn statement(method: &'static str, arguments: Vec<String>) -> MethodCall {
    MethodCall::new("fields".to_owned(), method, arguments, "?")
}
