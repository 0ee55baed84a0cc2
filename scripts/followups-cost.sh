#!/usr/bin/env bash
# What follow-ups cost a full build (issue 18's budget: at most 10 % of the build time and 30 MB
# of peak memory at 10,000 records with about 30,000 directives and 60,000 updates).
#
#   bash scripts/followups-cost.sh [RECORDS] [RUNS]      (defaults: 10000 records, 3 runs)
#
# Generates an archive with `minutebook-bench generate` (seed 1: three directives a record in
# front-matter, a tracking table in each record updating its series' two previous meetings), makes
# a copy without them (each record's `followups:` block and its tracking table removed, nothing
# else), and builds the two alternately RUNS times each with the release binary into tmpfs
# (`$OUT`, default /dev/shm/followups-cost), `--no-cache`, timing each build with GNU time. Prints
# every run and the medians. Linux (GNU time, /dev/shm); the folders are removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-10000}
runs=${2:-3}
work=${WORK:-/tmp/followups-cost}
out=${OUT:-/dev/shm/followups-cost}
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (/usr/bin/time; Debian package time)" >&2; exit 2; }
cargo build --quiet --release --locked -p minutebook -p minutebook-bench
bin=target/release/minutebook
rm -rf "$work" "$out"
target/release/minutebook-bench generate "$work/with" --records "$records" >/dev/null
cp -r "$work/with" "$work/without"
# Drop the `followups:` block of the front-matter (its lines are indented) and the tracking table
# (from its header row to the end of the table) of every record.
find "$work/without/content" -name '*.md' -print0 | while IFS= read -r -d '' f; do
  awk '
    BEGIN { fm = 0; skip = 0; table = 0 }
    NR == 1 && $0 == "---" { fm = 1; print; next }
    fm && $0 == "---" { fm = 0; skip = 0; print; next }
    fm && $0 == "followups:" { skip = 1; next }
    fm && skip && /^  / { next }
    fm { skip = 0; print; next }
    $0 ~ /^\| 編號 \| 指示事項 \|/ { table = 1; next }
    table && /^\|/ { next }
    { table = 0; print }
  ' "$f" > "$f.tmp" && mv "$f.tmp" "$f"
done
directives=$(grep -rh -c '^  - id: ' "$work/with/content" | awk '{ s += $1 } END { print s }')
updates=$(grep -rh -E '^\| [a-z0-9-]+-[0-9]+-[0-9]+-[0-9]+ \|' "$work/with/content" | wc -l)
left=$({ grep -rl -E '^followups:|^\| 編號 \| 指示事項' "$work/without/content" || true; } | wc -l)
echo "$records records: $directives directives and $updates updates; $left records of the copy still hold any"
declare -A walls mems
for i in $(seq "$runs"); do
  for v in with without; do
    rm -rf "$out/$v"
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" build --quiet --no-cache --root "$work/$v" --output "$out/$v"
    read -r wall kb < "$work/time"
    echo "run $i, $v follow-ups: ${wall} s, $((kb / 1024)) MB"
    walls[$v]+="$wall "
    mems[$v]+="$((kb / 1024)) "
  done
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
w1=$(echo "${walls[with]}" | median); w0=$(echo "${walls[without]}" | median)
m1=$(echo "${mems[with]}" | median); m0=$(echo "${mems[without]}" | median)
echo "median: with ${w1} s / ${m1} MB, without ${w0} s / ${m0} MB"
awk -v a="$w1" -v b="$w0" -v c="$m1" -v d="$m0" 'BEGIN { printf "follow-ups add %.1f %% of the build time and %d MB of peak memory\n", (a - b) / b * 100, c - d }'
rm -rf "$work" "$out"
