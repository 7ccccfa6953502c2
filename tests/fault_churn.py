#!/usr/bin/env python3
"""Files that vanish or change while the indexer reads them: reported, never a crash, and
the next run converges.

Each trial starts `dossier-index` on a corpus and, while it runs, deletes a fifth of the
files and rewrites a seventh of the rest at random instants (so some disappear between the
listing and the read, some change after being read, some before). The run must end with
exit 0 and only "skipped PATH: reason" lines on stderr; a second run with --prune must
then give exactly the answers of a clean build of the corpus as it ended.

    python3 tests/fault_churn.py --index BIN --search BIN [--trials 8] [--seed 11]
"""

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

from fault_kill import Binaries, write_corpus

REPORTED = re.compile(r"^dossier-index: skipped \S+: .+$")


def churn(folder, names, rng, duration):
    """Deletes names[::5] and rewrites every 7th of the others, in random order over
    `duration` seconds (the two sets are disjoint: the end state is the same in any order)."""
    deleted = set(names[::5])
    changes = [("delete", n) for n in deleted] + \
        [("rewrite", n) for n in names[1::7] if n not in deleted]
    rng.shuffle(changes)
    start = time.monotonic()
    for i, (what, name) in enumerate(changes):
        target = start + duration * (i + 1) / len(changes)
        time.sleep(max(0.0, target - time.monotonic()))
        path = os.path.join(folder, name)
        if what == "delete":
            os.remove(path)
        else:
            write_corpus(folder, random.Random(hash(name) & 0xFFFF), [name])


def final_state(work, source, names, rng_seed):
    """A corpus folder named like `source`, holding what the churn leaves."""
    folder = os.path.join(work, "final", os.path.basename(source))
    shutil.copytree(source, folder)
    churn(folder, names, random.Random(rng_seed), 0.0)
    return folder


def trial(binaries, work, pristine, names, number, rng, duration, reference):
    corpus = os.path.join(work, f"trial{number}", "corpus")
    shutil.copytree(pristine, corpus)
    db = os.path.join(work, f"trial{number}.db")
    proc = subprocess.Popen(binaries.index_cmd(db, [corpus]), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    time.sleep(rng.uniform(0.0, duration * 0.3))
    churn(corpus, names, random.Random(number), rng.uniform(0.2, 1.0) * duration)
    _, stderr = proc.communicate()
    lines = stderr.splitlines()
    problems = []
    if proc.returncode != 0:
        problems.append(f"exit {proc.returncode}")
    problems += [f"unexpected stderr line {line!r}" for line in lines if not REPORTED.match(line)]
    rerun = subprocess.run(binaries.index_cmd(db, ["--prune", corpus]), capture_output=True,
                           text=True)
    if rerun.returncode != 0:
        problems.append(f"rerun exit {rerun.returncode}: {rerun.stderr.strip()}")
    elif binaries.answers(db) != reference:
        problems.append("answers after the rerun differ from a clean build")
    shutil.rmtree(db)
    shutil.rmtree(os.path.dirname(corpus))
    return problems, len(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", required=True, help="dossier-index binary")
    parser.add_argument("--search", required=True, help="dossier-search binary")
    parser.add_argument("--trials", type=int, default=int(os.environ.get("FAULT_TRIALS", 8)))
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--articles", type=int, default=400)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory(prefix="dossier_churn_") as work:
        binaries = Binaries(args.index, args.search, work)
        names = [f"f{i % 5}/n{i}.txt" for i in range(args.articles)]
        pristine = os.path.join(work, "pristine", "corpus")
        write_corpus(pristine, random.Random(args.seed), names)
        final = final_state(work, pristine, names, 0)
        clean = os.path.join(work, "clean.db")
        started = time.monotonic()
        binaries.run_index(clean, [pristine])
        duration = time.monotonic() - started
        shutil.rmtree(clean)
        binaries.run_index(clean, [final])
        reference = binaries.answers(clean)

        failed = 0
        for number in range(args.trials):
            problems, reported = trial(binaries, work, pristine, names, number, rng, duration,
                                       reference)
            verdict = "ok" if not problems else "FAILED: " + "; ".join(problems)
            print(f"fault_churn: trial {number}: {reported} files reported skipped: {verdict}")
            failed += bool(problems)
    print(f"{args.trials - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
