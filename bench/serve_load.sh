#!/usr/bin/env bash
# dossier-serve under load on the BBC corpus, against the CLI batch for the same queries.
#
#   bash bench/serve_load.sh [BUILD_DIR]      (default: build; SECONDS_PER_RUN=60)
#
# Indexes BBC (as bench/batch_throughput.sh does), makes its 2,000 seeded queries
# (scripts/make_queries.py --seed 3), then
#   - answers them, CLI_REPEAT times over (default 10), with `dossier-search --batch
#     --facets actor,date --jobs 2` and takes its CPU time (user + sys): the CLI's
#     queries per CPU-second;
#   - starts `dossier-serve --threads 64 --quiet` (a keep-alive connection holds a worker) and runs bench/serve_load.py for
#     SECONDS_PER_RUN seconds at 1, 8 and 64 keep-alive connections, each query as
#     GET /api/v1/search?q=...&facets=actor,date: requests, errors, p50/p99 latency, the
#     server's CPU time and RSS (first, max, last sample; the peak since start, VmHWM).
#     The requests come from Debian's wrk (installed here if missing, as bench/index.sh
#     installs omindex), or from the script's own threads with CLIENT=python.
# The issue's targets: server queries per CPU-second at least 0.7x the CLI's; 0 errors at
# 64 connections; RSS stable (last close to max). Prints one JSON line per run and a
# summary; docs/BENCHMARKS.md keeps the figures.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
seconds="${SECONDS_PER_RUN:-60}"
. "$root/scripts/data_dir.sh"
bbc="$data/bbc"
require_data "$bbc" "the BBC data set"
cmake --build "$build" -j2 --target dossier-index dossier-search dossier-serve >/dev/null
client="${CLIENT:-wrk}"
if [ "$client" = wrk ] && ! command -v wrk >/dev/null 2>&1; then
  echo "bench: installing wrk" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi

work="$(mktemp -d /tmp/dossier_serve_load.XXXXXX)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

python3 "$root/scripts/bbc_to_jsonl.py" "$bbc" >"$work/bbc.jsonl"
"$build/indexer/dossier-index" --db "$work/db" --quiet "$work/bbc.jsonl"
python3 "$root/scripts/make_queries.py" --from-bbc "$bbc" --count 2000 --seed 3 >"$work/q.tsv"
n=$(wc -l <"$work/q.tsv")

# The CLI batch: same queries, same facets, top 10 with snippets (the API's defaults),
# the set CLI_REPEAT times over (default 10): the batch's start-up (opening the database,
# loading its tables) is paid once, as the server's is before the runs, and on BBC it is
# about a sixth of one pass's CPU time.
repeat="${CLI_REPEAT:-10}"
for r in $(seq "$repeat"); do sed "s/^/r$r-/" "$work/q.tsv"; done >"$work/q_cli.tsv"
n_cli=$((n * repeat))
/usr/bin/time -f "%e %U %S" -o "$work/cli.time" \
  "$build/searcher/dossier-search" --db "$work/db" --batch "$work/q_cli.tsv" --facets actor,date \
  --jobs 2 >"$work/cli.out"
read -r cli_wall cli_user cli_sys <"$work/cli.time"
cli_rate=$(python3 -c "print(round($n_cli / ($cli_user + $cli_sys), 1))")
echo "{\"cli_batch\":true,\"queries\":$n_cli,\"wall_s\":$cli_wall,\"cpu_s\":$(python3 -c "print($cli_user + $cli_sys)"),\"queries_per_cpu_s\":$cli_rate}"

"$build/server/dossier-serve" --db "$work/db" --listen 127.0.0.1:0 --threads 64 --quiet \
  2>"$work/serve.err" &
server_pid=$!
for _ in $(seq 100); do grep -q "http://" "$work/serve.err" && break; sleep 0.1; done
port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.err" | head -1)

for connections in 1 8 64; do
  python3 "$root/bench/serve_load.py" --url "http://127.0.0.1:$port" --pid "$server_pid" \
    --queries "$work/q.tsv" --connections "$connections" --seconds "$seconds" --client "$client" |
    tee -a "$work/runs.jsonl"
done

python3 - "$work/runs.jsonl" "$cli_rate" <<'PY'
import json, sys
runs = [json.loads(line) for line in open(sys.argv[1])]
cli = float(sys.argv[2])
print(f"CLI batch: {cli} queries per CPU-second")
for r in runs:
    ratio = r["requests_per_cpu_s"] / cli if r["requests_per_cpu_s"] else 0
    print(f'{r["connections"]:>3} connections: {r["requests_per_s"]} req/s, '
          f'{r["requests_per_cpu_s"]} req per server CPU-s ({ratio:.2f}x CLI), '
          f'p50 {r["p50_ms"]} ms, p99 {r["p99_ms"]} ms, errors {r["errors"]}, '
          f'RSS {r["rss_mb_first"]} -> max {r["rss_mb_max"]}, last {r["rss_mb_last"]} MB, '
          f'peak since start {r["peak_rss_mb"]} MB')
PY
