//! Lines of preformatted pieces ([`super::preformatted`]) that prettyplease breaks when they do
//! not fit its margin, written broken the same way: an impl header, and a method call on a
//! receiver (a value of a struct literal, a statement).

use super::preformatted::{self, Text};

/// Opens `impl Trait for Type {` (`head` is `impl Trait`), on two lines when it does not fit
/// at `indent`; what follows is one level deeper.
pub fn impl_header(text: &mut Text, head: &str, type_name: &str, indent: usize) {
    let line = format!("{head} for {type_name} {{");
    if preformatted::fits(&line, indent) {
        text.open(&line);
    } else {
        text.line(head).open(&format!("for {type_name} {{"));
    }
}

/// `head.method(arguments)tail`: `fields.required(id, "id")?`, `field: slot.flatten()`.
pub struct MethodCall {
    /// Everything before the `.method` (a receiver, or `field: receiver`).
    head: String,
    method: &'static str,
    arguments: Vec<String>,
    /// After the closing parenthesis (`?` or nothing).
    tail: &'static str,
    /// The call on one line.
    whole: String,
}

impl MethodCall {
    /// The call of `method` on `head` with `arguments`, then `tail`.
    pub fn new(
        head: String,
        method: &'static str,
        arguments: Vec<String>,
        tail: &'static str,
    ) -> MethodCall {
        let whole = format!("{head}.{method}({}){tail}", arguments.join(", "));
        MethodCall {
            head,
            method,
            arguments,
            tail,
            whole,
        }
    }

    /// The call on one line.
    pub fn whole(&self) -> &str {
        &self.whole
    }

    /// Writes the call and `end` (`,` or `;`) at `indent`, broken as prettyplease breaks it
    /// when it does not fit: before `.method`, then between the arguments. `end_measured`:
    /// whether prettyplease counts `end` against the margin (a `;` it does; the comma after a
    /// struct literal's last value it adds only after deciding the breaks).
    pub fn write(&self, text: &mut Text, indent: usize, end: &str, end_measured: bool) {
        let fits = |line: &str, at: usize| match end_measured {
            true => preformatted::fits(&format!("{line}{end}"), at),
            false => preformatted::fits(line, at),
        };
        if fits(&self.whole, indent) {
            text.line(&format!("{}{end}", self.whole));
            return;
        }
        text.line(&self.head);
        let call = &self.whole[self.head.len()..];
        if self.arguments.is_empty() || fits(call, indent + 4) {
            text.line(&format!("    {call}{end}"));
            return;
        }
        text.line(&format!("    .{}(", self.method));
        for argument in &self.arguments {
            text.line(&format!("        {argument},"));
        }
        text.line(&format!("    ){}{end}", self.tail));
    }
}
