#!/usr/bin/env python3
"""Trains the actor model: an averaged perceptron that types and filters the candidate
actors the extractor's rules propose (common/dossier/extract/actors/actor_model.tsv).

The articles of CoNLL-2003 English train (eng.train) are rebuilt as text the way
scripts/eval_actors.py does it, the extractor prints every candidate with its features
(`dossier-extract-actors --features`), and each candidate is labelled from the document's
gold entities: person, org or place (LOC; countries included) when its name or a form
equals a gold PER/ORG/LOC string, none when it matches nothing; candidates that match
only MISC strings (nationalities, events) are left out. The model is the mean of RUNS
averaged perceptrons, each visiting the candidates in an order of its own seed (a hash of
each candidate's document and name, so a rule that changes a few candidates does not
reorder the rest). Training is deterministic (fixed epochs, seeds and orders), so
retraining reproduces the file byte for byte: `--check` does that and compares (a ctest
runs it).

usage: scripts/train_actor_model.py [--data eng.train] [--extractor PATH] [--out PATH]
                                    [--check]
"""
import argparse
import json
import os
import hashlib
import multiprocessing
import subprocess
import sys
import tempfile

from dossier_data import UserError, data_path, require_data, run_main
from eval_actors import detokenize, entities, fold, read_conll

CLASSES = ("none", "person", "org", "place")
GOLD_CLASS = {"PER": "person", "ORG": "org", "LOC": "place"}
EPOCHS = 6
SEED = 2003
RUNS = 225  # perceptrons averaged, each visiting the candidates in its own order
SKIPPED = 77  # ctest's SKIP_RETURN_CODE for --check without the data
MIN_FEATURE_COUNT = 3
JUDGED_NEVER = {"lx:country"}  # features of candidates the model is never asked about  # rarer features are dropped from the file: noise, and size
CHECKOUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODEL = os.path.join(CHECKOUT, "common", "dossier", "extract", "actors", "actor_model.tsv")


def candidates(extractor, docs):
    """Runs the extractor over the documents; returns {doc id: [candidate dict]}."""
    with tempfile.TemporaryDirectory() as folder:
        for number, doc in enumerate(docs):
            lines = [detokenize([t for t, _ in s]) for s in doc]
            with open(os.path.join(folder, "doc%04d.txt" % number), "w", encoding="utf-8") as f:
                f.write(lines[0] + "\n\n" + "\n".join(lines[1:]) + "\n")
        out = subprocess.run([extractor, "--features", folder], check=True, capture_output=True,
                             text=True)
    return {json.loads(line)["id"]: json.loads(line)["candidates"]
            for line in out.stdout.splitlines()}


def labelled(docs, found):
    """(features, class index, key) of every candidate, in document then extraction order; the
    key (document number and name) places the candidate in each run's epochs."""
    examples = []
    for number, doc in enumerate(docs):
        gold, misc = {}, set()
        for sentence in doc:
            for kind, string in entities(sentence):
                if kind == "MISC":
                    misc.add(fold(string))
                else:
                    gold.setdefault(fold(string), set()).add(kind)
        for candidate in found.get("doc%04d" % number, []):
            if JUDGED_NEVER & set(candidate["features"]):
                continue  # the extractor never asks the model about known countries
            names = {fold(candidate["name"])} | {fold(f) for f in candidate["forms"]}
            kinds = sorted(k for name in names if name in gold for k in gold[name])
            if kinds:
                label = GOLD_CLASS[kinds[0]]
            elif names & misc:
                continue
            else:
                label = "none"
            key = "%04d\t%s" % (number, candidate["name"])
            examples.append((candidate["features"], CLASSES.index(label), key))
    return examples


def interned(examples):
    """The examples with each feature as a number (its index in the returned names), for a
    faster inner loop; the arithmetic, and so the model, is the same as with the names."""
    ids, names = {}, []
    out = []
    for features, gold, key in examples:
        numbers = []
        for f in features:
            if f not in ids:
                ids[f] = len(names)
                names.append(f)
            numbers.append(ids[f])
        out.append((numbers, gold, key))
    return out, names


