// An incremental run clusters anew only the near-duplicate candidates its changes can
// affect (dedup::recluster with the run's ShardChanges), and its clusters are still a
// clean build's: after each step, every article's cluster value equals that of a database
// built from scratch over the same input, on one shard and on three.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>
#include <xapian.h>

#include "dossier/index/index_report.h"
#include "dossier/index/indexer.h"
#include "dossier/schema/schema.h"
#include "dossier/schema/shard_layout.h"

namespace {

namespace fs = std::filesystem;

// A story of 120 words of its own (no two stories share a word, so no two share a band
// by anything but chance, 2^-32 a band): `seed` picks the words.
std::string story(unsigned seed) {
  static const char* const kSyllables[] = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo"};
  std::string text;
  std::uint64_t x = seed;
  for (int w = 0; w < 120; ++w) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    std::string word(1, 'q');
    word += std::to_string(seed);
    for (int k = 0; k < 3; ++k) word += kSyllables[(x >> (33 + 3 * k)) % 8];
    text += word + (w % 12 == 11 ? ". " : " ");
  }
  return text;
}

struct Article {
  std::string id;
  unsigned story;
  std::string date;
};

std::string jsonl(const std::vector<Article>& articles) {
  std::string out;
  for (const auto& a : articles)
    out += R"({"id":")" + a.id + R"(","title":"Report )" + a.id + R"(","body":")" + story(a.story) +
           R"(","date":")" + a.date + R"(","source":"wire"})" + "\n";
  return out;
}

class ReclusterScopeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dossier_recluster_scope_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  dossier::IndexStats index(const std::string& db, const std::vector<Article>& articles,
                            unsigned shards, bool prune) {
    const auto file = dir_ / "news.jsonl";
    std::ofstream(file) << jsonl(articles);
    dossier::IndexOptions options;
    options.db_path = (dir_ / db).string();
    options.inputs = {file.string()};
    options.jobs = 1;
    options.shards = shards;
    options.prune = prune;
    options.compact = dossier::CompactWhen::kNever;
    std::ostringstream err;
    dossier::IndexReport report(err, "");
    const auto stats = dossier::index_corpus(options, report);
    EXPECT_EQ(err.str(), "");
    return stats;
  }

  // Every article's cluster value (empty: none), by id term.
  std::map<std::string, std::string> clusters(const std::string& db) const {
    const std::string path = (dir_ / db).string();
    Xapian::Database xdb(dossier::stub_file_of(path).value_or(path));
    std::map<std::string, std::string> out;
    for (auto t = xdb.allterms_begin("Q"); t != xdb.allterms_end("Q"); ++t)
      out[*t] = xdb.get_document(*xdb.postlist_begin(*t)).get_value(dossier::schema::kSlotCluster);
    return out;
  }

  // What a clean build of `articles` clusters.
  std::map<std::string, std::string> clean_clusters(const std::vector<Article>& articles) {
    fs::remove_all(dir_ / "clean");
    index("clean", articles, 1, false);
    return clusters("clean");
  }

  fs::path dir_;
};

// Each step: the input, and how many candidates the run clusters anew.
struct Step {
  const char* what;
  std::vector<Article> articles;
  std::size_t reclustered;
};

TEST_F(ReclusterScopeTest, OnlyWhatTheRunCanAffect) {
  // Stories 1 (three copies), 2 (two) and 3 (two), and story 4 alone.
  const std::vector<Article> start = {{"a1", 1, "2021-01-01"}, {"a2", 1, "2021-01-02"},
                                      {"a3", 1, "2021-01-03"}, {"b1", 2, "2021-01-01"},
                                      {"b2", 2, "2021-01-02"}, {"c1", 3, "2021-01-01"},
                                      {"c2", 3, "2021-01-02"}, {"d1", 4, "2021-01-01"}};
  auto with = [](std::vector<Article> articles, const std::vector<Article>& more) {
    articles.insert(articles.end(), more.begin(), more.end());
    return articles;
  };
  auto without = [](std::vector<Article> articles, const std::string& id) {
    std::erase_if(articles, [&](const Article& a) { return a.id == id; });
    return articles;
  };
  auto changed = [](std::vector<Article> articles, const std::string& id, unsigned story) {
    for (auto& a : articles) {
      if (a.id == id) a.story = story;
    }
    return articles;
  };
  std::vector<Step> steps;
  steps.push_back({"a new database: every candidate", start, 7});
  steps.push_back({"an unchanged run: nothing", start, 0});
  auto now = with(start, {{"b3", 2, "2021-01-03"}});
  steps.push_back({"a third copy of story 2: its three", now, 3});
  now = with(now, {{"e1", 5, "2021-01-01"}});
  steps.push_back({"a story of its own: nothing", now, 0});
  now = without(now, "a1");
  steps.push_back({"story 1's representative pruned: the two left", now, 2});
  now = without(now, "c2");
  steps.push_back({"story 3 loses its copy: no candidate left, c1's value goes", now, 0});
  now = changed(now, "b1", 6);
  steps.push_back({"story 2's representative rewritten: the two copies left", now, 2});
  now = with(now, {{"b0", 2, "2020-12-31"}});
  steps.push_back({"an earlier copy of story 2 represents it", now, 3});

  for (const unsigned shards : {1u, 3u}) {
    const std::string db = "db" + std::to_string(shards);
    for (const auto& step : steps) {
      SCOPED_TRACE(std::to_string(shards) + " shards: " + step.what);
      const auto stats = index(db, step.articles, shards, true);
      EXPECT_EQ(stats.reclustered, step.reclustered);
      EXPECT_EQ(clusters(db), clean_clusters(step.articles));
    }
  }
  // The last clean build: b0 represents b2 and b3; a2 represents a3; the rest alone.
  const auto last = clusters("clean");
  EXPECT_EQ(last.at("Qb2"), last.at("Qb0"));
  EXPECT_EQ(last.at("Qb3"), last.at("Qb0"));
  EXPECT_EQ(last.at("Qa3"), last.at("Qa2"));
  EXPECT_NE(last.at("Qa2"), last.at("Qb0"));
  for (const char* alone : {"Qb1", "Qc1", "Qd1", "Qe1"}) EXPECT_EQ(last.at(alone), "") << alone;
}

// A run that finds the clusters pending from an earlier run (killed before its clustering
// finished) does not know what that run changed: it clusters every candidate anew.
TEST_F(ReclusterScopeTest, PendingFromAnEarlierRunReclustersAll) {
  const std::vector<Article> articles = {{"a1", 1, "2021-01-01"},
                                         {"a2", 1, "2021-01-02"},
                                         {"b1", 2, "2021-01-01"},
                                         {"b2", 2, "2021-01-02"},
                                         {"d1", 4, "2021-01-01"}};
  index("db", articles, 1, false);
  {
    Xapian::WritableDatabase db((dir_ / "db").string());
    // As the killed run left it: a value cleared, the flag pending.
    const Xapian::docid a2 = *db.postlist_begin("Qa2");
    Xapian::Document doc = db.get_document(a2);
    doc.remove_value(dossier::schema::kSlotCluster);
    db.replace_document(a2, doc);
    db.set_metadata(dossier::schema::kClustersKey, dossier::schema::kClustersPending);
    db.commit();
  }
  EXPECT_EQ(index("db", articles, 1, false).reclustered, 4u);
  EXPECT_EQ(clusters("db"), clean_clusters(articles));
}

}  // namespace
