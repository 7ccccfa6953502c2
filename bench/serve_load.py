#!/usr/bin/env python3
"""A small load generator for dossier-serve: N client threads over keep-alive connections
send the queries of a TSV file (ID<TAB>QUERY, scripts/make_queries.py) as
GET /api/v1/search?q=...&facets=... for a number of seconds, and print one JSON line:
requests, errors, requests/s, p50/p99/max latency in ms, and the server's CPU seconds and
RSS (read from /proc/PID) over the run, and its peak RSS since it started (VmHWM).

  serve_load.py --url http://127.0.0.1:PORT --pid PID --queries q.tsv \
                --connections 8 --seconds 60 [--facets actor,date]

Standard library only. The client shares the machine: with many connections on few cores
its own threads add to the latencies measured (the server's CPU time does not include them).
"""
import argparse
import http.client
import json
import os
import threading
import time
import urllib.parse

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


def process_rss_mb(pid, field="VmRSS"):
    """RSS now (VmRSS), or the peak since the process started (VmHWM), in MB."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def client(host, port, paths, start, stop_at, latencies, errors, lock):
    conn = http.client.HTTPConnection(host, port, timeout=30)
    mine, failed, i = [], 0, start
    while time.monotonic() < stop_at:
        path = paths[i % len(paths)]
        i += 1
        t0 = time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                failed += 1
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=30)
        except (OSError, http.client.HTTPException):
            failed += 1
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=30)
        mine.append(time.perf_counter() - t0)
    conn.close()
    with lock:
        latencies.extend(mine)
        errors[0] += failed


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    return sorted_values[min(len(sorted_values) - 1, int(p * len(sorted_values)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--facets", default="actor,date")
    args = parser.parse_args()

    target = urllib.parse.urlsplit(args.url)
    paths = []
    with open(args.queries, encoding="utf-8") as f:
        for line in f:
            query = line.rstrip("\n").split("\t", 1)[-1]
            params = {"q": query}
            if args.facets:
                params["facets"] = args.facets
            paths.append("/api/v1/search?" + urllib.parse.urlencode(params))

    latencies, errors, lock = [], [0], threading.Lock()
    rss_samples = [process_rss_mb(args.pid)]
    cpu0 = process_cpu_seconds(args.pid)
    t0 = time.monotonic()
    stop_at = t0 + args.seconds
    # Each client starts at its own place in the query list, so they do not ask in step.
    threads = [threading.Thread(target=client, args=(
        target.hostname, target.port, paths, k * len(paths) // args.connections, stop_at,
        latencies, errors, lock)) for k in range(args.connections)]
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        time.sleep(1)
        rss_samples.append(process_rss_mb(args.pid))
    for t in threads:
        t.join()
    wall = time.monotonic() - t0
    cpu = process_cpu_seconds(args.pid) - cpu0
    latencies.sort()
    print(json.dumps({
        "connections": args.connections,
        "requests": len(latencies),
        "errors": errors[0],
        "seconds": round(wall, 2),
        "requests_per_s": round(len(latencies) / wall, 1),
        "server_cpu_s": round(cpu, 2),
        "requests_per_cpu_s": round(len(latencies) / cpu, 1) if cpu > 0 else None,
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 2),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 2),
        "max_ms": round(latencies[-1] * 1000, 2) if latencies else 0,
        "rss_mb_first": round(rss_samples[0], 1),
        "rss_mb_max": round(max(rss_samples), 1),
        "rss_mb_last": round(rss_samples[-1], 1),
        "peak_rss_mb": round(process_rss_mb(args.pid, "VmHWM"), 1),
    }))


if __name__ == "__main__":
    main()
