#!/usr/bin/env python3
"""Load for dossier-serve: N keep-alive connections send the queries of a TSV file
(ID<TAB>QUERY, scripts/make_queries.py) as GET /api/v1/search?q=...&facets=... for a
number of seconds, and one JSON line is printed: requests, errors, requests/s, p50/p99/max
latency in ms, and the server's CPU seconds and RSS (read from /proc/PID) over the run, and
its peak RSS since it started (VmHWM).

  serve_load.py --url http://127.0.0.1:PORT --pid PID --queries q.tsv \
                --connections 8 --seconds 60 [--facets actor,date] [--client wrk|python]

The client shares the machine with the server. --client wrk (the default when Debian's wrk
is installed) sends the requests from one epoll thread of C, the way the issue asks; the
server's CPU per request is then measured with little of the client's work beside it.
--client python uses threads of this script (standard library only): with many
connections on two cores they take a good part of a core, and the server's CPU per request
comes out 5-15% higher than under wrk (docs/BENCHMARKS.md). Errors: non-2xx answers and
failed or timed-out requests (30 s, as the Python client waits).
"""
import argparse
import http.client
import json
import os
import re
import shutil
import subprocess
import tempfile
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
    parser.add_argument("--client", choices=("wrk", "python"),
                        default="wrk" if shutil.which("wrk") else "python")
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

    rss_samples = [process_rss_mb(args.pid)]
    cpu0 = process_cpu_seconds(args.pid)
    t0 = time.monotonic()
    run = run_wrk if args.client == "wrk" else run_threads
    result = run(args, target, paths, lambda: rss_samples.append(process_rss_mb(args.pid)))
    # The client's own count of its sending time (wrk's start-up and this script's polling
    # are not the server's), else the wall time of the run.
    wall = result.get("seconds", time.monotonic() - t0)
    cpu = process_cpu_seconds(args.pid) - cpu0
    requests = result["requests"]
    print(json.dumps({
        "connections": args.connections,
        "client": args.client,
        "requests": requests,
        "errors": result["errors"],
        "seconds": round(wall, 2),
        "requests_per_s": round(requests / wall, 1),
        "server_cpu_s": round(cpu, 2),
        "requests_per_cpu_s": round(requests / cpu, 1) if cpu > 0 else None,
        "p50_ms": result["p50_ms"],
        "p99_ms": result["p99_ms"],
        "max_ms": result["max_ms"],
        "rss_mb_first": round(rss_samples[0], 1),
        "rss_mb_max": round(max(rss_samples), 1),
        "rss_mb_last": round(rss_samples[-1], 1),
        "peak_rss_mb": round(process_rss_mb(args.pid, "VmHWM"), 1),
    }))


def run_threads(args, target, paths, sample):
    """The requests from threads of this process; `sample` is called once a second."""
    latencies, errors, lock = [], [0], threading.Lock()
    stop_at = time.monotonic() + args.seconds
    # Each client starts at its own place in the query list, so they do not ask in step.
    threads = [threading.Thread(target=client, args=(
        target.hostname, target.port, paths, k * len(paths) // args.connections, stop_at,
        latencies, errors, lock)) for k in range(args.connections)]
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        time.sleep(1)
        sample()
    for t in threads:
        t.join()
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors[0],
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 2),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 2),
        "max_ms": round(latencies[-1] * 1000, 2) if latencies else 0,
    }


# wrk's Lua script: the paths of a file, each connection (wrk's request() is called per
# request of any connection) taking the next one.
WRK_SCRIPT = """
local paths = {}
for line in io.lines(os.getenv("DOSSIER_LOAD_PATHS")) do paths[#paths + 1] = line end
local next_path = 0
request = function()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end
"""

WRK_DURATION = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def wrk_ms(text):
    """A wrk duration ("537.00us", "2.07ms", "1.20s") in milliseconds."""
    number, unit = re.fullmatch(r"([0-9.]+)([a-z]+)", text).groups()
    return round(float(number) * WRK_DURATION[unit], 2)


def run_wrk(args, target, paths, sample):
    """The requests from Debian's wrk, one thread; `sample` is called once a second."""
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "paths"), "w", encoding="utf-8") as f:
            f.write("\n".join(paths) + "\n")
        with open(os.path.join(tmp, "load.lua"), "w", encoding="utf-8") as f:
            f.write(WRK_SCRIPT)
        command = ["wrk", "-t", "1", "-c", str(args.connections), "-d", f"{max(1, round(args.seconds))}s",
                   "--timeout", "30s", "--latency", "-s", os.path.join(tmp, "load.lua"),
                   f"http://{target.hostname}:{target.port}"]
        env = dict(os.environ, DOSSIER_LOAD_PATHS=os.path.join(tmp, "paths"))
        process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
        while process.poll() is None:
            time.sleep(1)
            sample()
        out = process.stdout.read()
    if process.returncode != 0:
        raise SystemExit(f"serve_load.py: wrk failed:\n{out}")
    done = re.search(r"(\d+) requests in ([0-9.]+\w+)", out)
    requests = int(done.group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(non_2xx.group(1)) if non_2xx else 0) + \
        (sum(int(g) for g in socket.groups()) if socket else 0)
    latency = re.search(r"Latency\s+\S+\s+\S+\s+(\S+)", out)
    percent = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.MULTILINE))
    return {
        "requests": requests,
        "seconds": wrk_ms(done.group(2)) / 1000,
        "errors": errors,
        "p50_ms": wrk_ms(percent["50"]),
        "p99_ms": wrk_ms(percent["99"]),
        "max_ms": wrk_ms(latency.group(1)),
    }


if __name__ == "__main__":
    main()
