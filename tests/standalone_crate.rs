//! The CLI's standalone crate: the generated API, with the runtime as a dependency (never a
//! copy) and every crate the generated code names. (The test command also builds it.)

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a failed expectation fails the test"
)]

use github_runners_codegen::Config;
use github_runners_codegen::standalone::{
    DEPENDENCIES, RUNTIME_PACKAGE, RUNTIME_VERSION, RuntimeDependency, crate_files,
};
use github_runners_tests::spec_bytes;
use std::path::{Path, PathBuf};

fn files(runtime: &RuntimeDependency) -> Vec<(PathBuf, String)> {
    crate_files(
        &Config::new(),
        &spec_bytes(),
        "spec/github-runners.yaml",
        "my-runners",
        runtime,
    )
    .map(|written| written.files)
    .unwrap_or_else(|error| panic!("{error}"))
}

fn file<'a>(files: &'a [(PathBuf, String)], path: &str) -> &'a str {
    &files
        .iter()
        .find(|(file, _)| file == Path::new(path))
        .unwrap_or_else(|| panic!("no {path}"))
        .1
}

fn manifest(crate_dir: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(crate_dir)
            .join("Cargo.toml"),
    )
    .unwrap()
}

#[test]
fn the_runtime_is_a_dependency_of_the_generators_version() {
    let files = files(&RuntimeDependency::Registry);
    let paths: Vec<&Path> = files.iter().map(|(path, _)| path.as_path()).collect();
    assert_eq!(
        paths,
        [
            Path::new("Cargo.toml"),
            Path::new("src/lib.rs"),
            Path::new("src/api.rs")
        ]
    );
    let cargo_toml = file(&files, "Cargo.toml");
    assert!(
        cargo_toml.contains(&format!("\n{RUNTIME_PACKAGE} = \"{RUNTIME_VERSION}\"\n")),
        "{cargo_toml}"
    );
    // The runtime released with this generator is the one it depends on.
    let runtime_manifest = manifest("../runtime");
    assert!(
        runtime_manifest.contains(&format!("\nname = \"{RUNTIME_PACKAGE}\"\n")),
        "{runtime_manifest}"
    );
    // Its version is the workspace's one version, which the generator shares.
    assert!(
        runtime_manifest.contains("\nversion.workspace = true\n"),
        "{runtime_manifest}"
    );
    let workspace_manifest = manifest("..");
    assert!(
        workspace_manifest.contains(&format!("\nversion = \"{RUNTIME_VERSION}\"\n")),
        "{workspace_manifest}"
    );
    assert!(file(&files, "src/lib.rs").contains("pub use github_runners_runtime as runtime;"));
}

#[test]
fn a_runtime_path_becomes_a_path_dependency() {
    let files = files(&RuntimeDependency::Path(PathBuf::from(
        "/src/my \"runtime\"",
    )));
    let cargo_toml = file(&files, "Cargo.toml");
    assert!(
        cargo_toml.contains(&format!(
            "\n{RUNTIME_PACKAGE} = {{ path = \"/src/my \\\"runtime\\\"\" }}\n"
        )),
        "{cargo_toml}"
    );
}

#[test]
fn the_manifest_names_every_dependency_of_the_client_crate() {
    let manifest = manifest("../generated");
    let section = manifest.split("[dependencies]").nth(1).unwrap();
    let section = section.split("\n[").next().unwrap();
    let mut checked = 0;
    for line in section.lines().filter(|line| line.contains(".workspace")) {
        let name = line.split('.').next().unwrap().trim();
        assert!(
            DEPENDENCIES.iter().any(|(dep, _)| *dep == name),
            "{name} is missing from the standalone manifest"
        );
        checked += 1;
    }
    assert_eq!(checked, DEPENDENCIES.len(), "{section}");
    let files = files(&RuntimeDependency::Registry);
    let cargo_toml = file(&files, "Cargo.toml");
    assert!(cargo_toml.contains("name = \"my-runners\""));
    assert!(cargo_toml.contains("edition = \"2024\""));
}
