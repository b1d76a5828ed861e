#!/usr/bin/env bash
# Tags the whole TempEval-3 training corpus (TimeBank + AQUAINT, 256 documents) with
# `annalist tag --input timeml` and scores it with the TempEval-3 scorer.
#
#   scripts/te3.sh [ANNALIST_BINARY] [te3score.py options...]
#     ANNALIST_BINARY  default build/annalist
#     options          passed to te3score.py, e.g. --details (every miss), --json, --toolkit-compat
#
# Environment: TE3_OUT=DIR keeps the tagged .tml files in DIR (default: a temporary folder).
# Exit status: te3score.py's (0 when every file was tagged and scored).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/annalist}
shift || true
shared=$root/../shared
train=$shared/data/tempeval3/train
scorer=$shared/tools/te3score.py
[ -x "$bin" ] || { echo "te3.sh: no annalist binary at $bin (build it first)" >&2; exit 2; }
[ -d "$train" ] || { echo "te3.sh: $train is absent; nothing to score" >&2; exit 2; }

if [ -n "${TE3_OUT:-}" ]; then
  out=$TE3_OUT
  mkdir -p "$out"
else
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi

# One run per folder: te3score.py pairs files by their path relative to the gold folder.
for sub in TimeBank AQUAINT; do
  mkdir -p "$out/$sub"
  find "$train/$sub" -name '*.tml' ! -name '._*' -print0 | sort -z |
    xargs -0 "$bin" tag --input timeml --format timeml -o "$out/$sub"
done
# The scorer uses only the standard library; Debian's python3 is enough.
python3 "$scorer" "$train" "$out" --quiet "$@"
