// End-to-end: one identity per actor across a corpus the test writes. Every alias of an
// actor gives the canonical name's articles, in --actor, actor: and batch keys; the facet
// counts them; an acronym defined in one article is the actor in another; a surname two
// people share is ambiguous (JSON candidates, exit 2) and never matches the other person.
#include <fstream>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e_support.h"

namespace {

using namespace dossier::e2e;
using nlohmann::json;

// Each article a file: name -> title and body.
const std::pair<const char*, const char*> kArticles[] = {
    {"bush_kate.txt",
     "Kate Bush returns\n\nThe singer Kate Bush released a new album on Monday. Kate Bush said "
     "the songs were written at home.\n"},
    {"bush_george.txt",
     "President George W Bush in London\n\nPresident George W Bush arrived in London on "
     "Tuesday. Bush said the United Kingdom was a close ally.\n"},
    {"uk.txt",
     "UK economy grows\n\nThe UK economy grew faster than expected, officials said on "
     "Wednesday. Growth in the UK was led by services.\n"},
    {"britain.txt",
     "Britain votes\n\nVoters in Britain went to the polls on Thursday. Turnout in Britain was "
     "high.\n"},
    {"eu_defined.txt",
     "Farm talks\n\nMinisters of the European Union (EU) agreed new farm rules in Brussels on "
     "Friday. The European Union will pay less.\n"},
    // Also initials "EU": the corpus alone leaves "EU" in doubt, the definition settles it.
    {"university.txt",
     "Research grant\n\nScientists at Edinburgh University said on Sunday that the grant "
     "would fund ten posts.\n"},
    {"eu_bare.txt",
     "Trade row\n\nThe EU said on Saturday that it would answer the tariffs. EU officials met in "
     "Brussels.\n"},
};

class IdentityE2E : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("e2e_identity");
    const std::string corpus = *dir_ / "corpus";
    std::filesystem::create_directories(corpus);
    for (const auto& [name, text] : kArticles) std::ofstream(corpus + "/" + name) << text;
    db_ = *dir_ / "db";
    const auto r = run(kIndex + " --quiet --db " + quote(db_) + " " + quote(corpus));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  static RunResult search_run(const std::string& args) {
    return run(kSearch + " --db " + quote(db_) + " --format json " + args);
  }
  static std::set<std::string> ids(const std::string& args) {
    const auto r = search_run("-n 100 " + args);
    EXPECT_LE(r.exit_code, 1) << args << "\n" << r.err;
    std::set<std::string> out;
    const json result = json::parse(r.out);
    // Ids lead with the input folder's name ("corpus/uk.txt"); the sets below name files.
    for (const auto& h : result["hits"]) {
      const auto id = h["id"].get<std::string>();
      EXPECT_TRUE(id.starts_with("corpus/")) << id;
      out.insert(id.substr(id.find('/') + 1));
    }
    return out;
  }

  inline static TempDir* dir_ = nullptr;
  inline static std::string db_;
};

using Ids = std::set<std::string>;

TEST_F(IdentityE2E, EveryAliasGivesTheCanonicalNamesArticles) {
  const Ids united_kingdom{"britain.txt", "bush_george.txt", "uk.txt"};
  EXPECT_EQ(ids("--actor " + quote("United Kingdom")), united_kingdom);
  EXPECT_EQ(ids("--actor UK"), united_kingdom);
  EXPECT_EQ(ids("--actor britain"), united_kingdom);
  EXPECT_EQ(ids(quote("actor:uk")), united_kingdom);
  EXPECT_EQ(ids(quote("actor:Britain")), united_kingdom);
  const Ids european_union{"eu_bare.txt", "eu_defined.txt"};
  EXPECT_EQ(ids("--actor EU"), european_union);
  EXPECT_EQ(ids("--actor " + quote("European Union")), european_union);
  EXPECT_EQ(ids(quote("actor:eu")), european_union);
  EXPECT_EQ(ids("--actor " + quote("George W Bush")), Ids{"bush_george.txt"});
  EXPECT_EQ(ids("--actor " + quote("Kate Bush")), Ids{"bush_kate.txt"});
}

