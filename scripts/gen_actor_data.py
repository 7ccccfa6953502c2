#!/usr/bin/env python3
"""Generates common/dossier/extract/actors data (a .cpp of string literals) from Debian lexicons.

Run by CMake at build time, so the binaries carry the lexicons and never read /usr/share at
run time (the indexer runs on machines that may lack these packages). Sources:
  wordnet-base     /usr/share/wordnet/data.{noun,adj}: proper-noun lemmas typed by lexicographer
                   file (noun.person, noun.location, noun.object, noun.group); index.adv:
                   adverbs ("Later", "Meanwhile" open sentences, never names)
                   cntlist.rev: how often SemCor tags each word ("will" and "may" are
                   everyday words, "ariel" is not).
  wamerican-huge   /usr/share/dict/american-english-huge: lower-case English words, to tell
                   ordinary words from names at sentence starts and in headlines.
  libtext-names-perl  /usr/share/perl5/Text/Names.pm: the US census's common male and
                   female first names ("Brian", "Laura", "Dusty"), which WordNet's people
                   mostly lack; everyday words among them ("Will", "May") are left out.
A missing source yields an empty list (the extractor then leans on its capitalisation rules).

Keys are folded like dossier::Analyzer::fold does (case-folded, accents and punctuation
stripped, possessive dropped), one entry per line, sorted bytewise for binary search.
"""
import os
import re
import sys
import unicodedata

# SemCor tags of a word's senses (cntlist.rev) from which it is an everyday word: "will"
# and "may" have 36, "hope" 171, "dusty" 10; "ariel" and "doug" none.
EVERYDAY_TAGS = 10

# Percent of the census's people named so from which a first name that is also an English
# word counts as a given name: "Carol" 0.565, "Sandy" 0.055, "Al" 0.023; "Tory" and
# "Numbers" are rarer.
COMMON_NAME_SHARE = 0.02

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


def fictional_synsets(path):
    """Offsets of WordNet's "fictional character" synsets, whose instances ("Yahoo" of
    Gulliver's Travels, "Bond", "Uncle Sam") name no real person."""
    offsets = set()
    full = os.path.join(path, "data.noun")
    if os.path.exists(full):
        with open(full, encoding="utf-8", errors="replace") as f:
            for line in f:
                if " fictional_character " in line and not line.startswith("  "):
                    offsets.add(line.split(" ", 1)[0])
    return offsets


def read_wordnet(path):
    """Returns dict of list name -> set of folded keys."""
    lists = {k: set() for k in ("persons", "places", "orgs", "given_names", "common_caps")}
    fictional = fictional_synsets(path)
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
                if lex == LEX_PERSON and fictional & set(re.findall(r" @i (\d{8}) n ", line)):
                    continue  # a character of fiction: "Yahoo" is the search engine
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


def read_everyday_words(path):
    """One-word lower-case lemmas SemCor tags at least EVERYDAY_TAGS times."""
    tags = {}
    full = os.path.join(path, "cntlist.rev")
    if os.path.exists(full):
        with open(full, encoding="utf-8", errors="replace") as f:
            for line in f:
                fields = line.split()
                if len(fields) != 3:
                    continue
                lemma = fields[0].split("%", 1)[0]
                if lemma.isalpha() and lemma.islower():
                    tags[lemma] = tags.get(lemma, 0) + int(fields[2])
    return {fold_word(w) for w, n in tags.items() if n >= EVERYDAY_TAGS}


def census_shares(text, *blocks):
    """{folded name: percent of people so named} from Text::Names' census heredocs
    ("NAME  share  cumulative  rank" records, one or two per line)."""
    shares = {}
    for block in blocks:
        match = re.search(r"\$%s = <<ENDNAMES;\n(.*?)\nENDNAMES" % block, text, re.S)
        if not match:
            continue
        for name, share in re.findall(r"([A-Z][A-Z'-]*)\s+([\d.]+)\s+[\d.]+\s+\d+",
                                      match.group(1)):
            key = fold_word(name)
            shares[key] = max(shares.get(key, 0.0), float(share))
    return shares


def read_census_first_names(path):
    """The census's first names, less those more common as surnames ("Morgan", "Harris",
    "Williams" name firms and people by their surnames): {folded name: share}."""
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    first = census_shares(text, "COMMON_MALE_FIRSTNAMES", "COMMON_FEMALE_FIRSTNAMES")
    surnames = census_shares(text, "COMMON_SURNAMES")
    return {name: share for name, share in first.items() if surnames.get(name, 0.0) < share}


def census_given_names(shares, everyday, english, places):
    """The census names that may open a person's name: not everyday words ("Will"), places
    ("Jordan", "Geneva") or articles, and English words only when common as names ("Carol",
    "Frank"; not "Tory", "Numbers", "Hung")."""
    return {name for name, share in shares.items()
            if name not in everyday and name not in places and name not in ARTICLES
            and (name not in english or share >= COMMON_NAME_SHARE)}


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
    wordnet_dir, dictionary, census_names, out = sys.argv[1:5]
    lists = read_wordnet(wordnet_dir)
    lists["english_words"] = read_dictionary(dictionary)
    lists["adverbs"] = read_adverbs(wordnet_dir)
    everyday = read_everyday_words(wordnet_dir)
    lists["everyday_words"] = everyday
    lists["census_first_names"] = census_given_names(
        read_census_first_names(census_names), everyday, lists["english_words"],
        lists["places"]) - lists["given_names"]
    parts = ["// Generated by scripts/gen_actor_data.py at build time. Do not edit.",
             "#include \"dossier/extract/actors/generated_data.h\"", "",
             "#pragma GCC diagnostic ignored \"-Woverlength-strings\"", "",
             "namespace dossier::actor_data {"]
    for name in ("persons", "places", "orgs", "given_names", "common_caps", "english_words",
                 "adverbs", "census_first_names", "everyday_words"):
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
