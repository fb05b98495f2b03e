//! Generates the API from `spec/github-runners.yaml` into `$OUT_DIR/github_runners.rs`.
//!
//! `spec/github-runners.yaml` in this crate is a symlink to the workspace's `spec/`, the one
//! place where the spec is edited; `cargo package` stores the file itself, so the published
//! crate generates from the spec it carries.
//!
//! Cargo reruns this only when the spec changes (the generator prints
//! `cargo:rerun-if-changed` for the spec and nothing else); the output file is only rewritten
//! when its bytes change. A bad spec fails the build with the generator's located report.

fn main() {
    let spec = "spec/github-runners.yaml";
    if let Err(error) = github_runners_codegen::Config::new().generate(spec) {
        eprintln!("{error}");
        std::process::exit(1);
    }
}
