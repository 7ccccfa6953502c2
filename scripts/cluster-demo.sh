#!/usr/bin/env bash
# A loopback cluster: indexes CORPUS (default corpus/) as N partitions (dossier-index
# --partition k/N), starts one dossier-shard-server per partition on free 127.0.0.1 ports,
# writes the stub DIR/cluster listing them, and runs an example search over it. The servers
# keep running; `bash scripts/cluster-demo.sh --stop [DIR]` stops them (their pids are in
# DIR/servers.pid). Usage: scripts/cluster-demo.sh [N] [CORPUS] [DIR]   (N default 3,
# DIR default build/cluster-demo). Installs and builds what is missing first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

stop_servers() {
  local pids="$1/servers.pid"
  [ -f "$pids" ] || return 0
  while read -r pid; do
    # Each server leads its own process group (setsid): its per-connection children go too.
    kill -- "-$pid" 2>/dev/null || true
  done <"$pids"
  rm -f "$pids"
}

if [ "${1:-}" = "--stop" ]; then
  stop_servers "${2:-build/cluster-demo}"
  exit 0
fi

n="${1:-3}"
corpus="${2:-corpus}"
dir="${3:-build/cluster-demo}"
case "$n" in '' | *[!0-9]* | 0) echo "cluster-demo: N must be a whole number >= 1" >&2; exit 2 ;; esac

bash scripts/setup.sh
if [ ! -x build/shard_server/dossier-shard-server ] || [ ! -x build/searcher/dossier-search ]; then
  bash scripts/build.sh build
fi
bin="$root/build"
[ -x "$bin/shard_server/dossier-shard-server" ] || {
  echo "cluster-demo: dossier-shard-server was not built (no xapian-core source?)" >&2
  exit 3
}

stop_servers "$dir"
rm -rf "$dir"
mkdir -p "$dir"

# A free loopback port: the kernel's pick for a socket bound to port 0, released at once.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

: >"$dir/cluster"
for ((k = 0; k < n; k++)); do
  "$bin/indexer/dossier-index" --quiet --partition "$k/$n" --db "$dir/part-$k" "$corpus"
  for attempt in 1 2 3 4 5; do
    port="$(free_port)"
    setsid "$bin/shard_server/dossier-shard-server" --port "$port" "$dir/part-$k" \
      >"$dir/server-$k.log" 2>&1 </dev/null &
    pid=$!
    # Ready once it says it listens; gone when the port was taken meanwhile (try another).
    for _ in $(seq 100); do
      grep -q serving "$dir/server-$k.log" 2>/dev/null && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.05
    done
    if grep -q serving "$dir/server-$k.log" 2>/dev/null; then break; fi
    kill -- "-$pid" 2>/dev/null || true
    pid=""
  done
  [ -n "$pid" ] || { echo "cluster-demo: shard server $k did not start" >&2; exit 3; }
  echo "$pid" >>"$dir/servers.pid"
  echo "remote 127.0.0.1:$port" >>"$dir/cluster"
done

echo "cluster-demo: $n shard servers on 127.0.0.1; stub $dir/cluster:"
sed 's/^/  /' "$dir/cluster"
echo
echo "\$ dossier-search --db $dir/cluster --limit 3 --facets actor --facet-size 3 'military aid'"
"$bin/searcher/dossier-search" --db "$dir/cluster" --limit 3 --facets actor --facet-size 3 \
  'military aid' || true
echo
echo "Stop the servers with: bash scripts/cluster-demo.sh --stop $dir"
