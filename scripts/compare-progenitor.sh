#!/usr/bin/env bash
# Paired build costs of this project against progenitor 0.15.1 on the same spec, and the
# generator on GitHub's complete description. Not part of the test command: it takes minutes.
#
#   scripts/compare-progenitor.sh            # both parts
#   scripts/compare-progenitor.sh curated    # only the paired table on spec/github-runners.yaml
#   scripts/compare-progenitor.sh ghec       # only GitHub's whole description (ghec.json)
#   RUNS=21 scripts/compare-progenitor.sh    # more paired rounds (default 11)
#   GHEC_CHECK=0 scripts/compare-progenitor.sh ghec   # without `cargo check` of the 350k-line
#                                            # crate (about 20 minutes on two busy cores)
#
# Everything lives under target/compare-progenitor/ (one CARGO_TARGET_DIR for both sides):
#   ours/        `git archive HEAD` of this repository (uncommitted changes are not measured);
#   progenitor/  a throwaway crate whose build script runs progenitor on a copy of the same
#                spec, read with serde_yaml and formatted with prettyplease (progenitor's
#                documented build.rs, with YAML instead of JSON);
#   ghec/        `npm pack @octokit/openapi` and its generated/ghec.json (never committed).
# Paired means: each round runs both sides back to back, alternating which goes first, so both
# see the same machine load; the figures are medians over the rounds. Needs cargo, valgrind
# (instruction counts) and npm (ghec.json only).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$repo/target/compare-progenitor"
runs="${RUNS:-11}"
part="${1:-all}"
octokit_openapi="23.0.2" # the npm package version that ships generated/ghec.json
export CARGO_TARGET_DIR="$work/target"
export CARGO_TERM_COLOR=never
ours="$work/ours"
theirs="$work/progenitor"
mkdir -p "$work"

# Wall seconds of a command (its output goes to $work/log; a failure prints it and stops).
seconds() {
    local start=$EPOCHREALTIME
    "$@" >"$work/log" 2>&1 || { cat "$work/log"; exit 1; }
    echo "$EPOCHREALTIME $start" | awk '{printf "%.4f\n", $1 - $2}'
}

# Median of the numbers on stdin.
median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

# `paired NAME OURS_COMMAND THEIRS_COMMAND`: $runs rounds, alternating which side goes first;
# prints the medians and the ratio ours / theirs.
paired() {
    local name=$1 ours_cmd=$2 theirs_cmd=$3 round
    : >"$work/ours.t"; : >"$work/theirs.t"
    for round in $(seq "$runs"); do
        if (( round % 2 )); then
            seconds bash -c "$ours_cmd" >>"$work/ours.t"; seconds bash -c "$theirs_cmd" >>"$work/theirs.t"
        else
            seconds bash -c "$theirs_cmd" >>"$work/theirs.t"; seconds bash -c "$ours_cmd" >>"$work/ours.t"
        fi
    done
    local a b
    a=$(median <"$work/ours.t"); b=$(median <"$work/theirs.t")
    printf '| %s | %.0f ms | %.0f ms | %.2f× |\n' "$name" "$(echo "$a*1000" | bc)" "$(echo "$b*1000" | bc)" "$(echo "$a/$b" | bc -l)"
}

# The newest build-script binary of a package (as cargo built it: opt-level 0).
build_script() { ls -t "$CARGO_TARGET_DIR"/debug/build/"$1"-*/build-script-build | head -1; }
# The OUT_DIR cargo gave a package's build script (the one holding `file`).
out_file() { ls -t "$CARGO_TARGET_DIR"/debug/build/"$1"-*/out/"$2" | head -1; }

# Instructions executed by a command (callgrind's total), in millions.
instructions() {
    valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" "$@" >/dev/null 2>"$work/log" \
        || { cat "$work/log"; exit 1; }
    awk '/^(summary|totals):/ {printf "%.0f\n", $2 / 1e6; exit}' "$work/callgrind.out"
}

prepare_ours() {
    rm -rf "$ours"; mkdir -p "$ours"
    git -C "$repo" archive --format=tar HEAD | tar -x -C "$ours"
    echo "ours: $(git -C "$repo" rev-parse --short HEAD) ($(git -C "$repo" log -1 --format=%cd --date=iso-strict))"
}

prepare_theirs() {
    mkdir -p "$theirs/src"
    cat >"$theirs/Cargo.toml" <<'TOML'
# Throwaway: progenitor 0.15.1 from a build script. Its own workspace (it lives under target/).
[package]
name = "progenitor-side"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]

