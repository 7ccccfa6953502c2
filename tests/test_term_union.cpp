#include "dossier/search/term_union.h"

#include <cmath>
#include <filesystem>
#include <random>

#include <unistd.h>

#include <gtest/gtest.h>

#include "dossier/base/errors.h"

namespace {

namespace fs = std::filesystem;
using dossier::rank_term_union;
using dossier::RankedDoc;

constexpr double kK1 = 1.2, kB = 0.75;
constexpr Xapian::valueno kClusterSlot = 3;
// Each document's tie-break value: drawn from fewer values than documents, and absent from
// some, so ties go by value, and among equal values by docid.
constexpr Xapian::valueno kTieSlot = 5;

// "t12" and the like (appended, not "t" + std::to_string(i), which trips GCC 12's
// -Wrestrict false positive).
std::string numbered(const char* prefix, int i) {
  std::string s(prefix);
  s += std::to_string(i);
  return s;
}

// Random documents over a small Zipf-like vocabulary: terms of every frequency, wdfs
// above 1, lengths that differ, many equal weights (identical documents) for the ties.
Xapian::Document random_document(std::mt19937& rng) {
  std::uniform_int_distribution<int> length(1, 60), copy(0, 9);
  std::vector<double> zipf;
  for (int i = 1; i <= 80; ++i) zipf.push_back(1.0 / i);
  std::discrete_distribution<int> word(zipf.begin(), zipf.end());
  Xapian::Document doc;
  const int n = copy(rng) == 0 ? 3 : length(rng);  // one in ten of the same short length
  for (int i = 0; i < n; ++i) doc.add_term(numbered("t", word(rng)));
  return doc;
}

class TermUnion : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string name("dossier_term_union_");
    name += ::testing::UnitTest::GetInstance()->current_test_info()->name();
    name += numbered("_", static_cast<int>(::getpid()));
    dir_ = fs::temp_directory_path() / name;
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // `count` documents in `shards` databases, documents dealt round the shards unevenly so
  // that each shard has its own term frequencies (and so its own OR tree).
  // With `clustered`, one document in three gets one of 40 cluster values in kClusterSlot
  // (drawn apart, so the documents are those of the same seed without).
  void build(int count, int shards, bool clustered = false) {
    std::mt19937 rng(11), cluster_rng(17), tie_rng(23);
    std::uniform_int_distribution<int> in_cluster(0, 2), cluster(0, 39), tie(0, count / 2);
    std::vector<Xapian::WritableDatabase> dbs;
    for (int s = 0; s < shards; ++s)
      dbs.emplace_back((dir_ / numbered("s", s)).string(), Xapian::DB_CREATE_OR_OVERWRITE);
    std::uniform_int_distribution<int> pick(0, shards * 2 - 1);
    for (int d = 0; d < count; ++d) {
      const int s = pick(rng);
      Xapian::Document doc = random_document(rng);
      if (clustered && in_cluster(cluster_rng) == 0)
        doc.add_value(kClusterSlot, numbered("c", cluster(cluster_rng)));
      if (const int value = tie(tie_rng); value != 0) doc.add_value(kTieSlot, numbered("k", value));
      dbs[static_cast<std::size_t>(s < shards ? s : 0)].add_document(doc);
    }
    for (auto& db : dbs) db.commit();
    for (int s = 0; s < shards; ++s) {
      shards_.emplace_back((dir_ / numbered("s", s)).string());
      db_.add_database(shards_.back());
    }
    if (shards == 1) shards_.clear();
  }

  // Xapian's own answer with every match checked, as dossier-search asks for it (with
  // `collapse`, collapsed on kClusterSlot as --collapse does).
  Xapian::MSet xapian(const std::vector<std::string>& terms, Xapian::doccount offset,
                      Xapian::doccount limit, bool collapse = false) const {
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    enquire.set_weighting_scheme(dossier::Bm25Params{kK1, kB}.xapian_weight());
    dossier::order_ties_by_id(enquire, kTieSlot);
    if (collapse) enquire.set_collapse_key(kClusterSlot);
    return enquire.get_mset(offset, limit, db_.get_doccount());
  }

