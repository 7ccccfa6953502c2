"""Shared by the dossier-serve tests: a dated copy of corpus/, its database, and a real
server on a free loopback port, started and stopped by the test (standard library only)."""
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

# Dates and sources for the five articles of corpus/ (a metadata.jsonl sidecar), so the
# timeline and the source facet have something to show.
METADATA = [
    {"id": "000_294354c3b5f7a554.txt", "date": "2019-01-28", "source": "Sputnik"},
    {"id": "001_4132258e9ace6acd.txt", "date": "2019-01-28", "source": "Sputnik"},
    {"id": "002_f98af769265f09ba.txt", "date": "2019-02-23", "source": "Reuters"},
    {"id": "003_7aba643725984cd2.txt", "date": "2019-03-14", "source": "Sputnik"},
    {"id": "004_de6bcb39d1aac536.txt", "source": "Al Jazeera"},
]


class Binaries:
    def __init__(self, args):
        self.index, self.search, self.serve = args.index, args.search, args.serve
        self.corpus = Path(args.corpus)


def make_corpus(binaries, root):
    """Copies corpus/ to root/corpus with the sidecar and indexes it into root/db."""
    corpus = Path(root) / "corpus"
    shutil.copytree(binaries.corpus, corpus, ignore=shutil.ignore_patterns("README.md"))
    with open(corpus / "metadata.jsonl", "w", encoding="utf-8") as f:
        for record in METADATA:
            f.write(json.dumps(record) + "\n")
    db = Path(root) / "db"
    index(binaries, db, corpus)
    return corpus, db


def index(binaries, db, corpus, *options):
    subprocess.run([binaries.index, "--db", str(db), *options, str(corpus)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def run_search(binaries, *args):
    """dossier-search's stdout (bytes), exit code and stderr."""
    done = subprocess.run([binaries.search, *args], capture_output=True)
    return done.stdout, done.returncode, done.stderr.decode()


class Server:
    """dossier-serve on 127.0.0.1 and a port the kernel picked (--listen HOST:0)."""

    def __init__(self, binaries, db, *extra, listen="127.0.0.1:0"):
        # stderr goes to a file: a pipe nobody reads would fill up with the access log.
        self.log = tempfile.NamedTemporaryFile(prefix="dossier-serve-log-")
        self.process = subprocess.Popen(
            [binaries.serve, "--db", str(db), "--listen", listen, *extra],
            stdout=subprocess.DEVNULL, stderr=self.log)
        self.startup = self._wait_for_startup()
        address = self.startup.split("http://", 1)[1].split("/", 1)[0]
        self.port = int(address.rsplit(":", 1)[1])
        self.url = f"http://127.0.0.1:{self.port}"

    def _wait_for_startup(self):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            text = self.stderr()
            if "http://" in text:
                return text.splitlines()[0]
            if self.process.poll() is not None:
                raise RuntimeError("dossier-serve did not start: " + text)
            time.sleep(0.05)
        raise RuntimeError("dossier-serve did not start within 30 s: " + self.stderr())

    def stderr(self):
        return Path(self.log.name).read_text(encoding="utf-8", errors="replace")

    def request(self, path, data=None, method=None, headers=None):
        """(status, headers, body bytes) of one request; never raises on an HTTP status."""
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=30) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def json(self, path, **kwargs):
        status, headers, body = self.request(path, **kwargs)
        return status, headers, json.loads(body)

    def stop(self):
        """SIGTERM; returns (exit code, everything written on stderr)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()  # never left running: the caller sees the kill's code
            code = self.process.wait()
        return code, self.stderr()


def add_arguments(parser):
    parser.add_argument("--index", required=True)
    parser.add_argument("--search", required=True)
    parser.add_argument("--serve", required=True)
    parser.add_argument("--corpus", required=True)


def temp_root():
    return tempfile.mkdtemp(prefix="dossier-serve-test-", dir=os.environ.get("TMPDIR"))
