#!/usr/bin/env python3
"""Precision and recall of Dossier's near-duplicate clusters, counted on pairs.

  eval_dedup.py SEARCH DB TRUTH [--strip-folder]

Runs `SEARCH --db DB duplicates --format json`; every two members of one cluster are a
found pair. TRUTH lists groups of copies, one group per line (ids separated by spaces);
every two ids of a group are a true pair. With --strip-folder the first path component of
found ids is dropped (BBC's DUPLICATES.txt names "business/007.txt", the database
"bbc/business/007.txt"). Prints the counts, precision and recall, and the pairs found that
are not in TRUTH (up to --show), for inspection.

TRUTH may list only some copies (BBC's lists byte-identical files, not a story updated or
re-headed). With --texts (a corpus folder, ids relative to it, the first line taken as the
headline; or a JSONL file with "id" and "body"), each found pair not in TRUTH is also
checked by its exact resemblance: the Jaccard index of the two bodies' sets of 4-word
shingles (lower-cased \w+ words, a tokenisation of this script's own). Pairs at or above
--threshold are near copies TRUTH does not list, and count as right in the adjusted
precision printed after.
"""

import argparse
import itertools
import json
import os
import re
import subprocess

from dossier_data import run_main


def pairs(groups):
    found = set()
    for group in groups:
        for a, b in itertools.combinations(sorted(set(group)), 2):
            found.add((a, b))
    return found


def shingles(text, width=4):
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + width]) for i in range(len(words) - width + 1)}


def body_reader(texts):
    """id -> body, from a corpus folder (the headline line dropped) or a JSONL file."""
    if os.path.isdir(texts):
        def read(doc_id):
            with open(os.path.join(texts, doc_id), encoding="utf-8", errors="replace") as f:
                return f.read().split("\n", 1)[-1]
        return read
    bodies = {}
    with open(texts, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            bodies[str(record["id"])] = record.get("body", record.get("text", ""))
    return bodies.__getitem__


def resemblance(read, a, b):
    x, y = shingles(read(a)), shingles(read(b))
    return len(x & y) / len(x | y) if x | y else 1.0


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("search")
    parser.add_argument("db")
    parser.add_argument("truth")
    parser.add_argument("--strip-folder", action="store_true")
    parser.add_argument("--show", type=int, default=20, help="pairs listed of each kind")
    parser.add_argument("--texts", help="corpus folder or JSONL: check extra pairs' resemblance")
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args()
    out = subprocess.run([args.search, "--db", args.db, "duplicates", "--format", "json"],
                         capture_output=True, text=True, check=False)
    if out.returncode not in (0, 1):
        raise SystemExit(f"eval_dedup: {args.search} failed: {out.stderr.strip()}")
    clusters = []
    for line in out.stdout.splitlines():
        ids = [m["id"] for m in json.loads(line)["members"]]
        if args.strip_folder:
            ids = [i.split("/", 1)[1] for i in ids]
        clusters.append(ids)
    with open(args.truth, encoding="utf-8") as f:
        truth = pairs(line.split() for line in f if line.strip())
    found = pairs(clusters)
    right = found & truth
    precision = len(right) / len(found) if found else 1.0
    recall = len(right) / len(truth) if truth else 1.0
    print(f"clusters {len(clusters)}, pairs found {len(found)}, true {len(truth)}, "
          f"right {len(right)}: precision {precision:.4f}, recall {recall:.4f}")
    extra = sorted(found - truth)
    if args.texts:
        read = body_reader(args.texts)
        scored = [(resemblance(read, a, b), a, b) for a, b in extra]
        near = sum(1 for r, _, _ in scored if r >= args.threshold)
        print(f"of the {len(extra)} pairs not in truth, {near} have an exact resemblance >= "
              f"{args.threshold}: adjusted precision {(len(right) + near) / len(found):.4f}")
        for r, a, b in sorted(scored)[:args.show]:
            print(f"  not in truth: {a} {b} resemblance {r:.3f}")
        extra = []
    for a, b in extra[:args.show]:
        print(f"  not in truth: {a} {b}")
    for a, b in sorted(truth - found)[:args.show]:
        print(f"  missed: {a} {b}")


if __name__ == "__main__":
    run_main(main)
