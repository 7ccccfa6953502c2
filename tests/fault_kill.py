#!/usr/bin/env python3
"""Kill the indexer at random moments: the next run must give the clean database's answers.

For each scenario, a clean run gives the reference answers (a batch of queries with every
facet, and the actor listing); then TRIALS times: the same run is started, killed with
SIGKILL at a random instant of its duration (from the first instant, so shard creation and
the first commits are hit as well as the last ones), re-run to completion, and its answers
compared byte for byte with the reference. Scenarios:
  create   a new database from a corpus;
  shards   a new database with --shards 2 (the re-run names --shards 2 again, as the README
           says an interrupted creation is finished);
  prune    an up-to-date database after files were deleted, rewritten and added, with --prune;
  sidecar  an up-to-date database after its metadata sidecar changed every date and source.
Prints one line per scenario and "N passed, N failed"; exit 1 on any difference.

    python3 tests/fault_kill.py --index BIN --search BIN [--trials 20] [--seed 7]
"""

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

FIRST_NAMES = ["Maria", "Ahmed", "Olga", "Chen", "Luis", "Fatima", "John", "Ingrid", "Kwame", "Aiko"]
LAST_NAMES = ["Santos", "Haddad", "Petrova", "Wei", "Ortega", "Diallo", "Miller", "Berg", "Mensah", "Sato"]
COUNTRIES = ["France", "Brazil", "Kenya", "Japan", "Germany", "Chile", "Egypt", "Canada"]
TOPICS = ["oil prices", "election results", "trade talks", "football cup", "bank rates",
          "flood relief", "film festival", "court ruling"]
QUERIES = ["oil", "election", "minister", "trade talks", "Santos", "Kenya OR Japan",
           '"bank rates"', "cup -football", "festival", "ruling court"]


def article(rng, number):
    """One article: a headline, a dateline, and sentences naming people and countries."""
    topic = rng.choice(TOPICS)
    person = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    other = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    country = rng.choice(COUNTRIES)
    day = 1 + number % 28
    lines = [f"{topic.capitalize()} in {country}: report {number}", "",
             f"PARIS, 2019-03-{day:02d} - Minister {person} spoke about {topic} in {country}."]
    for _ in range(rng.randint(3, 8)):
        lines.append(f"{other} of {rng.choice(COUNTRIES)} said the {rng.choice(TOPICS)} "
                     f"mattered to {person} and to the people of {country}, article {number}.")
    return "\n".join(lines) + "\n"


