#!/usr/bin/env python3
"""Writes each article of a JSONL file (docs/INPUT.md) as a .txt file: the title, a blank
line, the body. Files go 1,000 to a folder (OUT/000/, OUT/001/...) so that a million
articles do not make one huge directory. Used by bench/index.sh to give omindex and
dossier-index the very same files."""
import argparse
import json
import os
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("jsonl")
    parser.add_argument("out_dir")
    args = parser.parse_args()
    count = 0
    with open(args.jsonl, encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            folder = os.path.join(args.out_dir, "%03d" % (count // 1000))
            if count % 1000 == 0:
                os.makedirs(folder, exist_ok=True)
            text = record.get("text") or record.get("body") or ""
            title = record.get("title") or ""
            with open(os.path.join(folder, "%07d.txt" % count), "w", encoding="utf-8") as out:
                out.write(title + "\n\n" + text + "\n" if title else text + "\n")
            count += 1
    print("jsonl_to_txt: %d files written to %s" % (count, args.out_dir), file=sys.stderr)


if __name__ == "__main__":
    main()
