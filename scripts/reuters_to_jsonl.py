#!/usr/bin/env python3
"""Converts Reuters-21578 SGML (DIR/reut2-*.sgm) into Dossier JSONL.

Each output line is
  {"id": "reuters-<NEWID>", "title": ..., "body": ..., "date": "YYYY-MM-DD", "source": "reuters"}

- body: the <BODY> text with the closing "Reuter" signature removed and the
  70-column line wrapping undone; a line that starts indented (as Reuters
  starts paragraphs and table rows) or follows a blank line starts a new
  paragraph; paragraphs are separated by a blank line.
- Articles without a <BODY> but with a <TITLE> (the TYPE="BRIEF" items, whose
  text is a "Blah blah blah." filler) use the title as body; articles with
  neither (TYPE="UNPROC") use the raw <TEXT> content as body, its first
  paragraph as title.
- SGML entities are decoded (&lt; &gt; &amp;; numeric control characters such
  as &#3; are dropped). Bytes that are not UTF-8 (one 0xFC) are read as Latin-1.
- An article with no date is written without "date"; an article with no text
  at all is not written. Both are counted in the summary printed to stderr.
"""

import argparse
import glob
import itertools
import os
import re
import sys

from dossier_data import UserError, collapse_whitespace, json_line, read_text, require_dir, run_main

_ARTICLE = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
_MONTHS = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}
_DATE = re.compile(r"^\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})\b")
# The wire signature that ends a body: "Reuter" / "REUTER..." (on its own line or
# after the last sentence), or a teletype "More" on its own line.
_SIGNATURE = re.compile(r"(?:\s+reuters?|\n\s*more)\W*$", re.I)
LABEL_TAGS = ("TOPICS", "PLACES", "PEOPLE", "ORGS", "EXCHANGES", "COMPANIES")


def _entity(match):
    name = match.group(1)
    if name.startswith("#"):
        code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
        # Wire control codes (&#2; start of text, &#3; end, &#127; ...) carry no text.
        if code in (9, 10, 13):
            return chr(code)
        if code < 32 or 127 <= code < 160 or code > 0x10FFFF:
            return ""
        return chr(code)
    return _NAMED_ENTITIES.get(name, match.group(0))


def decode_entities(text):
    return _ENTITY.sub(_entity, text)


def reflow(text):
    """Undoes line wrapping: an indented or blank-preceded line starts a paragraph.

    Returns the paragraphs joined by blank lines, each on one line."""
    paragraphs, current = [], []
    for line in text.replace("\r", "\n").split("\n"):
        starts_new = not line.strip() or line[:1].isspace()
        if starts_new and current:
            paragraphs.append(" ".join(current))
            current = []
        if line.strip():
            current.append(collapse_whitespace(line))
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def strip_signature(text):
    """Removes trailing wire signatures; some bodies end with two ("REUTER", "Reuter")."""
    text = text.rstrip()
    while True:
        stripped = _SIGNATURE.sub("", text).rstrip()
        if stripped == text:
            return text
        text = stripped


def _element(tag, content):
    """Inner text of the first <tag ...>...</tag> in content, or None."""
    match = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", content, re.S)
    return match.group(1) if match else None


def parse_date(text):
    match = _DATE.match(text or "")
    if not match or match.group(2).upper() not in _MONTHS:
        return None
    day, month, year = int(match.group(1)), _MONTHS[match.group(2).upper()], int(match.group(3))
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= day <= 31 else None


class ReutersStats:
    """What the parser did, for the summary line."""

    def __init__(self):
        self.files = 0
        self.files_with_latin1 = 0
        self.articles = 0
        self.with_body = 0
        self.title_as_body = 0
        self.raw_text_as_body = 0
        self.without_date = 0
        self.empty_skipped = []

    def summary(self):
        skipped = f" ({', '.join(self.empty_skipped[:10])})" if self.empty_skipped else ""
        return (f"{self.files} files ({self.files_with_latin1} with non-UTF-8 bytes read as Latin-1), "
                f"{self.articles} articles: {self.with_body} with BODY, {self.title_as_body} title as body (no BODY), "
                f"{self.raw_text_as_body} raw TEXT as body (no BODY or TITLE); {self.without_date} without a date; "
                f"{len(self.empty_skipped)} skipped as empty{skipped}")


