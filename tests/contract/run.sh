#!/bin/sh
# Contract tests of the generated client against Prism (see README.md next to this file).
#
# Installs the pinned Prism (npm ci) and runs the Rust tests that start Prism on a free
# port of 127.0.0.1, call all 72 operations (the 71 runner operations and the rate-limit status) (example and dynamic responses) and run the
# examples. Extra arguments are passed to `cargo test`.
set -eu
cd "$(dirname "$0")/../.."

if ! command -v node >/dev/null 2>&1; then
    echo "error: Node.js (node) is not on PATH; the contract tests need it (>= 18.20) to run Prism." >&2
    exit 1
fi
if ! command -v npm >/dev/null 2>&1; then
    echo "error: npm is not on PATH; the contract tests need it to install Prism (npm ci --prefix tests/contract)." >&2
    exit 1
fi

npm ci --prefix tests/contract --no-audit --no-fund
cargo test -p github-runners-tests --test contract --test examples "$@"
