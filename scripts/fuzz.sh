#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, ASan+UBSan, -DDOSSIER_FUZZ=ON) and runs each for
# SECONDS (default 60) from its seeds in tests/fuzz/<harness>/ (and corpus/ for the text
# harnesses), with its dictionary where there is one. First every saved regression input
# (tests/fuzz/regressions/<harness>/) is run once. A crash, a leak, an input slower than
# FUZZ_TIMEOUT seconds (default 1) or over 2 GB stops with the input saved under
# BUILD/fuzz-artifacts/.
#
#   bash scripts/fuzz.sh [SECONDS] [HARNESS...]     harnesses: article extract dates inputs query api web record
#
# Prints per harness the executions, coverage and features (libFuzzer's final stats), then
# "fuzz: N passed, N failed". Exit 1 when any harness failed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
[ $# -gt 0 ] && shift
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(article extract dates inputs query api web record)
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
jobs="$(nproc 2>/dev/null || echo 2)"

if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz.sh: clang++ not found (bash scripts/setup.sh installs clang)" >&2
  exit 2
fi
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DDOSSIER_FUZZ=ON -DDOSSIER_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$jobs" --target "${harnesses[@]/#/fuzz_}" -- --no-print-directory >/dev/null

artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
passed=0 failed=0
for h in "${harnesses[@]}"; do
  bin="$build/tests/fuzz/fuzz_$h"
  seeds=("$root/tests/fuzz/$h")
  case "$h" in article | extract | dates) seeds+=("$root/corpus") ;; esac
  dict=()
  [ -f "$root/tests/fuzz/$h.dict" ] && dict=(-dict="$root/tests/fuzz/$h.dict")
  log="$artifacts/$h.log"
  status=0
  regressions="$root/tests/fuzz/regressions/$h"
  if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
    "$bin" "$regressions"/* >"$log" 2>&1 || status=$?
  fi
  if [ $status -eq 0 ]; then
    work="$(mktemp -d)"  # new inputs go here, never into the repository
    "$bin" "$work" "${seeds[@]}" "${dict[@]}" -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-1}" \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/$h-" \
      >>"$log" 2>&1 || status=$?
    rm -rf "$work"
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$done_line")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$done_line")
  if [ $status -eq 0 ]; then
    passed=$((passed + 1))
    echo "fuzz: $h: ${runs:-0} executions in ${seconds} s, coverage ${cov:-?} edges, ${ft:-?} features"
  else
    failed=$((failed + 1))
    echo "fuzz: $h: FAILED (exit $status); see $log and $artifacts/$h-*" >&2
    grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -5 >&2 || true
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ $failed -eq 0 ]
