#!/usr/bin/env python3
"""Dateline accuracy on CoNLL-2003 (eng.testa): does the extractor find each document's date?

Each CoNLL document is rebuilt as article-like text (tokens joined with single spaces, one
sentence per line, the first sentence - the headline - followed by a blank line), written to
a temporary folder as NNN.txt, and the extractor command is run on that folder. It must print
one JSON object per line with "id" (the file name) and either "dateline" or "date" +
"date_source" (a date counts as a dateline only when date_source is "dateline").

Gold: the first YYYY-MM-DD token of the document's second or third sentence (Reuters puts
the dateline "PLACE YYYY-MM-DD" there). Documents without one must get no dateline.

Usage:
  scripts/eval_datelines.py build/bench/dossier-extract-dates
  scripts/eval_datelines.py "build/indexer/dossier-index analyze" --data path/to/eng.testa
"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from dossier_data import UserError, data_path, require_data

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def read_documents(path):
    """Yields each document as a list of sentences, each a list of tokens."""
    document, sentence = [], []
    with open(path, encoding="utf-8") as conll:
        for line in conll:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-") or not line.strip():
                if sentence:
                    document.append(sentence)
                    sentence = []
                if line.startswith("-DOCSTART-") and document:
                    yield document
                    document = []
                continue
            sentence.append(line.split(" ")[0])
    if sentence:
        document.append(sentence)
    if document:
        yield document


def gold_dateline(document):
    for sentence in document[1:3]:
        for token in sentence:
            if ISO_DATE.match(token):
                return token
    return None


def document_text(document):
    lines = [" ".join(sentence) for sentence in document]
    return lines[0] + "\n\n" + "\n".join(lines[1:]) + "\n"


def predicted_dateline(record):
    if "dateline" in record:
        return record["dateline"]
    return record.get("date") if record.get("date_source") == "dateline" else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", help="extractor command; the folder is appended")
    parser.add_argument("--data", default=data_path("conll2003-dev", "eng.testa"))
    parser.add_argument("--show-errors", action="store_true", help="print each miss")
    args = parser.parse_args()
    try:
        require_data(args.data, "CoNLL-2003 dev")
    except UserError as err:
        sys.exit(f"{os.path.basename(sys.argv[0])}: error: {err}")

    documents = list(read_documents(args.data))
    with tempfile.TemporaryDirectory(prefix="dossier-datelines-") as folder:
        gold = {}
        for number, document in enumerate(documents):
            name = f"{number:03d}.txt"
            Path(folder, name).write_text(document_text(document), encoding="utf-8")
            gold[name] = (gold_dateline(document), document)
        run = subprocess.run(shlex.split(args.command) + [folder], capture_output=True,
                             text=True, check=False)
        if run.returncode != 0:
            sys.exit(f"extractor failed ({run.returncode}): {run.stderr.strip()}")
        predictions = {}
        for line in run.stdout.splitlines():
            if line.strip():
                record = json.loads(line)
                predictions[Path(str(record["id"])).name] = predicted_dateline(record)

    with_gold = [name for name, (date, _) in gold.items() if date]
    without_gold = [name for name, (date, _) in gold.items() if not date]
    right = [name for name in with_gold if predictions.get(name) == gold[name][0]]
    wrong_date = [name for name in with_gold
                  if predictions.get(name) and predictions.get(name) != gold[name][0]]
    false_alarms = [name for name in without_gold if predictions.get(name)]
    correct = len(right) + len(without_gold) - len(false_alarms)

    print(f"documents: {len(gold)} ({len(with_gold)} with a gold dateline)")
    print(f"dateline found and right: {len(right)}/{len(with_gold)} "
          f"({100.0 * len(right) / max(1, len(with_gold)):.1f}%)")
    print(f"wrong date: {len(wrong_date)}, missed: {len(with_gold) - len(right) - len(wrong_date)}, "
          f"dateline where gold has none: {len(false_alarms)}")
    print(f"overall agreement: {correct}/{len(gold)} ({100.0 * correct / max(1, len(gold)):.1f}%)")
    if args.show_errors:
        for name in sorted(set(gold) - set(right)):
            date, document = gold[name]
            if date is None and not predictions.get(name):
                continue
            head = " | ".join(" ".join(s) for s in document[:3])
            print(f"{name}: gold={date} got={predictions.get(name)}: {head[:160]}")


if __name__ == "__main__":
    main()
