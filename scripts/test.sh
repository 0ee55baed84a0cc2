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
step cargo fmt --all -- --check
step cargo clippy --workspace --all-targets --locked -- -D warnings
step cargo test --workspace --locked
if [ -f scripts/audit.sh ]; then
  # The binary `cargo test` built for the integration tests: `cargo run` would build another one,
  # its dependencies' features resolved for the package alone (about 3 minutes in CI).
  step env MINUTEBOOK_BIN="${CARGO_TARGET_DIR:-target}/debug/minutebook" bash scripts/audit.sh
fi
echo "test.sh: all steps passed in $SECONDS s" >&2
