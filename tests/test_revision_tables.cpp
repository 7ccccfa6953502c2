// Searchers on one revision of a database share the tables they load whole
// (search/revision_tables.h); a new revision gets new ones; threads sharing them answer as
// one searcher alone does.
#include "dossier/search/revision_tables.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <unistd.h>

#include <gtest/gtest.h>
#include <xapian.h>

#include "dossier/index/index_report.h"
#include "dossier/index/indexer.h"
#include "dossier/search/searcher.h"

namespace {

namespace fs = std::filesystem;
using dossier::Facet;
using dossier::RevisionTableCache;
using dossier::Searcher;
using dossier::SearchRequest;

const char* const kPeople[] = {"Anna Kowalski", "Rufus Firefly", "Maria Lindqvist", "Oskar Brandt"};
const char* const kCountries[] = {"France", "Germany", "Japan", "Brazil"};
const char* const kTopics[] = {"harbour", "railway", "budget", "election", "vaccine"};

// Article `n` as a JSONL line: its people, countries, topic, date and source vary with n.
std::string article(int n) {
  const std::string person = kPeople[n % 4], other = kPeople[(n / 4) % 4];
  const std::string country = kCountries[n % 3], topic = kTopics[n % 5];
  std::ostringstream text;
  text << person << " said on Monday that the " << topic << " plan of " << country
       << " would go ahead. " << other << " told reporters in " << kCountries[(n + 1) % 4]
       << " that the " << topic << " talks were over. " << person << " declined to comment.";
  std::ostringstream line;
  line << R"({"id": "a)" << n << R"(", "title": "The )" << topic << " plan " << n
       << R"(", "body": ")" << text.str() << R"(", "date": "2024-0)" << 1 + n % 3 << "-1" << n % 10
       << R"(", "source": "wire)" << n % 2 << "\"}\n";
  return line.str();
}

class RevisionTablesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dossier_revision_tables_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    add_articles("first.jsonl", 0, 24);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Writes articles [from, to) to `file` and indexes every file written so far. Left
  // uncompacted by default: a searcher's snapshot then outlives the next run's first
  // commit (a compacted database has no free blocks, so the next run's second commit
  // reuses the snapshot's, and the searcher moves on with DatabaseModifiedError).
  void add_articles(const std::string& file, int from, int to,
                    dossier::CompactWhen compact = dossier::CompactWhen::kNever) {
    std::ofstream out(dir_ / file);
    for (int n = from; n < to; ++n) out << article(n);
    out.close();
    inputs_.push_back((dir_ / file).string());
    dossier::IndexOptions options;
    options.db_path = db();
    options.inputs = inputs_;
    options.jobs = 1;
    options.compact = compact;
    std::ostringstream err;
    dossier::IndexReport report(err, "");
    dossier::index_corpus(options, report);
    ASSERT_EQ(err.str(), "");
  }
  std::string db() const { return (dir_ / "db").string(); }

  fs::path dir_;
  std::vector<std::string> inputs_;
};

SearchRequest faceted(const std::string& query) {
  SearchRequest r;
  r.query = query;
  r.facets = {Facet::kActor, Facet::kDate, Facet::kSource};
  return r;
}

// What an answer says, in one string to compare.
std::string summary(const dossier::SearchResult& r) {
  std::ostringstream out;
  out << "total " << r.total << (r.total_exact ? "" : "~") << "\n";
  for (const auto& hit : r.hits) out << hit.id << " " << hit.score << " " << hit.snippet << "\n";
  for (const auto& a : *r.facets.actor) out << a.type << ":" << a.name << " " << a.count << "\n";
  for (const auto& b : r.facets.date->buckets) out << b.bucket << " " << b.count << "\n";
  for (const auto& s : *r.facets.source) out << s.source << " " << s.count << "\n";
  return out.str();
}

