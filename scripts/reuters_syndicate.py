#!/usr/bin/env python3
"""Makes a near-duplicate test corpus from Reuters-21578 JSONL (scripts/reuters_to_jsonl.py).

Writes OUT.jsonl and TRUTH.txt. OUT holds, for STORIES originals picked at random (seeded)
among the articles of at least 3 paragraphs and 120 words, the original and four
syndicated variants, as sites run a wire story:
  - reheaded:    another headline and a site dateline before the first paragraph;
  - trimmed:     the last paragraphs cut while more than 75% of the words remain;
  - boilerplate: page furniture around the text (teasers, share and subscribe lines,
                 a copyright line);
  - dropped:     one paragraph other than the first left out;
and, as hard negatives, up to NEGATIVES other articles of the wire's templates: earnings
and dividend reports, market and price reports (headlines with QTR, NET, DIV, PRICES,
RATES, STOCKS, EARNINGS...), which share their wording and differ in names and figures.
Articles whose body repeats an earlier one's exactly (Reuters sent some twice) are left
out, so the only copies are the generated ones. TRUTH lists, one per line, the ids of each
original's group (original and variants), space-separated.
"""

import argparse
import json
import random
import re

from dossier_data import UserError, run_main

_TEMPLATE = re.compile(r"\b(QTR|QTLY|NET|DIV|DIVIDEND|PRICES?|RATES?|STOCKS?|EARNINGS|"
                       r"SHR|RESULTS|PROFITS?|LOSS|SALES)\b")
_BOILERPLATE_BEFORE = ["Advertisement", "Share this article"]
_BOILERPLATE_AFTER = ["READ MORE: {other}", "Subscribe to our newsletter",
                      "Copyright 2019 {site}. All rights reserved."]


def paragraphs(body):
    return [p for p in body.split("\n\n") if p.strip()]


def words(text):
    return len(text.split())


def variants(rng, record, site_names, other_title):
    paras = paragraphs(record["body"])
    base = {k: v for k, v in record.items() if k != "id"}
    out = []
    # Re-headed: a new headline, a site dateline.
    site = site_names[0]
    out.append(dict(base, id=record["id"] + "-reheaded", source=site,
                    title="Update: " + record["title"].title(),
                    body=site.upper() + " - " + "\n\n".join(paras)))
    # Trimmed: the last paragraphs cut while more than 75% of the words remain.
    total = words(record["body"])
    kept = list(paras)
    while len(kept) > 1 and words(" ".join(kept[:-1])) > 0.75 * total:
        kept.pop()
    if len(kept) == len(paras):
        kept.pop()
    out.append(dict(base, id=record["id"] + "-trimmed", source=site_names[1],
                    body="\n\n".join(kept)))
    # Boilerplate around the text.
    site = site_names[2]
    after = [line.format(other=other_title, site=site) for line in _BOILERPLATE_AFTER]
    out.append(dict(base, id=record["id"] + "-boilerplate", source=site,
                    body="\n\n".join(_BOILERPLATE_BEFORE + paras + after)))
    # A paragraph (not the first) dropped.
    drop = rng.randrange(1, len(paras))
    out.append(dict(base, id=record["id"] + "-dropped", source=site_names[3],
                    body="\n\n".join(p for i, p in enumerate(paras) if i != drop)))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("reuters_jsonl")
    parser.add_argument("out_jsonl")
    parser.add_argument("truth")
    parser.add_argument("--stories", type=int, default=300)
    parser.add_argument("--negatives", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    records, seen_bodies = [], set()
    with open(args.reuters_jsonl, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            key = " ".join(r["body"].split())
            if key in seen_bodies:
                continue
            seen_bodies.add(key)
            records.append(r)
    eligible = [r for r in records if len(paragraphs(r["body"])) >= 3 and words(r["body"]) >= 120]
    if len(eligible) < args.stories:
        raise UserError(f"only {len(eligible)} articles have 3 paragraphs and 120 words")
    originals = rng.sample(eligible, args.stories)
    chosen = {r["id"] for r in originals}
    templates = [r for r in records if r["id"] not in chosen and _TEMPLATE.search(r["title"])]
    negatives = rng.sample(templates, min(args.negatives, len(templates)))
    sites = ["Daily Courier", "Metro Online", "Business Wire Daily", "Evening Post"]
    out, groups = [], []
    for r in originals:
        group = [dict(r)]
        group += variants(rng, r, sites, rng.choice(records)["title"].title())
        out += group
        groups.append(" ".join(g["id"] for g in group))
    out += negatives
    rng.shuffle(out)
    with open(args.out_jsonl, "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(args.truth, "w", encoding="utf-8") as f:
        f.write("\n".join(groups) + "\n")
    print(f"reuters_syndicate: {len(out)} articles: {args.stories} stories x 5, "
          f"{len(negatives)} template negatives")


if __name__ == "__main__":
    run_main(main)
