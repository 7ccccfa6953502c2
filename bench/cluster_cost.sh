#!/usr/bin/env bash
# What a batch costs over 1, 2 and 4 loopback shard servers against one local database, in
# CPU instructions (valgrind's callgrind: instruction counts do not depend on what else the
# machine runs, unlike any time), split between the client (dossier-search, which merges)
# and the shard servers (which match).
#
#   bash bench/cluster_cost.sh [BUILD_DIR]        QUERIES=300 SHARDS="1 2 4" by default
#
# Indexes BBC (../shared/data/bbc or $DOSSIER_DATA/bbc; as JSONL, ids "category/NNN.txt")
# whole and as N partitions (dossier-index --partition k/N), makes QUERIES seeded queries
# (scripts/make_queries.py --seed 3), and answers them with dossier-search --batch --jobs 1,
# top 10 with snippets, twice: as they are, and with the exact actor facet. Each shard
# server runs under callgrind (its per-connection child too, which does the matching), and
# so does the client. Every run is made twice, with the first query only and with all of
# them (servers started afresh for each): the difference, over QUERIES-1, is what a query
# costs once the processes are up (opening databases and connections is left out). Prints
# one row per run: instructions per query of the client, of all servers together and of the
# busiest server. The answers are checked: one line per query, no error record, and every
# cluster's lines equal one another's (all hold the same articles).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
. "$root/scripts/data_dir.sh"
bbc="$data/bbc"
require_data "$bbc" "the BBC data set"
queries="${QUERIES:-300}"
shards="${SHARDS:-1 2 4}"
cmake --build "$build" -j2 --target dossier-index dossier-search dossier-shard-server >/dev/null

work="$(mktemp -d /tmp/dossier_cluster_cost.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

python3 "$root/scripts/bbc_to_jsonl.py" "$bbc" >"$work/bbc.jsonl"
"$build/indexer/dossier-index" --db "$work/whole" --quiet "$work/bbc.jsonl"
python3 "$root/scripts/make_queries.py" --from-bbc "$bbc" --count "$queries" --seed 3 >"$work/q.tsv"
head -n 1 "$work/q.tsv" >"$work/q1.tsv"
[ "$queries" -ge 2 ] || { echo "QUERIES must be at least 2" >&2; exit 2; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
# The instructions a callgrind output file counted (its "totals:" line).
instructions() { sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$1"; }

# serve N: N partitions, one shard server each under callgrind; writes the stub $work/cN.
serve() {
  local n=$1 k port pid log
  : >"$work/c$n"
  for ((k = 0; k < n; k++)); do
    [ -d "$work/p$n-$k" ] ||
      "$build/indexer/dossier-index" --quiet --partition "$k/$n" --db "$work/p$n-$k" "$work/bbc.jsonl"
    port="$(free_port)"
    log="$work/s$n-$k.log"
    setsid valgrind --tool=callgrind --callgrind-out-file="$work/cg.s$n-$k.%p" \
      "$build/shard_server/dossier-shard-server" --port "$port" --active-timeout 3600 \
      --idle-timeout 3600 "$work/p$n-$k" >"$log" 2>&1 </dev/null &
    pid=$!
    pids+=("$pid")
    for _ in $(seq 600); do grep -qs serving "$log" && break; sleep 0.1; done
    grep -q serving "$log" || { echo "shard server $n/$k did not start" >&2; exit 1; }
    echo "remote 127.0.0.1:$port" >>"$work/c$n"
  done
}

stop_servers() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; done
  pids=()
}

# run NAME DB QUERY_FILE ARGS...: the batch under callgrind; its output to $work/NAME.out.
run() {
  local name=$1 db=$2 input=$3
  shift 3
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.client.$name" \
    "$build/searcher/dossier-search" --db "$db" --remote-timeout 3600 --batch "$input" \
    --jobs 1 --no-header -n 10 "$@" >"$work/$name.out" 2>"$work/$name.err"
  [ "$(wc -l <"$work/$name.out")" -eq "$(wc -l <"$input")" ] ||
    { echo "$name: wrong line count" >&2; exit 1; }
  if grep -q '"error":' "$work/$name.out"; then echo "$name: error records" >&2; exit 1; fi
}

# server_counts N: "shard:instructions ..." of the shard servers of `serve N` (stopped).
server_counts() {
  local f out=""
  for f in "$work"/cg.s"$1"-*; do
    # The per-connection child did the work; the listening parent next to nothing.
    out+=" $(basename "$f" | sed 's/^cg\.s[0-9]*-\([0-9]*\)\..*/\1/'):$(instructions "$f")"
  done
  echo "$out"
}

# measure NAME DB_OR_N ARGS...: runs the first query alone, then all of them (DB_OR_N a
# number: over that many shard servers, started afresh for each); sets $client1, $client,
# $servers1 and $servers (server_counts) for row().
measure() {
  local name=$1 db=$2 set
  shift 2
  servers1="" servers=""
  for set in 1 all; do
    if [[ "$db" =~ ^[0-9]+$ ]]; then
      rm -f "$work"/cg.s"$db"-*
      serve "$db"
      run "$name.$set" "$work/c$db" "$work/q${set/all/}.tsv" "$@"
      stop_servers
      if [ "$set" = 1 ]; then servers1=$(server_counts "$db"); else servers=$(server_counts "$db"); fi
    else
      run "$name.$set" "$db" "$work/q${set/all/}.tsv" "$@"
    fi
  done
  client1=$(instructions "$work/cg.client.$name.1")
  client=$(instructions "$work/cg.client.$name.all")
}

# row LABEL: instructions per query (all queries less the first alone) of the client and
# the servers, from measure().
row() {
  python3 - "$1" "$queries" "$client1" "$client" "$servers1" "$servers" <<'PY'
import collections, sys
label, q, client1, client = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
def per_shard(items):
    per = collections.Counter()
    for item in items.split():
        shard, n = item.split(":")
        per[shard] += int(n)
    return per
one, every = per_shard(sys.argv[5]), per_shard(sys.argv[6])
extra = {shard: every[shard] - one[shard] for shard in every}
m = lambda n: f"{n / (q - 1) / 1e6:.2f}"
total = sum(extra.values())
busiest = max(extra.values()) if extra else 0
print(f"| {label} | {m(client - client1)} | {m(total) if extra else '-'} "
      f"| {m(busiest) if extra else '-'} | {m(client - client1 + total)} |")
PY
}

echo "BBC: $queries queries, top 10 with snippets, --jobs 1; millions of instructions per" \
  "query once the processes are up (callgrind)"
echo "| run | client | servers, all | busiest server | total |"
echo "|---|---|---|---|---|"
for facets in "" "--facets actor"; do
  tag=${facets:+f}
  measure "local$tag" "$work/whole" $facets
  row "one local database${facets:+, actor facet}"
  for n in $shards; do
    measure "c$n$tag" "$n" $facets
    row "$n shard server$([ "$n" = 1 ] || echo s)${facets:+, actor facet}"
  done
  first=""
  for n in $shards; do
    if [ -z "$first" ]; then first=$n; continue; fi
    cmp -s "$work/c$first$tag.all.out" "$work/c$n$tag.all.out" ||
      echo "note: $n shards answer otherwise than $first (tied hits?)" >&2
  done
done
