//! A build-time generator of typed async Rust clients from OpenAPI 3.0 specs.
//!
//! Made for GitHub's Actions runner API (the `github-runners` crate is its output), it works
//! on other OpenAPI 3.0 specs too. The pipeline, one module a phase:
//!
//! 1. [`load`](crate::load_spec): YAML/JSON → `openapiv3` (line:column on syntax errors);
//! 2. validate: every problem of the spec, each at its JSON pointer and line, in one report
//!    (methods laid out flat or grouped by category first, see [`layout`]);
//! 3. lower: the spec → [`model`], an intermediate representation without spec or token types;
//! 4. emit: the model → tokens (`quote`), one chunk per item, every name decided by [`naming`];
//! 5. format: prettyplease chunk by chunk (in a build script, unchanged chunks come from a
//!    cache in `OUT_DIR`), with an `@generated` header;
//! 6. write: only when the bytes change.
//!
//! From a build script, use [`Config`] (in the style of `prost-build`):
//!
//! ```no_run
//! // in build.rs's `main`:
//! if let Err(error) = github_runners_codegen::Config::new().generate("spec/api.yaml") {
//!     eprintln!("{error}");
//!     std::process::exit(1);
//! }
//! ```
//!
//! and include the output: `include!(concat!(env!("OUT_DIR"), "/api.rs"));` in a module that
//! sees the runtime crate as `crate::runtime` (`pub use github_runners_runtime as runtime;`;
//! see [`standalone`] for a whole crate). [`generate`] is the pure core: it turns spec bytes
//! into source text and does no IO. ARCHITECTURE.md at the repository's root describes the
//! phases and where a change goes.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod config;
pub mod diagnostic;
mod emit;
mod format;
pub mod layout;
mod lenient;
mod load;
mod lower;
pub mod model;
pub mod naming;
mod pipeline;
mod refs;
mod spec;
pub mod standalone;
mod text_cache;
mod validate;
mod write;

pub use config::{Config, Generated};
pub use diagnostic::{Diagnostic, Location, Report, Severity};
pub use layout::MethodLayout;

use std::path::PathBuf;

/// Everything that can go wrong while generating.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The spec has problems; the report lists all of them, located.
    #[error("{0}")]
    Spec(Report),
    /// A file could not be read or written.
    #[error(
        "error: cannot access `{}`: {source}\n  = help: check the path (a relative path is resolved from the current directory; in a build script, from the crate's root)",
        path.display()
    )]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A configuration value is not usable.
    #[error("invalid configuration: {0}")]
    Config(String),
    /// The emitted code did not parse: a bug in the generator, please report it with the spec.
    #[error(
        "internal error: the generated code does not parse ({0}); please report this with the spec"
    )]
    Internal(String),
}

/// Loads and validates a spec, returning the model the emitters would use.
///
/// `spec_name` is the file name used in diagnostics.
pub fn check(spec: &[u8], spec_name: &str) -> Result<model::Api, Error> {
    check_with(spec, spec_name, MethodLayout::Auto)
}

/// [`check`] with methods laid out as `layout` says (see [`layout`]).
pub fn check_with(spec: &[u8], spec_name: &str, layout: MethodLayout) -> Result<model::Api, Error> {
    pipeline::check(spec, false, layout)
        .map(|checked| checked.api)
        .map_err(|report| Error::Spec(locate(report, spec, spec_name)))
}

/// Generates the client source for a spec with the default options: pure, no IO.
pub fn generate(spec: &[u8], spec_name: &str) -> Result<String, Error> {
    Config::new().generate_source(spec, spec_name)
}

/// Loads a spec into `openapiv3` types (line:column on syntax errors), without validating it.
pub fn load_spec(spec: &[u8], spec_name: &str) -> Result<openapiv3::OpenAPI, Error> {
    load::load(spec).map_err(|report| Error::Spec(locate(report, spec, spec_name)))
}

/// Names the file in every diagnostic and finds the line of every JSON pointer.
fn locate(report: Report, spec: &[u8], spec_name: &str) -> Report {
    // The source map costs a pass over the whole text: not for a report without diagnostics.
    if report.is_empty() {
        return report;
    }
    let text = std::str::from_utf8(spec).unwrap_or("");
    let map = load::source_map::SourceMap::build(text);
    report.locate(std::path::Path::new(spec_name), |pointer| {
        map.line_of(pointer)
    })
}
