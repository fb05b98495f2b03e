//! The spec corpus: every good case generates code (snapshotted here, compiled by the
//! `github-runners-corpus-check` crate), every bad case gives its located report (snapshotted).
//!
//! Cases live in `tests/corpus/good/` and `tests/corpus/bad/`, one small spec each, named for
//! what it exercises. Add a file and run `INSTA_UPDATE=always cargo test -p
//! github-runners-tests --test corpus` (or `cargo insta review`) to record its snapshot.

#![allow(clippy::unwrap_used, clippy::panic)]

use github_runners_codegen::{Config, Error};
use std::path::{Path, PathBuf};

fn cases(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    files
}

/// The path as the user would type it from the workspace root, stable across machines.
fn display_name(path: &Path) -> String {
    let kind = path
        .parent()
        .unwrap()
        .file_name()
        .unwrap()
        .to_string_lossy();
    let file = path.file_name().unwrap().to_string_lossy();
    format!("tests/corpus/{kind}/{file}")
}

fn snapshot_name(kind: &str, path: &Path) -> String {
    let stem = path.file_stem().unwrap().to_string_lossy();
    format!("corpus_{kind}__{stem}")
}

#[test]
fn good_specs_generate_code() {
    let files = cases("good");
    assert!(files.len() >= 22, "only {} good cases", files.len());
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let name = display_name(&path);
        let source = match github_runners_codegen::generate(&bytes, &name) {
            Ok(source) => source,
            Err(error) => panic!("{name} should generate, but:\n{error}"),
        };
        insta::assert_snapshot!(snapshot_name("good", &path), source);
    }
}

#[test]
fn bad_specs_give_located_reports() {
    let files = cases("bad");
    assert!(files.len() >= 10, "only {} bad cases", files.len());
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let name = display_name(&path);
        let report = match github_runners_codegen::generate(&bytes, &name) {
            Ok(_) => panic!("{name} should be rejected"),
            Err(Error::Spec(report)) => report,
            Err(other) => panic!("{name}: expected a spec report, got {other}"),
        };
        assert!(!report.diagnostics.is_empty(), "{name}");
        for diagnostic in &report.diagnostics {
            assert!(diagnostic.help.is_some(), "{name}: no help in {diagnostic}");
            assert_eq!(diagnostic.file, Path::new(&name));
        }
        insta::assert_snapshot!(snapshot_name("bad", &path), report.to_string());
    }
}

#[test]
fn a_missing_file_names_its_path() {
    let error = Config::new()
        .out_dir(std::env::temp_dir())
        .rerun_if_changed(false)
        .generate("tests/corpus/bad/does-not-exist.yaml")
        .unwrap_err();
    assert!(matches!(error, Error::Io { .. }));
    let text = error.to_string();
    let text = text.replace(" (os error 2)", "").trim_end().to_owned();
    insta::assert_snapshot!("corpus_missing_file", text);
}

#[test]
fn check_agrees_with_generate() {
    for path in cases("good") {
        let bytes = std::fs::read(&path).unwrap();
        assert!(github_runners_codegen::check(&bytes, "spec.yaml").is_ok());
    }
    for path in cases("bad") {
        let bytes = std::fs::read(&path).unwrap();
        assert!(github_runners_codegen::check(&bytes, "spec.yaml").is_err());
    }
}
