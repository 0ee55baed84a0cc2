#!/usr/bin/env bash
# Same output from two minutebook binaries: builds the bundled site (with and without --drafts)
# and a generated 1,000-record archive with each, then compares the output folders with
# `diff -r`. Use it around a refactor that must not change what is written:
#
#   cargo build && cp target/debug/minutebook /tmp/mb-before     # on the old commit
#   cargo build && bash scripts/same-output.sh /tmp/mb-before target/debug/minutebook
#
# The generated archive is made by `minutebook-bench generate`, so both build the same input. Everything
# is written under a temporary folder that is removed at the end. Exits non-zero on any difference.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 OLD_BINARY NEW_BINARY" >&2
  exit 2
fi
old=$(realpath "$1")
new=$(realpath "$2")
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A fixed base URL and day, so nothing depends on when or where the script runs.
export TZ=UTC
site_copy() {
  mkdir -p "$2"
  cp -r "$repo/minutebook.yaml" "$repo/content" "$2/"
  [ -d "$repo/themes" ] && cp -r "$repo/themes" "$2/"
  return 0
}

status=0
compare() { # name dir extra-args...
  local name=$1 dir=$2
  shift 2
  "$old" build --quiet --root "$dir" --output "$work/$name.old" "$@" >/dev/null
  "$new" build --quiet --root "$dir" --output "$work/$name.new" "$@" >/dev/null
  if diff -r "$work/$name.old" "$work/$name.new" >"$work/$name.diff"; then
    echo "same: $name ($(find "$work/$name.new" -type f | wc -l) files)"
  else
    echo "DIFFERENT: $name" >&2
    head -40 "$work/$name.diff" >&2
    status=1
  fi
}

site_copy bundled "$work/bundled"
compare bundled "$work/bundled"
compare bundled-drafts "$work/bundled" --drafts --future

# The generator is the workspace member bench/ (not part of the minutebook binary).
(cd "$repo" && cargo run --quiet -p minutebook-bench -- generate "$work/generated" --records 1000 --seed 1) >/dev/null
compare generated "$work/generated"

exit $status
