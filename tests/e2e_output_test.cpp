// End-to-end: what a user sees of the results (hit fields, exports, the text printer), on a
// small corpus of two topic folders with a metadata sidecar, made by the test.
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e_support.h"

namespace {

using namespace dossier::e2e;

const std::string kGolden = DOSSIER_SOURCE_DIR "/tests/golden";

// news/economy: twelve articles about oil (ranks of two digits), one from Reuters with a
// url; news/politics: an election and an oil tycoon.
class NewsE2E : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("e2e_output");
    const std::string news = *dir_ / "news";
    for (int i = 1; i <= 12; ++i) {
      std::string n = std::to_string(i);
      if (n.size() == 1) n.insert(n.begin(), '0');
      std::string body = "Oil prices moved again on day " + n + " as traders weighed supply.";
      for (int k = 0; k < i; ++k) body += " The oil market was calm.";
      write_file(news + "/economy/oil" + n + ".txt", "Oil report number " + n + "\n\n" + body);
    }
    write_file(news + "/politics/vote.txt",
               "Election called in the capital\n\nThe prime minister called an election for "
               "March. Voters will choose a new parliament after a long campaign about oil "
               "revenue and taxes. The election commission said turnout would be high.\n");
    write_file(news + "/politics/tycoon.txt",
               "Tycoon freed\n\nMikhail Khodorkovsky, the former oil tycoon, was freed on "
               "Friday. Khodorkovsky said he would stay out of politics.\n");
    write_file(news + "/metadata.jsonl",
               "{\"id\":\"economy/oil01.txt\",\"date\":\"2019-01-28\",\"source\":\"Reuters\","
               "\"url\":\"https://example.com/oil/1\"}\n"
               "{\"id\":\"politics/vote.txt\",\"date\":\"2019-02-03\",\"source\":\"Wire\"}\n");
    db_ = *dir_ / "db";
    const auto r = run(kIndex + " --db " + quote(db_) + " " + quote(news));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static RunResult search(const std::string& args) {
    return run(kSearch + " --db " + quote(db_) + " " + args);
  }

  inline static TempDir* dir_ = nullptr;
  inline static std::string db_;
};

TEST_F(NewsE2E, HitsCarrySourceAndUrlWhenKnown) {
  const auto r = search("--format json -n 20 oil");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  bool seen = false;
  for (const auto& h : j["hits"]) {
    if (h["id"] == "news/economy/oil01.txt") {
      EXPECT_EQ(h["source"], "Reuters");
      EXPECT_EQ(h["url"], "https://example.com/oil/1");
      seen = true;
    } else if (h["id"] == "news/politics/vote.txt") {
      EXPECT_EQ(h["source"], "Wire");
      EXPECT_TRUE(h["url"].is_null());
    } else {
      EXPECT_TRUE(h["source"].is_null()) << h;
      EXPECT_TRUE(h["url"].is_null()) << h;
    }
  }
  EXPECT_TRUE(seen) << r.out;
}

TEST_F(NewsE2E, CsvExportCarriesTheChosenFields) {
  const auto r = run(kSearch + " --db " + quote(db_) +
                         " --batch - --format csv --fields docid,source,url,actors,snippet",
                     "{\"id\":\"q\",\"q\":\"freed\"}\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "docid,source,url,actors,snippet\n"
            "news/politics/tycoon.txt,,,Mikhail Khodorkovsky (person),"
            "\"Mikhail Khodorkovsky, the former oil tycoon, was **freed** on Friday. "
            "Khodorkovsky said he would stay out of politics.\"\n");
  const auto url = run(kSearch + " --db " + quote(db_) + " --batch - --format tsv --fields url",
                       "reuters-free\toil AND day AND 01\n");
  EXPECT_EQ(url.out, "url\nhttps://example.com/oil/1\n") << url.err;
}

TEST_F(NewsE2E, FieldsOutsideATableBatchAreAnError) {
  const auto single = search("--fields url oil");
  EXPECT_EQ(single.exit_code, 2);
  EXPECT_EQ(single.err, "dossier-search: --fields is for --batch with tsv or csv\n");
  const auto jsonl = run(kSearch + " --db " + quote(db_) + " --batch - --fields url", "oil\n");
  EXPECT_EQ(jsonl.exit_code, 2);
  EXPECT_EQ(jsonl.err,
            "dossier-search: --fields chooses the columns of a tsv or csv batch of hits\n");
  EXPECT_EQ(search("--batch - --format csv --fields body").exit_code, 2);
}

// The text printer as a whole: ranks of two digits align the detail lines, snippets wrap
// at --width, titles are marked, facets come grouped under headings.
TEST_F(NewsE2E, TextOutputMatchesGolden) {
  const auto r = search("--width 60 -n 12 --facets actor,date,source oil");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, slurp(kGolden + "/text_oil.txt")) << r.out;
}

TEST_F(NewsE2E, BoldOnlyWhenAsked) {
  const auto plain = search("--width 0 -n 1 freed");
  EXPECT_NE(plain.out.find("**freed**"), std::string::npos) << plain.out;
  EXPECT_EQ(plain.out.find('\x1b'), std::string::npos) << plain.out;
  const auto bold = search("--color always -n 1 freed");
  EXPECT_NE(bold.out.find("\n1. Tycoon \x1b[1mfreed\x1b[22m\n"), std::string::npos) << bold.out;
  EXPECT_EQ(bold.out.find("**"), std::string::npos) << bold.out;
  const auto json = search("--color always --format json freed");
  EXPECT_NE(json.out.find("**freed**"), std::string::npos) << json.out;
}

