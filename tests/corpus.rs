//! The spec corpus, one test per case: every good case generates the reviewed code, every bad
//! case gives its reviewed located report, and every lenient case generates in lenient mode
//! (its warnings, summary and code reviewed) and fails in strict mode (its report reviewed).
//! (`github-runners-corpus-check` compiles the code of every good and lenient case.)
//!
//! Cases live in `tests/corpus/good/`, `tests/corpus/bad/` and `tests/corpus/lenient/`, one
//! small spec each, named for what it exercises; each case's snapshot is beside it
//! (`newtypes.yaml` → `newtypes.snap`; a lenient case also has `<case>_strict.snap`).
//! Add a file and run `INSTA_UPDATE=always cargo test -p github-runners-tests --test corpus`
//! (or `cargo insta review`) to record its snapshot.

#![allow(clippy::unwrap_used, clippy::panic)]

use github_runners_codegen::{Config, Error, Generated, Severity};
use std::path::{Path, PathBuf};

fn corpus_dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(kind)
}

/// Generates the case `kind/file` with `config` (named as the user would type it from the
/// workspace root, stable across machines) and snapshots `describe(result)` beside it, as
/// `<stem><suffix>.snap`.
fn snapshot_case(
    kind: &str,
    file: &str,
    (config, suffix): (&Config, &str),
    describe: impl FnOnce(&str, Result<Generated, Error>) -> String,
) {
    let dir = corpus_dir(kind);
    let bytes = std::fs::read(dir.join(file)).unwrap();
    let name = format!("tests/corpus/{kind}/{file}");
    let text = describe(&name, config.generate_with_warnings(&bytes, &name));
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(dir);
    settings.set_prepend_module_to_snapshot(false);
    settings.set_input_file(&name);
    let stem = file.split('.').next().unwrap_or(file);
    settings.bind(|| insta::assert_snapshot!(format!("{stem}{suffix}"), text));
}

/// A rejected spec's report: every problem located in the spec and with help.
fn rejected(name: &str, result: Result<Generated, Error>) -> String {
    match result {
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
    }
}

fn good_case(file: &str) {
    snapshot_case(
        "good",
        file,
        (&Config::new(), ""),
        |name, result| match result {
            Ok(generated) => {
                assert!(
                    generated.warnings.is_empty(),
                    "{name}: {}",
                    generated.warnings
                );
                generated.source
            }
            Err(error) => panic!("{name} should generate, but:\n{error}"),
        },
    );
}

fn bad_case(file: &str) {
    snapshot_case("bad", file, (&Config::new(), ""), rejected);
}

/// Lenient mode drops what each problem belongs to, with a located warning; strict mode
/// rejects the spec with the same problems as errors.
fn lenient_case(file: &str) {
    let lenient = Config::new().lenient(true).clone();
    snapshot_case(
        "lenient",
        file,
        (&lenient, ""),
        |name, result| match result {
            Ok(generated) => {
                assert!(!generated.warnings.is_empty(), "{name}: no warning");
                assert!(generated.dropped > 0 && generated.operations > 0, "{name}");
                for warning in &generated.warnings.diagnostics {
                    assert_eq!(warning.severity, Severity::Warning, "{name}: {warning}");
                    assert!(warning.note.is_some(), "{name}: no note in {warning}");
                    assert_eq!(warning.file, Path::new(name));
                }
                format!(
                    "{}\n{}\n\n{}",
                    generated.warnings,
                    generated.summary(),
                    generated.source
                )
            }
            Err(error) => panic!("{name} should generate in lenient mode, but:\n{error}"),
        },
    );
    snapshot_case("lenient", file, (&Config::new(), "_strict"), rejected);
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

#[test]
fn a_spec_whose_every_operation_drops_is_an_error_in_lenient_mode_too() {
    let lenient = Config::new().lenient(true).clone();
    snapshot_case(
        "bad",
        "every_operation_dropped.yaml",
        (&lenient, "_lenient"),
        rejected,
    );
}

#[test]
fn the_curated_spec_generates_the_same_code_without_warnings_in_lenient_mode() {
    let bytes = github_runners_tests::spec_bytes();
    let name = "spec/github-runners.yaml";
    let strict = Config::new().generate_with_warnings(&bytes, name).unwrap();
    let lenient = Config::new()
        .lenient(true)
        .generate_with_warnings(&bytes, name)
        .unwrap();
    assert!(strict.warnings.is_empty() && lenient.warnings.is_empty());
    assert_eq!(lenient.dropped, 0);
    assert_eq!(strict.source, lenient.source);
}