  // Loads clusters_ (rented first: the table loads once it has paid for itself).
  void load_clusters() {
    clusters_.read(db_.get_doccount());
    clusters_.prepare(db_);
    ASSERT_TRUE(clusters_.loaded());
  }

  void expect_same_as_xapian(const std::vector<std::string>& terms, Xapian::doccount offset,
                             Xapian::doccount limit, bool collapse = false) {
    const Xapian::MSet mset = xapian(terms, offset, limit, collapse);
    dossier::TermUnionQuery walk{terms, {kK1, kB}, offset, limit, true, {}};
    walk.tie_slot = kTieSlot;
    ties_.prepare(db_);
    walk.tie_values = &ties_;
    if (collapse) walk.collapse = &clusters_;
    const auto walked = rank_term_union(db_, shards_, walk, lengths_);
    std::string query;
    for (const auto& t : terms) {
      query += t;
      query += ' ';
    }
    // Collapsed, Xapian's totals count clusters; the walk's counts every match.
    ASSERT_EQ(walked.total, xapian(terms, 0, 0).get_matches_estimated()) << query;
    if (!collapse) {
      ASSERT_EQ(mset.get_matches_lower_bound(), mset.get_matches_upper_bound());
    }
    ASSERT_EQ(walked.matches.size(), walked.total);
    ASSERT_TRUE(std::is_sorted(walked.matches.begin(), walked.matches.end()));
    ASSERT_EQ(walked.page.size(), mset.size()) << query;
    for (Xapian::doccount i = 0; i < mset.size(); ++i) {
      // Bit for bit: scores are printed in full and ties ordered by them.
      EXPECT_EQ(walked.page[i].did, *mset[i]) << query << "rank " << offset + i;
      EXPECT_EQ(walked.page[i].weight, mset[i].get_weight()) << query << "rank " << offset + i;
    }
    // Equal weights in ascending tie value, equal values by docid.
    for (std::size_t i = 1; i < walked.page.size(); ++i) {
      const RankedDoc &a = walked.page[i - 1], &b = walked.page[i];
      if (a.weight != b.weight) continue;
      const std::string va = db_.get_document(a.did).get_value(kTieSlot),
                        vb = db_.get_document(b.did).get_value(kTieSlot);
      EXPECT_TRUE(va < vb || (va == vb && a.did < b.did)) << query << "rank " << offset + i;
    }
  }

  void compare_random_queries(int queries, bool collapse = false) {
    std::mt19937 rng(5);
    std::uniform_int_distribution<int> size(1, 7), word(0, 90);  // t81..t90 do not exist
    for (int q = 0; q < queries; ++q) {
      std::vector<std::string> terms;
      const int n = size(rng);
      for (int i = 0; i < n; ++i) terms.push_back(numbered("t", word(rng)));
      expect_same_as_xapian(terms, 0, 10, collapse);
      expect_same_as_xapian(terms, 7, 25, collapse);
      if (q % 10 == 0) expect_same_as_xapian(terms, 0, 1000, collapse);
      if (::testing::Test::HasFailure()) return;
    }
    // The first walks read tie values from the documents, the later ones from the table.
    EXPECT_TRUE(ties_.loaded());
  }

  fs::path dir_;
  Xapian::Database db_;
  std::vector<Xapian::Database> shards_;
  // Shared by the walks of a test, as a Searcher shares it: the first walks look lengths
  // up, later ones read the table.
  dossier::DocLengths lengths_;
  dossier::SlotValueTable clusters_{kClusterSlot};
  dossier::SlotValueTable ties_{kTieSlot};  // loaded once the walks' reads paid for it
};

TEST_F(TermUnion, RanksAsXapianDoesOnOneDatabase) {
  build(3000, 1);
  compare_random_queries(300);
}

TEST_F(TermUnion, RanksAsXapianDoesOverShards) {
  build(3000, 3);
  compare_random_queries(200);
}

// Xapian's collapse keeps each cluster's best-ranked match (equal weights: the lower tie
// value, then the lower docid); the walk must keep the same ones, on the same pages.
TEST_F(TermUnion, CollapsesAsXapianDoesOnOneDatabase) {
  build(3000, 1, true);
  load_clusters();
  compare_random_queries(200, true);
}

