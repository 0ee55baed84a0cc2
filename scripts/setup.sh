#!/usr/bin/env bash
# Install what the test suite needs beyond the Rust toolchain: Debian's Chromium (the search
# end-to-end and UI tests and the accessibility audit), a Java runtime (the Nu HTML Checker), node,
# and the npm packages of tests/a11y (playwright-core for tests/testsuite/search_ui.rs and the audit,
# axe-core, vnu-jar) from the lock file, and a C compiler if there is none (mimalloc and libdeflate
# are built from C). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
command -v cc >/dev/null 2>&1 || need+=(gcc)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
if [ -f tests/a11y/package-lock.json ]; then
  (cd tests/a11y && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
