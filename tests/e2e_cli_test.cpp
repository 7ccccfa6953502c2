// End-to-end: the real dossier-index and dossier-search on the bundled corpus.
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e_support.h"

namespace {

using namespace dossier::e2e;

const std::string kGolden = DOSSIER_SOURCE_DIR "/tests/golden";

class CorpusE2E : public dossier::e2e::CorpusDatabase {
 protected:
  static RunResult search(const std::string& args) {
    return run(kSearch + " --db " + quote(db_) + " " + args);
  }
  static nlohmann::json search_json(const std::string& query) {
    const auto r = search("--format json -n 100 " + quote(query));
    EXPECT_LE(r.exit_code, 1) << r.err;
    return nlohmann::json::parse(r.out);
  }
  static std::vector<std::string> ids(const nlohmann::json& j) {
    std::vector<std::string> out;
    for (const auto& h : j["hits"]) out.push_back(h["id"]);
    return out;
  }
};

TEST_F(CorpusE2E, IndexingTwiceGivesTheSameDatabase) {
  const auto before = search_json("");
  const auto r = run(kIndex + " --db " + quote(db_) + " " + quote(kCorpus));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("0 added, 0 updated, 5 unchanged, 0 removed, 0 skipped"), std::string::npos)
      << r.out;
  const auto after = search_json("");
  EXPECT_EQ(after["total"], 5);
  EXPECT_EQ(before, after);
}

TEST_F(CorpusE2E, RareNameRanksItsArticleFirst) {
  const auto j = search_json("Shchetinin");
  ASSERT_FALSE(j["hits"].empty());
  EXPECT_EQ(j["hits"][0]["id"], "corpus/000_294354c3b5f7a554.txt");
}

TEST_F(CorpusE2E, AccentsAndCaseDoNotMatter) {
  auto a = ids(search_json("Guaidó")), b = ids(search_json("guaido")),
       c = ids(search_json("GUAIDO"));
  EXPECT_EQ(a.size(), 5u);
  EXPECT_EQ(std::set(a.begin(), a.end()), std::set(b.begin(), b.end()));
  EXPECT_EQ(std::set(a.begin(), a.end()), std::set(c.begin(), c.end()));
  // Snippets mark the accented form for an unaccented query.
  const auto j = search_json("guaido");
  bool marked_accented = false;
  for (const auto& h : j["hits"]) {
    marked_accented |= h["snippet"].get<std::string>().find("**Guaidó**") != std::string::npos;
  }
  EXPECT_TRUE(marked_accented);
}

// A wildcard's snippet marks the words it expanded to, in the body as in a title field.
TEST_F(CorpusE2E, WildcardsAreMarkedInSnippets) {
  EXPECT_EQ(search_json("Shchetin*")["hits"][0]["snippet"],
            "… on reports about military assistance, Aleksander **Shchetinin**, head of the "
            "Department of Latin America at the Russian Foreign Ministry stated that Venezuela "
            "has not asked Russia for it. However, the official confirmed that Russia was …");
  const std::string snippet = search_json("title:confront*")["hits"][0]["snippet"];
  EXPECT_EQ(snippet.substr(0, 26), "… The **confrontation** ") << snippet;
}

TEST_F(CorpusE2E, PhraseQuery) {
  EXPECT_EQ(ids(search_json("\"constant contact\"")),
            std::vector<std::string>{"corpus/000_294354c3b5f7a554.txt"});
  // The words exist apart elsewhere; the phrase narrows.
  EXPECT_EQ(search_json("constant OR contact")["total"].get<int>(), 2);
}

TEST_F(CorpusE2E, TitleQuery) {
  EXPECT_EQ(ids(search_json("title:confrontation")),
            std::vector<std::string>{"corpus/002_f98af769265f09ba.txt"});
  // "Pompeo" is only in bodies.
  EXPECT_EQ(search_json("title:Pompeo")["total"], 0);
  EXPECT_EQ(search_json("Pompeo")["total"], 1);
}

TEST_F(CorpusE2E, BooleanOperatorsAndExclusion) {
  const auto with = search_json("Pompeo OR Shchetinin");
  EXPECT_EQ(with["total"], 2);
  EXPECT_EQ(search_json("Pompeo AND Shchetinin")["total"], 0);
  const auto excluded = ids(search_json("Guaido -Shchetinin"));
  EXPECT_EQ(excluded.size(), 4u);
  for (const auto& id : excluded) EXPECT_NE(id, "corpus/000_294354c3b5f7a554.txt");
  EXPECT_EQ(search_json("Venezue*")["total"].get<int>(), 5);
}

