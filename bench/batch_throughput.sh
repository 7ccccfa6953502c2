#!/usr/bin/env bash
# Batch search throughput on the BBC corpus against a plain Xapian loop, same run.
#
#   bash bench/batch_throughput.sh [BUILD_DIR]       (default: build)
#
# Indexes the BBC data set (../shared/data/bbc or $DOSSIER_DATA/bbc; as JSONL, ids "category/NNN.txt"), makes 2,000 seeded
# queries (scripts/make_queries.py --seed 3), then answers them with
#   - dossier-plain-loop: open once, Xapian QueryParser, top 10, document data, no snippets;
#   - two plain loops at once, half the queries each: the baseline for --jobs 2, where both
#     cores are busy and each runs slower than alone (shared caches and memory bandwidth);
#   - dossier-search --batch --format trec: top 10, no snippets;
#   - dossier-search --batch (JSONL): top 10 with snippets, --jobs 1 and --jobs 2;
#   - the same with --facets actor (exact actor counts over every match).
# Wall time is what a user waits; CPU time (user + sys) is what a run costs and stays
# meaningful when other jobs share the machine: both rates are printed, and the share of
# the plain loop's rate per core is computed from CPU time (for --jobs 2 also against the
# two plain loops at once).
# Each run is repeated RUNS times (default 5), the runs taking turns, and its best wall and
# CPU times are kept. The share of the plain loop is also given round by round (the plain
# loop against the row's run of the same round, seconds apart), as the median and range
# over the rounds: the machine's speed drifts between rounds, which best-of-N times from
# different rounds do not cancel.
# The answers are checked too: one JSONL line per query, no error records, and --jobs 2
# output byte-identical to --jobs 1.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
. "$root/scripts/data_dir.sh"
bbc="$data/bbc"
require_data "$bbc" "the BBC data set"
cmake --build "$build" -j2 --target dossier-index dossier-search dossier-plain-loop >/dev/null

work="$(mktemp -d /tmp/dossier_throughput.XXXXXX)"
trap 'rm -rf "$work"' EXIT

python3 "$root/scripts/bbc_to_jsonl.py" "$bbc" >"$work/bbc.jsonl"
"$build/indexer/dossier-index" --db "$work/db" --quiet "$work/bbc.jsonl"
python3 "$root/scripts/make_queries.py" --from-bbc "$bbc" --count 2000 --seed 3 >"$work/q.tsv"
n=$(wc -l <"$work/q.tsv")
head -n $((n / 2)) "$work/q.tsv" >"$work/q.first"
tail -n +$((n / 2 + 1)) "$work/q.tsv" >"$work/q.second"
docs=$("$build/searcher/dossier-search" --db "$work/db" --batch - --count <<<'x' | sed -n 1p |
  python3 -c "import json,sys; print(json.load(sys.stdin)['database']['documents'])")

declare -A wall cpu rounds
runs="${RUNS:-5}"
# measure NAME COMMAND...: runs COMMAND once with stdout to $work/NAME.out and keeps NAME's
# best wall and CPU times so far. The rows take turns, $runs rounds: a run takes about a
# second, so one run would mostly measure what else the machine was doing, and the
# machine's speed drifts over minutes (the plain loop must see the same drift).
measure() {
  local name=$1; shift
  local w u s c
  /usr/bin/time -f "%e %U %S" -o "$work/$name.time" "$@" >"$work/$name.out"
  read -r w u s <"$work/$name.time"
  c=$(python3 -c "print($u + $s)")
  rounds[$name]+=" $c"
  if [ -z "${cpu[$name]:-}" ] || python3 -c "import sys; sys.exit(not $c < ${cpu[$name]})"; then
    cpu[$name]=$c
  fi
  if [ -z "${wall[$name]:-}" ] || python3 -c "import sys; sys.exit(not $w < ${wall[$name]})"; then
    wall[$name]=$w
  fi
}
search=("$build/searcher/dossier-search" --db "$work/db" --batch "$work/q.tsv" --no-header -n 10)
check_jsonl() {
  [ "$(wc -l <"$work/$1.out")" -eq "$n" ] || { echo "$1: wrong line count" >&2; exit 1; }
  if grep -q '"error":' "$work/$1.out"; then echo "$1: error records" >&2; exit 1; fi
}

for ((round = 0; round < runs; round++)); do
  measure plain "$build/bench/dossier-plain-loop" "$work/db" "$work/q.tsv"
  measure plain2 bash -c '"$1" "$2" "$3" & "$1" "$2" "$4"; wait' - \
    "$build/bench/dossier-plain-loop" "$work/db" "$work/q.first" "$work/q.second"
  measure trec "${search[@]}" --jobs 1 --format trec
  measure jobs1 "${search[@]}" --jobs 1
  measure jobs2 "${search[@]}" --jobs 2
  measure facets1 "${search[@]}" --jobs 1 --facets actor
  measure facets2 "${search[@]}" --jobs 2 --facets actor
done
read -r _ plain_hits _ <"$work/plain.out"
[ "$plain_hits" -gt 0 ] || { echo "plain loop found nothing" >&2; exit 1; }
for r in jobs1 jobs2 facets1 facets2; do check_jsonl $r; done
cmp -s "$work/jobs1.out" "$work/jobs2.out" || { echo "--jobs 2 output differs" >&2; exit 1; }
cmp -s "$work/facets1.out" "$work/facets2.out" || { echo "--jobs 2 facets differ" >&2; exit 1; }

row() {  # row LABEL NAME [BASELINE2]: BASELINE2, the two-loop run to compare with too
  python3 - "$1" "$n" "${wall[$2]}" "${cpu[$2]}" "${cpu[plain]}" "${3:+${cpu[$3]}}" \
    "${rounds[$2]}" "${rounds[plain]}" <<'PY'
import statistics, sys
label, n, wall, cpu, plain_cpu = sys.argv[1], int(sys.argv[2]), *map(float, sys.argv[3:6])
both = f"{100 * float(sys.argv[6]) / cpu:.0f}%" if sys.argv[6] else "-"
# Each round ran the plain loop seconds before this row: the ratio within a round is
# untouched by the machine's drift between rounds.
paired = [100 * p / c for p, c in zip(map(float, sys.argv[8].split()), map(float, sys.argv[7].split()))]
within = f"{statistics.median(paired):.0f}% ({min(paired):.0f}-{max(paired):.0f}%)"
print(f"| {label} | {n / wall:.0f} | {n / cpu:.0f} | {100 * plain_cpu / cpu:.0f}% | {within} | {both} |")
PY
}
echo "BBC: $docs articles, $n queries, top 10; $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
echo "| run | queries/s (wall) | queries/s per CPU second | per core vs plain loop | same, within each round: median (range) | per core vs two plain loops at once |"
echo "|---|---|---|---|---|---|"
row "plain Xapian loop (no snippets)" plain
row "two plain loops at once, half the queries each" plain2 plain2
row "batch --jobs 1 --format trec (no snippets)" trec
row "batch --jobs 1, snippets" jobs1
row "batch --jobs 2, snippets" jobs2 plain2
row "batch --jobs 1, snippets + actor facet" facets1
row "batch --jobs 2, snippets + actor facet" facets2 plain2
