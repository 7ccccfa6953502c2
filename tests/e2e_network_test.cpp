// End-to-end: --table actor-by-actor over a corpus made here, its counts checked by hand.
#include <fstream>

#include <gtest/gtest.h>

#include "e2e_support.h"

namespace {

using namespace dossier::e2e;

// Six articles; the dictionary fixes the actors. Pairs by hand: Anna+Carl in a1-a3 (3),
// Anna+Erik in a3-a4 (2), Carl+Erik in a3 (1); Gustav alone. Scores (NPMI over 6 matches):
// Anna+Carl log(1.2)/log(2) = 0.2630, Anna+Erik log(1.2)/log(3) = 0.1660, Carl+Erik 0.
class NetworkE2E : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("e2e_network");
    const std::string corpus = *dir_ / "corpus";
    std::filesystem::create_directories(corpus);
    const char* people[] = {
        "Anna Berg and Carl Dahl", "Carl Dahl and Anna Berg", "Anna Berg, Carl Dahl and Erik Fors",
        "Erik Fors and Anna Berg", "Anna Berg alone",         "Gustav Holm alone"};
    for (int i = 0; i < 6; ++i) {
      std::ofstream(corpus + "/a" + std::to_string(i + 1) + ".txt")
          << "notes of meeting number " << i + 1 << "\n\nthe meeting was attended by " << people[i]
          << ", who spoke at length about the budget.\n";
    }
    const std::string dict = *dir_ / "actors.tsv";
    std::ofstream(dict) << "Anna Berg\tperson\nCarl Dahl\tperson\nErik Fors\tperson\n"
                        << "Gustav Holm\tperson\n";
    db_ = *dir_ / "db";
    const auto r =
        run(kIndex + " --db " + quote(db_) + " --actors " + quote(dict) + " " + quote(corpus));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }

  static RunResult table(const std::string& args) {
    return run(kSearch + " --db " + quote(db_) + " --table actor-by-actor " + args);
  }

  inline static TempDir* dir_ = nullptr;
  inline static std::string db_;
};

TEST_F(NetworkE2E, CountsEveryPairOfTheTopActorsWithItsScore) {
  const auto csv = table("--format csv meeting");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out,
            "actor_a,type_a,actor_b,type_b,count,score\n"
            "Anna Berg,person,Carl Dahl,person,3,0.263\n"
            "Anna Berg,person,Erik Fors,person,2,0.166\n"
            "Carl Dahl,person,Erik Fors,person,1,0.0\n");
  // The top two actors only; a filter narrows the matches the pairs are counted over.
  EXPECT_EQ(table("--facet-size 2 meeting").out,
            "actor_a\ttype_a\tactor_b\ttype_b\tcount\tscore\n"
            "Anna Berg\tperson\tCarl Dahl\tperson\t3\t0.263\n");
  EXPECT_EQ(table("--actor 'Erik Fors' --format csv meeting").out,
            "actor_a,type_a,actor_b,type_b,count,score\n"
            "Anna Berg,person,Erik Fors,person,2,1.0\n"
            "Anna Berg,person,Carl Dahl,person,1,0.0\n"
            "Erik Fors,person,Carl Dahl,person,1,0.0\n");
}

TEST_F(NetworkE2E, JsonAndGraphml) {
  const auto json = table("--format json --facet-size 3 meeting");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(
      json.out,
      R"({"matches":6,"exact":true,"actors":[{"actor":"Anna Berg","type":"person","count":5},)"
      R"({"actor":"Carl Dahl","type":"person","count":3},{"actor":"Erik Fors","type":"person",)"
      R"("count":2}],"pairs":[{"actor_a":"Anna Berg","type_a":"person","actor_b":"Carl Dahl",)"
      R"("type_b":"person","count":3,"score":0.263},{"actor_a":"Anna Berg","type_a":"person",)"
      R"("actor_b":"Erik Fors","type_b":"person","count":2,"score":0.166},{"actor_a":)"
      R"("Carl Dahl","type_a":"person","actor_b":"Erik Fors","type_b":"person","count":1,)"
      R"("score":0.0}],"query":"meeting"})"
      "\n");
  const auto graph = table("--format graphml --facet-size 2 'meeting & budget'");
  ASSERT_EQ(graph.exit_code, 0) << graph.err;
  EXPECT_EQ(graph.out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
            "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
            "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
            "  <key id=\"articles\" for=\"node\" attr.name=\"articles\" attr.type=\"int\"/>\n"
            "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n"
            "  <key id=\"score\" for=\"edge\" attr.name=\"score\" attr.type=\"double\"/>\n"
            "  <key id=\"query\" for=\"graph\" attr.name=\"query\" attr.type=\"string\"/>\n"
            "  <key id=\"matches\" for=\"graph\" attr.name=\"matches\" attr.type=\"int\"/>\n"
            "  <graph id=\"G\" edgedefault=\"undirected\">\n"
            "    <data key=\"query\">meeting &amp; budget</data><data key=\"matches\">6</data>\n"
            "    <node id=\"n0\"><data key=\"name\">Anna Berg</data><data key=\"type\">person"
            "</data><data key=\"articles\">5</data></node>\n"
            "    <node id=\"n1\"><data key=\"name\">Carl Dahl</data><data key=\"type\">person"
            "</data><data key=\"articles\">3</data></node>\n"
            "    <edge source=\"n0\" target=\"n1\"><data key=\"weight\">3</data>"
            "<data key=\"score\">0.263</data></edge>\n"
            "  </graph>\n</graphml>\n");
}

