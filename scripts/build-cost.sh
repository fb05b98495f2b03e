#!/usr/bin/env bash
# Build costs of the `github-runners` crate, as every user pays them:
#   1. a clean build (dev profile), with the build script's own run time;
#   2. a rebuild after touching the spec (mtime only);
#   3. a rebuild after changing one description in the spec;
#   4. a no-op rebuild, which must not run the build script (cargo -v says "Fresh");
#   5. the build script alone, run 10 times at the opt-level cargo gives it by default (0);
#   6. duplicate crate versions in the build (`cargo tree -d`).
# It works on a throwaway copy of the repository under /tmp with its own CARGO_TARGET_DIR,
# so it neither disturbs nor is disturbed by a checkout in use. Usage:
#   scripts/build-cost.sh            # all of it
#   RUNS=20 scripts/build-cost.sh    # more runs of the build script alone
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d /tmp/build-cost.XXXXXX)"
trap 'rm -rf "$work"' EXIT
runs="${RUNS:-10}"
export CARGO_TARGET_DIR="$work/target"
export CARGO_TERM_COLOR=never

git -C "$repo" archive --format=tar HEAD | tar -x -C "$work" --one-top-level=src
cd "$work/src"
spec=spec/github-runners.yaml
log="$work/log"

seconds() { /usr/bin/time -f '%e' -o "$work/t" "$@" >"$log" 2>&1 || { cat "$log"; exit 1; }; cat "$work/t"; }

# The build script's run time as cargo's --timings reports it (unit "github-runners" run-custom-build).
script_time() {
    python3 - "$CARGO_TARGET_DIR"/cargo-timings/cargo-timing.html <<'PY'
import json, re, sys
html = open(sys.argv[1]).read()
m = re.search(r"const UNIT_DATA = (\[.*?\]);\n", html, re.S)
units = json.loads(m.group(1)) if m else []
for u in units:
    if u["name"] == "github-runners" and u.get("target", "").strip() in ("build script (run)", "build-script (run)"):
        print("%.3f" % u["duration"]); break
else:
    print("n/a (not run)")
PY
}

reran() { if grep -q 'Running `.*github-runners-[0-9a-f]*/build-script-build`' "$log"; then echo "ran"; else echo "did not run (Fresh)"; fi; }

echo "== machine"; uname -srm; lscpu | grep -E 'Model name|^CPU\(s\)'; cargo --version; rustc --version
cargo fetch -q

echo "== 1. clean build of github-runners (dev)"
t=$(seconds cargo build -p github-runners --timings -v)
echo "wall ${t} s; build script run $(script_time) s (from --timings); build script $(reran)"

echo "== 2. rebuild after touching the spec"
sleep 1; touch "$spec"
t=$(seconds cargo build -p github-runners --timings -v)
echo "wall ${t} s; build script run $(script_time) s; build script $(reran)"

echo "== 3. rebuild after changing one description in the spec"
python3 - "$spec" <<'PY'
import sys
p = sys.argv[1]; s = open(p).read()
old = "description: Identifier of the self-hosted runner."
assert old in s, "the description to change is not in the spec"
open(p, "w").write(s.replace(old, old[:-1] + " (changed).", 1))
PY
t=$(seconds cargo build -p github-runners --timings -v)
echo "wall ${t} s; build script run $(script_time) s; build script $(reran)"

echo "== 4. no-op rebuild"
t=$(seconds cargo build -p github-runners -v)
echo "wall ${t} s; build script $(reran)"

echo "== 5. the build script alone (opt-level 0, as built by cargo), $runs runs"
script=$(ls -t "$CARGO_TARGET_DIR"/debug/build/github-runners-*/build-script-build | head -1)
out="$work/out"; mkdir -p "$out"
( cd generated
  for _ in $(seq "$runs"); do
      /usr/bin/time -f '%e %M' -a -o "$work/runs" env OUT_DIR="$out" "$script" >/dev/null
  done )
sort -n "$work/runs" | awk '{t[NR]=$1; m=$2>m?$2:m} END {printf "median %.3f s, min %.3f s, max %.3f s, peak RSS %d KiB\n", t[int((NR+1)/2)], t[1], t[NR], m}'

echo "== 6. duplicate crates (normal and build dependencies of github-runners)"
cargo tree -d -e normal,build -p github-runners --depth 0 2>/dev/null | grep -v '^$' | sort | uniq -c || true
echo "(the same version twice is one copy for the build script and one for the library)"
