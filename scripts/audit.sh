#!/usr/bin/env bash
# Accessibility and HTML-validity audit of the bundled site (issue 6).
#
# Builds three sites into scratch folders (the bundled site, the same with the English interface,
# the follow-ups fixture), side by side, then, the two at the same time:
#   1. the Nu HTML Checker (npm vnu-jar, run with Java 17+) over every HTML page, errors only;
#   2. axe-core (WCAG 2.0/2.1 A and AA) plus structure, focus, phone and print checks in Debian's
#      headless Chromium, over every page kind, in the light and the dark colour scheme
#      (tests/a11y/audit.mjs: one browser for the three sites, $AUDIT_JOBS pages at a time).
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

target="${CARGO_TARGET_DIR:-$repo/target}"
site="$target/audit-site"
# The same content with the English interface (language: en): lang attributes and strings.
en_root="$target/audit-en"
# The follow-ups fixture (tests/fixtures/followups/site): /followups/ and its lists, a timeline,
# a record page with a linked tracking table and a directive list, a unit page with its open ones
# and the list of all of them.
fu_site="$target/audit-followups"
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

# The three sites are built side by side; each build's messages are printed after all three.
rm -rf "$en_root" && mkdir -p "$en_root"
sed 's/^language: .*/language: en/' "$repo/minutebook.yaml" > "$en_root/minutebook.yaml"
cp -r "$repo/content" "$en_root/content"
minutebook build --root "$repo" --output "$site" > "$logs/build-site" 2>&1 & b1=$!
minutebook build --root "$en_root" --output "$en_root/public" > "$logs/build-en" 2>&1 & b2=$!
minutebook build --no-cache --root "$repo/tests/fixtures/followups/site" --output "$fu_site" > "$logs/build-fu" 2>&1 & b3=$!
built=0
for b in "$b1:site:the bundled site into $site" "$b2:en:the bundled site with the English interface into $en_root/public" "$b3:fu:the follow-ups fixture into $fu_site"; do
  pid=${b%%:*} rest=${b#*:}
  echo "== build ${rest#*:}"
  wait "$pid" || built=1
  cat "$logs/build-${rest%%:*}"
done
[ $built = 0 ] || { echo "audit: a build failed" >&2; exit 1; }

status=0
# The Nu HTML Checker runs once over the three sites (one Java start), beside the browser checks;
# the client compiler only (C1) halves its CPU time, with the same report (its schema needs a deep stack).
java -Xss4m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$a11y/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only --skip-non-html "$site" "$en_root/public" "$fu_site" > "$logs/vnu" 2>&1 & vnu=$!

echo "== axe-core in headless Chromium (light and dark): the bundled site, its English interface, the follow-up pages"
node "$a11y/audit.mjs" "$site" \
  -- "$en_root/public" / /minutes/2024/executive-4/ /units/ /units/strategy/ /years/2024/ /search/ "/search/?q=%E6%95%B8%E4%BD%8D%E7%9A%AE%E5%A4%BE" /data/ /404.html \
  -- "$fu_site" /followups/ /followups/closed/ /followups/withdrawn/ /followups/113-4-02/ /followups/113-3-05/ /minutes/2024/executive-5/ /minutes/2024/executive-4/ /units/accounting/ /units/accounting/followups/ \
  || status=1

echo "== Nu HTML Checker (errors only)"
if wait "$vnu"; then
  cat "$logs/vnu"
  echo "html: no errors in $(find "$site" "$en_root/public" "$fu_site" -name '*.html' | wc -l) pages"
else
  cat "$logs/vnu"
  echo "html: the Nu HTML Checker reported errors" >&2
  status=1
fi
exit $status
