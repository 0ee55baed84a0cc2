#!/usr/bin/env bash
# Accessibility and HTML-validity audit of the bundled site (issue 6).
#
# Builds the bundled site into a scratch folder, then
#   1. the Nu HTML Checker (npm vnu-jar, run with Java 17+) over every HTML page, errors only;
#   2. axe-core (WCAG 2.0/2.1 A and AA) plus structure, focus and print checks in Debian's headless
#      Chromium, over every page kind, in the light and the dark colour scheme (tests/a11y/audit.mjs).
# Exits non-zero on any violation. Needs: chromium, a Java runtime, node + npm (apt: chromium
# default-jre-headless nodejs npm); installs nothing but `npm ci` in tests/a11y.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
a11y="$repo/tests/a11y"
if [ ! -d "$a11y/node_modules/axe-core" ] || [ ! -d "$a11y/node_modules/playwright-core" ] || [ ! -f "$a11y/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
  (cd "$a11y" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
for tool in java node; do
  command -v "$tool" >/dev/null || { echo "audit: $tool is not installed" >&2; exit 2; }
done
export CHROMIUM="${CHROMIUM:-$(command -v chromium || echo /usr/bin/chromium)}"
[ -x "$CHROMIUM" ] || { echo "audit: chromium is not installed (apt-get install chromium)" >&2; exit 2; }

# The binary to build with: $MINUTEBOOK_BIN when set (scripts/test.sh passes the one `cargo test`
# built, so the audit compiles nothing again), else `cargo run`.
minutebook() {
  if [ -n "${MINUTEBOOK_BIN:-}" ]; then "$MINUTEBOOK_BIN" "$@"; else cargo run --quiet -- "$@"; fi
}

site="${CARGO_TARGET_DIR:-$repo/target}/audit-site"
echo "== build the bundled site into $site"
minutebook build --root "$repo" --output "$site"

status=0
echo "== Nu HTML Checker (errors only)"
if java -jar "$a11y/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only --skip-non-html "$site"; then
  echo "html: no errors in $(find "$site" -name '*.html' | wc -l) pages"
else
  echo "html: the Nu HTML Checker reported errors" >&2
  status=1
fi

echo "== axe-core in headless Chromium (light and dark)"
node "$a11y/audit.mjs" "$site" || status=1

# The same content with the English interface (language: en): lang attributes and strings.
en_root="${CARGO_TARGET_DIR:-$repo/target}/audit-en"
rm -rf "$en_root" && mkdir -p "$en_root"
sed 's/^language: .*/language: en/' "$repo/minutebook.yaml" > "$en_root/minutebook.yaml"
cp -r "$repo/content" "$en_root/content"
echo "== English interface: build, Nu HTML Checker, axe-core"
minutebook build --root "$en_root" --output "$en_root/public"
java -jar "$a11y/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only --skip-non-html "$en_root/public" || status=1
node "$a11y/audit.mjs" "$en_root/public" / /minutes/2024/executive-4/ /units/ /units/strategy/ /years/2024/ /search/ "/search/?q=%E6%95%B8%E4%BD%8D%E7%9A%AE%E5%A4%BE" /data/ /404.html || status=1

# The follow-ups fixture (tests/fixtures/followups/site): /followups/ and its lists, a timeline,
# a record page with a linked tracking table and a directive list, a unit page with its open ones
# and the list of all of them.
fu_site="${CARGO_TARGET_DIR:-$repo/target}/audit-followups"
echo "== follow-up pages: build, Nu HTML Checker, axe-core"
minutebook build --no-cache --root "$repo/tests/fixtures/followups/site" --output "$fu_site"
java -jar "$a11y/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only --skip-non-html "$fu_site" || status=1
node "$a11y/audit.mjs" "$fu_site" /followups/ /followups/closed/ /followups/withdrawn/ /followups/113-4-02/ /followups/113-3-05/ /minutes/2024/executive-5/ /minutes/2024/executive-4/ /units/accounting/ /units/accounting/followups/ || status=1
exit $status
