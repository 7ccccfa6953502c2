#!/usr/bin/env python3
"""Converts the CISI queries (SMART format, CISI.QRY) into a query file.

Each output line is "QID<TAB>query text": the .T title and .W text joined,
whitespace (tabs, newlines) collapsed to single spaces, one line per query.
Authors (.A) and bibliographic notes (.B) are left out. All queries are
written, including those without relevance judgments.
"""

import argparse
import sys

from dossier_data import UserError, collapse_whitespace, parse_smart, read_text, require_file, run_main


def query_text(fields):
    return collapse_whitespace(fields.get("T", "") + " " + fields.get("W", ""))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", metavar="CISI.QRY", help="CISI queries in SMART format")
    parser.add_argument("output", metavar="OUT.tsv", help="query file to write ('-' for stdout)")
    args = parser.parse_args()

    require_file(args.input, "CISI query file")
    text, _ = read_text(args.input)
    records = parse_smart(text, args.input)
    lines = []
    for qid, fields in records:
        query = query_text(fields)
        if not query:
            raise UserError(f"{args.input}: query {qid} has no .T or .W text")
        lines.append(f"{qid}\t{query}\n")

    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    with out:
        out.writelines(lines)
    print(f"cisi_queries: {len(lines)} queries written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    run_main(main)
