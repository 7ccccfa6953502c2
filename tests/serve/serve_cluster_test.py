#!/usr/bin/env python3
"""dossier-serve over a cluster stub of two dossier-shard-servers on loopback ports: a shard
server killed and restarted on its port is picked up by the next request (503 naming it
meanwhile, or with --allow-partial the other shard's answer saying which is missing), a
connection the shard server closed when idle is opened again, and the --time-limit reaches
the shards' matches."""
import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.parse
from pathlib import Path

import serve_support as support

BIN = None  # support.Binaries, from the command line
SHARD_SERVER = None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ShardServer:
    """dossier-shard-server in a session of its own (it forks one process per connection):
    kill() ends it with its children, as a machine going down would."""

    def __init__(self, db, *extra, port=None):
        self.db, self.extra = str(db), extra
        self.log = tempfile.NamedTemporaryFile(prefix="dossier-shard-server-log-")
        for _ in range(5):
            self.port = port or free_port()
            if self._start():
                return
            if port:
                break
        raise RuntimeError("dossier-shard-server did not start: " + self.stderr())

    def _start(self):
        self.log.truncate(0)
        self.process = subprocess.Popen(
            [SHARD_SERVER, "--port", str(self.port), *self.extra, self.db],
            stdout=subprocess.DEVNULL, stderr=self.log, start_new_session=True)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if "serving" in self.stderr():
                return True
            if self.process.poll() is not None:
                return False  # the port was taken meanwhile
            time.sleep(0.02)
        self.kill()
        return False

    def stderr(self):
        return Path(self.log.name).read_text(encoding="utf-8", errors="replace")

    def line(self):
        return f"remote 127.0.0.1:{self.port}"

    def kill(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(30)


class ClusterServeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.root = Path(support.temp_root())
        cls.corpus, _ = support.make_corpus(BIN, cls.root)
        cls.sharded = cls.root / "sharded"
        subprocess.run([BIN.index, "--quiet", "--shards", "2", "--db", str(cls.sharded),
                        str(cls.corpus)], check=True)
        # The same two shards opened locally: what every answer must be, byte for byte.
        cls.local = cls.root / "local"
        cls.local.write_text("glass sharded/shard-0\nglass sharded/shard-1\n")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.root, ignore_errors=True)

    def setUp(self):
        self.started = []

    def tearDown(self):
        # Every process is stopped, even when one of them fails to stop cleanly; the
        # failures are reported after (a shard server left running would outlive the test).
        failures = []
        for process in reversed(self.started):
            try:
                if isinstance(process, ShardServer):
                    process.kill()
                else:
                    code, stderr = process.stop()
                    if code != 0:
                        failures.append(f"dossier-serve exit {code}:\n{stderr[-4000:]}")
            except Exception as error:  # noqa: BLE001 - reported below, after the others
                failures.append(repr(error))
        self.assertEqual(failures, [])

    def shard_server(self, shard, *extra, port=None):
        server = ShardServer(self.sharded / f"shard-{shard}", *extra, port=port)
        self.started.append(server)
        return server

    def cluster(self, name, lines):
        stub = self.root / name
        stub.write_text("".join(line + "\n" for line in lines))
        return stub

    def serve(self, stub, *extra):
        server = support.Server(BIN, stub, "--quiet", *extra)
        self.started.append(server)
        return server

    def search(self, server, params):
        return server.request("/api/v1/search?" + urllib.parse.urlencode(params))

    def expected(self, *args):
        out, code, err = support.run_search(BIN, "--db", str(self.local), "--format", "json", *args)
        self.assertEqual(code, 0, err)
        return out

    def test_a_restarted_shard_server_is_picked_up_by_the_next_request(self):
        first, second = self.shard_server(0), self.shard_server(1)
        stub = self.cluster("restart", [first.line(), second.line()])
        server = self.serve(stub, "--threads", "2")
        params = {"q": "venezuela", "facets": "actor,date,source", "limit": "3"}
        expected = self.expected("--facets", "actor,date,source", "-n", "3", "venezuela")
        self.assertEqual(self.search(server, params)[::2], (200, expected))

        first.kill()
        down = (f"shard '{first.line()}' of {stub} is unreachable: "
                "Couldn't connect (Connection refused)")
        for _ in range(3):  # each worker's searcher finds its connection gone
            status, _, body = server.json("/api/v1/search?q=venezuela")
            self.assertEqual((status, body), (503, {"error": down, "status": 503}))

        self.shard_server(0, port=first.port)
        for _ in range(4):  # every worker, whichever answers
            self.assertEqual(self.search(server, params)[::2], (200, expected))
        batch = b'{"id":"a","q":"maduro","facets":["actor"]}\nguaido\n'
        status, _, body = server.request("/api/v1/batch", data=batch)
        # The header's revision is null over remote shards: compare the answers.
        cli = subprocess.run([BIN.search, "--db", str(self.local), "--batch", "-"],
                             input=batch, capture_output=True).stdout
        self.assertEqual(status, 200)
        self.assertEqual(body.split(b"\n", 1)[1], cli.split(b"\n", 1)[1])

    def test_allow_partial_answers_without_a_shard_server_that_is_down(self):
        first, second = self.shard_server(0), self.shard_server(1)
        stub = self.cluster("partial", [first.line(), second.line()])
        survivors = self.cluster("survivors", [second.line()])
        server = self.serve(stub, "--threads", "2", "--allow-partial")
        params = {"q": "venezuela", "facets": "actor,date,source", "limit": "3"}
        args = ("--facets", "actor,date,source", "-n", "3", "venezuela")
        whole = self.expected(*args)
        self.assertEqual(self.search(server, params)[::2], (200, whole))
        self.assertNotIn("missing_shards", server.json("/api/v1/status")[2])

        first.kill()
        missing = f"127.0.0.1:{first.port}"
        out, code, err = support.run_search(BIN, "--db", str(survivors), "--format", "json", *args)
        self.assertEqual(code, 0, err)
        partial = as_partial(out, missing)
        for _ in range(4):  # every worker, whichever answers
            self.assertEqual(self.search(server, params)[::2], (200, partial))
        self.assertEqual(server.json("/api/v1/status")[2]["missing_shards"], [missing])
        batch = b'{"id":"a","q":"maduro","facets":["actor"]}\nguaido\n'
        status, _, body = server.request("/api/v1/batch", data=batch)
        cli = subprocess.run([BIN.search, "--db", str(survivors), "--batch", "-"],
                             input=batch, capture_output=True).stdout
        self.assertEqual(status, 200)
        self.assertEqual(body.split(b"\n", 1)[1], as_partial(cli.split(b"\n", 1)[1], missing))

        self.shard_server(0, port=first.port)
        for _ in range(4):
            self.assertEqual(self.search(server, params)[::2], (200, whole))
        self.assertNotIn("missing_shards", server.json("/api/v1/status")[2])

    def test_a_connection_the_shard_server_closed_when_idle_is_opened_again(self):
        remote = self.shard_server(0, "--idle-timeout", "0.2")
        stub = self.cluster("idle", [remote.line(), "glass sharded/shard-1"])
        server = self.serve(stub, "--threads", "1")
        expected = self.expected("maduro")
        for _ in range(2):
            self.assertEqual(self.search(server, {"q": "maduro"})[::2], (200, expected))
            time.sleep(0.6)  # the shard server's child has closed the connection

    def test_the_time_limit_holds_over_remote_shards(self):
        first, second = self.shard_server(0), self.shard_server(1)
        stub = self.cluster("limited", [first.line(), second.line()])
        server = self.serve(stub, "--time-limit", "1e-9")
        timed_out = "the search took longer than its time limit of 1e-09 s"
        for params in ({"q": "maduro", "facets": "actor"}, {"q": "venezuela"},
                       {"q": "military", "sort": "date"}, {"q": "russia", "collapse": "1"}):
            status, _, body = server.json("/api/v1/search?" + urllib.parse.urlencode(params))
            self.assertEqual((status, body), (503, {"error": timed_out, "status": 503}), params)
        # A query no document matches is answered, as on a local database.
        status, _, body = server.json("/api/v1/search?q=zzyzx")
        self.assertEqual((status, body["total"]), (200, 0))
        status, _, body = server.request("/api/v1/batch", data=b'{"id":"a","q":"maduro"}\n')
        self.assertEqual(status, 200)
        self.assertIn(b'{"id":"a","error":"' + timed_out.encode() + b'"}', body)


def as_partial(answer, shard):
    """The JSON (Lines) `answer` of the surviving shards as an answer without `shard` says
    it: "partial" and "missing_shards" after "total_exact", "partial" after the facets'
    "exact"."""
    for value in (b"true", b"false"):
        answer = answer.replace(
            b'"total_exact":' + value,
            b'"total_exact":' + value + b',"partial":true,"missing_shards":["' + shard.encode() + b'"]')
        answer = answer.replace(b'"exact":' + value, b'"exact":' + value + b',"partial":true')
    return answer


def main():
    global BIN, SHARD_SERVER
    parser = argparse.ArgumentParser()
    support.add_arguments(parser)
    parser.add_argument("--shard-server", required=True)
    args, rest = parser.parse_known_args()
    BIN = support.Binaries(args)
    SHARD_SERVER = args.shard_server
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)


if __name__ == "__main__":
    main()
