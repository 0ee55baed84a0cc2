#!/usr/bin/env bash
# Fuzz the readers of untrusted input: `bash scripts/fuzz.sh [SECONDS] [TARGET…]` runs each target
# (all of them by default: front_matter record import_txt import_docx import_odt import_pdf
# search_query serve_path) for SECONDS (default 30) with libFuzzer through cargo-fuzz, starting
# from the seeds (real files of the repository, copied into fuzz/corpus/ by `fuzz/seeds.rs`).
# A crash is saved under fuzz/artifacts/<target>/ and the script exits non-zero; reproduce it with
# `cargo fuzz run <target> fuzz/artifacts/<target>/<file>` (with RUSTC_BOOTSTRAP=1 as below).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(front_matter record import_txt import_docx import_odt import_pdf search_query serve_path)
fi
command -v cargo-fuzz >/dev/null 2>&1 || cargo install --locked cargo-fuzz
# cargo-fuzz passes nightly-only flags (-Zsanitizer=address); the machine's one stable toolchain
# accepts them with RUSTC_BOOTSTRAP. Nothing of this reaches the product's build.
export RUSTC_BOOTSTRAP=1
(cd fuzz && cargo run --quiet --bin seeds)
for t in "${targets[@]}"; do
  echo "== $t: ${secs}s"
  # -timeout is per input: a damaged PDF whose cross-reference table pdf_oxide rebuilds takes
  # about 0.4 s in a release build and over 20 s under the fuzzer's sanitizer and coverage.
  cargo fuzz run "$t" "fuzz/corpus/$t" -- -max_total_time="$secs" -rss_limit_mb=4096 -timeout=60
done
