// End-to-end: a sharded database (dossier-index --shards N) answers every kind of search
// as the plain database of the same articles does: the same hits with the same scores
// (Xapian merges the shards' statistics, so BM25 sees one collection), facets, actor
// listings and --batch output, equal scores in the same order (by article id, whatever
// shard holds it). What differs: the batch header's uuid and revision (per shard).
#include <algorithm>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e_support.h"

namespace {

using namespace dossier::e2e;
using nlohmann::json;

// Articles naming countries, with dated datelines and a source in the metadata sidecar:
// enough for actor, date and source facets. Several articles share words, so many hits
// tie on score.
void write_generated_corpus(const std::string& folder) {
  static const char* const kCountries[] = {"France", "Brazil", "Japan", "Kenya", "Canada"};
  static const char* const kTopics[] = {"trade", "election", "drought", "summit"};
  static const char* const kMonths[] = {"January", "March", "June", "October"};
  std::string metadata;
  for (int i = 0; i < 60; ++i) {
    const std::string id = std::string("g").append(std::to_string(i)).append(".txt");
    const char* country = kCountries[i % 5];
    const char* other = kCountries[(i / 5) % 5];
    const char* topic = kTopics[i % 4];
    std::ostringstream text;
    text << country << " and " << other << " discuss " << topic << "\n\nPARIS, " << 1 + i % 28
         << " " << kMonths[i % 4] << " 2019 - Officials of " << country << " met counterparts from "
         << other << " to talk about the " << topic << ". The " << topic
         << " talks will continue next week.\n";
    write_file(folder + "/" + id, text.str());
    metadata += json{{"id", id}, {"source", i % 3 == 0 ? "Wire" : "Gazette"}}.dump() + "\n";
  }
  write_file(folder + "/metadata.jsonl", metadata);
}

json search_json(const std::string& db, const std::string& args) {
  const auto r = run(kSearch + " --db " + quote(db) + " --format json " + args);
  EXPECT_LE(r.exit_code, 1) << args << "\n" << r.err;
  return r.out.empty() ? json() : json::parse(r.out);
}

std::vector<json> batch_lines(const std::string& db, const std::string& input) {
  const auto r = run(kSearch + " --db " + quote(db) + " --batch - -n 100", input);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::vector<json> lines;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  return lines;
}

// Builds `corpus` as a plain database and as sharded ones, once per test.
class ShardedSearch : public ::testing::Test {
 protected:
  void build(const std::string& corpus) {
    auto r = run(kIndex + " --quiet --db " + quote(dir_ / "plain") + " " + quote(corpus));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* shards : {"2", "3"}) {
      r = run(kIndex + " --quiet --shards " + shards + " --db " +
              quote(dir_ / (std::string("shards") + shards)) + " " + quote(corpus));
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
  }

  // Every query (dossier-search arguments) answers the same from every database.
  void expect_same_answers(const std::vector<std::string>& queries) {
    for (const auto& q : queries) {
      const auto plain = search_json(dir_ / "plain", q);
      EXPECT_GT(plain.value("total", 1), 0) << "a query that finds nothing tests little: " << q;
      for (const char* db : {"shards2", "shards3"})
        EXPECT_EQ(search_json(dir_ / db, q), plain) << db << ": " << q;
    }
  }

  void expect_same_batch(const std::string& input) {
    const auto plain = batch_lines(dir_ / "plain", input);
    ASSERT_GT(plain.size(), 1u);
    for (const char* db : {"shards2", "shards3"}) {
      const auto sharded = batch_lines(dir_ / db, input);
      ASSERT_EQ(sharded.size(), plain.size()) << db;
      // Header: the same documents and schema; the uuid names every shard.
      const auto& header = sharded[0]["database"];
      EXPECT_EQ(header["documents"], plain[0]["database"]["documents"]);
      EXPECT_EQ(header["schema"], plain[0]["database"]["schema"]);
      const auto uuids = header["uuid"].get<std::string>();
      EXPECT_EQ(std::count(uuids.begin(), uuids.end(), ':'), db == std::string("shards2") ? 1 : 2)
          << uuids;
      // The sum of the shards' revisions: each shard committed at least once.
      EXPECT_GE(header["revision"].get<int>(), db == std::string("shards2") ? 2 : 3) << header;
      for (std::size_t i = 1; i < plain.size(); ++i) EXPECT_EQ(sharded[i], plain[i]) << db;
    }
  }

