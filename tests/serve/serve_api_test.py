#!/usr/bin/env python3
"""dossier-serve's API against a real server on a free loopback port: every endpoint and
error status, search and batch bodies byte-identical to dossier-search's, the token off
loopback, a commit becoming visible, the limits and a clean stop."""
import argparse
import json
import shutil
import socket
import sys
import time
import unittest
import urllib.parse
from pathlib import Path

import serve_support as support

BIN = None  # support.Binaries, from the command line


class ApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.root = support.temp_root()
        cls.corpus, cls.db = support.make_corpus(BIN, cls.root)
        cls.server = support.Server(BIN, cls.db, "--threads", "2")

    @classmethod
    def tearDownClass(cls):
        code, log = cls.server.stop()
        shutil.rmtree(cls.root, ignore_errors=True)
        assert code == 0, log

    def same_as_cli(self, params, cli_args):
        status, headers, body = self.server.request("/api/v1/search?" + urllib.parse.urlencode(params))
        expected, _, _ = support.run_search(BIN, "--db", str(self.db), "--format", "json", *cli_args)
        self.assertEqual(status, 200, body)
        self.assertEqual(body, expected)
        self.assertEqual(headers["Content-Type"], "application/json")
        self.assertEqual(headers["X-Dossier-Revision"], "3")  # articles, clusters, compaction

    def test_search_is_the_cli_json_byte_for_byte(self):
        self.same_as_cli({"q": "maduro"}, ["maduro"])
        self.same_as_cli({"q": "venezuela", "facets": "actor,date,source", "sort": "-date",
                          "limit": "3", "offset": "1", "granularity": "day"},
                         ["--facets", "actor,date,source", "--sort=-date", "-n", "3",
                          "--offset", "1", "--granularity", "day", "venezuela"])
        self.same_as_cli([("q", ""), ("actor", "Guaidó"), ("actor", "Russia"),
                          ("source", "sputnik"), ("facets", "actor"), ("facet_size", "3")],
                         ["--actor", "Guaidó", "--actor", "Russia", "--source", "sputnik",
                          "--facets", "actor", "--facet-size", "3"])
        self.same_as_cli({"q": "", "actor": "Guaidó", "facets": "co-actors", "facet_size": "3"},
                         ["--actor", "Guaidó", "--facets", "co-actors", "--facet-size", "3"])
        self.same_as_cli({"q": "military", "from": "2019-02", "to": "2019", "facets": "date",
                          "estimate": "1"},
                         ["--from", "2019-02", "--to", "2019", "--facets", "date", "--estimate",
                          "military"])
        self.same_as_cli({"q": "maduro shchetinin", "match": "any"},
                         ["--match", "any", "maduro shchetinin"])
        self.same_as_cli({"q": "\"foreign minister\" OR moscow", "plain": "true"},
                         ["--plain", "\"foreign minister\" OR moscow"])

    def test_batch_is_the_cli_jsonl_byte_for_byte(self):
        lines = ('maduro\n{"id":"x","q":"guaido","limit":1,"facets":["actor","date"]}\n'
                 'q2\tvenezuela\n{"id":"bad","q":"("}\n')
        batch = Path(self.root) / "batch.jsonl"
        batch.write_text(lines, encoding="utf-8")
        status, headers, body = self.server.request("/api/v1/batch", data=lines.encode())
        expected, code, _ = support.run_search(BIN, "--db", str(self.db), "--batch", str(batch))
        self.assertEqual(code, 2)  # one query failed: an error record in both
        self.assertEqual(status, 200)
        self.assertEqual(body, expected)
        self.assertEqual(headers["Content-Type"], "application/x-ndjson")
        # Streamed as answered, so its length is not known up front.
        self.assertEqual(headers["Transfer-Encoding"], "chunked")
        self.assertNotIn("Content-Length", headers)

    def test_actors_list_is_the_cli_json(self):
        status, _, body = self.server.request("/api/v1/actors?type=person&prefix=gu&limit=5")
        expected, _, _ = support.run_search(BIN, "--db", str(self.db), "actors", "--type",
                                            "person", "--prefix", "gu", "-n", "5", "--format",
                                            "json")
        self.assertEqual(status, 200)
        self.assertEqual(body, expected)
        status, _, listing = self.server.json("/api/v1/actors?limit=2")
        self.assertEqual(listing, {"actors": [
            {"name": "Juan Guaidó", "type": "person", "articles": 5},
            {"name": "Nicolás Maduro", "type": "person", "articles": 5}]})

    def test_actor_profile(self):
        status, headers, body = self.server.json(
            "/api/v1/actors/" + urllib.parse.quote("person:nicolas maduro"))
        self.assertEqual(status, 200)
        actor = body["actor"]
        self.assertEqual(body["database"]["revision"], 3)
        self.assertEqual((actor["id"], actor["name"], actor["type"], actor["articles"]),
                         ("person:nicolas maduro", "Nicolás Maduro", "person", 5))
        # The spellings of his name; "N. Maduro" in a caption is a short form of it within
        # its article, as "Maduro" is (an alias a filter finds, no spelling of the name).
        self.assertEqual(actor["aliases"], [{"name": "Nicolas Maduro", "articles": 4},
                                            {"name": "Nicolás Maduro", "articles": 1}])
        self.assertEqual(actor["timeline"], {
            "granularity": "month",
            "buckets": [{"bucket": "2019-01", "count": 2}, {"bucket": "2019-02", "count": 1},
                        {"bucket": "2019-03", "count": 1}],
            "coarse": [], "undated": 1})
        # Co-occurrence counts are the co-actors facet's over every article, in its order
        # (one code path), and the actor facet's over the actor's articles.
        co_json, _, _ = support.run_search(BIN, "--db", str(self.db), "--format", "json",
                                           "--actor", "Nicolás Maduro", "--facets",
                                           "co-actors", "--facet-size", "20")
        self.assertEqual([(co["name"], co["type"], co["articles"]) for co in actor["co_actors"]],
                         [(co["name"], co["type"], co["count"])
                          for co in json.loads(co_json)["facets"]["co_actors"]])
        facet_json, _, _ = support.run_search(BIN, "--db", str(self.db), "--format", "json",
                                              "--actor", "Nicolás Maduro", "--facets",
                                              "actor", "--facet-size", "1000")
        facet = {(a["name"], a["type"]): a["count"]
                 for a in json.loads(facet_json)["facets"]["actor"]}
        self.assertGreater(len(actor["co_actors"]), 5)
        for co in actor["co_actors"]:
            self.assertEqual(co["articles"], facet[(co["name"], co["type"])], co)
        self.assertEqual(actor["co_actors"][0]["articles"], 5)
        self.assertEqual([r["date"] for r in actor["recent"]],
                         ["2019-03-14", "2019-02-23", "2019-01-28", "2019-01-28", None])
        # A type and a display name find the actor too: the page links actors that way.
        status, _, by_name = self.server.json(
            "/api/v1/actors/" + urllib.parse.quote("person:Nicolás Maduro"))
        self.assertEqual((status, by_name), (200, body))
        status, _, body = self.server.json("/api/v1/actors/person:nobody")
        self.assertEqual((status, body), (404, {"error": "no actor 'person:nobody'",
                                                "status": 404}))

    def test_document(self):
        status, headers, body = self.server.json("/api/v1/documents/corpus/002_f98af769265f09ba.txt")
        self.assertEqual(status, 200)
        doc = body["document"]
        self.assertEqual(list(doc), ["id", "title", "date", "date_source", "dates_mentioned",
                                     "source", "url", "text", "actors", "forms"])
        self.assertEqual((doc["id"], doc["date"], doc["date_source"], doc["source"]),
                         ("corpus/002_f98af769265f09ba.txt", "2019-02-23", "metadata", "Reuters"))
        self.assertTrue(doc["text"].startswith(doc["title"]) or len(doc["text"]) > 500)
        self.assertEqual(list(doc["actors"][0]),
                         ["id", "name", "display_name", "type", "mentions"])
        self.assertEqual(headers["X-Dossier-Revision"], "3")  # articles, clusters, compaction
        status, _, body = self.server.json("/api/v1/documents/nope.txt")
        self.assertEqual((status, body), (404, {"error": "no document 'nope.txt'",
                                                "status": 404}))

    def test_status(self):
        status, headers, body = self.server.json("/api/v1/status")
        self.assertEqual(status, 200)
        self.assertEqual(list(body), ["database", "version"])
        self.assertEqual(list(body["database"]), ["uuid", "revision", "documents", "schema"])
        self.assertEqual((body["database"]["revision"], body["database"]["documents"]), (3, 5))

    def test_bad_request_has_the_cli_message(self):
        status, _, body = self.server.json("/api/v1/search?q=" + urllib.parse.quote("(maduro"))
        _, code, err = support.run_search(BIN, "--db", str(self.db), "(maduro")
        self.assertEqual(code, 2)
        self.assertEqual(status, 400)
        self.assertEqual(body, {"error": err.strip().removeprefix("dossier-search: "),
                                "status": 400})
        status, _, body = self.server.json("/api/v1/search?from=2019-13")
        _, _, err = support.run_search(BIN, "--db", str(self.db), "--from", "2019-13")
        self.assertEqual((status, body["error"]),
                         (400, err.strip().removeprefix("dossier-search: ")))

    def test_bad_parameters(self):
        cases = {
            "/api/v1/search?limit=1001": "limit: '1001' is not a whole number from 0 to 1000",
            "/api/v1/search?offset=-1": "offset: '-1' is not a whole number from 0 to 100000",
            "/api/v1/search?sort=up": "sort: 'up' is not one of relevance, date, -date",
            "/api/v1/search?facets=actor,colour":
                "facets: 'colour' is not one of actor, date, source, significant, folder, co-actors",
            "/api/v1/search?facets=co-actors": "--facets co-actors needs exactly one --actor: "
                                               "the actor whose co-actors to count",
            "/api/v1/search?q=a&q=b": "parameter 'q' is given more than once",
            "/api/v1/search?colour=red": "unknown parameter 'colour' (known: q, actor, source, "
                                         "folder, from, to, facets, facet_size, granularity, sort, "
                                         "limit, offset, plain, match, estimate, collapse)",
            "/api/v1/actors?type=animal": "type: 'animal' is not one of person, org, country, place",
            "/api/v1/actors/person:x?granularity=decade":
                "granularity: 'decade' is not one of day, week, month, year",
        }
        for path, message in cases.items():
            self.assertEqual(self.server.json(path)[::2], (400, {"error": message, "status": 400}),
                             path)

    def test_not_found_and_method_not_allowed(self):
        self.assertEqual(self.server.json("/api/v1/nothing")[::2],
                         (404, {"error": "no such endpoint", "status": 404}))
        self.assertEqual(self.server.json("/nothing.html")[::2],
                         (404, {"error": "no such page", "status": 404}))
        status, headers, body = self.server.json("/api/v1/search", data=b"x", method="POST")
        self.assertEqual((status, headers["Allow"], body),
                         (405, "GET", {"error": "this path answers GET only", "status": 405}))
        status, headers, body = self.server.json("/api/v1/batch")
        self.assertEqual((status, headers["Allow"]), (405, "POST"))
        status, headers, _ = self.server.request("/api/v1/status", method="DELETE")
        self.assertEqual(status, 405)

    def test_limits(self):
        status, _, body = self.server.json("/api/v1/search?q=" + "a" * 3000)
        self.assertEqual((status, body), (414, {"error": "q is longer than 2048 bytes",
                                                "status": 414}))
        status, _, body = self.server.json("/api/v1/search?q=" + "a" * 9000)
        self.assertEqual((status, body), (414, {"error": "request line too long",
                                                "status": 414}))
        status, _, body = self.server.json("/api/v1/batch", data=b"x" * (1 << 20 + 1))
        self.assertEqual((status, body), (413, {"error": "request body too large",
                                                "status": 413}))

    def test_page_is_served(self):
        status, headers, body = self.server.request("/")
        self.assertEqual(status, 200)
        self.assertEqual(headers["Content-Type"], "text/html; charset=utf-8")
        self.assertIn(b"<!doctype html>", body.lower())
        for path, content_type in [("/app.js", "text/javascript; charset=utf-8"),
                                   ("/style.css", "text/css; charset=utf-8")]:
            status, headers, _ = self.server.request(path)
            self.assertEqual((status, headers["Content-Type"]), (200, content_type))