TEST_F(NewsE2E, NoWrappingWhenNotATerminal) {
  const auto r = run("COLUMNS=30 " + kSearch + " --db " + quote(db_) + " -n 1 freed");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("   Mikhail Khodorkovsky, the former oil tycoon, was **freed** on Friday. "
                       "Khodorkovsky said he would stay out of politics.\n"),
            std::string::npos)
      << r.out;
}

TEST_F(NewsE2E, ShowPrintsOneArticle) {
  const auto text = search("--width 60 show news/economy/oil01.txt");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out, slurp(kGolden + "/show_oil01.txt")) << text.out;
  const auto actors = search("show news/politics/tycoon.txt");
  EXPECT_NE(actors.out.find("\nactors: Mikhail Khodorkovsky (person, 2 mentions)\n"),
            std::string::npos)
      << actors.out;
  const auto json = search("show --format json news/politics/tycoon.txt");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto doc = nlohmann::json::parse(json.out)["document"];
  EXPECT_EQ(doc["id"], "news/politics/tycoon.txt");
  EXPECT_EQ(doc["title"], "Tycoon freed");
  EXPECT_EQ(doc["actors"][0]["display_name"], "Mikhail Khodorkovsky");
  EXPECT_EQ(doc["actors"][0]["mentions"], 2);
  const auto unknown = search("show news/politics/nothing.txt");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.out, "");
  EXPECT_EQ(unknown.err, "dossier-search: no article with id 'news/politics/nothing.txt'\n");
}

TEST_F(NewsE2E, IdFieldFindsOneArticle) {
  const auto r = search("--format json " + quote("id:news/politics/tycoon.txt"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["total"], 1);
  EXPECT_EQ(j["hits"][0]["id"], "news/politics/tycoon.txt");
  const auto both = search("--format json " + quote("oil id:news/politics/vote.txt"));
  EXPECT_EQ(nlohmann::json::parse(both.out)["total"], 1) << both.out;
  EXPECT_EQ(search(quote("id:news/nothing.txt")).exit_code, 1);
}

TEST_F(NewsE2E, SourcesAndFoldersAreListedWithCounts) {
  const auto sources = search("sources");
  ASSERT_EQ(sources.exit_code, 0) << sources.err;
  EXPECT_EQ(sources.out, "      1  Reuters\n      1  Wire\n");
  const auto folders = search("sources --folders --format json");
  ASSERT_EQ(folders.exit_code, 0) << folders.err;
  EXPECT_EQ(folders.out,
            "{\"folders\":[{\"folder\":\"economy\",\"articles\":12},"
            "{\"folder\":\"politics\",\"articles\":2}]}\n");
}

TEST_F(NewsE2E, FolderIsAFilterAndAnExactFacet) {
  const auto facet = search("--format json --facets folder -n 0 oil");
  ASSERT_EQ(facet.exit_code, 0) << facet.err;
  EXPECT_EQ(nlohmann::json::parse(facet.out)["facets"]["folder"],
            nlohmann::json::parse(R"([{"folder":"economy","count":12},)"
                                  R"({"folder":"politics","count":2}])"));
  const auto filter = search("--format json --folder Politics oil");
  EXPECT_EQ(nlohmann::json::parse(filter.out)["total"], 2) << filter.out;
  const auto field = search("--format json " + quote("oil folder:economy"));
  EXPECT_EQ(nlohmann::json::parse(field.out)["total"], 12) << field.out;
  const auto batch = run(kSearch + " --db " + quote(db_) + " --batch - --count --format csv",
                         "{\"id\":1,\"q\":\"oil\",\"folder\":[\"politics\"]}\n");
  EXPECT_EQ(batch.out, "id,query,total,total_exact\n1,oil,2,true\n") << batch.err;
}

TEST_F(NewsE2E, AFolderGivenItselfIsItsOwnFolder) {
  TempDir dir("e2e_output_subfolder");
  const auto r = run(kIndex + " --db " + quote(dir / "db") + " " + quote(*dir_ / "news/politics"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto folders = run(kSearch + " --db " + quote(dir / "db") + " sources --folders");
  EXPECT_EQ(folders.out, "      2  politics\n") << folders.err;
}

TEST_F(NewsE2E, DidYouMeanAMisspeltWord) {
  const auto text = search("electoin");
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_EQ(text.out, "0 matches\ndid you mean: election\n");
  const auto json = search("--format json " + quote("electoin AND title:capital"));
  EXPECT_EQ(nlohmann::json::parse(json.out)["suggestion"], "election AND title:capital")
      << json.out;
  const auto found = search("--format json election");
  EXPECT_FALSE(nlohmann::json::parse(found.out).contains("suggestion")) << found.out;
}

TEST_F(NewsE2E, DidYouMeanAnActor) {
  const auto text = search("--actor Khodorkovski");
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_EQ(text.out, "0 matches\ndid you mean --actor \"Mikhail Khodorkovsky\"?\n");
  const auto json = search("--format json --actor Khodorkovski");
  EXPECT_EQ(nlohmann::json::parse(json.out)["actor_suggestion"], "Mikhail Khodorkovsky")
      << json.out;
  EXPECT_EQ(search("--actor Xyzzyplugh").out, "0 matches\n");
}

}  // namespace
