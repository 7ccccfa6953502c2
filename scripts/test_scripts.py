#!/usr/bin/env python3
"""Unit tests for the data scripts' parsing code, on small texts written for the tests.

Run: python3 scripts/test_scripts.py   (exit status 0 when all pass)
"""

import io
import json
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cisi_queries  # noqa: E402
import eval_actors  # noqa: E402
import eval_dedup  # noqa: E402
import make_queries  # noqa: E402
import make_synthetic_corpus  # noqa: E402
import reuters_syndicate  # noqa: E402
import reuters_to_jsonl  # noqa: E402
import trec_eval  # noqa: E402
from dossier_data import UserError, decode_bytes, parse_smart  # noqa: E402

SCRIPTS = os.path.dirname(os.path.abspath(__file__))

SMART = (".I 7\r\n.T\r\nA Study of Lamps\r\n.A\r\nDoe, J.\r\n.W  \r\nLamps   glow.\r\n"
         "They\tfade.\r\n.X\r\n7\t1\t7\r\n.I 9\r\n.W\r\nOnly text.\r\n.B\r\n(Journal, 1999)\r\n")

REUTERS_SGML = """<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" NEWID="5">
<DATE> 3-MAR-1987 10:00:00.00</DATE>
<TOPICS><D>grain</D></TOPICS>
<PLACES><D>canada</D></PLACES>
<TEXT>&#2;
<TITLE>WHEAT &lt;ABC&gt; CROP UP</TITLE>
<DATELINE>    OTTAWA, March 3 - </DATELINE><BODY>The wheat crop rose sharply
this year, officials said.
    Farmers &amp; traders were pleased.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS NEWID="6">
<DATE>4-MAR-1987 11:00:00.00</DATE>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>RATES STEADY
 Reuter
</TITLE>Blah blah blah.
&#3;
</TEXT>
</REUTERS>
<REUTERS NEWID="7">
<DATE>no date</DATE>
<TEXT TYPE="UNPROC">&#2;
WEEKLY REPORT - MAR 4
 Item one.......12 vs.....10
 Reuter
&#3;
</TEXT>
</REUTERS>
<REUTERS NEWID="8">
<DATE>4-MAR-1987 12:00:00.00</DATE>
<TEXT TYPE="UNPROC">&#2;
&#3;
</TEXT>
</REUTERS>
"""


class EvalActorsTest(unittest.TestCase):
    def test_document_name_drops_the_folder_and_extension(self):
        cases = {"tmpab12/doc001.txt": "doc001", "doc002.txt": "doc002", "a/b/doc3": "doc3"}
        for article_id, name in cases.items():
            self.assertEqual(eval_actors.document_name(article_id), name)

    def test_bbc_gold_reads_types_and_misc_by_article(self):
        text = ("# comment\n\nbusiness/001.txt\tORG\tMarks & Spencer\n"
                "business/001.txt\tMISC\tChristmas\ntech/002.txt\tPER\tBill Gates\n")
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "gold.tsv")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            golds = eval_actors.read_bbc_gold(path)
            with open(path, "a", encoding="utf-8") as f:
                f.write("tech/003.txt\tPERSON\tBill Gates\n")
            with self.assertRaises(UserError):
                eval_actors.read_bbc_gold(path)
        self.assertEqual(sorted(golds), ["business/001.txt", "tech/002.txt"])
        gold, misc = golds["business/001.txt"]
        self.assertEqual(dict(gold), {"marks spencer": {"ORG"}})
        self.assertEqual(misc, {"christmas"})
        self.assertEqual(dict(golds["tech/002.txt"][0]), {"bill gates": {"PER"}})


class DedupEvalTest(unittest.TestCase):
    def test_pairs_of_groups(self):
        self.assertEqual(eval_dedup.pairs([["b", "a", "c"], ["d", "e"], ["f"]]),
                         {("a", "b"), ("a", "c"), ("b", "c"), ("d", "e")})

    def test_shingles_and_resemblance(self):
        self.assertEqual(eval_dedup.shingles("A b, c d e"), {("a", "b", "c", "d"),
                                                             ("b", "c", "d", "e")})
        texts = {"x": "one two three four five", "y": "one two three four six"}
        self.assertEqual(eval_dedup.resemblance(texts.__getitem__, "x", "y"), 1 / 3)