// A query of exclusions only means every article (or every one the filters allow) but
// those, and its words may start with '-' without a "--" before them.
TEST_F(CorpusE2E, OnlyExclusionsFindEveryOtherArticle) {
  const std::vector<std::string> without_sanctions = {"corpus/001_4132258e9ace6acd.txt",
                                                      "corpus/004_de6bcb39d1aac536.txt"};
  EXPECT_EQ(search_json("sanctions")["total"], 3);
  EXPECT_EQ(ids(search_json("-sanctions")), without_sanctions);
  EXPECT_EQ(search_json("-\"military aid\"")["total"], 4);
  EXPECT_EQ(search_json("-cuba -sanctions")["total"], 2);
  const auto filtered = search("--format json --actor cuba -- -sanctions");
  EXPECT_EQ(filtered.exit_code, 1) << filtered.err;  // both Cuba articles name sanctions
  EXPECT_EQ(nlohmann::json::parse(filtered.out)["total"], 0);
  // No "--": options keep their values, every other word led by '-' is a query word.
  const auto bare = search("--format json -sanctions -n1");
  ASSERT_EQ(bare.exit_code, 0) << bare.err;
  const auto j = nlohmann::json::parse(bare.out);
  EXPECT_EQ(j["total"], 2);
  EXPECT_EQ(j["limit"], 1);
  EXPECT_EQ(nlohmann::json::parse(search("--format=json -nuclear -n 1").out)["total"], 5);
}

// Words without an operator must all match by default; --match any ranks articles with
// any of them (BM25 either way), and facets count the articles matched.
TEST_F(CorpusE2E, WordsMustAllMatchUnlessAnyIsAsked) {
  EXPECT_EQ(search_json("Pompeo Shchetinin")["total"], 0);
  const auto any = search("--format json --match any --facets actor Pompeo Shchetinin");
  ASSERT_EQ(any.exit_code, 0) << any.err;
  EXPECT_EQ(nlohmann::json::parse(any.out)["total"], 2);
  const auto all = search_json("Maduro Shchetinin");
  EXPECT_EQ(ids(all), std::vector<std::string>{"corpus/000_294354c3b5f7a554.txt"});
  EXPECT_EQ(search("--match some oil").exit_code, 2);
}

TEST_F(CorpusE2E, JsonMatchesGolden) {
  const auto r = search("--format json Shchetinin");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto golden =
      nlohmann::json::parse(dossier::e2e::slurp(kGolden + "/search_shchetinin.json"));
  EXPECT_EQ(nlohmann::json::parse(r.out), golden) << r.out;
}

TEST_F(CorpusE2E, JsonKeysAndPaging) {
  const auto all = search_json("Venezuela");
  const auto page =
      nlohmann::json::parse(search("--format json --offset 2 --limit 2 Venezuela").out);
  for (const char* key : {"query", "total", "total_exact", "offset", "limit", "hits"})
    EXPECT_TRUE(page.contains(key)) << key;
  EXPECT_EQ(page["offset"], 2);
  EXPECT_EQ(page["limit"], 2);
  ASSERT_EQ(page["hits"].size(), 2u);
  EXPECT_EQ(page["hits"][0]["rank"], 3);
  EXPECT_EQ(page["hits"][0]["id"], all["hits"][2]["id"]);
  for (const char* key : {"rank", "id", "title", "score", "snippet"})
    EXPECT_TRUE(page["hits"][0].contains(key)) << key;
}

