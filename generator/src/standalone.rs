//! A complete, standalone client crate: `Cargo.toml`, `src/lib.rs` and the generated API.
//!
//! The runtime is not copied: the crate depends on `github-runners-runtime`, by default of
//! this generator's own version (the two are released together), or at a local path
//! ([`RuntimeDependency::Path`], e.g. a checkout of this repository before a release).

use crate::{Config, Error, Report, write};
use std::path::{Path, PathBuf};

/// The runtime crate's package name.
pub const RUNTIME_PACKAGE: &str = "github-runners-runtime";

/// The version of the runtime a standalone crate depends on: the generator's own.
pub const RUNTIME_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The other dependencies of the generated code: the crates it names itself (mirrors
/// `generated/Cargo.toml`; a test keeps the two in step).
pub const DEPENDENCIES: &[(&str, &str)] = &[
    (
        "chrono",
        r#"{ version = "0.4", default-features = false, features = ["serde", "std", "clock"] }"#,
    ),
    (
        "futures",
        r#"{ version = "0.3", default-features = false, features = ["std", "async-await"] }"#,
    ),
    (
        "reqwest",
        r#"{ version = "0.12", default-features = false, features = ["rustls-tls", "http2"] }"#,
    ),
    ("serde", r#"{ version = "1", features = ["derive"] }"#),
    ("serde_json", r#""1""#),
];

/// Where a standalone crate gets the runtime from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum RuntimeDependency {
    /// `github-runners-runtime = "<the generator's version>"` from crates.io.
    #[default]
    Registry,
    /// `github-runners-runtime = { path = "…" }`: the runtime crate's directory (relative
    /// paths are relative to the standalone crate's directory, as in any `Cargo.toml`).
    Path(PathBuf),
}

/// The files of a standalone crate, with what lenient mode dropped to write them.
#[derive(Debug, Clone)]
pub struct CrateFiles {
    /// (relative path, contents) of each file.
    pub files: Vec<(PathBuf, String)>,
    /// Lenient mode's located warnings (empty when strict).
    pub warnings: Report,
    /// `generated N operations, dropped M`.
    pub summary: String,
    /// The generator's notes (see [`crate::Generated::notes`]).
    pub notes: Vec<String>,
}

/// The files of a standalone crate named `name` for a spec, generated with `config`'s
/// options (its runtime module is the crate's own `runtime`).
pub fn crate_files(
    config: &Config,
    spec: &[u8],
    spec_name: &str,
    name: &str,
    runtime: &RuntimeDependency,
) -> Result<CrateFiles, Error> {
    let package = crate::naming::bare(&crate::naming::value_name(name)).replace('_', "-");
    if package.is_empty() || name.trim().is_empty() {
        return Err(Error::Config(format!(
            "`{name}` is not a usable crate name"
        )));
    }
    let generated = config
        .clone()
        .runtime_module("crate::runtime")
        .generate_with_warnings(spec, spec_name)?;
    let summary = generated.summary();
    Ok(CrateFiles {
        files: vec![
            (PathBuf::from("Cargo.toml"), cargo_toml(&package, runtime)?),
            (PathBuf::from("src/lib.rs"), lib_rs(spec_name)),
            (PathBuf::from("src/api.rs"), generated.source),
        ],
        warnings: generated.warnings,
        summary,
        notes: generated.notes,
    })
}

/// Writes a standalone crate into `out` (files are only rewritten when they change). A
/// relative [`RuntimeDependency::Path`] is taken from the current directory, like `spec_path`
/// and `out`, and written as an absolute path. Returns lenient mode's warnings and the
/// summary.
pub fn write_crate(
    config: &Config,
    spec_path: &Path,
    out: &Path,
    name: &str,
    runtime: &RuntimeDependency,
) -> Result<CrateFiles, Error> {
    let spec = std::fs::read(spec_path).map_err(|source| Error::Io {
        path: spec_path.to_path_buf(),
        source,
    })?;
    let runtime = match runtime {
        RuntimeDependency::Path(dir) => {
            RuntimeDependency::Path(std::path::absolute(dir).map_err(|source| Error::Io {
                path: dir.clone(),
                source,
            })?)
        }
        RuntimeDependency::Registry => RuntimeDependency::Registry,
    };
    let written = crate_files(
        config,
        &spec,
        &spec_path.display().to_string(),
        name,
        &runtime,
    )?;
    for (relative, contents) in &written.files {
        write::write_if_changed(&out.join(relative), contents.as_bytes())?;
    }
    Ok(written)
}

fn cargo_toml(package: &str, runtime: &RuntimeDependency) -> Result<String, Error> {
    let runtime_spec = match runtime {
        RuntimeDependency::Registry => toml_string(RUNTIME_VERSION)?,
        RuntimeDependency::Path(dir) => {
            let dir = dir.to_str().ok_or_else(|| {
                Error::Config(format!("the runtime path `{}` is not UTF-8", dir.display()))
            })?;
            format!("{{ path = {} }}", toml_string(dir)?)
        }
    };
    let mut out = format!(
        "# @generated by github-runners-codegen.\n[package]\nname = {}\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\n{RUNTIME_PACKAGE} = {runtime_spec}\n",
        toml_string(package)?
    );
    for (name, spec) in DEPENDENCIES {
        out.push_str(&format!("{name} = {spec}\n"));
    }
    out.push_str("\n[workspace]\n");
    Ok(out)
}

/// A TOML basic string: a JSON string is one (the same escapes, `\"`, `\\`, `\n`, `\uXXXX`).
fn toml_string(text: &str) -> Result<String, Error> {
    serde_json::to_string(text).map_err(|error| Error::Config(error.to_string()))
}

fn lib_rs(spec_name: &str) -> String {
    let spec_name = spec_name.replace(['\n', '\r'], " ");
    format!(
        "// @generated by github-runners-codegen from {spec_name}.\n\
//! A typed async client generated from `{spec_name}`.\n\
//!\n\
//! Build a [`Client`] with [`Client::builder`], then call one method per operation.\n\
\n\
/// The runtime (the `{RUNTIME_PACKAGE}` crate), where the generated code expects it.\n\
pub use github_runners_runtime as runtime;\n\
\n\
#[allow(deprecated)]\n\
mod api;\n\
\n\
pub use api::*;\n\
pub use runtime::{{ApiError, ClientBuilder, ClientCore, Error, Page, RateLimit, RetryPolicy, SecretString}};\n"
    )
}