TEST_F(NetworkE2E, PerQueryInABatch) {
  const auto batch = run(kSearch + " --db " + quote(db_) +
                             " --table actor-by-actor --batch - --format csv --facet-size 2",
                         "q1\tmeeting\nq2\talone\n");
  ASSERT_EQ(batch.exit_code, 0) << batch.err;
  EXPECT_EQ(batch.out,
            "id,actor_a,type_a,actor_b,type_b,count,score\n"
            "q1,Anna Berg,person,Carl Dahl,person,3,0.263\n");
  const auto jsonl = run(kSearch + " --db " + quote(db_) +
                             " --table actor-by-actor --batch - --no-header --facet-size 2",
                         "q2\talone\n");
  EXPECT_EQ(jsonl.out,
            R"({"id":"q2","query":"alone","matches":2,"exact":true,"actors":[{"actor":)"
            R"("Anna Berg","type":"person","count":1},{"actor":"Gustav Holm","type":"person",)"
            R"("count":1}],"pairs":[]})"
            "\n");
}

// Significant actors of "alone" (a5: Anna, a6: Gustav; 2 of 6 articles): Gustav is named
// by no other article, G2 = 2.634; Anna is named by 4 of the other 4, so she is not
// over-represented. Over every article, nothing is.
TEST_F(NetworkE2E, SignificantActorsAreOverRepresentedAmongTheMatches) {
  const auto alone =
      run(kSearch + " --db " + quote(db_) + " --format json -n 0 --facets significant alone");
  ASSERT_EQ(alone.exit_code, 0) << alone.err;
  EXPECT_NE(alone.out.find(R"("facets":{"significant":[{"name":"Gustav Holm","type":"person",)"
                           R"("count":1,"corpus_count":1,"score":2.63}],"exact":true})"),
            std::string::npos)
      << alone.out;
  const auto all =
      run(kSearch + " --db " + quote(db_) + " --format json -n 0 --facets significant meeting");
  EXPECT_NE(all.out.find(R"("facets":{"significant":[],"exact":true})"), std::string::npos)
      << all.out;
  const auto text = run(kSearch + " --db " + quote(db_) + " -n 0 --facets significant alone");
  EXPECT_EQ(text.out,
            "2 matches\n\nSignificant actors (matches / all articles, G2):\n"
            "       1 /      1  Gustav Holm (person)  2.6\n");
}

// The co-actors of one --actor are actor-by-actor's pairs with it over the query's matches
// without the filter: Anna's for "meeting" are Carl (3, 0.263) and Erik (2, 0.166); Erik's
// are Anna (2 of her 5 articles, 0.166) and Carl (1 of 3, 0).
TEST_F(NetworkE2E, CoActorsOfOneActor) {
  const std::string search = kSearch + " --db " + quote(db_) + " -n 0 --facets co-actors ";
  const auto text = run(search + "--actor 'Anna Berg' meeting");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out,
            "5 matches\n\nCo-actors (with the actor / articles without --actor, NPMI):\n"
            "       3 /      3  Carl Dahl (person)  0.2630\n"
            "       2 /      2  Erik Fors (person)  0.1660\n");
  const auto json = run(search + "--format json --actor 'Erik Fors' meeting");
  EXPECT_NE(json.out.find(R"("facets":{"co_actors":[{"name":"Anna Berg","type":"person",)"
                          R"("count":2,"articles":5,"score":0.166},{"name":"Carl Dahl",)"
                          R"("type":"person","count":1,"articles":3,"score":0.0}],"exact":true})"),
            std::string::npos)
      << json.out;
  // --facet-size cuts the list; a batch line asks with "facets".
  const auto batch =
      run(kSearch + " --db " + quote(db_) + " --batch - --no-header --limit 0",
          R"({"id":"e","q":"meeting","actor":"Erik Fors","facets":"co-actors","facet_size":1})"
          "\n");
  EXPECT_EQ(batch.out,
            R"({"id":"e","query":"meeting","total":2,"total_exact":true,"offset":0,"limit":0,)"
            R"("hits":[],"facets":{"co_actors":[{"name":"Anna Berg","type":"person","count":2,)"
            R"("articles":5,"score":0.166}],"exact":true}})"
            "\n");
  for (const char* actors : {"", "--actor 'Anna Berg' --actor 'Erik Fors' "}) {
    const auto refused = run(search + actors + "meeting");
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_EQ(refused.err,
              "dossier-search: --facets co-actors needs exactly one --actor: the actor whose "
              "co-actors to count\n");
  }
}

