#!/usr/bin/env python3
"""Document-level evaluation of the actor extractor on CoNLL-2003 (English, IOB1).

Rebuilds article-like text from the token-per-line file (first sentence = title, one
sentence per body line), runs the extraction command on a temporary folder of .txt files
(it must print one JSON object per article: {"id", "title", "actors": [{"name", "type",
"mentions", "forms"}]}), and scores the distinct PER/ORG/LOC strings of each document:
a predicted actor matches a gold entity when the folded gold string equals its folded name
or one of its folded forms. MISC (nationalities, events) is ignored both ways: a predicted
actor matching only a MISC string counts neither as right nor wrong.

With --bbc GOLD (scripts/bbc_actors_gold.tsv: path, PER|ORG|LOC|MISC, string per line),
scores web news instead: the command runs on the BBC folder (--bbc-data) and the articles
the file lists are scored the same way against its strings.

usage: scripts/eval_actors.py [--data eng.testa] [--bbc GOLD] [--show N] [COMMAND...]
default COMMAND: build/indexer/dossier-index analyze (the folder is appended).
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

from dossier_data import UserError, data_path, require_data

GOLD_TYPES = {"PER": {"person"}, "ORG": {"org"}, "LOC": {"country", "place"}}


def read_conll(path):
    """Yields documents as lists of sentences; a sentence is a list of (token, tag)."""
    doc, sentence = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if sentence:
                    doc.append(sentence)
                sentence = []
                continue
            if parts[0] == "-DOCSTART-":
                if sentence:
                    doc.append(sentence)
                if doc:
                    yield doc
                doc, sentence = [], []
                continue
            sentence.append((parts[0], parts[-1]))
    if sentence:
        doc.append(sentence)
    if doc:
        yield doc


def detokenize(tokens):
    text = ""
    quote_open = False
    for tok in tokens:
        if not text:
            text = tok
            continue
        if tok in ("'s", "'S", "n't", "N'T", "'", "'re", "'ve", "'ll", "'d", "'m") or \
                re.fullmatch(r"[,.;:!?%)\]}]+", tok):
            text += tok
        elif tok == '"':
            text += ('"' if quote_open else ' "')
            quote_open = not quote_open
        elif text.endswith(("(", "[", "$")) or (text.endswith('"') and quote_open):
            text += tok
        else:
            text += " " + tok
    return text


def entities(sentence):
    """(type, string) of each entity in one IOB1 sentence."""
    found, current, ctype = [], [], None
    for tok, tag in sentence:
        kind = tag[2:] if tag != "O" else None
        if kind and (kind == ctype) and not tag.startswith("B-"):
            current.append(tok)
            continue
        if current:
            found.append((ctype, detokenize(current)))
        current, ctype = ([tok], kind) if kind else ([], None)
    if current:
        found.append((ctype, detokenize(current)))
    return found


def fold(text):
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"['\u2019]s\b", "", text)
    text = "".join(c for c in unicodedata.normalize("NFD", text)
                   if unicodedata.category(c) not in ("Mn", "Me"))
    words = ["".join(c for c in w if c.isalnum()) for w in re.split(r"[\s\-]+", text)]
    return " ".join(w for w in words if w)


def conll_gold(doc):
    """(gold, misc) of a CoNLL document: folded PER/ORG/LOC string -> its types, and the
    folded MISC strings."""
    gold = collections.defaultdict(set)
    misc = set()
    for sentence in doc:
        for kind, string in entities(sentence):
            if kind == "MISC":
                misc.add(fold(string))
            else:
                gold[fold(string)].add(kind)
    return gold, misc


def read_bbc_gold(path):
    """{article path: (gold, misc)} from a tab-separated file (# comment lines)."""
    golds = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or parts[1] not in ("PER", "ORG", "LOC", "MISC"):
                raise UserError(f"{path}:{number}: expected path, PER|ORG|LOC|MISC, string")
            gold, misc = golds.setdefault(parts[0], (collections.defaultdict(set), set()))
            if parts[1] == "MISC":
                misc.add(fold(parts[2]))
            else:
                gold[fold(parts[2])].add(parts[1])
    return golds


def score(golds, results, show):
    """golds: {doc id: (gold, misc)} as conll_gold gives; results: {doc id: actors}."""
    totals = collections.Counter()
    misses, false_pos = collections.Counter(), collections.Counter()
    mistyped = collections.Counter()
    for doc_id, (gold, misc) in golds.items():
        predicted = results.get(doc_id, [])
        matched_gold = set()
        for actor in predicted:
            names = {fold(actor["name"])} | {fold(f) for f in actor.get("forms", [])}
            hits = names & set(gold)
            if hits:
                totals["tp"] += 1
                matched_gold |= hits
                typed = any(actor["type"] in GOLD_TYPES[k] for h in hits for k in gold[h])
                totals["typed"] += 1 if typed else 0
                if not typed:
                    mistyped[(actor["name"], actor["type"])] += 1
                for kind, types in GOLD_TYPES.items():
                    if actor["type"] in types:
                        totals["pred_" + kind] += 1
                        if typed:
                            totals["tp_" + kind] += 1
            elif names & misc:
                totals["misc"] += 1
            else:
                totals["fp"] += 1
                false_pos[(actor["name"], actor["type"])] += 1
                for kind, types in GOLD_TYPES.items():
                    if actor["type"] in types:
                        totals["pred_" + kind] += 1
        for string, kinds in gold.items():
            for kind in kinds:
                totals["gold_" + kind] += 1
                if string in matched_gold:
                    totals["found_" + kind] += 1
            totals["gold"] += 1
            if string in matched_gold:
                totals["found"] += 1
            else:
                misses[(string, "/".join(sorted(kinds)))] += 1

    def prf(tp, pred, found, gold):
        p = tp / pred if pred else 0.0
        r = found / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    print("%-8s %9s %9s %9s %7s %7s" % ("type", "precision", "recall", "F1", "pred", "gold"))
    p, r, f = prf(totals["tp"], totals["tp"] + totals["fp"], totals["found"], totals["gold"])
    print("%-8s %9.3f %9.3f %9.3f %7d %7d" % ("all", p, r, f, totals["tp"] + totals["fp"],
                                               totals["gold"]))
    for kind in GOLD_TYPES:
        # Typed scores: a prediction counts for its own type only.
        p, r, f = prf(totals["tp_" + kind], totals["pred_" + kind], totals["found_" + kind],
                      totals["gold_" + kind])
        print("%-8s %9.3f %9.3f %9.3f %7d %7d" % (kind, p, r, f, totals["pred_" + kind],
                                                   totals["gold_" + kind]))
    typed_share = totals["typed"] / totals["tp"] if totals["tp"] else 0.0
    print("typed accuracy %.3f (%d of %d correct actors carry a gold type)" %
          (typed_share, totals["typed"], totals["tp"]))
    print("(%d predictions matched only MISC strings and were not scored)" % totals["misc"])
    if show:
        print("\nmost frequent wrong types:", mistyped.most_common(show))
        print("\nmost frequent false positives:", false_pos.most_common(show))
        print("\nmost frequent misses:", misses.most_common(show))


def document_name(article_id):
    """The CoNLL document an analyze id names: "tmpab12/doc001.txt" -> "doc001" (ids lead
    with the input folder's name)."""
    name = article_id.rsplit("/", 1)[-1]
    return name[:-4] if name.endswith(".txt") else name


def score_bbc(args):
    """Runs the command on each topic folder the annotation file names (an article's id
    is then "business/001.txt" for dossier-index analyze, "001" for the bench extractor)."""
    golds = read_bbc_gold(args.bbc)
    require_data(args.bbc_data, "BBC")
    results = {}
    for topic in sorted({path.split("/", 1)[0] for path in golds}):
        out = subprocess.run(args.command + [os.path.join(args.bbc_data, topic)], check=True,
                             capture_output=True, text=True)
        for line in out.stdout.splitlines():
            record = json.loads(line)
            path = topic + "/" + document_name(record["id"]) + ".txt"
            if path in golds:
                results[path] = record["actors"]
    score(golds, results, args.show)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=data_path("conll2003-dev", "eng.testa"))
    parser.add_argument("--bbc", help="score the BBC articles this annotation file lists")
    parser.add_argument("--bbc-data", default=data_path("bbc"))
    parser.add_argument("--show", type=int, default=0, help="list N top errors")
    parser.add_argument("command", nargs="*", default=["build/indexer/dossier-index", "analyze"],
                        help="extraction command; the folder is appended (default: dossier-index analyze)")
    args = parser.parse_args()
    try:
        if args.bbc:
            score_bbc(args)
            return
        require_data(args.data, "CoNLL-2003 dev")
    except UserError as err:
        sys.exit(f"{os.path.basename(sys.argv[0])}: error: {err}")

    docs = {}
    with tempfile.TemporaryDirectory() as folder:
        for number, doc in enumerate(read_conll(args.data)):
            doc_id = "doc%03d" % number
            docs[doc_id] = doc
            lines = [detokenize([t for t, _ in s]) for s in doc]
            with open(os.path.join(folder, doc_id + ".txt"), "w", encoding="utf-8") as f:
                f.write(lines[0] + "\n\n" + "\n".join(lines[1:]) + "\n")
        out = subprocess.run(args.command + [folder], check=True, capture_output=True, text=True)
    results = {}
    for line in out.stdout.splitlines():
        record = json.loads(line)
        results[document_name(record["id"])] = record["actors"]
    score({doc_id: conll_gold(doc) for doc_id, doc in docs.items()}, results, args.show)


if __name__ == "__main__":
    main()