[dependencies]
progenitor-client = "=0.15.1"
reqwest = { version = "0.13", default-features = false, features = ["json", "query", "stream", "rustls"] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
futures = "0.3"
chrono = { version = "0.4", default-features = false, features = ["serde", "std", "clock"] }

[build-dependencies]
progenitor = { version = "=0.15.1", default-features = false }
openapiv3 = "2.2"
serde_yaml = "0.9"
syn = { version = "3", default-features = false, features = ["full", "parsing", "printing"] }
prettyplease = "0.3"
TOML
    cat >"$theirs/build.rs" <<'RUST'
// progenitor's documented build.rs, reading the spec with serde_yaml.
fn main() {
    let spec = "spec.yaml";
    println!("cargo:rerun-if-changed={spec}");
    let text = std::fs::read_to_string(spec).unwrap();
    let spec: openapiv3::OpenAPI = serde_yaml::from_str(&text).unwrap();
    let tokens = progenitor::Generator::default().generate_tokens(&spec).unwrap();
    let ast = syn::parse2(tokens).unwrap();
    let content = prettyplease::unparse(&ast);
    let out = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("codegen.rs");
    std::fs::write(out, content).unwrap();
}
RUST
    printf '#![allow(warnings)]\ninclude!(concat!(env!("OUT_DIR"), "/codegen.rs"));\n' >"$theirs/src/lib.rs"
    cp "$ours/spec/github-runners.yaml" "$theirs/spec.yaml"
}

curated() {
    echo "== curated spec: this project (build script of github-runners) vs progenitor 0.15.1"
    prepare_ours
    prepare_theirs
    local build_ours="cd '$ours' && cargo build -p github-runners"
    local build_theirs="cd '$theirs' && cargo build"
    echo "first builds (not timed): $build_ours; $build_theirs"
    seconds bash -c "$build_ours" >/dev/null
    seconds bash -c "$build_theirs" >/dev/null

    local script_ours script_theirs
    script_ours=$(build_script github-runners); script_theirs=$(build_script progenitor-side)
    echo "lines emitted: this project $(wc -l <"$(out_file github-runners github_runners.rs)"), progenitor $(wc -l <"$(out_file progenitor-side codegen.rs)")"
    # First run: an empty OUT_DIR each time (a clean build). After an edit: the OUT_DIR of the
    # last run (where this project keeps its format cache) and a spec with one summary changed.
    local cold_ours="rm -rf '$work/cold-ours' && mkdir '$work/cold-ours' && cd '$ours/generated' && OUT_DIR='$work/cold-ours' '$script_ours'"
    local cold_theirs="rm -rf '$work/cold-theirs' && mkdir '$work/cold-theirs' && cd '$theirs' && OUT_DIR='$work/cold-theirs' '$script_theirs'"
    mkdir -p "$work/out-ours" "$work/out-theirs"
    local summary="summary: List self-hosted runners for an organization"
    grep -q "$summary\$" "$ours/spec/github-runners.yaml" || { echo "the summary to edit is not in the spec" >&2; exit 1; }
    # Each edit gives the summary a new text: "(edit N)".
    local edit="n=\$((\$(cat '$work/edits' 2>/dev/null || echo 0) + 1)); echo \$n >'$work/edits'"
    local edit_ours="$edit; sed -i 's/^\\(      $summary\\).*/\\1 (edit '\$n')/' '$ours/spec/github-runners.yaml'"
    local edit_theirs="$edit; sed -i 's/^\\(      $summary\\).*/\\1 (edit '\$n')/' '$theirs/spec.yaml'"
    local run_ours="cd '$ours/generated' && OUT_DIR='$work/out-ours' '$script_ours'"
    local run_theirs="cd '$theirs' && OUT_DIR='$work/out-theirs' '$script_theirs'"
    bash -c "$run_ours" >/dev/null # leaves the cache of an unedited spec
    echo
    echo "| figure (median of $runs paired runs) | this project | progenitor | ratio |"
    echo "|---|---|---|---|"
    paired "the build script alone, first run (empty OUT_DIR)" "$cold_ours" "$cold_theirs"
    paired "the build script alone, after editing one operation's summary" \
        "$edit_ours && $run_ours" "$edit_theirs && $run_theirs"
    local i_ours i_theirs
    i_ours=$(rm -rf "$work/cold-ours" && mkdir "$work/cold-ours" && cd "$ours/generated" && OUT_DIR="$work/cold-ours" instructions "$script_ours")
    i_theirs=$(cd "$theirs" && OUT_DIR="$work/out-theirs" instructions "$script_theirs")
    printf '| instructions in the build script, first run | %s M | %s M | %.2f× |\n' "$i_ours" "$i_theirs" "$(echo "$i_ours/$i_theirs" | bc -l)"
    bash -c "$edit_ours; $edit_theirs"
    i_ours=$(cd "$ours/generated" && OUT_DIR="$work/out-ours" instructions "$script_ours")
    i_theirs=$(cd "$theirs" && OUT_DIR="$work/out-theirs" instructions "$script_theirs")
    printf '| instructions in the build script, after an edit | %s M | %s M | %.2f× |\n' "$i_ours" "$i_theirs" "$(echo "$i_ours/$i_theirs" | bc -l)"
    paired "rebuild after editing one operation's summary (cargo build)" \
        "$edit_ours && $build_ours" "$edit_theirs && $build_theirs"
    paired "rebuild of the client crate alone (no build-script run)" \
        "touch '$ours/generated/src/lib.rs' && $build_ours" \
        "touch '$theirs/src/lib.rs' && $build_theirs"
    echo
    echo "commands: build script alone = \`OUT_DIR=… <target>/debug/build/<crate>-*/build-script-build\` in the crate's directory;"
    echo "instructions = \`valgrind --tool=callgrind\` on that; rebuilds = \`cargo build -p github-runners\` / \`cargo build\` (dev profile)"
    echo "after \`sed\` on the summary of actions/list-self-hosted-runners-for-org, or after \`touch src/lib.rs\`."
}