def write_corpus(folder, rng, names):
    for name in names:
        path = os.path.join(folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(article(rng, int(name.split("/")[-1][1:-4])))


def write_sidecar(folder, names, rng):
    with open(os.path.join(folder, "metadata.jsonl"), "w", encoding="utf-8") as f:
        for name in names:
            f.write(json.dumps({"id": name, "date": f"2020-{rng.randint(1, 12):02d}-"
                                f"{rng.randint(1, 28):02d}",
                                "source": rng.choice(["wire", "daily", "weekly"])}) + "\n")


class Binaries:
    def __init__(self, index_bin, search_bin, work):
        self.index_bin, self.search_bin, self.work = index_bin, search_bin, work
        self.queries = os.path.join(work, "queries.jsonl")
        with open(self.queries, "w", encoding="utf-8") as f:
            for i, q in enumerate(QUERIES):
                f.write(json.dumps({"id": i, "q": q, "limit": 20,
                                    "facets": ["actor", "date", "source"]}) + "\n")

    def index_cmd(self, db, args):
        return [self.index_bin, "--db", db, "--quiet", "--commit-every", "10", *args]

    def run_index(self, db, args):
        r = subprocess.run(self.index_cmd(db, args), capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"indexer exit {r.returncode}: {r.stderr.strip()}")

    def answers(self, db):
        """What a user sees: the batch answers (no header: uuid and revision differ) and actors."""
        batch = subprocess.run([self.search_bin, "--db", db, "--batch", self.queries,
                                "--no-header", "--jobs", "1"], capture_output=True, text=True)
        actors = subprocess.run([self.search_bin, "--db", db, "actors", "--limit", "1000"],
                                capture_output=True, text=True)
        return f"{batch.returncode}\n{batch.stdout}{batch.stderr}\n{actors.stdout}{actors.stderr}"


def killed_run(binaries, db, args, delay):
    """Starts the indexer, SIGKILLs it after `delay` seconds (if still running)."""
    proc = subprocess.Popen(binaries.index_cmd(db, args), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        proc.wait(timeout=delay)
        return False  # finished before the kill
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


def scenario(binaries, name, prepare, run_args, rerun_args, trials, rng):
    """prepare(db) brings a database (or nothing) to the state before the run under test."""
    work = os.path.join(binaries.work, name)
    clean_db = os.path.join(work, "clean.db")
    os.makedirs(work)
    prepare(clean_db)
    started = time.monotonic()
    binaries.run_index(clean_db, run_args)
    duration = time.monotonic() - started
    reference = binaries.answers(clean_db)
    passed, killed = 0, 0
    for trial in range(trials):
        db = os.path.join(work, f"trial{trial}.db")
        prepare(db)
        killed += killed_run(binaries, db, run_args, rng.uniform(0.0, duration * 1.1))
        binaries.run_index(db, rerun_args)
        if binaries.answers(db) == reference:
            passed += 1
        else:
            print(f"fault_kill: {name}: trial {trial}: answers differ from the clean run",
                  file=sys.stderr)
        shutil.rmtree(db) if os.path.isdir(db) else os.remove(db)
    print(f"fault_kill: {name}: {passed}/{trials} identical ({killed} killed mid-run, "
          f"clean run {duration:.2f} s)")
    return passed, trials - passed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", required=True, help="dossier-index binary")
    parser.add_argument("--search", required=True, help="dossier-search binary")
    parser.add_argument("--trials", type=int, default=int(os.environ.get("FAULT_TRIALS", 20)))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory(prefix="dossier_fault_") as work:
        binaries = Binaries(args.index, args.search, work)
        names = [f"f{i % 5}/n{i}.txt" for i in range(args.articles)]
        corpus = os.path.join(work, "corpus")
        write_corpus(corpus, random.Random(args.seed), names)
        write_sidecar(corpus, names, random.Random(args.seed + 1))

        # The prune run's folder is indexed first, then files are deleted, rewritten and
        # added under it (and its sidecar follows).
        changed = os.path.join(work, "changed")
        shutil.copytree(corpus, changed)
        changed_db = os.path.join(work, "changed_base.db")
        binaries.run_index(changed_db, [changed])
        gone = names[::4]
        for name in gone:
            os.remove(os.path.join(changed, name))
        write_corpus(changed, random.Random(args.seed + 2), names[1::6])
        extra = [f"f9/n{args.articles + i}.txt" for i in range(args.articles // 4)]
        write_corpus(changed, random.Random(args.seed + 3), extra)
        write_sidecar(changed, [n for n in names if n not in gone] + extra,
                      random.Random(args.seed + 1))

        residecar = os.path.join(work, "residecar")
        shutil.copytree(corpus, residecar)
        residecar_db = os.path.join(work, "residecar_base.db")
        binaries.run_index(residecar_db, [residecar])
        write_sidecar(residecar, names, random.Random(args.seed + 4))

        def nothing(db):
            pass

        def copy_of(source):
            return lambda db: shutil.copytree(source, db)

        results = [
            scenario(binaries, "create", nothing, [corpus], [corpus], args.trials, rng),
            scenario(binaries, "shards", nothing, ["--shards", "2", corpus],
                     ["--shards", "2", corpus], args.trials, rng),
            scenario(binaries, "prune", copy_of(changed_db), ["--prune", changed],
                     ["--prune", changed], args.trials, rng),
            scenario(binaries, "sidecar", copy_of(residecar_db), [residecar], [residecar],
                     args.trials, rng),
        ]
    passed = sum(p for p, _ in results)
    failed = sum(f for _, f in results)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
