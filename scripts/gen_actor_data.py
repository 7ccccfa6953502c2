#!/usr/bin/env python3
"""Generates common/dossier/extract/actors data (a .cpp of string literals) from Debian lexicons.

Run by CMake at build time, so the binaries carry the lexicons and never read /usr/share at
run time (the indexer runs on machines that may lack these packages). Sources:
  wordnet-base     /usr/share/wordnet/data.{noun,adj}: proper-noun lemmas typed by lexicographer
                   file (noun.person, noun.location, noun.object, noun.group); index.adv:
                   adverbs ("Later", "Meanwhile" open sentences, never names)
  wamerican-huge   /usr/share/dict/american-english-huge: lower-case English words, to tell
                   ordinary words from names at sentence starts and in headlines.
A missing source yields an empty list (the extractor then leans on its capitalisation rules).

Keys are folded like dossier::Analyzer::fold does (case-folded, accents and punctuation
stripped, possessive dropped), one entry per line, sorted bytewise for binary search.
"""
import os
import re
import sys
import unicodedata

# Articles, which open WordNet's epithets ("The Admirable Crichton"), never a given name.
ARTICLES = ("a", "an", "the")

# WordNet lexicographer file numbers (lexnames(5WN)).
LEX_GROUP, LEX_LOCATION, LEX_OBJECT, LEX_PERSON = 14, 15, 17, 18
SPECIAL = {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i",
           "ħ": "h"}


def fold_word(word):
    w = unicodedata.normalize("NFKC", word).casefold()
    if len(w) > 2 and w.endswith(("'s", "\u2019s")):
        w = w[:-2]
    out = []
    for ch in unicodedata.normalize("NFD", w):
        if unicodedata.category(ch) in ("Mn", "Me"):
            continue
        if not (ch.isalnum()):
            continue
        out.append(SPECIAL.get(ch, ch))
    return unicodedata.normalize("NFC", "".join(out))


def fold_phrase(phrase):
    # ICU word boundaries split on spaces and hyphens but keep "D.C." or "O'Neill" whole.
    words = [fold_word(w) for w in re.split(r"[\s_\-/]+", phrase)]
    return " ".join(w for w in words if w)


def is_capitalised(lemma):
    return lemma[:1].isupper()


def read_wordnet(path):
    """Returns dict of list name -> set of folded keys."""
    lists = {k: set() for k in ("persons", "places", "orgs", "given_names", "common_caps")}
    adjectives = set()  # lower-case adjectives: "Great", "Little", "Old" open no given name
    first_words = set()  # first words of multi-word person names
    for name, pos in (("data.noun", "n"), ("data.adj", "a")):
        full = os.path.join(path, name)
        if not os.path.exists(full):
            continue
        with open(full, encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("  "):
                    continue  # licence header
                fields = line.split(" ")
                lex = int(fields[1])
                count = int(fields[3], 16)
                lemmas = [re.sub(r"\(.*\)$", "", fields[4 + 2 * i]) for i in range(count)]
                instance = " @i " in line
                for lemma in lemmas:
                    if pos == "a" and lemma.islower():
                        adjectives.add(lemma)
                    if not is_capitalised(lemma):
                        continue
                    key = fold_phrase(lemma.replace("_", " "))
                    if not key:
                        continue
                    if pos == "a":
                        lists["common_caps"].add(key)  # "Christian", "Baltic": adjectives
                    elif lex == LEX_PERSON and instance:
                        lists["persons"].add(key)
                        parts = lemma.split("_")
                        # "The Admirable Crichton": an article opens an epithet, no name.
                        if (len(parts) >= 2 and len(parts[0]) >= 3 and parts[0].isalpha()
                                and parts[0].lower() not in ARTICLES):
                            first_words.add(parts[0])
                    elif lex in (LEX_LOCATION, LEX_OBJECT) and (instance or lex == LEX_LOCATION):
                        lists["places"].add(key)
                    elif lex == LEX_GROUP:
                        lists["orgs"].add(key)
                    elif not instance:
                        lists["common_caps"].add(key)  # "Monday", "Internet", "Democrat"
    lists["given_names"] = {fold_word(w) for w in first_words if w.lower() not in adjectives}
    return lists


def read_adverbs(path):
    """Lower-case one-word WordNet adverbs ("later", "however", "meanwhile")."""
    adverbs = set()
    full = os.path.join(path, "index.adv")
    if os.path.exists(full):
        with open(full, encoding="utf-8", errors="replace") as f:
            for line in f:
                lemma = line.split(" ", 1)[0]
                if not line.startswith(" ") and lemma.isalpha() and lemma.islower():
                    adverbs.add(lemma)
    return adverbs


def read_dictionary(path):
    words = set()
    if os.path.exists(path):
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                w = line.strip()
                if w and w[0].islower() and "'" not in w:
                    words.add(fold_word(w))
    return words


def literal(entries):
    escaped = [e.replace("\\", "\\\\").replace('"', '\\"') + "\\n"
               for e in sorted(entries, key=lambda s: s.encode("utf-8"))]
    # Forty entries per source line keeps the generated file readable and diffable.
    lines = ["".join(escaped[i:i + 40]) for i in range(0, len(escaped), 40)]
    return "\n".join('    "%s"' % line for line in lines) or '    ""'


def main():
    wordnet_dir, dictionary, out = sys.argv[1], sys.argv[2], sys.argv[3]
    lists = read_wordnet(wordnet_dir)
    lists["english_words"] = read_dictionary(dictionary)
    lists["adverbs"] = read_adverbs(wordnet_dir)
    parts = ["// Generated by scripts/gen_actor_data.py at build time. Do not edit.",
             "#include \"dossier/extract/actors/generated_data.h\"", "",
             "#pragma GCC diagnostic ignored \"-Woverlength-strings\"", "",
             "namespace dossier::actor_data {"]
    for name in ("persons", "places", "orgs", "given_names", "common_caps", "english_words",
                 "adverbs"):
        body = literal(lists[name])
        parts.append("std::string_view %s() {\n  static constexpr char kText[] =\n%s;\n"
                     "  return {kText, sizeof kText - 1};\n}" % (name, body))
    parts.append("}  // namespace dossier::actor_data")
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(parts) + "\n")
    os.replace(tmp, out)


if __name__ == "__main__":
    main()
