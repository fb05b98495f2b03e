//! Writes `$OUT_DIR/corpus_cases.rs`: one `#[test]` per spec of `corpus/good`, `corpus/bad`
//! and `corpus/lenient`, so that each case passes or fails on its own (see `corpus.rs`).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default();
    let out_dir = std::env::var_os("OUT_DIR").unwrap_or_default();
    let mut tests = String::new();
    for kind in ["good", "bad", "lenient"] {
        let dir = Path::new(&manifest).join("corpus").join(kind);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|entry| entry.file_name().to_string_lossy().into_owned())
                    .filter(|name| !name.contains(".snap"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        for file in files {
            let stem = file.split('.').next().unwrap_or(&file);
            let test: String = stem
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
            let _ = writeln!(
                tests,
                "#[test]\nfn {kind}_{test}() {{\n    {kind}_case({file:?});\n}}\n"
            );
        }
    }
    let path = Path::new(&out_dir).join("corpus_cases.rs");
    if let Err(error) = std::fs::write(&path, tests) {
        eprintln!("cannot write {}: {error}", path.display());
        std::process::exit(1);
    }
}