TEST_F(IdentityE2E, TheFacetCountsEachIdentityOnceAsItsFilterDoes) {
  const auto r = search_run("-n 0 --facets actor --facet-size 20");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string facet;
  const json result = json::parse(r.out);
  for (const auto& a : result["facets"]["actor"]) {
    facet += a["name"].get<std::string>() + " (" + a["type"].get<std::string>() + ") " +
             std::to_string(a["count"].get<int>()) + "\n";
    const auto filtered = search_run("-n 0 --actor " + quote(a["name"].get<std::string>()));
    EXPECT_EQ(json::parse(filtered.out)["total"], a["count"]) << a;
  }
  EXPECT_NE(facet.find("United Kingdom (country) 3\n"), std::string::npos) << facet;
  EXPECT_NE(facet.find("European Union (org) 2\n"), std::string::npos) << facet;
  EXPECT_EQ(facet.find("EU (org)"), std::string::npos) << facet;
  EXPECT_EQ(facet.find("Britain"), std::string::npos) << facet;
}

TEST_F(IdentityE2E, TheActorListShowsOneEntryPerIdentity) {
  const auto r = run(kSearch + " --db " + quote(db_) + " actors --type org");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "      2  European Union (org)\n      1  Edinburgh University (org)\n");
}

TEST_F(IdentityE2E, ASharedSurnameIsAmbiguousAndNamesTheCandidates) {
  const auto text = run(kSearch + " --db " + quote(db_) + " --actor bush");
  EXPECT_EQ(text.exit_code, 2);
  EXPECT_EQ(text.out, "");
  EXPECT_EQ(text.err,
            "dossier-search: actor 'bush' is ambiguous: George W Bush (person, 1), Kate Bush "
            "(person, 1); give the full name or type:name (person:George W Bush)\n");
  const auto j = search_run("--actor bush");
  EXPECT_EQ(j.exit_code, 2);
  EXPECT_EQ(j.out, R"({"query":"","total":0,"total_exact":true,"hits":[],"ambiguous":[)"
                   R"({"name":"George W Bush","type":"person","count":1},)"
                   R"({"name":"Kate Bush","type":"person","count":1}]})"
                   "\n");
  EXPECT_EQ(search_run(quote("actor:bush")).exit_code, 2);
  // The type and the name as listed pick out one of them, as written or folded.
  for (const char* typed : {"person:Kate Bush", "person:kate bush"}) {
    const auto kate = search_run("--actor " + quote(typed) + " -n 0");
    EXPECT_EQ(kate.exit_code, 0) << kate.err;
    EXPECT_EQ(json::parse(kate.out)["total"], 1) << typed;
    const auto in_query = search_run(quote(std::string("actor:\"") + typed + "\"") + " -n 0");
    EXPECT_EQ(json::parse(in_query.out)["total"], 1) << typed;
  }
  // Not a type, or no such actor of that type: the whole text is a name, which names nobody.
  EXPECT_EQ(search_run("--actor " + quote("org:Kate Bush") + " -n 0").exit_code, 1);
  EXPECT_EQ(search_run("--actor " + quote("singer:Kate Bush") + " -n 0").exit_code, 1);
}

TEST_F(IdentityE2E, ABatchLineWithAnAmbiguousActorIsAnErrorRecord) {
  const auto r = run(kSearch + " --db " + quote(db_) + " --batch - --no-header",
                     R"({"id":"a","q":"","actor":"bush"})"
                     "\n"
                     R"({"id":"b","q":"","actor":"britain","limit":0})"
                     "\n");
  EXPECT_EQ(r.exit_code, 2);
  std::istringstream lines(r.out);
  std::string first, second;
  std::getline(lines, first);
  std::getline(lines, second);
  EXPECT_EQ(first, R"({"id":"a","error":"actor 'bush' is ambiguous: George W Bush (person, 1), )"
                   R"(Kate Bush (person, 1); give the full name or type:name )"
                   R"x((person:George W Bush)","ambiguous":[)x"
                   R"({"name":"George W Bush","type":"person","count":1},)"
                   R"({"name":"Kate Bush","type":"person","count":1}]})");
  EXPECT_EQ(json::parse(second)["total"], 3);
}

}  // namespace