class SyndicateTest(unittest.TestCase):
    def test_variants(self):
        import random
        body = "\n\n".join(" ".join(f"w{p}{i}" for i in range(10)) for p in range(4))
        record = {"id": "r-1", "title": "OIL PRICES RISE", "body": body, "date": "1987-03-02",
                  "source": "reuters"}
        sites = ["Site A", "Site B", "Site C", "Site D"]
        out = reuters_syndicate.variants(random.Random(1), record, sites, "Other Story")
        self.assertEqual([v["id"] for v in out],
                         ["r-1-reheaded", "r-1-trimmed", "r-1-boilerplate", "r-1-dropped"])
        paras = body.split("\n\n")
        self.assertEqual(out[0]["title"], "Update: Oil Prices Rise")
        self.assertEqual(out[0]["body"], "SITE A - " + body)
        self.assertEqual(out[1]["body"], "\n\n".join(paras[:3]))  # 30 of 40 words
        self.assertEqual(out[2]["body"].split("\n\n")[2:6], paras)
        self.assertTrue(out[2]["body"].endswith("Copyright 2019 Site C. All rights reserved."))
        self.assertEqual(len(out[3]["body"].split("\n\n")), 3)
        self.assertEqual(out[3]["body"].split("\n\n")[0], paras[0])
        self.assertEqual({v["date"] for v in out}, {"1987-03-02"})


class SmartTest(unittest.TestCase):
    def test_records_and_fields(self):
        records = parse_smart(SMART)
        self.assertEqual([r[0] for r in records], ["7", "9"])
        fields = records[0][1]
        self.assertEqual(fields["T"].strip(), "A Study of Lamps")
        self.assertEqual(fields["W"], "Lamps   glow.\nThey\tfade.\n")
        self.assertEqual(records[1][1]["B"].strip(), "(Journal, 1999)")

    def test_query_text_joins_title_and_text_on_one_line(self):
        fields = parse_smart(SMART)[0][1]
        self.assertEqual(cisi_queries.query_text(fields), "A Study of Lamps Lamps glow. They fade.")

    def test_rejects_non_smart_text(self):
        for text in ["1 28 0 0.000000\n", "", ".T\nTitle before id\n"]:
            with self.assertRaises(UserError, msg=text):
                parse_smart(text)


class DecodeTest(unittest.TestCase):
    def test_invalid_utf8_bytes_become_latin1(self):
        cases = [(b"caf\xc3\xa9", "café", False), (b"M\xfcller", "Müller", True), (b"\xa3 5", "£ 5", True)]
        for raw, text, fallback in cases:
            self.assertEqual(decode_bytes(raw), (text, fallback))


class ReutersTest(unittest.TestCase):
    def parse(self):
        with tempfile.TemporaryDirectory() as folder:
            with open(os.path.join(folder, "reut2-000.sgm"), "w", encoding="latin-1") as f:
                f.write(REUTERS_SGML)
            stats = reuters_to_jsonl.ReutersStats()
            return list(reuters_to_jsonl.iter_reuters(folder, stats)), stats

    def test_body_article(self):
        articles, _ = self.parse()
        first = articles[0]
        self.assertEqual(first["id"], "reuters-5")
        self.assertEqual(first["title"], "WHEAT <ABC> CROP UP")
        self.assertEqual(first["body"], "The wheat crop rose sharply this year, officials said.\n\n"
                                        "Farmers & traders were pleased.")
        self.assertEqual(first["date"], "1987-03-03")
        self.assertEqual(first["labels"]["places"], ["canada"])
        self.assertEqual(first["dateline"], "OTTAWA, March 3 -")

    def test_articles_without_body(self):
        articles, stats = self.parse()
        brief, unproc = articles[1], articles[2]
        self.assertEqual((brief["title"], brief["body"]), ("RATES STEADY", "RATES STEADY"))
        self.assertEqual(unproc["title"], "WEEKLY REPORT - MAR 4")
        self.assertEqual(unproc["body"], "WEEKLY REPORT - MAR 4\n\nItem one.......12 vs.....10")
        self.assertNotIn("date", unproc)
        self.assertEqual((stats.articles, stats.with_body, stats.title_as_body, stats.raw_text_as_body),
                         (4, 1, 1, 2))
        self.assertEqual((stats.without_date, stats.empty_skipped), (1, ["NEWID=8"]))

    def test_helpers(self):
        table = [
            (reuters_to_jsonl.decode_entities, "a &lt;b&gt; &amp; c&#3;&#127;&#233;", "a <b> & cé"),
            (reuters_to_jsonl.strip_signature, "Text.\n REUTER\n Reuter\n", "Text."),
            (reuters_to_jsonl.strip_signature, "Last words. REUTER...", "Last words."),
            (reuters_to_jsonl.strip_signature, "We want more", "We want more"),
            (reuters_to_jsonl.reflow, "one\ntwo\n    three\nfour\n\nfive", "one two\n\nthree four\n\nfive"),
            (reuters_to_jsonl.parse_date, " 9-OCT-1987 01:02:03.00", "1987-10-09"),
            (reuters_to_jsonl.parse_date, "9-XYZ-1987", None),
        ]
        for function, given, expected in table:
            self.assertEqual(function(given), expected, msg=f"{function.__name__}({given!r})")


