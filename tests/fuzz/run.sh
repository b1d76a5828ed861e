#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in their own build directory and runs
# them, each for a share of the time budget. Crashes land in tests/fuzz/crashes/<target>/.
#
#   tests/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]      (defaults: 300, every built target)
#
# Environment: BUILD (default build-fuzz), JOBS (parallel fuzzing jobs per target, default 1).
# Corpora grow in $BUILD/fuzz/corpus/<target>/, seeded from tests/fuzz/seeds/ and, when
# ../shared is present, from the TempEval-3 and news texts (read there, never copied into git).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BUILD:-$root/build-fuzz}
secs=${1:-300}
shift || true
jobs=${JOBS:-1}
shared=$root/../shared

san="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++-14 -DANNALIST_FUZZ=ON -DANNALIST_TESTS=OFF -DANNALIST_BENCH=OFF \
  -DCMAKE_CXX_FLAGS="$san" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for t in fuzz_timeml fuzz_annotate fuzz_ingest; do
    if cmake --build "$build" --target help | grep -q "\\.\\.\\. $t\$"; then targets+=("$t"); fi
  done
fi
cmake --build "$build" -j2 --target "${targets[@]}"

for t in "${targets[@]}"; do
  corpus=$build/fuzz/corpus/$t
  crashes=$here/crashes/$t
  mkdir -p "$corpus" "$crashes"
  case $t in
    fuzz_timeml) seeds=$here/seeds/timeml
      [ -d "$shared/data/tempeval3/train" ] && cp -n "$shared"/data/tempeval3/train/*/*.tml "$corpus"/ ;;
    *) seeds=$here/seeds/text
      [ -d "$shared/seeds" ] && cp -n "$shared"/seeds/*.txt "$corpus"/ ;;
  esac
  echo "== $t: ${secs}s, corpus $corpus"
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/fuzz/$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -jobs="$jobs" -workers="$jobs" -print_final_stats=1 -artifact_prefix="$crashes/" \
      "$corpus" "$seeds" 2>&1 | tee "$build/fuzz/$t.log" | grep -E '^(#[0-9]+ +DONE|==[0-9]+==ERROR|stat::|SUMMARY)' || true
done
