#!/usr/bin/env bash
# Batch search throughput on the BBC corpus against a plain Xapian loop, same run.
#
#   bash bench/batch_throughput.sh [BUILD_DIR]       (default: build)
#
# Indexes /work/shared/data/bbc (as JSONL, ids "category/NNN.txt"), makes 2,000 seeded
# queries (scripts/make_queries.py --seed 3), then answers them with
#   - dossier-plain-loop: open once, Xapian QueryParser, top 10, document data, no snippets;
#   - dossier-search --batch, top 10 with snippets (JSONL), --jobs 1 and --jobs 2;
#   - the same with --facets actor (exact actor counts over every match).
# Prints queries/s for each and the batch rate per core as a share of the plain loop's.
# Checks the answers too: one output line per query, no error records, and --jobs 2
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

now() { date +%s.%N; }
rate() { python3 -c "print(f'{$1 / ($3 - $2):.0f}')"; }

read -r plain_n plain_hits plain_s < <("$build/bench/dossier-plain-loop" "$work/db" "$work/q.tsv")
plain_qps=$(python3 -c "print(f'{$plain_n / $plain_s:.0f}')")
[ "$plain_hits" -gt 0 ] || { echo "plain loop found nothing" >&2; exit 1; }

# run NAME ARGS...: times one batch, checks its output, prints its rate.
declare -A qps
run() {
  local name=$1; shift
  local t0 t1
  t0=$(now)
  "$build/searcher/dossier-search" --db "$work/db" --batch "$work/q.tsv" --no-header -n 10 \
    "$@" >"$work/$name.jsonl"
  t1=$(now)
  [ "$(wc -l <"$work/$name.jsonl")" -eq "$n" ] || { echo "$name: wrong line count" >&2; exit 1; }
  if grep -q '"error":' "$work/$name.jsonl"; then echo "$name: error records" >&2; exit 1; fi
  qps[$name]=$(rate "$n" "$t0" "$t1")
}
run jobs1 --jobs 1
run jobs2 --jobs 2
cmp -s "$work/jobs1.jsonl" "$work/jobs2.jsonl" || { echo "jobs 2 output differs" >&2; exit 1; }
run facets1 --jobs 1 --facets actor
run facets2 --jobs 2 --facets actor
cmp -s "$work/facets1.jsonl" "$work/facets2.jsonl" || { echo "facets output differs" >&2; exit 1; }

share() { python3 -c "print(f'{100 * $1 / $2 / $3:.0f}%')"; }
echo "BBC: $(python3 -c "import json;print(json.load(open('/dev/stdin'))['database']['documents'])" \
  < <("$build/searcher/dossier-search" --db "$work/db" --batch - <<<'x' | head -1)) articles, $n queries, top 10, $(nproc) cores"
echo "| run | queries/s | per core vs plain loop |"
echo "|---|---|---|"
echo "| plain Xapian loop (1 thread, no snippets) | $plain_qps | 100% |"
echo "| batch --jobs 1, snippets | ${qps[jobs1]} | $(share "${qps[jobs1]}" "$plain_qps" 1) |"
echo "| batch --jobs 2, snippets | ${qps[jobs2]} | $(share "${qps[jobs2]}" "$plain_qps" 2) |"
echo "| batch --jobs 1, snippets + actor facet | ${qps[facets1]} | $(share "${qps[facets1]}" "$plain_qps" 1) |"
echo "| batch --jobs 2, snippets + actor facet | ${qps[facets2]} | $(share "${qps[facets2]}" "$plain_qps" 2) |"
