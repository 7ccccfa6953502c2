#!/usr/bin/env python3
"""dossier-serve under hostile clients: thousands of malformed requests (bad methods,
truncated bodies, huge headers and request lines, invalid UTF-8 and percent escapes,
broken chunked bodies, random bytes) and slow-trickling connections, against a real server
on a free loopback port. Between them, good requests must all be answered 200 with the same
body, the server must not crash, and its memory must stay bounded.

    serve_hostile_test.py --index BIN --search BIN --serve BIN --corpus DIR [--requests N]
"""
import argparse
import os
import random
import shutil
import socket
import sys
import threading
import time

import serve_support as support

GOOD = "/api/v1/search?q=maduro&facets=actor,date,source"


def malformed(rng):
    """One malformed request's bytes, of a random kind."""
    kind = rng.randrange(10)
    if kind == 0:  # unknown method
        return b"BREW /api/v1/search?q=x HTTP/1.1\r\nHost: x\r\n\r\n"
    if kind == 1:  # body shorter than its Content-Length, then the client hangs up
        return b"POST /api/v1/batch HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\nmaduro\n"
    if kind == 2:  # 20 KB of headers
        return b"GET /api/v1/status HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20000 + b"\r\n\r\n"
    if kind == 3:  # a 12 KB request line
        return b"GET /api/v1/search?q=" + b"b" * 12000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"
    if kind == 4:  # invalid UTF-8 and broken percent escapes in the path and the query
        return (b"GET /api/v1/search?q=%ff%fe%C3%28" + bytes([0xC3, 0x28]) +
                b"&actor=%&facets=%zz HTTP/1.1\r\nHost: x\r\n\r\n")
    if kind == 5:  # a chunked body with a bad chunk size
        return (b"POST /api/v1/batch HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                b"zz\r\nmaduro\r\n0\r\n\r\n")
    if kind == 6:  # a negative and a huge Content-Length
        size = rng.choice([b"-5", b"99999999999999999999"])
        return b"POST /api/v1/batch HTTP/1.1\r\nHost: x\r\nContent-Length: " + size + b"\r\n\r\nx"
    if kind == 7:  # no HTTP version, or a wrong one
        return rng.choice([b"GET /\r\n\r\n", b"GET / HTTP/9.9\r\nHost: x\r\n\r\n"])
    if kind == 8:  # a header line without a colon, control bytes
        return b"GET /api/v1/status HTTP/1.1\r\nHost x\r\n\x00\x01\x02\r\n\r\n"
    return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))  # random bytes


def send_raw(port, data):
    """Sends `data`, half-closes, and reads whatever comes back until the server closes."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        try:
            s.sendall(data)
            s.shutdown(socket.SHUT_WR)
            while s.recv(65536):
                pass
        except (ConnectionResetError, BrokenPipeError):
            pass  # the server may close first: that is an answer too


def trickle(port, stop):
    """A slowloris client: a header byte every 0.3 s on one connection, reconnecting."""
    while not stop.is_set():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
                s.sendall(b"GET /api/v1/status HTTP/1.1\r\nHost: x\r\n")
                while not stop.is_set():
                    s.sendall(b"X")
                    time.sleep(0.3)
        except OSError:
            time.sleep(0.1)  # dropped by the server's timeouts: start again


def rss_kib(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def main():
    parser = argparse.ArgumentParser()
    support.add_arguments(parser)
    parser.add_argument("--requests", type=int,
                        default=int(os.environ.get("HOSTILE_REQUESTS", 10000)))
    # AddressSanitizer keeps freed memory in quarantine (256 MB by default) instead of
    # reusing it, so its builds pass a larger allowance (tests/CMakeLists.txt).
    parser.add_argument("--rss-growth-mib", type=int, default=32)
    args = parser.parse_args()
    binaries = support.Binaries(args)
    root = support.temp_root()
    failures = []
    server = None
    try:
        _, db = support.make_corpus(binaries, root)
        server = support.Server(binaries, db, "--threads", "4", "--quiet")
        status, _, reference = server.request(GOOD)
        assert status == 200, status
        for _ in range(200):  # warm up before the first memory sample
            server.request(GOOD)
        rss_before = rss_kib(server.process.pid)

        stop = threading.Event()
        # Fewer than --threads: each holds a worker (cpp-httplib's model, docs/API.md).
        slow = [threading.Thread(target=trickle, args=(server.port, stop)) for _ in range(2)]
        for t in slow:
            t.start()
        rng = random.Random(5)
        good = 0
        started = time.monotonic()
        try:
            for n in range(args.requests):
                send_raw(server.port, malformed(rng))
                if n % 50 == 0:
                    status, _, body = server.request(GOOD)
                    good += 1
                    if (status, body) != (200, reference):
                        failures.append(f"good request after {n} malformed: {status}")
                if server.process.poll() is not None:
                    failures.append(f"server exited ({server.process.returncode}) after {n}")
                    break
        finally:
            stop.set()
            for t in slow:
                t.join()
        seconds = time.monotonic() - started
        rss_after = rss_kib(server.process.pid)
        # Bounded: what 10,000 requests leave behind must not grow with their number.
        if rss_after > rss_before + args.rss_growth_mib * 1024:
            failures.append(f"RSS grew from {rss_before} to {rss_after} KiB")
        code, log = server.stop()
        if code != 0:
            failures.append(f"exit {code} on SIGTERM: {log[-500:]}")
        print(f"serve_hostile: {args.requests} malformed requests and 2 trickling clients in "
              f"{seconds:.1f} s; {good} good requests answered; RSS {rss_before} -> "
              f"{rss_after} KiB")
    finally:
        if server is not None and server.process.poll() is None:
            server.process.kill()  # a failure above must not leave a server behind
            server.process.wait()
        shutil.rmtree(root, ignore_errors=True)
    for failure in failures[:20]:
        print("serve_hostile: FAILED: " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