TEST_F(RevisionTablesTest, SearchersOnOneRevisionShareOneCopyANewRevisionGetsItsOwn) {
  const auto cache = std::make_shared<RevisionTableCache>();
  Searcher a(db(), {}, cache), b(db(), {}, cache), alone(db());
  ASSERT_EQ(a.revision_tables(), b.revision_tables());
  EXPECT_NE(a.revision_tables(), alone.revision_tables());
  // Three searches read every document's values: the tables pay for themselves and load.
  for (int i = 0; i < 3; ++i) a.search(faceted("plan"));
  auto first = a.revision_tables();
  ASSERT_NE(first->dates.peek(), nullptr);
  ASSERT_NE(first->actor_codes.peek(), nullptr);
  ASSERT_NE(first->doc_lengths.peek(), nullptr);
  EXPECT_EQ(&a.actors().identity(), &b.actors().identity());
  EXPECT_EQ(&a.actors().merged_codes(), &b.actors().merged_codes());
  EXPECT_NE(&a.actors().identity(), &alone.actors().identity());
  // b answers from a's tables as alone answers from its own.
  EXPECT_EQ(summary(b.search(faceted("plan"))), summary(alone.search(faceted("plan"))));

  // One commit makes a new revision, with a 25th "plan" article. Only one: Xapian keeps a
  // reader's blocks for one commit, and an indexer run commits more than once, after which
  // whether the snapshot is still whole depends on which blocks the run reused.
  Xapian::docid copy = 0;
  {
    Xapian::WritableDatabase w(db());
    copy = w.add_document(w.get_document(1));
    w.commit();
  }
  EXPECT_EQ(Searcher(db()).search(faceted("plan")).total, 25u);
  EXPECT_EQ(a.search(faceted("plan")).total, 24u);  // until refreshed, the old revision
  {
    Xapian::WritableDatabase w(db());
    w.delete_document(copy);
    w.commit();
  }
  add_articles("second.jsonl", 24, 30);
  a.refresh();
  b.refresh();
  alone.refresh();
  ASSERT_EQ(a.revision_tables(), b.revision_tables());
  EXPECT_NE(a.revision_tables(), first);
  EXPECT_EQ(&a.actors().identity(), &b.actors().identity());
  for (int i = 0; i < 3; ++i) a.search(faceted("plan"));
  ASSERT_NE(a.revision_tables()->dates.peek(), nullptr);
  EXPECT_NE(a.revision_tables()->dates.peek(), first->dates.peek());
  const std::string answer = summary(b.search(faceted("plan")));
  EXPECT_EQ(answer, summary(alone.search(faceted("plan"))));
  EXPECT_NE(answer.find("total 30\n"), std::string::npos) << answer;
  // Nobody is on the first revision any more: its tables are gone.
  const std::weak_ptr<const dossier::RevisionTables> gone = first;
  first.reset();
  EXPECT_TRUE(gone.expired());
}

// A compaction (index/compaction.h) swaps a new database in under the searcher: its
// revision goes on from the old one's, so a refresh moves to it, tables and all.
TEST_F(RevisionTablesTest, ARefreshSeesACompactedDatabase) {
  add_articles("second.jsonl", 24, 26, dossier::CompactWhen::kAlways);
  Searcher searcher(db());
  const auto revision = searcher.revision();
  for (int i = 0; i < 3; ++i) searcher.search(faceted("plan"));      // the tables load
  add_articles("third.jsonl", 26, 52, dossier::CompactWhen::kAuto);  // half: compacted
  searcher.refresh();
  ASSERT_GT(searcher.revision(), revision);
  const std::string answer = summary(searcher.search(faceted("plan")));
  EXPECT_EQ(answer, summary(Searcher(db()).search(faceted("plan"))));
  EXPECT_NE(answer.find("total 52\n"), std::string::npos) << answer;
}

// Searchers in threads, loading and reading the shared tables at once (run under
// ThreadSanitizer too), answer every query as one searcher alone does.
TEST_F(RevisionTablesTest, ThreadsSharingTablesAnswerAsOneSearcherAlone) {
  std::vector<std::string> queries;
  for (const char* topic : kTopics) queries.push_back(topic);
  for (const char* country : kCountries) queries.push_back(std::string(country) + " OR plan");
  queries.push_back("talks");
  Searcher alone(db());
  std::vector<std::string> expected;
  for (const auto& q : queries) expected.push_back(summary(alone.search(faceted(q))));

  const auto cache = std::make_shared<RevisionTableCache>();
  constexpr int kThreads = 4, kRounds = 4;
  std::vector<std::unique_ptr<Searcher>> searchers;
  for (int t = 0; t < kThreads; ++t)
    searchers.push_back(std::make_unique<Searcher>(db(), dossier::OpenOptions{}, cache));
  std::vector<std::vector<std::string>> got(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < kRounds; ++round)
        for (const auto& q : queries) got[t].push_back(summary(searchers[t]->search(faceted(q))));
    });
  }
  for (auto& thread : threads) thread.join();
  ASSERT_NE(searchers[0]->revision_tables()->actor_codes.peek(), nullptr);
  for (int t = 0; t < kThreads; ++t) {
    ASSERT_EQ(got[t].size(), queries.size() * kRounds);
    for (std::size_t i = 0; i < got[t].size(); ++i)
      EXPECT_EQ(got[t][i], expected[i % queries.size()])
          << "thread " << t << ", " << queries[i % queries.size()];
  }
}

}  // namespace
