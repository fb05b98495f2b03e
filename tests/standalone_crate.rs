//! The CLI's standalone crate carries everything the generated code needs: every runtime file
//! and every dependency of the `github-runners` crate. (The test command also builds it.)

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a failed expectation fails the test"
)]

use github_runners_codegen::standalone::{DEPENDENCIES, crate_files};
use github_runners_tests::spec_bytes;
use std::path::{Path, PathBuf};

fn files() -> Vec<(PathBuf, String)> {
    crate_files(&spec_bytes(), "spec/github-runners.yaml", "my-runners")
        .unwrap_or_else(|error| panic!("{error}"))
}

#[test]
fn every_runtime_file_is_embedded() {
    let runtime = Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated/src/runtime");
    let files = files();
    for entry in std::fs::read_dir(runtime).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name == "tests.rs" {
            continue;
        }
        let wanted = Path::new("src/runtime").join(&name);
        assert!(
            files.iter().any(|(path, _)| *path == wanted),
            "runtime file {name} is not embedded"
        );
    }
}

#[test]
fn the_manifest_names_every_dependency_of_the_client_crate() {
    let manifest = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated/Cargo.toml"),
    )
    .unwrap();
    let section = manifest.split("[dependencies]").nth(1).unwrap();
    let section = section.split("\n[").next().unwrap();
    for line in section.lines().filter(|line| line.contains(".workspace")) {
        let name = line.split('.').next().unwrap().trim();
        assert!(
            DEPENDENCIES.iter().any(|(dep, _)| *dep == name),
            "{name} is missing from the standalone manifest"
        );
    }
    let files = files();
    let cargo_toml = &files
        .iter()
        .find(|(path, _)| path == Path::new("Cargo.toml"))
        .unwrap()
        .1;
    assert!(cargo_toml.contains("name = \"my-runners\""));
    assert!(cargo_toml.contains("edition = \"2024\""));
}

#[test]
fn the_test_module_is_not_declared_in_the_standalone_runtime() {
    let files = files();
    let module = &files
        .iter()
        .find(|(path, _)| path == Path::new("src/runtime/mod.rs"))
        .unwrap()
        .1;
    assert!(!module.contains("mod tests;"));
}