  TempDir dir_{"e2e_shards"};
};

TEST_F(ShardedSearch, BundledCorpusAnswersAsThePlainDatabase) {
  build(kCorpus);
  expect_same_answers({
      "-n 100 Venezuela",
      "-n 100 " + quote("Maduro army"),
      "-n 100 " + quote("\"national assembly\""),
      "-n 100 " + quote("Pompeo OR Shchetinin"),
      "-n 100 --facets actor,date,source --facet-size 50 Venezuela",
      "-n 100 --actor Maduro --facets actor --granularity year oil",
      "-n 2 --offset 1 --facets date --granularity month Venezuela",
      "-n 100 --expand 3 Guaidó",
      "actors",
      "actors --type person",
      "actors --prefix guai",
  });
  expect_same_batch(
      "{\"id\":\"a\",\"q\":\"Venezuela\",\"facets\":[\"actor\",\"date\"]}\n"
      "t1\tPompeo OR Shchetinin\n"
      "{\"id\":\"c\",\"q\":\"Maduro\",\"limit\":2,\"offset\":1}\n");
}

TEST_F(ShardedSearch, GeneratedCorpusAnswersAsThePlainDatabase) {
  const auto corpus = dir_ / "generated";
  write_generated_corpus(corpus);
  build(corpus);
  expect_same_answers({
      "-n 100 trade",
      "-n 100 " + quote("France drought"),
      "-n 100 " + quote("\"next week\""),
      "-n 100 --facets actor,date,source --facet-size 50 " + quote("summit OR election"),
      "-n 100 --source Wire --facets date --granularity month talks",
      "-n 100 --actor Kenya --from 2019-03 --to 2019-10 talks",
      "-n 5 --offset 3 officials",
      "actors --type country",
  });
  expect_same_batch(
      "trade\nJapan "
      "summit\n{\"id\":\"w\",\"q\":\"talks\",\"source\":\"Wire\",\"facets\":[\"source\"]}\n");
}

// The ids of every article of `db` (a query of no words finds them all).
std::set<std::string> ids_of(const std::string& db) {
  const auto r = run(kSearch + " --db " + quote(db) + " --format json -n 1000000");
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out.substr(0, 300);
  std::set<std::string> ids;
  const json answer = json::parse(r.out);
  for (const auto& hit : answer["hits"]) ids.insert(hit["id"].get<std::string>());
  return ids;
}

// The indexer's summary line (stdout) up to its timing.
std::string summary(const RunResult& r) {
  const auto at = r.out.rfind("dossier-index: ");
  return at == std::string::npos ? r.out : r.out.substr(at, r.out.find(" in ", at) - at);
}

// --partition K/N: N databases from the same inputs, disjoint, together the corpus, each
// article in the partition its id hashes to (golden: the same on every machine); re-runs
// and --prune stay inside the partition, which the database remembers.
TEST(Partition, PartitionsAreDisjointAndTogetherTheCorpus) {
  TempDir dir("e2e_partition");
  const auto corpus = dir / "corpus";
  write_generated_corpus(corpus);
  auto r = run(kIndex + " --quiet --db " + quote(dir / "plain") + " " + quote(corpus));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto all = ids_of(dir / "plain");
  ASSERT_EQ(all.size(), 60u);
  std::set<std::string> together;
  std::vector<std::set<std::string>> parts;
  std::string stub;
  for (int k = 0; k < 3; ++k) {
    const auto db = dir / ("part" + std::to_string(k));
    // Partition 1 is itself two local shards: they split it, not only one remainder.
    r = run(kIndex + " --quiet --partition " + std::to_string(k) + "/3" +
            (k == 1 ? " --shards 2" : "") + " --db " + quote(db) + " " + quote(corpus));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    parts.push_back(ids_of(db));
    EXPECT_GE(parts.back().size(), 10u) << k;
    for (const auto& id : parts.back()) EXPECT_TRUE(together.insert(id).second) << id << " twice";
    stub += "auto " + db + "\n";
  }
  EXPECT_EQ(together, all);
  EXPECT_GT(ids_of(dir / "part1/shard-0").size(), 3u);
  EXPECT_GT(ids_of(dir / "part1/shard-1").size(), 3u);
  // Golden partitions: fnv1a64 of the id term modulo 3.
  const std::vector<std::pair<std::string, int>> golden = {
      {"corpus/g0.txt", 1}, {"corpus/g1.txt", 1}, {"corpus/g5.txt", 0},
      {"corpus/g7.txt", 0}, {"corpus/g8.txt", 2}, {"corpus/g9.txt", 2}};
  for (const auto& [id, k] : golden) EXPECT_TRUE(parts[k].count(id)) << id << " not in " << k;
  // The partitions as one cluster answer as the plain database.
  std::ofstream(dir / "cluster") << stub;
  for (const std::string q : {"-n 100 --facets actor,date,source trade", "actors"}) {
    EXPECT_EQ(search_json(dir / "cluster", q), search_json(dir / "plain", q)) << q;
  }
  // A re-run without --partition stays inside it; --prune removes only its own articles.
  std::filesystem::remove(corpus + "/g5.txt");  // partition 0
  std::filesystem::remove(corpus + "/g8.txt");  // partition 2
  for (int k = 0; k < 3; ++k) {
    const auto db = dir / ("part" + std::to_string(k));
    r = run(kIndex + " --prune --db " + quote(db) + " " + quote(corpus));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const int removed = k == 1 ? 0 : 1;
    EXPECT_EQ(summary(r), "dossier-index: 0 added, 0 updated, " +
                              std::to_string(parts[k].size() - removed) + " unchanged, " +
                              std::to_string(removed) + " removed, 0 skipped")
        << k;
  }
  r = run(kIndex + " --partition 2/3 --db " + quote(dir / "part0") + " " + quote(corpus));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "dossier-index: database " + dir / "part0" + " holds partition 0/3, not 2/3\n");
  r = run(kIndex + " --partition 0/3 --db " + quote(dir / "plain") + " " + quote(corpus));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "dossier-index: database " + dir / "plain" +
                " holds articles of every partition; --partition 0/3 needs a new database\n");
  r = run(kIndex + " --partition 3/3 --db " + quote(dir / "x") + " " + quote(corpus));
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
