#!/usr/bin/env bash
# The test command: formatting, lints, the Rust test suite (unit, integration, the search
# end-to-end and UI tests in headless Chromium, the latter through node and playwright-core), then
# the accessibility and HTML audit of the bundled site. Each step prints how long it took.
set -euo pipefail
cd "$(dirname "$0")/.."
step() {
  local start=$SECONDS
  "$@"
  echo "test.sh: $* — $((SECONDS - start)) s" >&2
}
# The tests' temporary folders (tempfile, the browsers' profiles) go to a folder of their own in
# /dev/shm when it is a writable tmpfs and TMPDIR is not set: the suite writes and deletes many
# thousands of files, and on this machine's ext4 creating them (inode allocation skipping recently
# deleted inodes, under perf) took about a third of a build's CPU time; the `site::` tests ran in
# 27 s instead of 56 s. The folder is removed at the end. Only with 2 GB free there: a
# container's /dev/shm is often 64 MB, too small for the suite's generated archives.
shm_free_kb() { df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 { print $4 }'; }
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ] && [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] \
  && [ "$(shm_free_kb)" -gt 2000000 ]; then
  TMPDIR=$(mktemp -d /dev/shm/minutebook-test.XXXXXX)
  export TMPDIR
  trap 'rm -rf "$TMPDIR"' EXIT
fi
step cargo fmt --all -- --check
step cargo clippy --workspace --all-targets --locked -- -D warnings
step cargo test --workspace --locked
if [ -f scripts/audit.sh ]; then
  # The binary `cargo test` built for the integration tests: `cargo run` would build another one,
  # its dependencies' features resolved for the package alone (about 3 minutes in CI).
  step env MINUTEBOOK_BIN="${CARGO_TARGET_DIR:-target}/debug/minutebook" bash scripts/audit.sh
fi
echo "test.sh: all steps passed in $SECONDS s" >&2