ghec() {
    echo "== GitHub's complete description: @octokit/openapi@$octokit_openapi generated/ghec.json"
    [[ -d "$ours" ]] || prepare_ours
    local dir="$work/ghec"
    mkdir -p "$dir"
    if [[ ! -f "$dir/package/generated/ghec.json" ]]; then
        (cd "$dir" && npm pack --silent "@octokit/openapi@$octokit_openapi" >/dev/null \
            && tar -xzf "octokit-openapi-$octokit_openapi.tgz" package/generated/ghec.json)
    fi
    local spec="$dir/package/generated/ghec.json"
    python3 - "$spec" <<'PY'
import json, sys
spec = json.load(open(sys.argv[1], encoding="utf-8"))
methods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
count = sum(1 for item in spec["paths"].values() for method in item if method in methods)
print(f"{count} operations, OpenAPI {spec['openapi']}")
PY
    (cd "$ours" && cargo build -q --release -p github-runners-codegen && cargo build -q -p github-runners-codegen)
    local release="$CARGO_TARGET_DIR/release/github-runners-codegen" dev="$CARGO_TARGET_DIR/debug/github-runners-codegen"
    if ! "$release" check "$spec" >"$work/ghec-check.log" 2>&1; then
        # Until the generator takes every request body kind, measure without the operations'
        # bodies it cannot generate (a derived file under target/, never committed).
        echo "the generator stops on ghec.json as published: $(tail -n 1 "$work/ghec-check.log")"
        grep '^error' "$work/ghec-check.log" | sort | uniq -c
        python3 - "$spec" "$dir/ghec-json-bodies.json" <<'PY'
import json, sys
spec = json.load(open(sys.argv[1], encoding="utf-8"))
dropped = 0
for item in spec["paths"].values():
    for operation in item.values():
        content = operation.get("requestBody", {}).get("content", {}) if isinstance(operation, dict) else {}
        if content and not any("json" in media for media in content):
            del operation["requestBody"]
            dropped += 1
json.dump(spec, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
print(f"measured on a copy without the {dropped} request bodies that are not JSON")
PY
        spec="$dir/ghec-json-bodies.json"
    fi
    rm -rf "$dir/client"
    local t
    t=$(seconds "$release" crate "$spec" --out "$dir/client" --name ghec-client --runtime-path "$ours/runtime")
    echo "generation, release CLI: $t s  (github-runners-codegen crate ghec.json --out DIR --name ghec-client --runtime-path RUNTIME)"
    cat "$work/log"
    t=$(seconds "$dev" generate "$spec" -o "$dir/api-opt-level-0.rs")
    echo "generation at opt-level 0 (the dev-profile CLI: the generator built as a build script builds it): $t s"
    echo "lines emitted: $(wc -l <"$dir/client/src/api.rs")"
    if [[ "${GHEC_CHECK:-1}" == 0 ]]; then
        echo "cargo check of the generated crate: skipped (GHEC_CHECK=0)"
        return
    fi
    t=$(seconds bash -c "cd '$dir/client' && cargo check")
    echo "cargo check of the generated crate, first (its dependencies checked too): $t s"
    t=$(seconds bash -c "cd '$dir/client' && touch src/lib.rs && cargo check")
    echo "cargo check of the generated crate alone (after touch src/lib.rs): $t s"
}

echo "== machine: $(uname -srm); $(nproc) CPUs; $(cargo --version); load $(cut -d' ' -f1-3 /proc/loadavg)"
case "$part" in
    curated) curated ;;
    ghec) ghec ;;
    all) curated; echo; ghec ;;
    *) echo "usage: $0 [curated|ghec|all]" >&2; exit 2 ;;
esac
