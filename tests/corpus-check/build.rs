//! Generates the client of every good corpus spec into `$OUT_DIR/<case>.rs` and writes
//! `$OUT_DIR/cases.rs`, which declares one module per case (the runtime crate re-exported as
//! its `runtime`, plus the generated code). A spec that fails to generate fails the build with its report.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let good = manifest.join("../corpus/good");
    println!("cargo:rerun-if-changed={}", good.display());
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let mut specs: Vec<PathBuf> = match std::fs::read_dir(&good) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
            .collect(),
        Err(error) => fail(&format!("cannot read {}: {error}", good.display())),
    };
    specs.sort();
    let mut cases = String::new();
    for spec in &specs {
        println!("cargo:rerun-if-changed={}", spec.display());
        let file_name = format!(
            "{}.rs",
            display_name(spec)
                .trim_end_matches(".yaml")
                .replace('-', "_")
        );
        let module = file_name.trim_end_matches(".rs");
        let result = github_runners_codegen::Config::new()
            .runtime_module(format!("crate::{module}::runtime"))
            .out_dir(&out_dir)
            .file_name(file_name.clone())
            .rerun_if_changed(false)
            .generate(spec);
        if let Err(error) = result {
            fail(&error.to_string());
        }
        let _ = writeln!(
            cases,
            "/// Generated from `{}`.\n#[allow(deprecated, dead_code, missing_docs, clippy::all)]\npub mod {module} {{\n    \
             pub use github_runners_runtime as runtime;\n    \
             mod api {{\n        include!(concat!(env!(\"OUT_DIR\"), \"/{file_name}\"));\n    }}\n    \
             #[allow(unused_imports)]\n    pub use api::*;\n}}\n",
            display_name(spec),
        );
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
