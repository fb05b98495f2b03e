//! The command line: `check` and `generate` succeed on a good spec and exit 1 with the
//! located report on a bad or missing one.

#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn corpus(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/corpus")
        .join(path)
}

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_github-runners-codegen"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn check_accepts_a_good_spec() {
    let spec = corpus("good/refs_everywhere.yaml");
    let output = run(&["check".as_ref(), spec.as_os_str()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).ends_with(": ok\ngenerated 1 operation, dropped 0\n"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn check_and_generate_reject_a_bad_spec_with_the_report() {
    let spec = corpus("bad/many_errors.yaml");
    let out = std::env::temp_dir().join("cli-many-errors.rs");
    for args in [
        vec!["check".as_ref(), spec.as_os_str()],
        vec![
            "generate".as_ref(),
            spec.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ],
    ] {
        let output = run(&args);
        assert_eq!(output.status.code(), Some(1));
        let text = stderr(&output);
        assert!(
            text.contains("many_errors.yaml:8 at #/paths/~1orgs~1{org}/get/parameters/0"),
            "{text}"
        );
        assert!(text.contains("cookie parameter"), "{text}");
        assert!(text.ends_with("errors in the spec\n"), "{text}");
        assert!(!text.contains("panicked"), "{text}");
    }
    assert!(!out.exists());
}

#[test]
fn generate_writes_the_source() {
    let spec = corpus("good/multi_success.yaml");
    let out = std::env::temp_dir().join(format!("cli-multi-success-{}.rs", std::process::id()));
    let output = run(&[
        "generate".as_ref(),
        spec.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let source = std::fs::read_to_string(&out).unwrap();
    assert!(source.contains("pub enum GetJobResponse"));
    std::fs::remove_file(out).unwrap();
}

#[test]
fn a_missing_file_is_named() {
    let spec = corpus("bad/no-such-file.yaml");
    for command in ["check", "generate"] {
        let mut args = vec![command.as_ref(), spec.as_os_str()];
        if command == "generate" {
            args.extend([
                std::ffi::OsStr::new("-o"),
                std::ffi::OsStr::new("unused.rs"),
            ]);
        }
        let output = run(&args);
        assert_eq!(output.status.code(), Some(1));
        let text = stderr(&output);
        assert!(text.contains("error: cannot access"), "{text}");
        assert!(text.contains("no-such-file.yaml"), "{text}");
    }
}

#[test]
fn non_openapi_inputs_each_get_their_message() {
    for (file, message) in [
        ("bad/swagger2.yaml", "Swagger 2.0"),
        ("bad/openapi31.yaml", "OpenAPI 3.1.0"),
        ("bad/not_openapi.json", "no `openapi` field"),
        ("bad/empty.yaml", "the file is empty"),
        ("bad/binary.bin", "binary"),
    ] {
        let spec = corpus(file);
        let output = run(&["check".as_ref(), spec.as_os_str()]);
        assert_eq!(output.status.code(), Some(1), "{file}");
        assert!(
            stderr(&output).contains(message),
            "{file}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn crate_depends_on_the_runtime_by_version_or_at_a_path() {
    let spec = corpus("good/refs_everywhere.yaml");
    let out = std::env::temp_dir().join(format!("cli-crate-{}", std::process::id()));
    let runtime = Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime");
    let manifest = |extra: &[&std::ffi::OsStr]| {
        let mut args = vec![
            "crate".as_ref(),
            spec.as_os_str(),
            "--out".as_ref(),
            out.as_os_str(),
            "--name".as_ref(),
            "refs-client".as_ref(),
        ];
        args.extend(extra);
        let output = run(&args);
        assert!(output.status.success(), "{}", stderr(&output));
        std::fs::read_to_string(out.join("Cargo.toml")).unwrap()
    };
    let released = manifest(&[]);
    assert!(
        released.contains(&format!(
            "\ngithub-runners-runtime = \"{}\"\n",
            env!("CARGO_PKG_VERSION")
        )),
        "{released}"
    );
    let local = manifest(&["--runtime-path".as_ref(), runtime.as_os_str()]);
    let absolute = std::path::absolute(&runtime).unwrap();
    assert!(
        local.contains(&format!(
            "\ngithub-runners-runtime = {{ path = {:?} }}\n",
            absolute.display().to_string()
        )),
        "{local}"
    );
    assert!(!out.join("src/runtime").exists());
    std::fs::remove_dir_all(out).unwrap();
}

#[test]
fn lenient_check_warns_drops_and_sums_up() {
    let spec = corpus("lenient/dangling_ref_in_operation.yaml");
    let output = run(&["check".as_ref(), spec.as_os_str(), "--lenient".as_ref()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stderr(&output);
    assert!(
        text.starts_with("warning: `$ref: #/components/schemas/new_pet` points to nothing"),
        "{text}"
    );
    assert!(
        text.contains("= note: dropped operation `create-pet`"),
        "{text}"
    );
    assert!(
        text.ends_with(": ok\ngenerated 1 operation, dropped 1\n"),
        "{text}"
    );
    let strict = run(&["check".as_ref(), spec.as_os_str()]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(stderr(&strict).ends_with("1 error in the spec\n"));
}

#[test]
fn lenient_mode_fails_when_every_operation_drops() {
    let spec = corpus("bad/every_operation_dropped.yaml");
    let output = run(&["check".as_ref(), spec.as_os_str(), "--lenient".as_ref()]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.contains("every operation of the spec was dropped (2 in all)"),
        "{text}"
    );
    assert!(text.ends_with("3 errors in the spec\n"), "{text}");
}

#[test]
fn methods_are_grouped_when_flat_names_collide_with_a_note_or_as_chosen() {
    let spec = corpus("good/grouped_methods.yaml");
    let out = std::env::temp_dir().join(format!("cli-grouped-{}.rs", std::process::id()));
    let generate = |layout: Option<&str>| {
        let mut args = vec![
            "generate".as_ref(),
            spec.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ];
        if let Some(layout) = layout {
            args.extend::<[&std::ffi::OsStr; 2]>(["--methods".as_ref(), layout.as_ref()]);
        }
        let output = run(&args);
        let source = std::fs::read_to_string(&out).unwrap_or_default();
        let _ = std::fs::remove_file(&out);
        (output, source)
    };

    // The default: grouped, and a note that says why and how to choose.
    let (output, source) = generate(None);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stderr(&output);
    assert!(
        text.starts_with("note: 3 operations would share a method name if methods were flat"),
        "{text}"
    );
    assert!(text.contains("--methods grouped"), "{text}");
    assert!(source.contains("pub fn actions(&self) -> groups::Actions<'_>"));

    // Chosen explicitly: the same code, no note.
    let (output, explicit) = generate(Some("grouped"));
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!stderr(&output).contains("note:"), "{}", stderr(&output));
    assert_eq!(explicit, source);

    // Flat: the collisions are errors.
    let (output, _) = generate(Some("flat"));
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.contains("would both be the method `get_repo_secret`"),
        "{text}"
    );

    // Not a layout: a usage error.
    let (output, _) = generate(Some("tree"));
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("auto, flat or grouped"),
        "{}",
        stderr(&output)
    );
}
