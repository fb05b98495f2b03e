//! The complete generated source for the curated spec, as an insta snapshot: the reviewable
//! diff of generated code. A spec or generator change without an accepted snapshot fails here;
//! review it with `cargo insta review`.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a failed expectation fails the test"
)]

use github_runners_tests::spec_bytes;

#[test]
fn curated_spec_generates_the_reviewed_client() {
    let source = github_runners_codegen::generate(&spec_bytes(), "spec/github-runners.yaml")
        .unwrap_or_else(|error| panic!("{error}"));
    insta::assert_snapshot!("github_runners", source);
}

#[test]
fn generation_is_deterministic() {
    let generate = || {
        github_runners_codegen::generate(&spec_bytes(), "spec/github-runners.yaml")
            .unwrap_or_else(|error| panic!("{error}"))
    };
    let first = generate();
    assert!(!first.is_empty());
    assert_eq!(first, generate());
}
