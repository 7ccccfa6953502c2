#!/usr/bin/env python3
"""Ranking quality on CISI: builds, indexes, runs every query, scores, prints one table.

Every configuration is measured in the same run on the same database, through the real
binaries: dossier-index (JSONL input) and dossier-search --batch --format trec --plain
--match any (a topic is a bag of words: any word may match), scored by
scripts/trec_eval.py (MAP over 1000 hits, P@10, nDCG@10; the 76 judged queries). Rows: Xapian's defaults (BM25 k1=1, b=0.5, with our analyser), a few
alternatives, and Dossier's defaults (no ranking option at all).

    python3 bench/eval_cisi.py                      # build/ in the repository
    python3 bench/eval_cisi.py --build-dir B --no-build
    python3 bench/eval_cisi.py --index-bin tw1=/tmp/tw1/build/indexer/dossier-index

--index-bin NAME=PATH indexes CISI again with another dossier-index (e.g. built with a
different schema::kTitleWeight) and adds a row for Dossier's defaults on that database.
CISI is for tuning only: prefer settings that are good over a broad region to the sharpest
CISI peak (held-out collections decide).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from dossier_data import UserError, data_path, require_data  # noqa: E402

CISI = data_path("ir-cisi")

# (label, dossier-search options); Dossier's defaults come last, with no options.
CONFIGS = [
    ("Xapian defaults: BM25 k1=1.0 b=0.5", ["--k1", "1.0", "--b", "0.5"]),
    ("k1=0.9 b=0.4 (Anserini's news default)", ["--k1", "0.9", "--b", "0.4"]),
    ("k1=1.2 b=0.75 (Robertson's classic)", ["--k1", "1.2", "--b", "0.75"]),
    ("k1=1.5 b=0.75", ["--k1", "1.5", "--b", "0.75"]),
    ("k1=2.0 b=0.75 (CISI's peak, long queries)", ["--k1", "2.0", "--b", "0.75"]),
    ("defaults, no query stemming", ["--no-stemming"]),
    ("defaults, stop words kept", ["--keep-stopwords"]),
    ("defaults + --expand 5", ["--expand", "5"]),
    ("defaults + --expand 10", ["--expand", "10"]),
    ("defaults, every word required (--match all)", ["--match", "all"]),
    ("Dossier defaults", []),
]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def evaluate(search_bin, db, queries, options, work):
    """Runs every query, returns (map, p@10, ndcg@10, queries per second)."""
    run_path = os.path.join(work, "run.txt")
    with open(queries, "rb") as src:
        n_queries = sum(1 for line in src if line.strip())
    start = time.perf_counter()
    with open(run_path, "w") as out:
        cmd = [search_bin, "--db", db, "--batch", queries, "--format", "trec", "--plain",
               "--limit", "1000", "--jobs", "1"] + options
        if "--match" not in options:
            cmd += ["--match", "any"]
        # Exit 2 would mean a query failed: every CISI query must be answered.
        run(cmd, stdout=out)
    seconds = time.perf_counter() - start
    scores = json.loads(run([sys.executable, os.path.join(ROOT, "scripts", "trec_eval.py"),
                             os.path.join(CISI, "CISI.REL"), run_path, "--json"],
                            capture_output=True, text=True).stdout)
    return scores["map"], scores["p_at_k"], scores["ndcg_at_k"], n_queries / seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build-dir", default=os.path.join(ROOT, "build"))
    parser.add_argument("--no-build", action="store_true", help="use the binaries as they are")
    parser.add_argument("--index-bin", action="append", default=[], metavar="NAME=PATH",
                        help="also index with this dossier-index and score Dossier's defaults")
    args = parser.parse_args()
    try:
        require_data(CISI, "CISI")
    except UserError as err:
        sys.exit(f"eval_cisi.py: error: {err}")

    if not args.no_build:
        run(["cmake", "--build", args.build_dir, "-j2", "--target", "dossier-index",
             "dossier-search"], stdout=subprocess.DEVNULL)
    index_bin = os.path.join(args.build_dir, "indexer", "dossier-index")
    search_bin = os.path.join(args.build_dir, "searcher", "dossier-search")

    with tempfile.TemporaryDirectory(prefix="dossier_cisi_") as work:
        docs = os.path.join(work, "cisi.jsonl")
        queries = os.path.join(work, "queries.tsv")
        scripts = os.path.join(ROOT, "scripts")
        run([sys.executable, os.path.join(scripts, "cisi_to_jsonl.py"),
             os.path.join(CISI, "CISI.ALL"), docs], stderr=subprocess.DEVNULL)
        run([sys.executable, os.path.join(scripts, "cisi_queries.py"),
             os.path.join(CISI, "CISI.QRY"), queries], stderr=subprocess.DEVNULL)
        db = os.path.join(work, "cisi.db")
        run([index_bin, "--db", db, "--quiet", docs])

        rows = []
        for label, options in CONFIGS:
            rows.append((label, evaluate(search_bin, db, queries, options, work)))
        for spec in args.index_bin:
            name, _, path = spec.partition("=")
            other = os.path.join(work, "cisi_" + name + ".db")
            run([path, "--db", other, "--quiet", docs])
            rows.append((f"Dossier defaults, index {name}",
                         evaluate(search_bin, other, queries, [], work)))

    print("| configuration | MAP | P@10 | nDCG@10 | queries/s |")
    print("|---|---|---|---|---|")
    for label, (m, p, n, qps) in rows:
        print(f"| {label} | {m:.4f} | {p:.4f} | {n:.4f} | {qps:.0f} |")


if __name__ == "__main__":
    main()
