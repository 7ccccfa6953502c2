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
# DATA (default /work/shared/data), JOBS (default nproc; also the --shards count).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
data="${DATA:-/work/shared/data}"
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
    bbc) echo "$data/bbc" ;;
    reuters)
      [ -s "$work/reuters.jsonl" ] ||
        python3 scripts/reuters_to_jsonl.py "$data/reuters21578" "$work/reuters.jsonl" >&2
      [ -d "$work/reuters-txt" ] ||
        python3 bench/jsonl_to_txt.py "$work/reuters.jsonl" "$work/reuters-txt"
      echo "$work/reuters-txt" ;;
    synthetic)
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

# measure CORPUS LABEL ARTICLES BYTES DB CMD... -> one table row, $last_seconds set. The
# database is removed first unless KEEP_DB=1; the ratio is against $omindex_seconds.
measure() {
  local name="$1" label="$2" articles="$3" bytes="$4" db="$5"
  shift 5
  [ "${KEEP_DB:-0}" = 1 ] || rm -rf "$db"
  if ! /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt"; then
    echo "bench: $label failed on $name:" >&2
    tail -5 "$work/err.txt" >&2
    return 1
  fi
  last_seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0;
                   for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$work/time.txt")
  local rss size cpu
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/time.txt")
  size=$(du -sk "$db" | awk '{printf "%.0f", $1 / 1024}')
  awk -v name="$name" -v label="$label" -v n="$articles" -v b="$bytes" -v s="$last_seconds" \
    -v cpu="$cpu" -v rss="$rss" -v size="$size" -v base="${omindex_seconds:-}" 'BEGIN {
      if (s <= 0) s = 0.01
      ratio = (base == "") ? "-" : sprintf("%.2f", s / base)
      printf "| %s | %s | %d | %.1f | %.2f | %s | %.0f | %.2f | %s | %s | %s |\n",
             name, label, n, b / 1e6, s, cpu, n / s, b / 1e6 / s, rss, size, ratio }' >>"$results"
}

for name in $corpora; do
  folder="$(prepare "$name")"
  articles=$(find "$folder" -name '*.txt' | wc -l)
  bytes=$(find "$folder" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
  echo "bench: $name: $articles articles, $bytes bytes in $folder" >&2
  omindex_seconds=""
  measure "$name" omindex "$articles" "$bytes" "$work/db-omindex" \
    omindex --db "$work/db-omindex" --url / "$folder"
  omindex_seconds="$last_seconds"
  measure "$name" "dossier --jobs 1" "$articles" "$bytes" "$work/db-dossier" \
    "$index_bin" --quiet --jobs 1 --db "$work/db-dossier" "$folder"
  measure "$name" "dossier --jobs $jobs" "$articles" "$bytes" "$work/db-dossier" \
    "$index_bin" --quiet --jobs "$jobs" --db "$work/db-dossier" "$folder"
  measure "$name" "dossier --jobs $jobs --shards $jobs" "$articles" "$bytes" \
    "$work/db-dossier-shards" \
    "$index_bin" --quiet --jobs "$jobs" --shards "$jobs" --db "$work/db-dossier-shards" "$folder"
  # Again on the same database: nothing changed, so only stats.
  KEEP_DB=1 measure "$name" "dossier re-run, unchanged" "$articles" "$bytes" "$work/db-dossier" \
    "$index_bin" --quiet --jobs "$jobs" --db "$work/db-dossier" "$folder"
  echo "bench: $name done" >&2
done
cat "$results"
echo "bench: results in $results (work folder $work)" >&2
