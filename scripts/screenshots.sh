#!/usr/bin/env bash
# Screenshots of the bundled site's record, unit, topic, year, home and search pages at 1280 px and
# 390×844, light and dark, in headless Chromium (issue 19). Writes target/screenshots/*.png; with
# --readme it also copies the two the README shows into docs/screenshots/.
# Needs what scripts/setup.sh installs (chromium, node, tests/a11y's npm packages) and a CJK font
# (Debian's fonts-noto-cjk, installed here when missing), without which Chinese text shows as boxes.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! fc-list :lang=zh-tw 2>/dev/null | grep -q .; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-noto-cjk >/dev/null
fi
repo=$(pwd)
a11y="$repo/tests/a11y"
if [ ! -d "$a11y/node_modules/playwright-core" ]; then
  (cd "$a11y" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
target="${CARGO_TARGET_DIR:-$repo/target}"
site="$target/screenshots-site"
cargo run --quiet -- build --root "$repo" --output "$site"
node "$a11y/screenshots.mjs" "$site" "$target/screenshots"
if [ "${1:-}" = "--readme" ]; then
  mkdir -p docs/screenshots
  cp "$target/screenshots/record-1280-light.png" docs/screenshots/record-1280-light.png
  cp "$target/screenshots/search-390-dark.png" docs/screenshots/search-390-dark.png
  echo "copied two screenshots into docs/screenshots/"
fi
