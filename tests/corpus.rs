//! The spec corpus, one test per case: every good case generates the reviewed code, every bad
//! case gives its reviewed located report. (`github-runners-corpus-check` compiles the code of
//! every good case.)
//!
//! Cases live in `tests/corpus/good/` and `tests/corpus/bad/`, one small spec each, named for
//! what it exercises; each case's snapshot is beside it (`newtypes.yaml` → `newtypes.snap`).
//! Add a file and run `INSTA_UPDATE=always cargo test -p github-runners-tests --test corpus`
//! (or `cargo insta review`) to record its snapshot.

#![allow(clippy::unwrap_used, clippy::panic)]

use github_runners_codegen::{Config, Error};
use std::path::{Path, PathBuf};

fn corpus_dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(kind)
}

/// Generates the case `kind/file` (named as the user would type it from the workspace root,
/// stable across machines) and snapshots `describe(result)` beside it.
fn snapshot_case(
    kind: &str,
    file: &str,
    describe: impl FnOnce(&str, Result<String, Error>) -> String,
) {
    let dir = corpus_dir(kind);
    let bytes = std::fs::read(dir.join(file)).unwrap();
    let name = format!("tests/corpus/{kind}/{file}");
    let text = describe(&name, github_runners_codegen::generate(&bytes, &name));
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(dir);
    settings.set_prepend_module_to_snapshot(false);
    settings.set_input_file(&name);
    let stem = file.split('.').next().unwrap_or(file);
    settings.bind(|| insta::assert_snapshot!(stem, text));
}

fn good_case(file: &str) {
    snapshot_case("good", file, |name, result| match result {
        Ok(source) => source,
        Err(error) => panic!("{name} should generate, but:\n{error}"),
    });
}

fn bad_case(file: &str) {
    snapshot_case("bad", file, |name, result| match result {
        Ok(_) => panic!("{name} should be rejected"),
        Err(Error::Spec(report)) => {
            assert!(!report.diagnostics.is_empty(), "{name}");
            for diagnostic in &report.diagnostics {
                assert!(diagnostic.help.is_some(), "{name}: no help in {diagnostic}");
                assert_eq!(diagnostic.file, Path::new(name));
            }
            report.to_string()
        }
        Err(other) => panic!("{name}: expected a spec report, got {other}"),
    });
}

include!(concat!(env!("OUT_DIR"), "/corpus_cases.rs"));

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
