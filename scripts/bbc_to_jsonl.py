#!/usr/bin/env python3
"""Writes the BBC data set as Dossier JSONL on stdout, one article per line:
{"id": "<category>/<NNN>.txt", "title": headline, "body": paragraphs joined by blank lines}.

    python3 scripts/bbc_to_jsonl.py BBC_DIR > bbc.jsonl
"""

import json
import os
import sys

from dossier_data import UserError, iter_bbc_articles, require_dir, run_main


def main():
    if len(sys.argv) != 2:
        raise UserError("usage: bbc_to_jsonl.py BBC_DIR")
    bbc = sys.argv[1]
    require_dir(bbc, "the BBC folder")
    for path, headline, paragraphs in iter_bbc_articles(bbc):
        rel = os.path.relpath(path, bbc)
        print(json.dumps({"id": rel, "title": headline, "body": "\n\n".join(paragraphs)}))
    return 0


if __name__ == "__main__":
    run_main(main)
