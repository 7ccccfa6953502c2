#!/usr/bin/env bash
# Batch search throughput on the BBC corpus against a plain Xapian loop, same run.
#
#   bash bench/batch_throughput.sh [BUILD_DIR]       (default: build)
#
# Indexes /work/shared/data/bbc (as JSONL, ids "category/NNN.txt"), makes 2,000 seeded
# queries (scripts/make_queries.py --seed 3), then answers them with
#   - dossier-plain-loop: open once, Xapian QueryParser, top 10, document data, no snippets;
#   - dossier-search --batch --format trec: top 10, no snippets;
#   - dossier-search --batch (JSONL): top 10 with snippets, --jobs 1 and --jobs 2;
#   - the same with --facets actor (exact actor counts over every match).
# Wall time is what a user waits; CPU time (user + sys) is what a run costs and stays
# meaningful when other jobs share the machine: both rates are printed, and the share of
# the plain loop's rate per core is computed from CPU time.
# Each run is repeated RUNS times (default 3) and its best wall and CPU times are kept.
# The answers are checked too: one JSONL line per query, no error records, and --jobs 2
# output byte-identical to --jobs 1.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
bbc=/work/shared/data/bbc
cmake --build "$build" -j2 --target dossier-index dossier-search dossier-plain-loop >/dev/null

work="$(mktemp -d /tmp/dossier_throughput.XXXXXX)"
trap 'rm -rf "$work"' EXIT

python3 - "$root/scripts" "$bbc" >"$work/bbc.jsonl" <<'PY'
import json, os, sys
sys.path.insert(0, sys.argv[1])
from dossier_data import iter_bbc_articles
for path, headline, paragraphs in iter_bbc_articles(sys.argv[2]):
    rel = os.path.relpath(path, sys.argv[2])
    print(json.dumps({"id": rel, "title": headline, "body": "\n\n".join(paragraphs)}))
PY
"$build/indexer/dossier-index" --db "$work/db" --quiet "$work/bbc.jsonl"
python3 "$root/scripts/make_queries.py" --from-bbc "$bbc" --count 2000 --seed 3 >"$work/q.tsv"
n=$(wc -l <"$work/q.tsv")
docs=$("$build/searcher/dossier-search" --db "$work/db" --batch - --count <<<'x' | sed -n 1p |
  python3 -c "import json,sys; print(json.load(sys.stdin)['database']['documents'])")

declare -A wall cpu
runs="${RUNS:-3}"
# measure NAME COMMAND...: runs COMMAND $runs times with stdout to $work/NAME.out and keeps
# its best times: a run takes about a second, so one run would mostly measure what else
# the machine was doing.
measure() {
  local name=$1; shift
  local best_w="" best_c="" w u s c
  for ((r = 0; r < runs; r++)); do
    /usr/bin/time -f "%e %U %S" -o "$work/$name.time" "$@" >"$work/$name.out"
    read -r w u s <"$work/$name.time"
    c=$(python3 -c "print($u + $s)")
    if [ -z "$best_c" ] || python3 -c "import sys; sys.exit(not $c < $best_c)"; then best_c=$c; fi
    if [ -z "$best_w" ] || python3 -c "import sys; sys.exit(not $w < $best_w)"; then best_w=$w; fi
  done
  wall[$name]=$best_w
  cpu[$name]=$best_c
}
search=("$build/searcher/dossier-search" --db "$work/db" --batch "$work/q.tsv" --no-header -n 10)
check_jsonl() {
  [ "$(wc -l <"$work/$1.out")" -eq "$n" ] || { echo "$1: wrong line count" >&2; exit 1; }
  if grep -q '"error":' "$work/$1.out"; then echo "$1: error records" >&2; exit 1; fi
}

measure plain "$build/bench/dossier-plain-loop" "$work/db" "$work/q.tsv"
read -r _ plain_hits _ <"$work/plain.out"
[ "$plain_hits" -gt 0 ] || { echo "plain loop found nothing" >&2; exit 1; }
measure trec "${search[@]}" --jobs 1 --format trec
measure jobs1 "${search[@]}" --jobs 1
measure jobs2 "${search[@]}" --jobs 2
measure facets1 "${search[@]}" --jobs 1 --facets actor
measure facets2 "${search[@]}" --jobs 2 --facets actor
for r in jobs1 jobs2 facets1 facets2; do check_jsonl $r; done
cmp -s "$work/jobs1.out" "$work/jobs2.out" || { echo "--jobs 2 output differs" >&2; exit 1; }
cmp -s "$work/facets1.out" "$work/facets2.out" || { echo "--jobs 2 facets differ" >&2; exit 1; }

row() {  # row LABEL NAME JOBS
  python3 - "$1" "$n" "${wall[$2]}" "${cpu[$2]}" "${cpu[plain]}" <<'PY'
import sys
label, n, wall, cpu, plain_cpu = sys.argv[1], int(sys.argv[2]), *map(float, sys.argv[3:])
print(f"| {label} | {n / wall:.0f} | {n / cpu:.0f} | {100 * plain_cpu / cpu:.0f}% |")
PY
}
echo "BBC: $docs articles, $n queries, top 10; $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
echo "| run | queries/s (wall) | queries/s per CPU second | per core vs plain loop |"
echo "|---|---|---|---|"
row "plain Xapian loop (no snippets)" plain
row "batch --jobs 1 --format trec (no snippets)" trec
row "batch --jobs 1, snippets" jobs1
row "batch --jobs 2, snippets" jobs2
row "batch --jobs 1, snippets + actor facet" facets1
row "batch --jobs 2, snippets + actor facet" facets2