// Collapsed, a co-actor counts clusters: two copies c1 and c2 of a long meeting naming
// Anna and Carl join the six articles. Among the 8 matches of "meeting", Anna is named by
// 7, Carl by 5 (4 clusters), Erik by 2: Carl 4 (5 raw), NPMI log(8/7) / log(8/5) = 0.2841;
// Erik 2, log(8/7) / log(4) = 0.0963.
TEST_F(NetworkE2E, CoActorsCountClustersWhenCollapsed) {
  const std::string corpus = *dir_ / "copies";
  std::filesystem::copy(*dir_ / "corpus", corpus);
  for (const char* copy : {"/c1.txt", "/c2.txt"}) {
    std::ofstream(corpus + copy)
        << "notes of the long meeting\n\nthe long meeting was attended by Anna Berg and Carl "
           "Dahl. They went through the accounts line by line, agreed to move the spring fair "
           "to the old market hall, asked the treasurer for a plan to repair the roof before "
           "winter, heard a report on the new bus timetable from the village, and closed with "
           "a vote of thanks to the volunteers who ran the summer library.\n";
  }
  const std::string db = *dir_ / "copies_db";
  const auto indexed = run(kIndex + " --quiet --db " + quote(db) + " --actors " +
                           quote(*dir_ / "actors.tsv") + " " + quote(corpus));
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  const auto json = run(kSearch + " --db " + quote(db) +
                        " -n 0 --format json --collapse --facets co-actors --actor 'Anna Berg' "
                        "meeting");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(json.out,
            R"({"query":"meeting","total":6,"total_raw":7,"total_exact":true,"offset":0,)"
            R"("limit":0,"hits":[],"facets":{"co_actors":[{"name":"Carl Dahl","type":"person",)"
            R"("count":4,"count_raw":5,"articles":5,"score":0.2841},{"name":"Erik Fors",)"
            R"("type":"person","count":2,"count_raw":2,"articles":2,"score":0.0963}],)"
            R"("exact":true}})"
            "\n");
}

// Under --estimate the matcher stops early (1,000 matches past the page) and the facets it
// counts are estimates, but the co-actors facet makes its own pass over every match: its
// counts are exact and its heading says nothing of an estimate. Of 3,600 articles the even
// ones say "meeting" (1,800), those not a multiple of 3 name Anna Berg, and Carl Dahl is
// named beside her in every tenth: 1,200 matches, 240 naming Carl, all with Anna; NPMI
// over the 1,800: log((240/1800) / (2/3 * 240/1800)) / -log(240/1800) = 0.2012.
TEST(NetworkEstimate, CoActorsStayExactUnderEstimate) {
  TempDir dir("e2e_network_estimate");
  const std::string articles = dir / "many.jsonl", dict = dir / "actors.tsv", db = dir / "db";
  {
    std::ofstream out(articles);
    for (int i = 0; i < 3600; ++i) {
      out << R"({"id":"m)" << i << R"(","title":"Item )" << i << R"(","body":"The )"
          << (i % 2 == 0 ? "meeting" : "session") << " was attended by "
          << (i % 3 == 0    ? "the staff"
              : i % 10 == 0 ? "Anna Berg and Carl Dahl"
                            : "Anna Berg")
          << R"(."})"
          << "\n";
    }
  }
  std::ofstream(dict) << "Anna Berg\tperson\nCarl Dahl\tperson\n";
  const auto indexed = run(kIndex + " --quiet --db " + quote(db) + " --actors " + quote(dict) +
                           " " + quote(articles));
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  const auto text = run(kSearch + " --db " + quote(db) +
                        " -n 0 --estimate --facets co-actors --actor 'Anna Berg' meeting");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out,
            "about 1200 matches\n\n"
            "Co-actors (with the actor / articles without --actor, NPMI):\n"
            "     240 /    240  Carl Dahl (person)  0.2012\n");
  // JSON says so: the total is an estimate, the facets exact, unless another facet, counted
  // by the stopped matcher, is beside the co-actors.
  const std::string json = kSearch + " --db " + quote(db) +
                           " -n 0 --estimate --format json --actor 'Anna Berg' meeting --facets ";
  EXPECT_EQ(run(json + "co-actors").out,
            R"({"query":"meeting","total":1200,"total_exact":false,"offset":0,"limit":0,)"
            R"("hits":[],"facets":{"co_actors":[{"name":"Carl Dahl","type":"person","count":240,)"
            R"("articles":240,"score":0.2012}],"exact":true}})"
            "\n");
  EXPECT_NE(run(json + "co-actors,source").out.find(R"(],"exact":false}})"), std::string::npos);
}

TEST_F(NetworkE2E, RefusesWhatItCannotDo) {
  const auto wide = table("--facet-size 1001 meeting");
  EXPECT_EQ(wide.exit_code, 2);
  EXPECT_EQ(wide.err,
            "dossier-search: --table actor-by-actor takes at most 1000 actors (--facet-size)\n");
  const auto text = table("--format text meeting");
  EXPECT_EQ(text.exit_code, 2);
  EXPECT_EQ(text.err, "dossier-search: --table actor-by-actor prints tsv, csv, json or graphml\n");
  const auto none = table("nothingmatches");
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_EQ(none.out, "actor_a\ttype_a\tactor_b\ttype_b\tcount\tscore\n");
}

}  // namespace
