//! Generates the client of every good corpus spec (and, in lenient mode, of every lenient one)
//! into `$OUT_DIR/<case>.rs` and writes
//! `$OUT_DIR/cases.rs`, which declares one module per case (the runtime crate re-exported as
//! its `runtime`, plus the generated code). A spec that fails to generate fails the build with its report.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let mut cases = String::new();
    // Lenient cases are generated in lenient mode: their warnings are reviewed in their
    // snapshots, so they are not repeated as cargo warnings here.
    for (kind, lenient) in [("good", false), ("lenient", true)] {
        let dir = manifest.join("../corpus").join(kind);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut specs: Vec<PathBuf> = match std::fs::read_dir(&dir) {
            Ok(entries) => entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| {
                    path.extension()
                        .is_some_and(|ext| ext == "yaml" || ext == "json")
                })
                .collect(),
            Err(error) => fail(&format!("cannot read {}: {error}", dir.display())),
        };
        specs.sort();
        for spec in &specs {
            println!("cargo:rerun-if-changed={}", spec.display());
            let module = format!(
                "{}{}",
                if lenient { "lenient_" } else { "" },
                display_name(spec)
                    .trim_end_matches(".yaml")
                    .trim_end_matches(".json")
                    .replace('-', "_")
            );
            let file_name = format!("{module}.rs");
            let bytes = std::fs::read(spec)
                .unwrap_or_else(|error| fail(&format!("cannot read {}: {error}", spec.display())));
            let result = github_runners_codegen::Config::new()
                .runtime_module(format!("crate::{module}::runtime"))
                .lenient(lenient)
                .generate_source(&bytes, &spec.display().to_string());
            match result {
                Ok(source) => {
                    if let Err(error) = std::fs::write(out_dir.join(&file_name), source) {
                        fail(&format!("cannot write {file_name}: {error}"));
                    }
                }
                Err(error) => fail(&error.to_string()),
            }
            let _ = writeln!(
                cases,
                "/// Generated from `{kind}/{}`.\n#[allow(deprecated, dead_code, missing_docs, clippy::all)]\npub mod {module} {{\n    \
                 pub use github_runners_runtime as runtime;\n    \
                 mod api {{\n        include!(concat!(env!(\"OUT_DIR\"), \"/{file_name}\"));\n    }}\n    \
                 #[allow(unused_imports)]\n    pub use api::*;\n}}\n",
                display_name(spec),
            );
        }
    }
    if let Err(error) = std::fs::write(out_dir.join("cases.rs"), cases) {
        fail(&format!("cannot write cases.rs: {error}"));
    }
}

fn display_name(spec: &Path) -> String {
    spec.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(1);
}