class TrecEvalTest(unittest.TestCase):
    def test_self_test_passes(self):
        with io.StringIO() as sink:
            stdout, sys.stdout = sys.stdout, sink
            try:
                failures = trec_eval.self_test()
            finally:
                sys.stdout = stdout
        self.assertEqual(failures, 0)

    def test_qrels_format_detection(self):
        self.assertEqual(trec_eval.parse_qrels(["3 12 0 0.000000"]), {"3": {"12"}})
        self.assertEqual(trec_eval.parse_qrels(["3 0 12 1", "3 0 13 0"]), {"3": {"12"}})
        # Forced format: a CISI file read as TREC has no integer relevance column.
        with self.assertRaises(UserError):
            trec_eval.parse_qrels(["3 12 0 0.000000"], fmt="trec")


class SyntheticTest(unittest.TestCase):
    def test_headline(self):
        table = [
            ("Mr. Brown met U.S. officials on Monday. Then he left.", "Mr. Brown met U.S. officials on Monday"),
            (". Stray dot before this sentence. Next.", "Stray dot before this sentence"),
            ("Why not? Because.", "Why not"),
            (" ".join(f"w{i}" for i in range(20)) + ".", " ".join(f"w{i}" for i in range(12))),
        ]
        for paragraph, expected in table:
            self.assertEqual(make_synthetic_corpus.headline(paragraph), expected)

    def test_is_prose(self):
        self.assertTrue(make_synthetic_corpus.is_prose("The council voted to keep the old bridge open to traffic."))
        self.assertFalse(make_synthetic_corpus.is_prose("Net reserves.......644 vs.....1,337 and 12 vs 15 mln"))
        self.assertFalse(make_synthetic_corpus.is_prose("BANK RATES STEADY AS MARKETS WAIT FOR NEW DATA TODAY"))
        self.assertFalse(make_synthetic_corpus.is_prose("Too short to use."))

    def test_deterministic_and_well_formed(self):
        paragraphs = [f"Paragraph number {i} says something plain about the weather. More." for i in range(20)]

        def generate(seed):
            out = io.StringIO()
            make_synthetic_corpus.write_corpus(out, paragraphs, 50, seed)
            return out.getvalue()

        text = generate(5)
        self.assertEqual(text, generate(5))
        self.assertNotEqual(text, generate(6))
        articles = [json.loads(line) for line in text.splitlines()]
        self.assertEqual([a["id"] for a in articles[:2]], ["syn-000001", "syn-000002"])
        for article in articles:
            parts = article["body"].split("\n\n")
            self.assertTrue(3 <= len(parts) <= 8 and len(set(parts)) == len(parts))
            self.assertTrue(parts[0].startswith(article["title"]))
            self.assertTrue("2015-01-01" <= article["date"] <= "2024-12-31")


class QueriesTest(unittest.TestCase):
    def test_content_words(self):
        self.assertEqual(make_queries.content_words("Boss's plan to cut 5 jobs at the UK's mill"),
                         ["boss", "plan", "cut", "jobs", "mill"])

    def test_queries_come_from_one_headline_in_order(self):
        words = [["alpha", "beta", "gamma", "delta"], ["solo"]]
        queries = list(make_queries.make_queries(words, 200, 9))
        self.assertEqual(queries, list(make_queries.make_queries(words, 200, 9)))
        for query in queries:
            terms = query.split()
            self.assertTrue(1 <= len(terms) <= 3)
            source = words[1] if terms == ["solo"] else words[0]
            self.assertEqual(terms, sorted(terms, key=source.index))


class CommandLineTest(unittest.TestCase):
    def test_user_errors_exit_1_without_traceback(self):
        commands = [
            ["cisi_to_jsonl.py", "/nonexistent/CISI.ALL", "out.jsonl"],
            ["cisi_queries.py", "/nonexistent/CISI.QRY", "out.tsv"],
            ["trec_eval.py", "/nonexistent/qrels", "/nonexistent/run"],
            ["reuters_to_jsonl.py", "/nonexistent", "out.jsonl"],
            ["make_synthetic_corpus.py", "--out", "out.jsonl", "--count", "1", "--bbc", "/nonexistent"],
            ["make_queries.py", "--from-bbc", "/nonexistent"],
        ]
        with tempfile.TemporaryDirectory() as cwd:
            for command in commands:
                result = subprocess.run([sys.executable, os.path.join(SCRIPTS, command[0])] + command[1:],
                                        cwd=cwd, capture_output=True, text=True)
                self.assertEqual(result.returncode, 1, msg=command)
                self.assertIn("error:", result.stderr, msg=command)
                self.assertNotIn("Traceback", result.stderr, msg=command)
                self.assertEqual(os.listdir(cwd), [], msg=f"{command} left an output file")


if __name__ == "__main__":
    unittest.main()
