// End-to-end: "did you mean" from Xapian's spelling data, which dossier-index keeps equal
// to the articles (index/spelling_data.h): exact suggestions on a small corpus made here,
// the spelling frequencies after updates and --prune, shards, and a database indexed
// before spelling data existed.
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>
#include <nlohmann/json.hpp>

#include "e2e_support.h"

namespace {

using namespace dossier::e2e;

// How many articles hold `word` by the database's spelling data (0 when it has none).
Xapian::doccount spelling_frequency(const std::string& db_path, const std::string& word) {
  const Xapian::Database db(db_path);
  auto it = db.spellings_begin();
  it.skip_to(word);
  return it != db.spellings_end() && *it == word ? it.get_termfreq() : 0;
}

class SpellingE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(corpus_ + "/a.txt",
               "Election called\n\nThe prime minister called an election for March.\n");
    write_file(corpus_ + "/b.txt",
               "Election result\n\nThe election commission counted the votes in 2019.\n");
    write_file(corpus_ + "/c.txt",
               "Tycoon freed\n\nMikhail Khodorkovsky, the former oil tycoon, was freed on "
               "Friday. Khodorkovsky said he would stay out of politics.\n");
    write_file(corpus_ + "/d.txt", "Oil report\n\nOil prices moved as traders weighed supply.\n");
  }
  RunResult index(const std::string& db, const std::string& options = "") {
    return run(kIndex + " --db " + quote(db) + " " + options + " " + quote(corpus_));
  }
  RunResult search(const std::string& db, const std::string& args) {
    return run(kSearch + " --db " + quote(db) + " " + args);
  }

  TempDir dir_{"e2e_spelling"};
  std::string corpus_ = dir_ / "news";
  std::string db_ = dir_ / "db";
};

TEST_F(SpellingE2E, SuggestsTheWordsAndTheActorArticlesHold) {
  ASSERT_EQ(index(db_).exit_code, 0);
  // Spelling frequency: articles holding the word, title and body words and actor names.
  EXPECT_EQ(spelling_frequency(db_, "election"), 2u);
  EXPECT_EQ(spelling_frequency(db_, "khodorkovsky"), 1u);
  EXPECT_EQ(spelling_frequency(db_, "2019"), 0u);  // numbers are no misspellings
  struct Case {
    std::string args, out;
  };
  const std::vector<Case> cases = {
      {"electoin", "0 matches\ndid you mean: election\n"},
      {"'prime electoin'", "0 matches\ndid you mean: prime election\n"},
      {"tycon", "0 matches\ndid you mean: tycoon\n"},
      // No correction finds more: "xyzzy" has none, so the query still finds nothing.
      {"'electoin xyzzy'", "0 matches\n"},
      {"2018", "0 matches\n"},
      {"--actor Khodorkovski", "0 matches\ndid you mean --actor \"Mikhail Khodorkovsky\"?\n"},
      {"--actor 'Mikhial Khodorkovsky'",
       "0 matches\ndid you mean --actor \"Mikhail Khodorkovsky\"?\n"},
      {"--actor Xyzzyplugh", "0 matches\n"},
  };
  for (const auto& c : cases) {
    const auto r = search(db_, c.args);
    EXPECT_EQ(r.exit_code, 1) << c.args << "\n" << r.err;
    EXPECT_EQ(r.out, c.out) << c.args;
  }
}

// A corrected name that several actors share suggests the one most articles name; a tie
// suggests nothing.
TEST_F(SpellingE2E, AnAmbiguousCorrectionSuggestsTheActorNamedMostOften) {
  write_file(corpus_ + "/e.txt",
             "Yukos shares\n\nShares fell after Mihkail Khodorkovsky was named in the case.\n");
  ASSERT_EQ(index(db_).exit_code, 0);
  EXPECT_EQ(search(db_, "--actor Khodorkovski").out, "0 matches\n");  // one article each
  write_file(corpus_ + "/g.txt",
             "Yukos trial\n\nMikhail Khodorkovsky went on trial in Moscow. Khodorkovsky "
             "denied the charges.\n");
  ASSERT_EQ(index(db_).exit_code, 0);
  EXPECT_EQ(search(db_, "--actor Khodorkovsky").exit_code, 2);  // ambiguous as typed
  EXPECT_EQ(search(db_, "--actor Khodorkovski").out,
            "0 matches\ndid you mean --actor \"Mikhail Khodorkovsky\"?\n");
}

TEST_F(SpellingE2E, UpdatesAndPruneTakeTheirWordsBack) {
  ASSERT_EQ(index(db_).exit_code, 0);
  write_file(corpus_ + "/a.txt", "Vote called\n\nThe prime minister called a vote for March.\n");
  ASSERT_EQ(index(db_).exit_code, 0);
  EXPECT_EQ(spelling_frequency(db_, "election"), 1u);
  EXPECT_EQ(spelling_frequency(db_, "vote"), 1u);
  std::filesystem::remove(corpus_ + "/b.txt");
  ASSERT_EQ(index(db_, "--prune").exit_code, 0);
  EXPECT_EQ(spelling_frequency(db_, "election"), 0u);
  EXPECT_EQ(spelling_frequency(db_, "commission"), 0u);
  EXPECT_EQ(search(db_, "electoin").out, "0 matches\n");
  EXPECT_EQ(search(db_, "tycon").out, "0 matches\ndid you mean: tycoon\n");
}

TEST_F(SpellingE2E, ShardsSuggestAsOneDatabase) {
  const std::string sharded = dir_ / "sharded";
  ASSERT_EQ(index(db_).exit_code, 0);
  ASSERT_EQ(index(sharded, "--shards 3").exit_code, 0);
  for (const std::string query : {"electoin", "tycon", "'prime electoin'", "comission",
                                  "--actor Khodorkovski", "'electoin xyzzy'"}) {
    const auto plain = search(db_, "--format json " + query);
    const auto shards = search(sharded, "--format json " + query);
    EXPECT_EQ(shards.out, plain.out) << query;
  }
  EXPECT_EQ(search(sharded, "comission").out, "0 matches\ndid you mean: commission\n");
}

// A database indexed before spelling data existed has none: no suggestion, and no wrong
// one, until the next dossier-index run gives it its articles' words.
TEST_F(SpellingE2E, AnOlderDatabaseGetsSpellingDataOnItsNextRun) {
  ASSERT_EQ(index(db_).exit_code, 0);
  {
    Xapian::WritableDatabase db(db_);
    std::vector<std::pair<std::string, Xapian::doccount>> words;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it)
      words.emplace_back(*it, it.get_termfreq());
    for (const auto& [word, frequency] : words) db.remove_spelling(word, frequency);
    db.set_metadata("dossier:spelling", "");
    db.commit();
  }
  EXPECT_EQ(search(db_, "electoin").out, "0 matches\n");
  const auto again = index(db_);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(spelling_frequency(db_, "election"), 2u);
  EXPECT_EQ(search(db_, "electoin").out, "0 matches\ndid you mean: election\n");
}

}  // namespace
