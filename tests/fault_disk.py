#!/usr/bin/env python3
"""A disk that fills up: every write that fails is exit 3 with one line, nothing is lost.

The test mounts a small tmpfs (root only; where it cannot mount it says so and exits 77,
which CTest reports as skipped) and checks, on a generated corpus:
  index    the database fills disks of several sizes mid-run: exit 3 with one line naming
           the database and the reason; the last commit opens and answers; after the disk
           grows, the same command completes and answers exactly as a clean build;
  report   --report on a full disk, the corpus holding a file to report: exit 3, one line;
  batch    `dossier-search --batch` writing to a full disk: exit 3, one line;
  search   one search's JSON written to a full disk: exit 3, one line (not a silent 0);
  analyze  `dossier-index analyze` to a full disk: exit 3, one line.

    python3 tests/fault_disk.py --index BIN --search BIN
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

from fault_kill import Binaries, write_corpus

SKIP = 77
FULL = "No space left on device"


class Tmpfs:
    """A tmpfs of `kib` KiB at `path`, unmounted on exit."""

    def __init__(self, path, kib):
        self.path = path
        os.makedirs(path)
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kib}k", "tmpfs", path],
                           capture_output=True, text=True)
        self.mounted = r.returncode == 0
        self.error = r.stderr.strip()

    def grow(self, kib):
        subprocess.run(["mount", "-o", f"remount,size={kib}k", self.path], check=True)

    def fill(self):
        """Writes a file until the disk is full."""
        with open(os.path.join(self.path, "filler"), "wb") as f:
            try:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
            except OSError:
                pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.mounted:
            subprocess.run(["umount", self.path], check=True)


class Checks:
    def __init__(self):
        self.failures = []

    def expect(self, name, ok, detail):
        print(f"fault_disk: {name}: {'ok' if ok else 'FAILED: ' + detail}")
        if not ok:
            self.failures.append(name)

    def one_line_exit_3(self, name, result, program, must_contain):
        lines = result.stderr.splitlines()
        ok = (result.returncode == 3 and len(lines) == 1 and lines[0].startswith(program + ": ")
              and all(text in lines[0] for text in must_contain))
        self.expect(name, ok, f"exit {result.returncode}, stderr {result.stderr!r}")


def documents(binaries, db):
    """The database's document count, from the batch header; None if it does not open."""
    r = subprocess.run([binaries.search_bin, "--db", db, "--batch", "-"], input="",
                       capture_output=True, text=True)
    if r.returncode != 0:
        return None
    return json.loads(r.stdout.splitlines()[0])["database"]["documents"]


def run(cmd, stdout_path=None):
    if stdout_path is None:
        return subprocess.run(cmd, capture_output=True, text=True)
    with open(stdout_path, "w") as out:
        return subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE, text=True)


# Disk sizes (KiB) the indexer fills: each stops it in another write.
DISK_KIB = [600, 1000, 1024, 1300, 1700]


def index_on_a_full_disk(binaries, checks, disk, corpus, articles, reference):
    """A full disk stops the run cleanly, keeps the last commit, and a rerun completes."""
    name = f"index ({disk.path.rsplit('small', 1)[1]} KiB)"
    db = os.path.join(disk.path, "db")
    full = run(binaries.index_cmd(db, [corpus]))
    checks.one_line_exit_3(f"{name}: a full disk stops the run", full, "dossier-index",
                           ["to database " + db, "(the last committed state is intact)", FULL])
    committed = documents(binaries, db)
    checks.expect(f"{name}: the last commit opens and answers",
                  committed is not None and 0 < committed < articles and committed % 10 == 0,
                  f"documents {committed}")
    disk.grow(16 * 1024)
    binaries.run_index(db, [corpus])
    checks.expect(f"{name}: the rerun with space equals a clean build",
                  binaries.answers(db) == reference, "answers differ")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", required=True, help="dossier-index binary")
    parser.add_argument("--search", required=True, help="dossier-search binary")
    parser.add_argument("--articles", type=int, default=400)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="dossier_disk_") as work:
        binaries = Binaries(args.index, args.search, work)
        names = [f"f{i % 5}/n{i}.txt" for i in range(args.articles)]
        corpus = os.path.join(work, "corpus")
        write_corpus(corpus, random.Random(7), names)
        clean = os.path.join(work, "clean.db")
        binaries.run_index(clean, [corpus])
        reference = binaries.answers(clean)
        checks = Checks()

        # About 2.4 MB of database: each size fills after some commits, in another write
        # of a commit: Xapian 1.4.22 aborted (std::terminate) when the write that failed
        # was one of its value merge (index/write_abort.h), at some of these sizes.
        for kib in DISK_KIB:
            with Tmpfs(os.path.join(work, f"small{kib}"), kib) as disk:
                if not disk.mounted:
                    print(f"fault_disk: skipped: cannot mount a tmpfs here ({disk.error})")
                    return SKIP
                index_on_a_full_disk(binaries, checks, disk, corpus, args.articles, reference)

        with Tmpfs(os.path.join(work, "full"), 64) as disk:
            disk.fill()
            # A corpus with a file to report (an empty one), so the report has a line.
            open(os.path.join(corpus, "f0", "empty.txt"), "w").close()
            report = os.path.join(disk.path, "report.jsonl")
            r = run(binaries.index_cmd(os.path.join(work, "report.db"),
                                       ["--report", report, corpus]))
            lines = r.stderr.splitlines()
            # The skipped file is told on stderr as always, then the failed report.
            ok = (r.returncode == 3 and len(lines) == 2 and "empty.txt" in lines[0] and
                  lines[1] == f"dossier-index: cannot write report file {report}: {FULL}")
            checks.expect("report: a full disk is exit 3", ok,
                          f"exit {r.returncode}, stderr {r.stderr!r}")

            out = os.path.join(disk.path, "out")
            r = run([binaries.search_bin, "--db", clean, "--batch", binaries.queries], out)
            checks.one_line_exit_3("batch: output to a full disk", r, "dossier-search",
                                   ["cannot write"])
            r = run([binaries.search_bin, "--db", clean, "--format", "json", "minister"], out)
            # The reason shows when the last flush is the write that failed; an earlier
            # failed write leaves no trace of its errno.
            checks.one_line_exit_3("search: output to a full disk", r, "dossier-search",
                                   ["cannot write the output"])
            r = run([binaries.index_bin, "analyze", os.path.join(corpus, "f1")], out)
            checks.one_line_exit_3("analyze: output to a full disk", r, "dossier-index",
                                   ["cannot write the output"])

    print(f"{len(checks.failures)} failed")
    return 1 if checks.failures else 0


if __name__ == "__main__":
    sys.exit(main())