def parse_article(attributes, content, stats):
    """One <REUTERS> element to an article dict, or None when it has no text."""
    attrs = dict(_ATTRIBUTE.findall(attributes))
    newid = attrs.get("NEWID", "").strip()
    text = _element("TEXT", content) or ""
    # A few BRIEF titles end with the "Reuter" signature too.
    title = collapse_whitespace(strip_signature(decode_entities(_element("TITLE", text) or "")))
    body_markup = _element("BODY", text)
    if body_markup is not None:
        body = reflow(strip_signature(decode_entities(body_markup)))
        stats.with_body += 1
    elif title:
        body = title
        stats.title_as_body += 1
    else:
        raw = re.sub(r"<[^>]+>", " ", text)
        body = reflow(strip_signature(decode_entities(raw)))
        title = body.split("\n\n", 1)[0]
        stats.raw_text_as_body += 1
    if not newid or not body:
        stats.empty_skipped.append(f"NEWID={newid or '?'}")
        return None
    article = {"id": f"reuters-{newid}", "title": title, "body": body}
    date = parse_date(_element("DATE", content))
    if date:
        article["date"] = date
    else:
        stats.without_date += 1
    article["source"] = "reuters"
    article["labels"] = {
        tag.lower(): [decode_entities(d) for d in re.findall(r"<D>(.*?)</D>", _element(tag, content) or "")]
        for tag in LABEL_TAGS
    }
    dateline = _element("DATELINE", text)
    article["dateline"] = collapse_whitespace(decode_entities(dateline)) if dateline else ""
    return article


def iter_reuters(folder, stats):
    """Yields article dicts for folder/reut2-*.sgm in file order.

    Besides the JSONL fields, each dict has "labels" (topics, places, people,
    orgs, exchanges, companies lists) and "dateline"."""
    require_dir(folder, "Reuters folder")
    paths = sorted(glob.glob(os.path.join(folder, "reut2-*.sgm")))
    if not paths:
        raise UserError(f"no reut2-*.sgm files in {folder}")
    for path in paths:
        text, had_latin1 = read_text(path)
        stats.files += 1
        stats.files_with_latin1 += had_latin1
        found = 0
        for match in _ARTICLE.finditer(text):
            found += 1
            stats.articles += 1
            article = parse_article(match.group(1), match.group(2), stats)
            if article:
                yield article
        if not found:
            raise UserError(f"{path}: no <REUTERS> articles; not Reuters-21578 SGML?")
        if text.count("<REUTERS") != found:
            raise UserError(f"{path}: {text.count('<REUTERS')} <REUTERS> tags but {found} complete articles")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", metavar="DIR", help="folder holding reut2-000.sgm ... reut2-021.sgm")
    parser.add_argument("output", metavar="OUT.jsonl", help="JSONL file to write ('-' for stdout)")
    parser.add_argument("--with-labels", action="store_true",
                        help='also write "labels" (gold topics/places/people/orgs/exchanges/companies) and "dateline"')
    args = parser.parse_args()

    stats = ReutersStats()
    articles = iter_reuters(args.folder, stats)
    first = next(articles, None)  # Fails on a bad folder before the output file is created.
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    written = 0
    with out:
        for article in itertools.chain([first] if first else [], articles):
            if not args.with_labels:
                del article["labels"], article["dateline"]
            out.write(json_line(article))
            written += 1
    print(f"reuters_to_jsonl: {written} articles written to {args.output}; {stats.summary()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    run_main(main)