TEST_F(CorpusE2E, TextOutputShowsRankTitleIdScoreSnippet) {
  const auto r = search("Shchetinin");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("1. US Contact With Venezuelan Army"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("000_294354c3b5f7a554.txt  undated  score "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("actors: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("**Shchetinin**"), std::string::npos) << r.out;
}

TEST_F(CorpusE2E, ExitCodes) {
  EXPECT_EQ(search("nosuchwordanywhere").exit_code, 1);
  const auto unbalanced = search(quote("\"constant contact"));
  EXPECT_EQ(unbalanced.exit_code, 2);
  EXPECT_NE(unbalanced.err.find("unbalanced quote"), std::string::npos) << unbalanced.err;
  EXPECT_EQ(search(quote("foo AND")).exit_code, 2);
  EXPECT_EQ(search("--limit notanumber x").exit_code, 2);
  EXPECT_EQ(search("--format xml x").exit_code, 2);
  EXPECT_EQ(search("--no-such-option x").exit_code, 2);
  EXPECT_EQ(run(kSearch + " --help").exit_code, 0);

  const auto missing = run(kSearch + " --db /nonexistent/db x");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err, "dossier-search: no database at /nonexistent/db\n");
  EXPECT_EQ(run(kSearch + " x").exit_code, 2);  // --db missing
}

// Every usage error is one line naming the problem once, exit 2; an option that cannot
// apply is refused, not ignored.
TEST_F(CorpusE2E, UsageErrorsAreOneClearLine) {
  const std::string folder = dir_->path().string();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"--offset -1 x", "--offset: -1 is out of range 0..2147483647 (see --help)"},
      {"-n abc x", "--limit: 'abc' is not a whole number (see --help)"},
      {"-n 2000000 x", "--limit: 2000000 is out of range 0..1000000 (see --help)"},
      {"--facet-size 0 x", "--facet-size: 0 is out of range 1..100000 (see --help)"},
      {"--no-such-option x",
       "The following argument was not expected: --no-such-option (see --help)"},
      {"--from 2019-13 x", "--from: month 13 is out of range in \"2019-13\""},
      {"--to 2019-02-30 x", "--to: day 30 does not exist in 2019-02 (\"2019-02-30\")"},
      {"--from bad x", "--from: invalid date \"bad\": expected YYYY, YYYY-MM or YYYY-MM-DD"},
      {"--count x", "--count applies to --batch only"},
      {"--run-tag mine x", "--run-tag applies to --batch only"},
      {"--no-header x", "--no-header applies to --batch only"},
      {"--jobs 2 x", "--jobs applies to --batch only"},
      {"--table actor-by-date --count x", "--count applies to --batch only"},
      {"--batch - --table actor-by-date --count", "--count does not apply to --table"},
      {"--batch - --run-tag mine", "--run-tag applies to --format trec only"},
      {"--batch " + quote(folder),
       "--batch " + folder + " is a folder; give a file of queries, or - for stdin"},
  };
  for (const auto& [args, message] : cases) {
    const auto r = search(args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_EQ(r.err, "dossier-search: " + message + "\n") << args;
    EXPECT_EQ(r.out, "") << args;
  }
}

TEST_F(CorpusE2E, NotADatabaseIsAClearError) {
  const auto r = run(kSearch + " --db " + quote(kCorpus) + " x");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cannot open database"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line: " << r.err;
}

TEST(IndexerE2E, UnreadableFilesAreSkippedAndReported) {
  TempDir dir("e2e_unreadable");
  const auto corpus = dir / "corpus";
  std::filesystem::create_directories(corpus + "/sub");
  std::ofstream(corpus + "/sub/good.txt") << "A Perfectly Good Headline\n\nSome body text here.\n";
  std::ofstream(corpus + "/ignored.md") << "not an article";
  // Reading /proc/self/mem at offset 0 fails with EIO even for root.
  std::filesystem::create_symlink("/proc/self/mem", corpus + "/bad.txt");
  const std::string cmd = kIndex + " --db " + quote(dir / "db") + " " + quote(corpus);
  const auto r = run(cmd);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("1 added, 0 updated, 0 unchanged, 0 removed, 1 skipped"), std::string::npos)
      << r.out;
  EXPECT_NE(r.err.find("bad.txt"), std::string::npos) << r.err;
  EXPECT_EQ(run(cmd + " --strict").exit_code, 1);
  const auto found = run(kSearch + " --db " + quote(dir / "db") + " --format json perfectly");
  EXPECT_NE(found.out.find("\"id\":\"corpus/sub/good.txt\""), std::string::npos) << found.out;
}

TEST(IndexerE2E, UsageErrors) {
  EXPECT_EQ(run(kIndex + " --db /tmp/x /nonexistent/folder").exit_code, 2);
  EXPECT_EQ(run(kIndex + " " + quote(kCorpus)).exit_code, 2);  // no --db
  EXPECT_EQ(run(kIndex + " --bogus").exit_code, 2);
  EXPECT_EQ(run(kIndex + " --help").exit_code, 0);
}

TEST(IndexerE2E, NumberOptionsSayWhatIsWrongInOneLine) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"--commit-every -1", "--commit-every: -1 is out of range 1..4294967295 (see --help)"},
      {"--max-file-size 0",
       "--max-file-size: 0 is out of range 1..9223372036854775807 (see --help)"},
      {"--shards two", "--shards: 'two' is not a whole number (see --help)"},
      {"--jobs 0", "--jobs: 0 is out of range 1..256 (see --help)"},
      {"--bogus", "The following argument was not expected: --bogus (see --help)"},
  };
  for (const auto& [args, message] : cases) {
    const auto r = run(kIndex + " --db /nonexistent/db " + args + " " + quote(kCorpus));
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_EQ(r.err, "dossier-index: " + message + "\n") << args;
  }
}

TEST(IndexerE2E, AnalyzePrintsOneJsonLinePerArticle) {
  const auto r = run(kIndex + " analyze " + quote(kCorpus));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    const auto j = nlohmann::json::parse(line);
    EXPECT_TRUE(j.contains("id"));
    EXPECT_TRUE(j.contains("title"));
    ++n;
  }
  EXPECT_EQ(n, 5);
}

}  // namespace