def train(examples, features_count, seed):
    """Averaged perceptron over interned examples; returns {feature id: [weight per class]}."""
    classes = len(CLASSES)
    weights = [None] * features_count
    totals = [None] * features_count
    stamps = [None] * features_count
    step = 1

    def epoch_order(epoch):
        # A candidate's place in an epoch comes from its own key, not from its index: a rule
        # that adds or drops a few candidates leaves the others' order as it was (a shuffle
        # by index would reorder them all).
        def place(i):
            text = "%d\t%d\t%s" % (seed, epoch, examples[i][2])
            return hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
        return sorted(range(len(examples)), key=lambda i: (place(i), i))

    def update(feature, k, delta):
        if weights[feature] is None:
            weights[feature] = [0.0] * classes
            totals[feature] = [0.0] * classes
            stamps[feature] = [0] * classes
        w, t, s = weights[feature], totals[feature], stamps[feature]
        t[k] += (step - s[k]) * w[k]
        s[k] = step
        w[k] += delta

    for epoch in range(EPOCHS):
        for i in epoch_order(epoch):
            features, gold, _ = examples[i]
            scores = [0.0] * classes
            for f in features:
                w = weights[f]
                if w:
                    for k in range(classes):
                        scores[k] += w[k]
            guess = max(range(classes), key=lambda k: (scores[k], -k))
            if guess != gold:
                for f in features:
                    update(f, gold, 1.0)
                    update(f, guess, -1.0)
            step += 1
    averaged = {}
    for f, w in enumerate(weights):
        if w is None:
            continue
        t, s = totals[f], stamps[f]
        averaged[f] = [(t[k] + (step - s[k]) * w[k]) / step for k in range(classes)]
    return averaged


def train_runs(examples):
    """The mean of RUNS averaged perceptrons, each with its own order (seeds SEED, SEED + 1,
    ...): one order's luck moves typed accuracy by points, the mean of several much less.
    The runs are independent, so they run in parallel; their weights are summed in run order,
    so the mean is the same whatever the number of processes."""
    numbered, names = interned(examples)
    jobs = [(numbered, len(names), SEED + run) for run in range(RUNS)]
    with multiprocessing.Pool(os.cpu_count() or 1) as pool:
        runs = pool.starmap(train, jobs)
    total = {}
    for weights in runs:
        for f, w in weights.items():
            t = total.setdefault(names[f], [0.0] * len(CLASSES))
            for k in range(len(CLASSES)):
                t[k] += w[k] / RUNS
    return total


def model_text(examples, weights):
    counts = {}
    for features, _, _ in examples:
        for f in set(features):
            counts[f] = counts.get(f, 0) + 1
    lines = ["# Actor model: averaged perceptron over the extractor's candidate features,",
             "# trained on CoNLL-2003 English train by scripts/train_actor_model.py",
             "# (%d candidates, the mean of %d runs of %d epochs from seed %d). Do not edit: retrain." %
             (len(examples), RUNS, EPOCHS, SEED),
             "# feature\t" + "\t".join(CLASSES)]
    for f in sorted(weights, key=lambda s: s.encode("utf-8")):
        if counts.get(f, 0) < MIN_FEATURE_COUNT or "\t" in f or "\n" in f:
            continue
        row = ["%.3f" % w for w in weights[f]]
        row = ["0.000" if r == "-0.000" else r for r in row]
        if all(r == "0.000" for r in row):
            continue
        lines.append(f + "\t" + "\t".join(row))
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=data_path("conll2003-train", "eng.train"))
    parser.add_argument("--extractor",
                        default=os.path.join(CHECKOUT, "build", "bench", "dossier-extract-actors"))
    parser.add_argument("--out", default=MODEL)
    parser.add_argument("--check", action="store_true",
                        help="retrain and compare with --out instead of writing it")
    args = parser.parse_args()
    if args.check and not os.path.exists(args.data):
        print("CoNLL-2003 train not found at %s: check skipped" % args.data, file=sys.stderr)
        return SKIPPED
    require_data(args.data, "CoNLL-2003 train")
    if not os.path.exists(args.extractor):
        raise UserError("%s not found: build the dossier-extract-actors target" % args.extractor)
    docs = list(read_conll(args.data))
    examples = labelled(docs, candidates(args.extractor, docs))
    text = model_text(examples, train_runs(examples))
    if args.check:
        with open(args.out, encoding="utf-8") as f:
            if f.read() != text:
                print("%s differs from a retrained model: retrain and commit" % args.out,
                      file=sys.stderr)
                return 1
        return 0
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print("%d candidates, %d features written to %s" %
          (len(examples), text.count("\n") - 4, args.out))
    return 0


if __name__ == "__main__":
    run_main(main)