TEST_F(TermUnion, CollapsesAsXapianDoesOverShards) {
  build(3000, 3, true);
  load_clusters();
  compare_random_queries(100, true);
}

TEST_F(TermUnion, RepeatedTermsCountTwiceAsInXapian) {
  build(500, 1);
  expect_same_as_xapian({"t1", "t1"}, 0, 10);
  expect_same_as_xapian({"t3", "t7", "t3", "t20"}, 0, 10);
}

TEST_F(TermUnion, PageBeyondTheMatchesIsEmpty) {
  build(200, 1);
  const auto walked =
      rank_term_union(db_, shards_, {{"t40"}, {kK1, kB}, 100000, 10, false, {}}, lengths_);
  EXPECT_TRUE(walked.page.empty());
  EXPECT_TRUE(walked.matches.empty());  // not asked for
  EXPECT_EQ(walked.total, db_.get_termfreq("t40"));
  EXPECT_EQ(rank_term_union(db_, shards_, {{"absent"}, {kK1, kB}, 0, 10, true, {}}, lengths_).total,
            0u);
}

TEST(OrOfTerms, TakesTermsAndOrsOfTerms) {
  using Q = Xapian::Query;
  EXPECT_EQ(dossier::or_of_terms(Q("a", 1, 1)), std::vector<std::string>{"a"});
  const std::vector<Q> leaves{Q("b", 1, 1), Q("a", 1, 2), Q("c")};
  EXPECT_EQ(dossier::or_of_terms(Q(Q::OP_OR, leaves.begin(), leaves.end())),
            (std::vector<std::string>{"b", "a", "c"}));
  // Nested ORs are flattened in order, as Xapian's OR context does.
  const Q nested(Q::OP_OR, Q("x", 1, 1), Q(Q::OP_OR, Q("y", 1, 2), Q("z", 1, 3)));
  EXPECT_EQ(dossier::or_of_terms(nested), (std::vector<std::string>{"x", "y", "z"}));
}

TEST(OrOfTerms, RefusesEverythingElse) {
  using Q = Xapian::Query;
  EXPECT_FALSE(dossier::or_of_terms(Q(Q::OP_AND, Q("a"), Q("b"))));
  EXPECT_FALSE(dossier::or_of_terms(Q(Q::OP_PHRASE, Q("a", 1, 1), Q("b", 1, 2))));
  EXPECT_FALSE(dossier::or_of_terms(Q(Q::OP_FILTER, Q("a"), Q("XAperson:x"))));
  EXPECT_FALSE(dossier::or_of_terms(Q(Q::OP_OR, Q("a"), Q(Q::OP_SCALE_WEIGHT, Q("b"), 0.5))));
  EXPECT_FALSE(dossier::or_of_terms(Q("a", 2, 1)));      // a query frequency of 2
  EXPECT_FALSE(dossier::or_of_terms(Q(std::string())));  // every document
  EXPECT_FALSE(dossier::or_of_terms(Q()));
  // A term whose description has characters Xapian escapes is still read right.
  EXPECT_EQ(dossier::or_of_terms(Q("a b\t#2", 1, 4)), std::vector<std::string>{"a b\t#2"});
}

}  // namespace

TEST_F(TermUnion, StopsAtItsDeadline) {
  build(200, 1);
  const auto passed = dossier::Deadline::after_seconds(1e-9);
  try {
    rank_term_union(db_, shards_, {{"t1"}, {kK1, kB}, 0, 10, false, passed}, lengths_);
    FAIL() << "walked past its deadline";
  } catch (const dossier::Error& e) {
    EXPECT_EQ(e.kind(), dossier::ErrorKind::kTimeout);
    EXPECT_STREQ(e.what(), "the search took longer than its time limit of 1e-09 s");
  }
  // No match, no check: an empty walk finishes whatever the deadline.
  EXPECT_EQ(
      rank_term_union(db_, shards_, {{"absent"}, {kK1, kB}, 0, 10, false, passed}, lengths_).total,
      0u);
}
