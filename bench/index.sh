#!/usr/bin/env bash
# Indexing benchmark: dossier-index (--jobs 1, all cores, and all cores with as many shard
# writers as cores) against Xapian's omindex on
# the same files, for BBC, Reuters-21578 and a synthetic corpus. Prints a Markdown table
# (seconds, articles/s, MB/s, peak RSS, index size, Dossier/omindex time ratio) and keeps
# it in $BENCH_DIR/results.md. Not a test: it takes minutes, and its figures depend on the
# machine. Usage:
#   bash bench/index.sh                  # BBC, Reuters, 1,000,000 synthetic articles
#   SYNTHETIC_COUNT=100000 bash bench/index.sh
#   CORPORA="bbc reuters" bash bench/index.sh
# Environment: BUILD_DIR (default build), BENCH_DIR (default a new temp folder, kept),
# DOSSIER_DATA (default ../shared/data beside the checkout), JOBS (default nproc; also the --shards count), RUNS
# (runs per row, the fastest kept; default 3 below 100,000 articles, else 1), ROWS (which
# rows, default "omindex jobs1 jobsN shards rerun"; e.g. ROWS="omindex shards" for the
# million, where each row takes 25-60 minutes).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. scripts/data_dir.sh
build="${BUILD_DIR:-build}"
jobs="${JOBS:-$(nproc)}"
synthetic_count="${SYNTHETIC_COUNT:-1000000}"
corpora="${CORPORA:-bbc reuters synthetic}"
work="${BENCH_DIR:-$(mktemp -d /tmp/dossier-bench.XXXXXX)}"
mkdir -p "$work"

# The comparison needs omindex (xapian-omega) and GNU time; only the benchmark needs them.
need=()
command -v omindex >/dev/null 2>&1 || need+=(xapian-omega)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "bench: installing ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
[ -x "$build/indexer/dossier-index" ] || bash scripts/build.sh "$build" -DDOSSIER_BUILD_TESTS=OFF
index_bin="$(cd "$build" && pwd)/indexer/dossier-index"

# prepare NAME -> prints the folder of .txt files (and leaves NAME.jsonl when there is one)
prepare() {
  case "$1" in
    bbc) require_data "$data/bbc" "the BBC data set"; echo "$data/bbc" ;;
    reuters)
      require_data "$data/reuters21578" "Reuters-21578"
      [ -s "$work/reuters.jsonl" ] ||
        python3 scripts/reuters_to_jsonl.py "$data/reuters21578" "$work/reuters.jsonl" >&2
      [ -d "$work/reuters-txt" ] ||
        python3 bench/jsonl_to_txt.py "$work/reuters.jsonl" "$work/reuters-txt"
      echo "$work/reuters-txt" ;;
    synthetic)
      require_data "$data/bbc" "the BBC data set"
      require_data "$data/reuters21578" "Reuters-21578"
      local f="$work/synthetic-$synthetic_count.jsonl"
      [ -s "$f" ] || python3 scripts/make_synthetic_corpus.py --out "$f" \
        --count "$synthetic_count" --seed 42 --bbc "$data/bbc" --reuters "$data/reuters21578" >&2
      [ -d "$work/synthetic-$synthetic_count-txt" ] ||
        python3 bench/jsonl_to_txt.py "$f" "$work/synthetic-$synthetic_count-txt"
      echo "$work/synthetic-$synthetic_count-txt" ;;
  esac
}

