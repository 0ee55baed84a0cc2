#!/usr/bin/env bash
# The test command: formatting, lints, the Rust test suite (unit, integration, the search
# end-to-end and UI tests in headless Chromium, the latter through node and playwright-core), then
# the accessibility and HTML audit of the bundled site.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --workspace --locked
if [ -f scripts/audit.sh ]; then
  bash scripts/audit.sh
fi
