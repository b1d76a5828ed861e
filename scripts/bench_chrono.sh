#!/usr/bin/env bash
# Throughput and memory of `annalist tag` on 20 MB of real news, against chrono-node on the same
# text. Prints MB/s, peak RSS, start-up time, and the throughput ratio.
#
#   scripts/bench_chrono.sh [ANNALIST_BINARY] [MEGABYTES]     (defaults: build/annalist, 20)
#
# Needs ../shared (the text is assembled from it at run time, never stored), GNU time
# (/usr/bin/time, Debian package `time`), python3, and Node.js with npm (chrono-node is installed
# from tests/bench/package-lock.json on first use). Use a Release build; run on an idle machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/annalist}
mb=${2:-20}
shared=$root/../shared
[ -x "$bin" ] || { echo "bench_chrono: no annalist binary at $bin (build it first)" >&2; exit 2; }
[ -d "$shared/data" ] || { echo "bench_chrono: $shared is absent; nothing to measure" >&2; exit 0; }
[ -x /usr/bin/time ] || { echo "bench_chrono: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. The text: seeds, news-dev articles and TempEval-3 plain TEXT, repeated to $mb MB.
python3 "$shared/tools/tml2plain.py" --no-gold --out "$tmp/te3" "$shared/data/tempeval3/train" 2>/dev/null
{
  for f in "$shared"/seeds/*.txt "$shared"/data/news-dev/*/*.txt $(find "$tmp/te3" -name '*.txt' | sort); do
    cat "$f"; printf '\n\n'
  done
} > "$tmp/once.txt"
text=$tmp/news.txt
: > "$text"
want=$((mb * 1000 * 1000))
while [ "$(stat -c %s "$text")" -lt "$want" ]; do cat "$tmp/once.txt" >> "$text"; done
bytes=$(stat -c %s "$text")
echo "text: $bytes bytes ($(stat -c %s "$tmp/once.txt") distinct bytes repeated)"

# 2. annalist: the whole CLI (read, normalize, segment, tag, resolve, write JSON lines).
/usr/bin/time -v -o "$tmp/time.txt" "$bin" tag "$text" --dct 2021-05-19 --format json > "$tmp/out.jsonl"
field() { awk -F': ' -v k="$1" 'index($0, k) {print $2}' "$tmp/time.txt"; }
wall=$(field "Elapsed (wall clock)" | awk '{n=split($1,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}')
cpu=$(python3 -c "print(round($(field 'User time') + $(field 'System time'), 2))")
rss_kb=$(field "Maximum resident set size")
found=$(wc -l < "$tmp/out.jsonl")
rate() { python3 -c "print(f'{$bytes/1e6/max($1, 1e-3):.1f}')"; }
a_wall=$(rate "$wall")
a_cpu=$(rate "$cpu")
echo "annalist tag: ${wall}s wall, ${cpu}s CPU; $a_wall MB/s wall, $a_cpu MB/s per CPU second;" \
     "peak RSS $((rss_kb / 1024)) MB; $found timexes"

# Start-up: tagging one sentence, best of 5 by CPU time (lexicon load dominates it).
echo "The talks resumed on Tuesday." > "$tmp/short.txt"
best=
for _ in 1 2 3 4 5; do
  /usr/bin/time -f "%e %U %S" -o "$tmp/short.time" "$bin" tag "$tmp/short.txt" --dct 2021-05-19 > /dev/null
  ms=$(awk '{printf "%d", ($2 + $3) * 1000}' "$tmp/short.time")
  if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; wall_ms=$(awk '{printf "%d", $1 * 1000}' "$tmp/short.time"); fi
done
echo "annalist start-up (tag one sentence, best of 5): ${best} ms CPU (${wall_ms} ms wall)"

# 3. chrono-node on the same text.
if ! command -v node > /dev/null; then echo "chrono-node: skipped (no node)"; exit 0; fi
if [ ! -d "$root/tests/bench/node_modules/chrono-node" ]; then
  (cd "$root/tests/bench" && npm ci --no-audit --no-fund > /dev/null)
fi
node "$root/tests/bench/chrono_bench.mjs" "$text" 2021-05-19T12:00:00Z > "$tmp/chrono.json"
version=$(node -p "require('$root/tests/bench/node_modules/chrono-node/package.json').version")
python3 - "$tmp/chrono.json" "$a_wall" "$a_cpu" "$version" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
a_wall, a_cpu, version = float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
print(f"chrono-node {version} chrono.parse: {c['seconds']:.1f}s wall, {c['cpu_seconds']:.1f}s CPU; "
      f"{c['mb_per_s']:.2f} MB/s wall, {c['mb_per_cpu_s']:.2f} MB/s per CPU second; {c['found']} results")
print(f"throughput ratio annalist / chrono-node: {a_cpu / c['mb_per_cpu_s']:.1f}x per CPU second "
      f"({a_wall / c['mb_per_s']:.1f}x wall clock)")
PY
