#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite through CTest: once on
# a Release build and once under AddressSanitizer + UndefinedBehaviorSanitizer
# (set DOSSIER_SKIP_SANITIZE=1 to skip the second pass), with a short run of every libFuzzer
# harness in between (DOSSIER_FUZZ_SECONDS per harness, default 5; DOSSIER_SKIP_FUZZ=1 skips).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
jobs="$(nproc 2>/dev/null || echo 2)"

echo "== Release build and tests"
bash scripts/build.sh build-test -DDOSSIER_BUILD_TESTS=ON
(cd build-test && ctest --output-on-failure -j "$jobs")

if [ "${DOSSIER_SKIP_FUZZ:-0}" != 1 ]; then
  echo "== libFuzzer harnesses, ${DOSSIER_FUZZ_SECONDS:-5} s each (scripts/fuzz.sh)"
  # A 10 s per-input bound: a busy CI machine can stall one input past the 1 s bound of the
  # long runs, and a few seconds of fuzzing must not fail on that.
  FUZZ_TIMEOUT=10 bash scripts/fuzz.sh "${DOSSIER_FUZZ_SECONDS:-5}"
fi

if [ "${DOSSIER_SKIP_SANITIZE:-0}" != 1 ]; then
  echo "== ASan+UBSan build and tests"
  # -O1 -g1 (line tables for the sanitizers' stack traces) compiles in about half the time
  # of RelWithDebInfo's -O2 -g, the longest part of this command (docs/BENCHMARKS.md).
  bash scripts/build.sh build-asan -DDOSSIER_BUILD_TESTS=ON -DDOSSIER_SANITIZE=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG"
  # The random-kill harness runs 5 trials per scenario here (20 in the Release pass).
  (cd build-asan && FAULT_TRIALS=5 ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
     ctest --output-on-failure -j "$jobs")
fi
