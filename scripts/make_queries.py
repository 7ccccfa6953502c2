#!/usr/bin/env python3
"""Prints benchmark queries "qN<TAB>query" (N = 1..count) drawn from BBC headlines.

Each query picks a random headline from DIR/*/*.txt (line 1 of each file) and
1-3 of its content words, kept in headline order and lower-cased. Content
words are alphabetic, at least 3 letters, not in a small built-in stop list;
a possessive 's is dropped. The same seed and folder give the same queries
(only random.random() is used, whose sequence Python guarantees).
"""

import argparse
import random
import re
import sys

from dossier_data import UserError, iter_bbc_articles, run_main

MAX_QUERY_WORDS = 3
MIN_WORD_LENGTH = 3
# Function words and headline filler that make poor search terms.
STOP_WORDS = frozenset("""
    a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having
    he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on
    once only or other our ours out over own same she should so some such than that the their theirs them then
    there these they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours says say said set gets get new back amid
""".split())

_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")


def content_words(headline):
    words = []
    for word in _WORD.findall(headline):
        word = re.sub(r"['\u2019]s$", "", word.lower())
        if len(word) >= MIN_WORD_LENGTH and word not in STOP_WORDS:
            words.append(word)
    return words


def make_queries(headline_words, count, seed):
    """Yields count query strings; headline_words is a list of non-empty word lists."""
    uniform = random.Random(seed).random  # int(uniform() * n): stable across Python versions.
    for _ in range(count):
        words = headline_words[int(uniform() * len(headline_words))]
        wanted = min(1 + int(uniform() * MAX_QUERY_WORDS), len(words))
        positions = set()
        while len(positions) < wanted:
            positions.add(int(uniform() * len(words)))
        yield " ".join(words[p] for p in sorted(positions))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from-bbc", required=True, metavar="DIR", help="BBC folder (DIR/<category>/NNN.txt)")
    parser.add_argument("--count", type=int, default=2000, metavar="N", help="number of queries (default 2000)")
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    args = parser.parse_args()
    if args.count < 1:
        parser.error("--count must be at least 1")

    headline_words = [w for w in (content_words(h) for _, h, _ in iter_bbc_articles(args.from_bbc)) if w]
    if not headline_words:
        raise UserError(f"no headline under {args.from_bbc} has a content word")
    for number, query in enumerate(make_queries(headline_words, args.count, args.seed), 1):
        sys.stdout.write(f"q{number}\t{query}\n")
    return 0


if __name__ == "__main__":
    run_main(main)
