//! Located, actionable error reports.
//!
//! Every problem the generator finds in a spec becomes a [`Diagnostic`]: the file, the place
//! (a line:column, or a JSON pointer plus its line when it can be found), what is wrong and what
//! to do about it. A phase collects all of its diagnostics into one [`Report`] before stopping,
//! so a user fixes every mistake of a spec in one round.

use std::fmt;
use std::path::PathBuf;

/// Where in a spec a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The file as a whole (it is missing, empty, or not a document at all).
    File,
    /// A line and column (1-based), as reported by the YAML parser.
    LineColumn {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// A JSON pointer into the document (`#/paths/~1orgs/get`), with its line when known.
    Pointer {
        /// The JSON pointer, starting with `#`.
        pointer: String,
        /// The 1-based line the pointer's node starts on, when it could be found.
        line: Option<usize>,
    },
}

/// Whether a problem stops generation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Severity {
    /// The spec cannot be generated as it is.
    #[default]
    Error,
    /// Lenient mode worked around the problem by dropping what it belongs to (the
    /// diagnostic's note says what).
    Warning,
}

/// One problem in a spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error, or a warning of lenient mode.
    pub severity: Severity,
    /// The spec file the problem is in.
    pub file: PathBuf,
    /// Where in that file.
    pub location: Location,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// What lenient mode did about it (the operations and components it dropped).
    pub note: Option<String>,
}

impl Diagnostic {
    /// A diagnostic at a JSON pointer (its line is filled in later, see [`Report::locate`]).
    pub fn at_pointer(pointer: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: PathBuf::new(),
            location: Location::Pointer {
                pointer: pointer.into(),
                line: None,
            },
            message: message.into(),
            help: None,
            note: None,
        }
    }

    /// A diagnostic about the whole file.
    pub fn whole_file(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: PathBuf::new(),
            location: Location::File,
            message: message.into(),
            help: None,
            note: None,
        }
    }

    /// Adds what the user should do.
    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{label}: {}", self.message)?;
        let file = self.file.display();
        match &self.location {
            Location::File => write!(f, "\n  --> {file}")?,
            Location::LineColumn { line, column } => write!(f, "\n  --> {file}:{line}:{column}")?,
            Location::Pointer {
                pointer,
                line: Some(line),
            } => write!(f, "\n  --> {file}:{line} at {pointer}")?,
            Location::Pointer {
                pointer,
                line: None,
            } => write!(f, "\n  --> {file} at {pointer}")?,
        }
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        if let Some(note) = &self.note {
            write!(f, "\n  = note: {note}")?;
        }
        Ok(())
    }
}

/// Every problem found in one phase, in document order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    /// The problems.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// A report of a single diagnostic.
    pub fn single(diagnostic: Diagnostic) -> Report {
        Report {
            diagnostics: vec![diagnostic],
        }
    }

    /// Whether no problem was found.
    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// Adds a problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Names `file` in every diagnostic and fills in the line of every JSON pointer that
    /// `find_line` can find.
    #[must_use]
    pub fn locate(
        mut self,
        file: &std::path::Path,
        find_line: impl Fn(&str) -> Option<usize>,
    ) -> Report {
        for diagnostic in &mut self.diagnostics {
            diagnostic.file = file.to_path_buf();
            if let Location::Pointer { pointer, line } = &mut diagnostic.location
                && line.is_none()
            {
                *line = find_line(pointer);
            }
        }
        self
    }

    /// `Ok(value)` when the report is empty, the report as an error otherwise.
    pub fn into_result<T>(self, value: T) -> Result<T, Report> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.diagnostics {
            writeln!(f, "{diagnostic}\n")?;
        }
        let warnings = self
            .diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.severity == Severity::Warning)
            .count();
        let errors = self.diagnostics.len() - warnings;
        let count = |n: usize, noun: &str| format!("{n} {noun}{}", if n == 1 { "" } else { "s" });
        match (errors, warnings) {
            (_, 0) => write!(f, "{} in the spec", count(errors, "error")),
            (0, _) => write!(f, "{} in the spec", count(warnings, "warning")),
            _ => write!(
                f,
                "{} and {} in the spec",
                count(errors, "error"),
                count(warnings, "warning")
            ),
        }
    }
}

impl std::error::Error for Report {}

/// Escapes one JSON-pointer token (`~` → `~0`, `/` → `~1`).
pub fn pointer_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Builds a JSON pointer (`#/a/b~1c`) from raw tokens.
pub fn pointer<'a>(tokens: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::from("#");
    for token in tokens {
        out.push('/');
        out.push_str(&pointer_token(token));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_escapes_slashes_and_tildes() {
        assert_eq!(
            pointer(["paths", "/orgs/{org}", "get"]),
            "#/paths/~1orgs~1{org}/get"
        );
        assert_eq!(pointer(["a~b"]), "#/a~0b");
    }

    #[test]
    fn report_display_counts_errors() {
        let mut report = Report::default();
        report.push(Diagnostic::whole_file("the file is empty").help("write a spec"));
        let report = report.locate(std::path::Path::new("spec.yaml"), |_| None);
        let text = report.to_string();
        assert!(text.contains("error: the file is empty\n  --> spec.yaml\n  = help: write a spec"));
        assert!(text.ends_with("1 error in the spec"));
    }
}
