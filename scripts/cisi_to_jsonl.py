#!/usr/bin/env python3
"""Converts the CISI documents (SMART format, CISI.ALL) into Dossier JSONL.

Each output line is {"id": "<.I number>", "title": <.T>, "body": <.W>}.
Authors (.A), cross-references (.X) and the other fields are not included.
Title and body keep their words but have whitespace collapsed to single spaces.
"""

import argparse
import sys

from dossier_data import UserError, collapse_whitespace, json_line, parse_smart, read_text, require_file, run_main


def cisi_articles(records):
    """Maps parsed SMART records to article dicts."""
    for doc_id, fields in records:
        yield {
            "id": doc_id,
            "title": collapse_whitespace(fields.get("T", "")),
            "body": collapse_whitespace(fields.get("W", "")),
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", metavar="CISI.ALL", help="CISI documents in SMART format")
    parser.add_argument("output", metavar="OUT.jsonl", help="JSONL file to write ('-' for stdout)")
    args = parser.parse_args()

    require_file(args.input, "CISI document file")
    text, _ = read_text(args.input)
    records = parse_smart(text, args.input)
    without_body = [doc_id for doc_id, fields in records if not collapse_whitespace(fields.get("W", ""))]
    if len(set(doc_id for doc_id, _ in records)) != len(records):
        raise UserError(f"{args.input}: duplicate '.I' document ids")

    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    with out:
        for article in cisi_articles(records):
            out.write(json_line(article))
    print(f"cisi_to_jsonl: {len(records)} documents written to {args.output}"
          f" ({len(without_body)} without .W text)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    run_main(main)
