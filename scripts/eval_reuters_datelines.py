#!/usr/bin/env python3
"""Dateline detection on Reuters-21578: is "CITY, Feb 26 -" found, with the right day?

Each article is rebuilt as text: its <TITLE> line, a blank line, then <DATELINE> and <BODY>
run together as in the wire copy ("    SALVADOR, Feb 26 - Showers continued ..."). The files
go to a temporary folder and the extractor command is run on it; it must print one JSON
object per line with "id" and "dateline_mention": {"date": "xxxx-MM-DD" or "YYYY-MM-DD"}
(the dateline's month and day; Reuters datelines carry no year, so without an article
date the extractor cannot resolve them).

Gold: the month and day written in the <DATELINE> element (articles without one, or whose
dateline has no "Mon DD", are counted apart: the extractor should find nothing there).

Usage: scripts/eval_reuters_datelines.py build/bench/dossier-extract-dates [--files N]
"""
import argparse
import glob
import html
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from dossier_data import UserError, data_path, require_data

ARTICLE = re.compile(r"<REUTERS[^>]*>(.*?)</REUTERS>", re.S)
MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
# "Feb 26", "FEb 26", "MARCH 2", "2 March"; misspelt months ("Marc 3") count as a month.
MONTH_DAY = re.compile(r"\b([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{1,2})\b")
DAY_MONTH = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\b")


def element(name, article):
    found = re.search(rf"<{name}>(.*?)</{name}>", article, re.S)
    return html.unescape(found.group(1)) if found else ""


def gold_month_day(dateline):
    for found in MONTH_DAY.finditer(dateline):
        if found.group(1).lower() in MONTHS:
            return f"{MONTHS[found.group(1).lower()]:02d}-{int(found.group(2)):02d}"
    for found in DAY_MONTH.finditer(dateline):
        if found.group(2).lower() in MONTHS:
            return f"{MONTHS[found.group(2).lower()]:02d}-{int(found.group(1)):02d}"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", help="extractor command; the folder is appended")
    parser.add_argument("--data", default=data_path("reuters21578"))
    parser.add_argument("--files", type=int, default=22, help="how many reut2-*.sgm to use")
    parser.add_argument("--show-errors", type=int, default=0, help="print up to N misses")
    args = parser.parse_args()
    try:
        require_data(args.data, "Reuters-21578")
    except UserError as err:
        sys.exit(f"{os.path.basename(sys.argv[0])}: error: {err}")

    gold, texts = {}, {}
    for sgm in sorted(glob.glob(os.path.join(args.data, "reut2-*.sgm")))[: args.files]:
        raw = Path(sgm).read_bytes().decode("latin-1")
        for number, article in enumerate(ARTICLE.findall(raw)):
            body = element("BODY", article)
            if not body.strip():
                continue
            name = f"{Path(sgm).stem}-{number:04d}.txt"
            dateline = element("DATELINE", article)
            texts[name] = element("TITLE", article) + "\n\n" + dateline + body
            gold[name] = gold_month_day(dateline)

    with tempfile.TemporaryDirectory(prefix="dossier-reuters-") as folder:
        for name, text in texts.items():
            Path(folder, name).write_text(text, encoding="utf-8")
        run = subprocess.run(shlex.split(args.command) + [folder], capture_output=True,
                             text=True, check=False)
    if run.returncode != 0:
        sys.exit(f"extractor failed ({run.returncode}): {run.stderr.strip()}")
    found = {}
    for line in run.stdout.splitlines():
        record = json.loads(line)
        mention = record.get("dateline_mention")
        found[Path(str(record["id"])).name] = mention["date"][5:] if mention else None

    with_gold = [n for n in gold if gold[n]]
    without_gold = [n for n in gold if not gold[n]]
    right = [n for n in with_gold if found.get(n) == gold[n]]
    wrong = [n for n in with_gold if found.get(n) and found.get(n) != gold[n]]
    false_alarms = [n for n in without_gold if found.get(n)]
    print(f"articles: {len(gold)} ({len(with_gold)} with a 'Mon DD' dateline)")
    print(f"dateline found with the right month-day: {len(right)}/{len(with_gold)} "
          f"({100.0 * len(right) / max(1, len(with_gold)):.2f}%)")
    print(f"wrong month-day: {len(wrong)}, missed: {len(with_gold) - len(right) - len(wrong)}, "
          f"dateline where gold has none: {len(false_alarms)}/{len(without_gold)}")
    misses = [n for n in with_gold if n not in right] + false_alarms
    for name in misses[: args.show_errors]:
        head = texts[name][:150].replace("\n", " | ")
        print(f"{name}: gold={gold[name]} got={found.get(name)}: {head}")


if __name__ == "__main__":
    main()
