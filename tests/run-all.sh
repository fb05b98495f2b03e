#!/usr/bin/env bash
# Runs every check and test of the project on a fresh machine. It installs what it needs:
# openapi-spec-validator from PyPI (pinned), Prism from npm (pinned by tests/contract's lockfile).
# Needs: cargo (stable), python3 with pip, Node.js with npm.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "spec: openapi-spec-validator and every example against its schema"
python3 -m pip install --quiet --disable-pip-version-check 'openapi-spec-validator==0.9.0'
python3 spec/validate.py spec/github-runners.yaml

step "contract tests: install the pinned Prism mock server"
if ! command -v npm >/dev/null 2>&1; then
  echo "error: npm (Node.js) is required for the Prism contract test; install Node.js 18+ and rerun" >&2
  exit 1
fi
npm ci --prefix tests/contract --no-audit --no-fund --loglevel=error

step "the declared rust-version is the toolchain these checks run with"
declared=$(sed -n 's/^rust-version = "\(.*\)"/\1/p' Cargo.toml)
actual=$(rustc --version | sed -E 's/^rustc ([0-9]+\.[0-9]+).*/\1/')
if [ "$declared" != "$actual" ]; then
  echo "error: Cargo.toml declares rust-version $declared but the checks run with rustc $actual;" >&2
  echo "       declare what is tested (or run the checks with $declared)" >&2
  exit 1
fi
echo "rust-version $declared, rustc $actual"

step "format, lints and docs"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked

step "tests (unit, snapshots, mock-server, contract, corpus)"
cargo test --workspace --locked --no-fail-fast

step "the CLI's standalone crate builds on its own"
out="target/standalone-client"
# No release of the runtime yet: the standalone crate uses the workspace's runtime by path.
cargo run --quiet --locked -p github-runners-codegen -- crate spec/github-runners.yaml --out "$out" --name github-runners-standalone --runtime-path runtime
log=$(CARGO_TARGET_DIR="$PWD/target" cargo build --manifest-path "$out/Cargo.toml" 2>&1) || { echo "$log"; exit 1; }
if grep -q '^warning' <<<"$log"; then echo "$log"; echo "error: the standalone crate builds with warnings" >&2; exit 1; fi

step "packaging: every public crate verifies from its .crate file; an outside crate uses the packaged client"
scripts/check-packaging.sh

step "all checks passed"