class ServerTest(unittest.TestCase):
    """Servers of their own: start-up checks, tokens, a full queue, commits."""

    def setUp(self):
        self.root = support.temp_root()
        self.corpus, self.db = support.make_corpus(BIN, self.root)

    def tearDown(self):
        shutil.rmtree(self.root, ignore_errors=True)

    def test_non_loopback_needs_a_token_or_no_auth(self):
        with self.assertRaises(RuntimeError) as refused:
            support.Server(BIN, self.db, listen="0.0.0.0:0")
        self.assertIn("dossier-serve: --listen 0.0.0.0:0 is not a loopback address: give "
                      "--token-file FILE, or --no-auth to serve anyone who can reach it",
                      str(refused.exception))
        token = Path(self.root) / "token"
        token.write_text("s3cret-token\n")
        server = support.Server(BIN, self.db, "--token-file", str(token), listen="0.0.0.0:0")
        try:
            self.assertIn("every request needs the bearer token", server.startup)
            status, headers, body = server.json("/api/v1/status")
            self.assertEqual((status, headers["WWW-Authenticate"], body["status"]),
                             (401, "Bearer", 401))
            self.assertEqual(server.json("/api/v1/status",
                                         headers={"Authorization": "Bearer s3cret-tokex"})[0], 401)
            self.assertEqual(server.json("/api/v1/status",
                                         headers={"Authorization": "Bearer s3cret-token"})[0], 200)
        finally:
            self.assertEqual(server.stop()[0], 0)

    def test_commit_becomes_visible(self):
        server = support.Server(BIN, self.db, "--quiet")
        try:
            self.assertEqual(server.json("/api/v1/status")[2]["database"]["documents"], 5)
            article = self.corpus / "005_new.txt"
            article.write_text("Zebras Graze In Caracas\n\nA herd of zebras grazed in Caracas "
                               "on Tuesday, witnesses said.\n", encoding="utf-8")
            support.index(BIN, self.db, self.corpus)
            status, headers, body = server.json("/api/v1/search?q=zebras")
            self.assertEqual((status, body["total"], body["hits"][0]["id"]),
                             (200, 1, "corpus/005_new.txt"))
            # The compacted build was revision 3: the article, then its clusters.
            self.assertEqual(headers["X-Dossier-Revision"], "5")
            status = server.json("/api/v1/status")[2]["database"]
            self.assertEqual(status["documents"], 6)
            # A compaction swaps a new database in (a new uuid, the revisions go on).
            (self.corpus / "006_more.txt").write_text(
                "Okapis Seen Near Goma\n\nTwo okapis were seen near Goma.\n", encoding="utf-8")
            support.index(BIN, self.db, self.corpus, "--compact", "always")
            code, headers, body = server.json("/api/v1/search?q=okapis&facets=actor")
            self.assertEqual((code, body["total"], headers["X-Dossier-Revision"]), (200, 1, "8"))
            self.assertEqual([a["name"] for a in body["facets"]["actor"]], ["Goma"])
            after = server.json("/api/v1/status")[2]["database"]
            self.assertEqual(after["documents"], 7)
            self.assertNotEqual(after["uuid"], status["uuid"])
        finally:
            code, log = server.stop()
        self.assertEqual(code, 0)
        self.assertEqual(log.splitlines()[1:],
                         ["dossier-serve: SIGTERM: finishing the requests in flight"])

    def test_time_limit(self):
        server = support.Server(BIN, self.db, "--time-limit", "1e-9")
        timed_out = "the search took longer than its time limit of 1e-09 s"
        try:
            status, _, body = server.json("/api/v1/search?q=maduro&facets=actor")
            self.assertEqual((status, body), (503, {"error": timed_out, "status": 503}))
            # A query no document matches finishes before its first check.
            status, _, body = server.json("/api/v1/search?q=zzyzx")
            self.assertEqual((status, body["total"]), (200, 0))
            # In a batch, each query has the limit on its own: an error record each.
            status, _, body = server.request("/api/v1/batch",
                                             data=b'{"id":"a","q":"maduro"}\nvenezuela\n')
            records = [json.loads(line) for line in body.decode().splitlines()]
            self.assertEqual(status, 200)
            self.assertEqual([r.get("error") for r in records[1:]], [timed_out, timed_out])
            self.assertEqual([r.get("id") for r in records[1:]], ["a", 2])
        finally:
            self.assertEqual(server.stop()[0], 0)
        self.assertIn("POST /api/v1/batch 200 -", server.stderr())

    def test_batch_client_going_away(self):
        server = support.Server(BIN, self.db, "--threads", "1")
        try:
            body = b"maduro\n" * 5000  # about 6 MB of answers
            with socket.create_connection(("127.0.0.1", server.port)) as client:
                client.sendall(b"POST /api/v1/batch HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                               str(len(body)).encode() + b"\r\n\r\n" + body)
                first = client.recv(65536)
            self.assertTrue(first.startswith(b"HTTP/1.1 200"), first[:100])
            # The only worker gave up the stream and its searcher: the next request is served.
            status, _, answer = server.json("/api/v1/status")
            self.assertEqual((status, list(answer)), (200, ["database", "version"]))
        finally:
            self.assertEqual(server.stop()[0], 0)

    def test_full_queue_answers_503(self):
        server = support.Server(BIN, self.db, "--threads", "1", "--queue", "1")
        idle = []
        try:
            # One connection holds the only worker, one waits in the queue: both are idle
            # clients the server waits on (up to its 5 s read timeout).
            for _ in range(2):
                idle.append(socket.create_connection(("127.0.0.1", server.port)))
                time.sleep(0.2)
            with socket.create_connection(("127.0.0.1", server.port)) as third:
                third.sendall(b"GET /api/v1/status HTTP/1.1\r\nHost: x\r\n"
                              b"Connection: close\r\n\r\n")
                answer = b""
                while chunk := third.recv(65536):
                    answer += chunk
            head, _, body = answer.partition(b"\r\n\r\n")
            self.assertTrue(head.startswith(b"HTTP/1.1 503"), head)
            self.assertIn(b"Retry-After: 1", head)
            self.assertEqual(json.loads(body), {"error": "the server is busy; try again shortly",
                                                "status": 503})
        finally:
            for s in idle:
                s.close()
            self.assertEqual(server.stop()[0], 0)
        self.assertIn("GET /api/v1/status 503", server.stderr())


class IdentityProfileTest(unittest.TestCase):
    """An actor's profile covers its identity: the articles of every id merged into it."""

    ARTICLES = {
        "a.txt": "Ministers meet in Brussels\n\nMinisters of the European Union (EU) met in "
                 "Brussels on Monday. The EU said the talks went well.\n",
        "b.txt": "Budget agreed\n\nThe EU agreed a budget on Tuesday after long talks in "
                 "Brussels.\n",
        "c.txt": "Farm talks\n\nThe European Union and France discussed farm subsidies.\n",
    }

    @classmethod
    def setUpClass(cls):
        cls.root = support.temp_root()
        corpus = Path(cls.root) / "corpus"
        corpus.mkdir()
        for name, text in cls.ARTICLES.items():
            (corpus / name).write_text(text, encoding="utf-8")
        cls.db = Path(cls.root) / "db"
        support.index(BIN, cls.db, corpus)
        cls.server = support.Server(BIN, cls.db, "--threads", "1")

    @classmethod
    def tearDownClass(cls):
        code, log = cls.server.stop()
        shutil.rmtree(cls.root, ignore_errors=True)
        assert code == 0, log

    def test_merged_ids_count_once_as_the_filter_does(self):
        # b.txt names only "EU", which the corpus defines as the European Union.
        cli, _, _ = support.run_search(BIN, "--db", str(self.db), "--actor", "EU",
                                       "--format", "json", "")
        self.assertEqual(json.loads(cli)["total"], 3)
        status, _, body = self.server.json(
            "/api/v1/actors/" + urllib.parse.quote("org:european union"))
        self.assertEqual(status, 200)
        actor = body["actor"]
        self.assertEqual((actor["id"], actor["name"], actor["articles"]),
                         ("org:european union", "European Union", 3))
        self.assertEqual(actor["aliases"], [{"name": "European Union", "articles": 2},
                                            {"name": "EU", "articles": 1}])
        self.assertEqual(actor["timeline"]["undated"], 3)
        self.assertEqual(sorted(r["id"] for r in actor["recent"]),
                         ["corpus/a.txt", "corpus/b.txt", "corpus/c.txt"])
        # The merged id's profile is its canonical actor's.
        status, _, merged = self.server.json("/api/v1/actors/" + urllib.parse.quote("org:eu"))
        self.assertEqual((status, merged), (200, body))


def main():
    global BIN
    parser = argparse.ArgumentParser()
    support.add_arguments(parser)
    args, rest = parser.parse_known_args()
    BIN = support.Binaries(args)
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)


if __name__ == "__main__":
    main()
