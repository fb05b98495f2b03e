#!/usr/bin/env bash
# Packages every crate meant for users and checks them as a crates.io user would get them:
#
# 1. `cargo package` builds each of them from its own .crate file alone (verification), in
#    dependency order, through cargo's temporary local registry;
# 2. prints each package's size and file count (`cargo package --list`);
# 3. builds a crate outside the workspace that depends on the packaged client (and, through
#    [patch.crates-io], on the packaged runtime and generator), so the client is generated
#    from the spec the package carries; then checks that the generated source has the
#    operations and that no file of this checkout was read for it.
#
# Run from anywhere; part of tests/run-all.sh. Needs cargo and the crates.io registry.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
crates=(github-runners-runtime github-runners-codegen github-runners github-runners-fake)
version=$(cargo metadata --format-version 1 --no-deps |
  python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"]=="github-runners"))')

excludes=()
for test_crate in github-runners-tests github-runners-corpus-check; do excludes+=(--exclude "$test_crate"); done
cargo package --workspace "${excludes[@]}" --locked --allow-dirty

for crate in "${crates[@]}"; do
  file="target/package/$crate-$version.crate"
  count=$(cargo package --list --allow-dirty -p "$crate" | wc -l)
  printf '%-26s %8s bytes, %3s files\n' "$crate" "$(stat -c %s "$file")" "$count"
done

outside="$root/target/packaging-user"
rm -rf "$outside"
mkdir -p "$outside/src"
cat >"$outside/Cargo.toml" <<TOML
[package]
name = "packaging-user"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
github-runners = "$version"

# The packaged crates, unpacked by cargo package's verification, stand for crates.io.
[patch.crates-io]
github-runners = { path = "$root/target/package/github-runners-$version" }
github-runners-runtime = { path = "$root/target/package/github-runners-runtime-$version" }
github-runners-codegen = { path = "$root/target/package/github-runners-codegen-$version" }

# Not a member of this repository's workspace.
[workspace]
TOML
cat >"$outside/src/main.rs" <<'RUST'
//! Uses the packaged client as a crates.io user would.
fn main() -> Result<(), github_runners::Error> {
    let client = github_runners::Client::builder().token("ghp_example").build()?;
    // Built, not sent: the request exists only if the generated operation does.
    let _request = client.generate_runner_jitconfig_for_org(
        "octo-org",
        "runner-1",
        github_runners::RunnerGroupId(1),
        vec!["self-hosted".to_owned()],
    );
    println!("the packaged client builds and generates");
    Ok(())
}
RUST
CARGO_TARGET_DIR="$outside/target" cargo build --quiet --manifest-path "$outside/Cargo.toml"
"$outside/target/debug/packaging-user"
generated=$(find "$outside/target/debug/build" -path '*github-runners-*/out/github_runners.rs' | head -n 1)
[ -n "$generated" ] || { echo "error: no generated source in the outside crate's build" >&2; exit 1; }
grep -q 'pub fn generate_runner_jitconfig_for_org' "$generated"
# The package carries the spec as a file (the repository's is a symlink to spec/), and the
# build script reads it relative to the package's root.
packaged_spec="$root/target/package/github-runners-$version/spec/github-runners.yaml"
[ -f "$packaged_spec" ] && [ ! -L "$packaged_spec" ] || { echo "error: the package lacks its spec file" >&2; exit 1; }
cmp -s "$packaged_spec" spec/github-runners.yaml || { echo "error: the packaged spec differs from spec/" >&2; exit 1; }
grep -qx 'cargo:rerun-if-changed=spec/github-runners.yaml' "$outside"/target/debug/build/github-runners-*/output
echo "packaging: every crate verifies; an outside crate builds the client from the packaged spec"
