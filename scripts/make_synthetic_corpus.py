#!/usr/bin/env python3
"""Writes a synthetic news corpus (JSONL) built from real paragraphs, for scale tests.

Paragraphs come from the BBC articles (DIR/*/*.txt, headline line skipped) and
from Reuters-21578 bodies (parsed by reuters_to_jsonl). Tables, all-capitals
lines and fragments under 8 words are left out, and exact repeats are dropped.
Each article takes 3-8 distinct paragraphs drawn at random from that pool:

  {"id": "syn-000001", "title": ..., "body": ..., "date": "YYYY-MM-DD", "source": "synthetic"}

title = the first sentence of the first paragraph, cut to at most 12 words;
body = the paragraphs separated by blank lines; date = uniform over
2015-01-01 .. 2024-12-31. Ids are numbered from 1 (6 digits, more past 999,999).
The output is the same for the same seed and sources: only random.random() is
used, whose sequence Python guarantees. Memory holds the paragraph pool only
(independent of --count); articles are streamed to the output.
"""

import argparse
import datetime
import json
import random
import re
import sys
import time

import reuters_to_jsonl
from dossier_data import UserError, data_path, iter_bbc_articles, run_main

DEFAULT_BBC = data_path("bbc")
DEFAULT_REUTERS = data_path("reuters21578")
MIN_PARAGRAPHS, MAX_PARAGRAPHS = 3, 8
HEADLINE_WORDS = 12
FIRST_DAY, LAST_DAY = datetime.date(2015, 1, 1), datetime.date(2024, 12, 31)
WRITE_BATCH = 10000

_SENTENCE_END = re.compile(r"[.!?][\"'\u201d]?\s+(?=[\"'\u201c]?[A-Z0-9])")
# A period after these (or after an initial, or inside "U.S.") does not end a sentence.
_ABBREVIATIONS = frozenset("mr mrs ms dr st jr sr prof gen gov sen rep rev co corp inc ltd bros no vs".split())


def first_sentence(text):
    for end in _SENTENCE_END.finditer(text):
        words_before = text[: end.start()].split()
        word = words_before[-1] if words_before else ""
        if text[end.start()] == "." and (len(word) == 1 or "." in word or word.lower() in _ABBREVIATIONS):
            continue
        return text[: end.start() + 1]
    return text


def is_prose(paragraph):
    """True for running text: >= 8 words, mostly letters, mostly lower case."""
    if len(paragraph.split()) < 8:
        return False
    letters = sum(c.isalpha() for c in paragraph)
    visible = sum(not c.isspace() for c in paragraph)
    lower = sum(c.islower() for c in paragraph)
    return letters >= 0.6 * visible and lower >= 0.5 * letters


def headline(paragraph):
    # Some source paragraphs start with stray punctuation (". The Welsh runner...").
    sentence = first_sentence(re.sub(r"^\W+", "", paragraph))
    words = sentence.split() or paragraph.split()
    if len(words) > HEADLINE_WORDS:
        words = words[:HEADLINE_WORDS]
    return " ".join(words).rstrip(".,;:!?")


def collect_paragraphs(bbc_dir, reuters_dir):
    """Distinct prose paragraphs in a fixed order: BBC files, then Reuters files."""
    pool = {}
    for _, _, paragraphs in iter_bbc_articles(bbc_dir):
        pool.update((p, None) for p in paragraphs if is_prose(p))
    bbc_count = len(pool)
    stats = reuters_to_jsonl.ReutersStats()
    for article in reuters_to_jsonl.iter_reuters(reuters_dir, stats):
        pool.update((p, None) for p in article["body"].split("\n\n") if is_prose(p))
    return list(pool), bbc_count, len(pool) - bbc_count


def _escaped(text):
    """The JSON string body (without quotes), so articles are assembled by joining."""
    return json.dumps(text, ensure_ascii=False)[1:-1]


def write_corpus(out, paragraphs, count, seed):
    escaped = [_escaped(p) for p in paragraphs]
    headlines = [_escaped(headline(p)) for p in paragraphs]
    days = (LAST_DAY - FIRST_DAY).days + 1
    dates = [(FIRST_DAY + datetime.timedelta(d)).isoformat() for d in range(days)]
    rng = random.Random(seed)
    uniform = rng.random  # int(uniform() * n) is used instead of randrange: stable across Python versions.
    size = len(paragraphs)
    span = MAX_PARAGRAPHS - MIN_PARAGRAPHS + 1
    batch = []
    for number in range(1, count + 1):
        wanted = MIN_PARAGRAPHS + int(uniform() * span)
        chosen = []
        while len(chosen) < wanted:
            index = int(uniform() * size)
            if index not in chosen:
                chosen.append(index)
        body = "\\n\\n".join([escaped[i] for i in chosen])
        date = dates[int(uniform() * days)]
        batch.append(f'{{"id": "syn-{number:06d}", "title": "{headlines[chosen[0]]}", "body": "{body}", '
                     f'"date": "{date}", "source": "synthetic"}}\n')
        if len(batch) == WRITE_BATCH:
            out.write("".join(batch))
            batch.clear()
    out.write("".join(batch))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, metavar="OUT.jsonl", help="JSONL file to write ('-' for stdout)")
    parser.add_argument("--count", required=True, type=int, metavar="N", help="number of articles")
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    parser.add_argument("--bbc", default=DEFAULT_BBC, metavar="DIR", help=f"BBC folder (default {DEFAULT_BBC})")
    parser.add_argument("--reuters", default=DEFAULT_REUTERS, metavar="DIR",
                        help=f"Reuters-21578 folder (default {DEFAULT_REUTERS})")
    args = parser.parse_args()
    if args.count < 1:
        parser.error("--count must be at least 1")

    started = time.monotonic()
    paragraphs, from_bbc, from_reuters = collect_paragraphs(args.bbc, args.reuters)
    if len(paragraphs) < MAX_PARAGRAPHS:
        raise UserError(f"only {len(paragraphs)} usable paragraphs in the sources; need at least {MAX_PARAGRAPHS}")
    pooled = time.monotonic()
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    with out:
        write_corpus(out, paragraphs, args.count, args.seed)
    done = time.monotonic()
    print(f"make_synthetic_corpus: {args.count} articles written to {args.out} from {len(paragraphs)} paragraphs "
          f"({from_bbc} BBC, {from_reuters} Reuters); pool {pooled - started:.1f} s, "
          f"generation {done - pooled:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    run_main(main)