results="$work/results.md"
{
  echo "| corpus | indexer | articles | MB | seconds | CPU s | articles/s | MB/s | peak RSS MB | index MB | time vs omindex |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$results"

# wants KEY -> whether $ROWS asks for that row.
rows=" ${ROWS:-omindex jobs1 jobsN shards rerun} "
wants() { [[ "$rows" == *" $1 "* ]]; }

# run_once KEY DB CMD... -> runs the command under GNU time (the database removed first
# unless KEEP_DB=1) and keeps its time file as $work/time-KEY.txt when it is the fastest
# run of KEY so far.
declare -A best
run_once() {
  local key="$1" db="$2"
  shift 2
  [ "${KEEP_DB:-0}" = 1 ] || rm -rf "$db"
  if ! /usr/bin/time -v -o "$work/time-run.txt" "$@" >"$work/out.txt" 2>"$work/err.txt"; then
    echo "bench: $key failed:" >&2
    tail -5 "$work/err.txt" >&2
    return 1
  fi
  local seconds
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0;
              for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$work/time-run.txt")
  if [ -z "${best[$key]:-}" ] || awk -v a="$seconds" -v b="${best[$key]}" 'BEGIN {exit !(a < b)}'; then
    best[$key]="$seconds"
    cp "$work/time-run.txt" "$work/time-$key.txt"
  fi
}

# row CORPUS LABEL KEY ARTICLES BYTES DB -> one table row from KEY's fastest run; the ratio
# is against omindex's fastest run.
row() {
  local name="$1" label="$2" key="$3" articles="$4" bytes="$5" db="$6"
  local t="$work/time-$key.txt" rss size cpu
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$t")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$t")
  size=$(du -sk "$db" | awk '{printf "%.0f", $1 / 1024}')
  awk -v name="$name" -v label="$label" -v n="$articles" -v b="$bytes" -v s="${best[$key]}" \
    -v cpu="$cpu" -v rss="$rss" -v size="$size" -v base="${best[omindex]:-}" \
    -v is_base="$([ "$key" = omindex ] && echo 1 || echo 0)" 'BEGIN {
      if (s <= 0) s = 0.01
      ratio = (is_base || base == "") ? "-" : sprintf("%.2f", s / base)
      printf "| %s | %s | %d | %.1f | %.2f | %s | %.0f | %.2f | %s | %s | %s |\n",
             name, label, n, b / 1e6, s, cpu, n / s, b / 1e6 / s, rss, size, ratio }' >>"$results"
}

for name in $corpora; do
  folder="$(prepare "$name")"
  articles=$(find "$folder" -name '*.txt' | wc -l)
  bytes=$(find "$folder" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
  echo "bench: $name: $articles articles, $bytes bytes in $folder" >&2
  # Each row keeps its fastest of $runs runs, and the runs take turns (omindex, Dossier,
  # omindex, ...): single runs of a few seconds vary by 20% or more on a shared machine,
  # for omindex as for Dossier, and the machine's speed drifts over minutes.
  runs="${RUNS:-$([ "$articles" -lt 100000 ] && echo 3 || echo 1)}"
  best=()
  for ((run = 1; run <= runs; run++)); do
    if wants omindex; then
      run_once omindex "$work/db-omindex" omindex --db "$work/db-omindex" --url / "$folder"
    fi
    if wants jobs1; then
      run_once jobs1 "$work/db-dossier" "$index_bin" --quiet --jobs 1 --db "$work/db-dossier" "$folder"
    fi
    if wants shards; then
      run_once shards "$work/db-dossier-shards" \
        "$index_bin" --quiet --jobs "$jobs" --shards "$jobs" --db "$work/db-dossier-shards" "$folder"
    fi
    if wants jobsN; then
      run_once jobsN "$work/db-dossier" "$index_bin" --quiet --jobs "$jobs" --db "$work/db-dossier" "$folder"
    fi
    # Again on the same database (the last one-database build): nothing changed, so only stats.
    if wants rerun && { wants jobs1 || wants jobsN; }; then
      KEEP_DB=1 run_once rerun "$work/db-dossier" \
        "$index_bin" --quiet --jobs "$jobs" --db "$work/db-dossier" "$folder"
    fi
  done
  [ -n "${best[omindex]:-}" ] && row "$name" omindex omindex "$articles" "$bytes" "$work/db-omindex"
  [ -n "${best[jobs1]:-}" ] && row "$name" "dossier --jobs 1" jobs1 "$articles" "$bytes" "$work/db-dossier"
  [ -n "${best[jobsN]:-}" ] && row "$name" "dossier --jobs $jobs" jobsN "$articles" "$bytes" "$work/db-dossier"
  [ -n "${best[shards]:-}" ] &&
    row "$name" "dossier --jobs $jobs --shards $jobs" shards "$articles" "$bytes" "$work/db-dossier-shards"
  [ -n "${best[rerun]:-}" ] && row "$name" "dossier re-run, unchanged" rerun "$articles" "$bytes" "$work/db-dossier"
  echo "bench: $name done" >&2
done
cat "$results"
echo "bench: results in $results (work folder $work)" >&2
