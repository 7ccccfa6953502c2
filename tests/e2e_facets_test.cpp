// End-to-end: actors, dates, sources, JSONL and metadata input through the real binaries.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e_support.h"

namespace {

using namespace dossier::e2e;
using nlohmann::json;

json search_json(const std::string& db, const std::string& args) {
  const auto r = run(kSearch + " --db " + quote(db) + " --format json " + args);
  EXPECT_LE(r.exit_code, 1) << args << "\n" << r.err;
  return r.out.empty() ? json() : json::parse(r.out);
}

std::set<std::string> hit_ids(const json& j) {
  std::set<std::string> ids;
  for (const auto& h : j["hits"]) ids.insert(h["id"].get<std::string>());
  return ids;
}

class FacetsE2E : public dossier::e2e::CorpusDatabase {
 protected:
  static json search(const std::string& args) {
    const bool has_limit = args.rfind("-n ", 0) == 0 || args.find(" -n ") != std::string::npos;
    return search_json(db_, has_limit ? args : "-n 100 " + args);
  }
};

TEST_F(FacetsE2E, ActorFilterByAnyAliasCaseAndAccents) {
  const auto by_surname = hit_ids(search("--actor maduro"));
  EXPECT_EQ(by_surname.size(), 5u);
  EXPECT_EQ(hit_ids(search("--actor " + quote("Nicolás Maduro"))), by_surname);
  EXPECT_EQ(hit_ids(search(quote("actor:\"nicolas maduro\""))), by_surname);
  EXPECT_EQ(hit_ids(search("--actor Shchetinin")),
            std::set<std::string>{"corpus/000_294354c3b5f7a554.txt"});
  EXPECT_EQ(hit_ids(search("--actor Arreaza")),
            std::set<std::string>{"corpus/001_4132258e9ace6acd.txt"});
  // "US" is an alias of the United States.
  EXPECT_EQ(hit_ids(search("--actor US")), hit_ids(search(quote("actor:\"United States\""))));
  EXPECT_EQ(search("--actor nobodyatall")["total"], 0);
}

TEST_F(FacetsE2E, ActorFiltersCombineWithTextAndEachOther) {
  // All --actor filters must hold.
  EXPECT_EQ(hit_ids(search("--actor Maduro --actor Arreaza")),
            std::set<std::string>{"corpus/001_4132258e9ace6acd.txt"});
  EXPECT_EQ(hit_ids(search(quote("actor:maduro actor:arreaza"))),
            std::set<std::string>{"corpus/001_4132258e9ace6acd.txt"});
  // A filter never changes scores.
  const auto plain = search("Shchetinin");
  const auto filtered = search("--actor maduro Shchetinin");
  ASSERT_EQ(filtered["hits"].size(), 1u);
  EXPECT_EQ(plain["hits"][0]["score"], filtered["hits"][0]["score"]);
  EXPECT_EQ(hit_ids(search(quote("Pompeo OR actor:Arreaza"))).size(), 2u);
}

TEST_F(FacetsE2E, ActorFacetCountsAreExactOverAllMatches) {
  const auto j = search("--facets actor --facet-size 50 -n 1 Venezuela");
  ASSERT_TRUE(j.contains("facets"));
  EXPECT_TRUE(j["facets"]["exact"].get<bool>());
  const auto& actors = j["facets"]["actor"];
  ASSERT_FALSE(actors.empty());
  std::set<std::string> names;
  for (const auto& a : actors) {
    names.insert(a["name"].get<std::string>());
    // Each count equals the number of matches when filtering by that actor.
    const auto q = search("-n 0 --actor " + quote(a["name"].get<std::string>()) + " Venezuela");
    EXPECT_LE(a["count"].get<int>(), q["total"].get<int>()) << a;
  }
  EXPECT_TRUE(names.count("Nicolás Maduro")) << actors;  // display name keeps diacritics
  EXPECT_TRUE(names.count("Juan Guaidó")) << actors;
  EXPECT_FALSE(names.count("READ MORE"));
  EXPECT_FALSE(names.count("World"));
  // The page size does not change the facet.
  EXPECT_EQ(search("--facets actor --facet-size 50 -n 5 Venezuela")["facets"], j["facets"]);
}

TEST_F(FacetsE2E, HitsCarryActorsAndDates) {
  const auto j = search("Arreaza");
  ASSERT_EQ(j["hits"].size(), 1u);
  const auto& hit = j["hits"][0];
  EXPECT_EQ(hit["date"], "2019-01-28");
  EXPECT_EQ(hit["date_source"], "dateline");
  ASSERT_FALSE(hit["actors"].empty());
  for (const auto& a : hit["actors"]) {
    EXPECT_TRUE(a.contains("name"));
    EXPECT_TRUE(a.contains("type"));
  }
  const auto undated = search("Shchetinin")["hits"][0];
  EXPECT_TRUE(undated["date"].is_null());
  EXPECT_TRUE(undated["date_source"].is_null());
}

TEST_F(FacetsE2E, DateFiltersAndHistogram) {
  EXPECT_EQ(hit_ids(search("--from 2019-01-01")),
            std::set<std::string>{"corpus/001_4132258e9ace6acd.txt"});
  EXPECT_EQ(hit_ids(search("--from 2019-01 --to 2019-01")),
            std::set<std::string>{"corpus/001_4132258e9ace6acd.txt"});
  EXPECT_EQ(search("--to 2018")["total"], 0);
  EXPECT_EQ(hit_ids(search(quote("date:2019"))),
            std::set<std::string>{"corpus/001_4132258e9ace6acd.txt"});
  EXPECT_EQ(hit_ids(search(quote("date:..2019-02"))),
            std::set<std::string>{"corpus/001_4132258e9ace6acd.txt"});
  EXPECT_EQ(search(quote("date:undated"))["total"], 4);
  const auto j = search("--facets date --granularity month");
  EXPECT_EQ(j["facets"]["date"], json::parse(R"([{"bucket":"2019-01","count":1}])"));
  EXPECT_EQ(j["facets"]["undated"], 4);
  // Bad dates are usage errors, not empty results.
  EXPECT_EQ(run(kSearch + " --db " + quote(db_) + " --from 2019-02-30 x").exit_code, 2);
  EXPECT_EQ(run(kSearch + " --db " + quote(db_) + " " + quote("date:2019-13")).exit_code, 2);
  // So are reversed ranges, with one line saying so.
  const auto reversed = run(kSearch + " --db " + quote(db_) + " --from 2019-03-05 --to 2019-03-01");
  EXPECT_EQ(reversed.exit_code, 2);
  EXPECT_EQ(reversed.err,
            "dossier-search: date range 2019-03-05..2019-03-01 ends before it starts\n");
}

TEST_F(FacetsE2E, MentionedDates) {
  const std::set<std::string> only_003{"corpus/003_7aba643725984cd2.txt"};
  EXPECT_EQ(hit_ids(search(quote("mentioned:2019-01-23"))), only_003);
  EXPECT_EQ(hit_ids(search(quote("mentioned:2018-11-28"))), only_003);
  EXPECT_EQ(hit_ids(search(quote("mentioned:2019-02-03"))), only_003);
  EXPECT_TRUE(hit_ids(search(quote("mentioned:2019-01"))).count("corpus/003_7aba643725984cd2.txt"));
  EXPECT_TRUE(hit_ids(search(quote("mentioned:2018"))).count("corpus/003_7aba643725984cd2.txt"));
}

TEST_F(FacetsE2E, SortByDatePutsUndatedLast) {
  for (const char* order : {"date", "-date"}) {
    const auto j = search(std::string("--sort ") + order + " Venezuela");
    ASSERT_EQ(j["hits"].size(), 5u);
    EXPECT_EQ(j["hits"][0]["id"], "corpus/001_4132258e9ace6acd.txt") << order;
    for (std::size_t i = 1; i < 5; ++i) EXPECT_TRUE(j["hits"][i]["date"].is_null()) << order;
  }
}

TEST_F(FacetsE2E, ActorsListing) {
  const auto r = run(kSearch + " --db " + quote(db_) + " actors --type person --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = json::parse(r.out);
  // Marcos Perez Jimenez is one since #17; the photographer of "REUTERS / Carlos Garcia
  // Rawlins" is a credit, no actor; Cuba's Carlos Fernandez de Cossio is a person.
  std::vector<std::string> names;
  for (const auto& a : j["actors"]) names.push_back(a["name"].get<std::string>());
  EXPECT_EQ(names, (std::vector<std::string>{
                       "Juan Guaidó", "Nicolás Maduro", "Donald Trump", "John Bolton",
                       "Aleksander Shchetinin", "Carlos Fernandez de Cossio", "Dmitry Peskov",
                       "Jorge Arreaza", "Marcos Perez Jimenez", "Mike Pompeo", "Roger Waters",
                       "Sergei Lavrov", "Vladimir Padrino Lopez", "Vladimir Zaemsky"}));
  // Most articles first; Maduro and Guaidó are in all five.
  EXPECT_EQ(j["actors"][0]["articles"], 5);
  for (const auto& a : j["actors"]) EXPECT_EQ(a["type"], "person");
  const auto prefixed =
      json::parse(run(kSearch + " --db " + quote(db_) + " actors --prefix guai --format json").out);
  ASSERT_EQ(prefixed["actors"].size(), 1u);
  EXPECT_EQ(prefixed["actors"][0]["name"], "Juan Guaidó");
  for (const auto& a : prefixed["actors"])
    EXPECT_NE(a["name"].get<std::string>().find("Guaid"), std::string::npos);
}

TEST(InputE2E, MetadataSidecarWinsOverText) {
  TempDir dir("e2e_metadata");
  const auto corpus = dir / "corpus";
  std::filesystem::create_directories(corpus);
  std::filesystem::copy_file(kCorpus + "/001_4132258e9ace6acd.txt", corpus + "/a.txt");
  std::filesystem::copy_file(kCorpus + "/003_7aba643725984cd2.txt", corpus + "/b.txt");
  std::ofstream(corpus + "/metadata.jsonl")
      << R"({"id":"a.txt","date":"2019-05-01","source":"Example Wire","title":"Given Title"})"
      << "\n"
      << R"({"id":"b.txt","date":"2019-02-04"})"
      << "\n";
  const std::string db = dir / "db";
  ASSERT_EQ(run(kIndex + " --db " + quote(db) + " " + quote(corpus)).exit_code, 0);
  const auto a = search_json(db, quote("source:\"example wire\""));
  ASSERT_EQ(a["hits"].size(), 1u);
  EXPECT_EQ(a["hits"][0]["date"], "2019-05-01");  // not the dateline's 2019-01-28
  EXPECT_EQ(a["hits"][0]["date_source"], "metadata");
  EXPECT_EQ(a["hits"][0]["title"], "Given Title");
  const auto b = search_json(db, "--from 2019-02-04 --to 2019-02-04");
  EXPECT_EQ(hit_ids(b), std::set<std::string>{"corpus/b.txt"});
  const auto facets = search_json(db, "--facets source");
  EXPECT_EQ(facets["facets"]["source"], json::parse(R"([{"source":"Example Wire","count":1}])"));
}

TEST(InputE2E, JsonlCorpusIndexesGoodLinesAndReportsBadOnes) {
  TempDir dir("e2e_jsonl");
  const std::string file = dir / "articles.jsonl";
  std::ofstream(file)
      << R"({"id":"one","title":"Harbour Reopens","body":"The harbour of Valletta reopened.","date":"2020-03-04","source":"Wire"})"
      << "\n"
      << "this is not json\n"
      << R"({"title":"No id here","body":"text"})"
      << "\n"
      << "\n"
      << R"({"id":2,"text":"Storm Hits Coast\n\nA storm hit the coast on Monday."})"
      << "\n"
      << R"({"id":"three","text":"Bad date","date":"2020-02-30"})"
      << "\n";
  const std::string db = dir / "db";
  const auto r = run(kIndex + " --db " + quote(db) + " " + quote(file));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2 added, 0 updated, 0 unchanged, 0 removed, 3 skipped"), std::string::npos)
      << r.out;
  EXPECT_NE(r.err.find("articles.jsonl:2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("articles.jsonl:3"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("articles.jsonl:6"), std::string::npos) << r.err;
  EXPECT_EQ(run(kIndex + " --db " + quote(db) + " --strict " + quote(file)).exit_code, 1);
  const auto all = search_json(db, "");
  EXPECT_EQ(hit_ids(all), (std::set<std::string>{"one", "2"}));
  const auto storm = search_json(db, "storm");
  ASSERT_EQ(storm["hits"].size(), 1u);
  EXPECT_EQ(storm["hits"][0]["title"], "Storm Hits Coast");
  const auto dated = search_json(db, "--from 2020-03");
  EXPECT_EQ(hit_ids(dated), std::set<std::string>{"one"});
}

// A date known only to its month or year matches every range that overlaps it, and a
// day histogram counts it apart, never on the first day of its month.
TEST(InputE2E, CoarseDatesKeepTheirPrecision) {
  TempDir dir("e2e_coarse");
  const std::string file = dir / "articles.jsonl";
  std::ofstream(file) << R"({"id":"day","text":"Harbour news","date":"2019-02-10"})"
                      << "\n"
                      << R"({"id":"month","text":"Harbour news","date":"2019-02"})"
                      << "\n"
                      << R"({"id":"year","text":"Harbour news","date":"2019"})"
                      << "\n";
  const std::string db = dir / "db";
  ASSERT_EQ(run(kIndex + " --db " + quote(db) + " " + quote(file)).exit_code, 0);
  using Ids = std::set<std::string>;
  EXPECT_EQ(hit_ids(search_json(db, "--from 2019-02-15")), (Ids{"month", "year"}));
  EXPECT_EQ(hit_ids(search_json(db, "--to 2019-02-05")), (Ids{"month", "year"}));
  EXPECT_EQ(hit_ids(search_json(db, "--from 2019-02-10 --to 2019-02-10")),
            (Ids{"day", "month", "year"}));
  EXPECT_EQ(hit_ids(search_json(db, quote("date:2019-03"))), (Ids{"year"}));
  EXPECT_EQ(hit_ids(search_json(db, quote("date:2018-12-01..2019-01-31"))), (Ids{"year"}));
  EXPECT_EQ(hit_ids(search_json(db, "--to 2018")), Ids{});
  const auto month = search_json(db, "--sort date -n 1 --from 2019-02-11");
  EXPECT_EQ(month["hits"][0]["date"], "2019");
  const auto by_day = search_json(db, "--facets date --granularity day");
  EXPECT_EQ(by_day["facets"]["date"], json::parse(R"([{"bucket":"2019-02-10","count":1}])"));
  EXPECT_EQ(by_day["facets"]["date_coarse"],
            json::parse(R"([{"bucket":"2019","count":1},{"bucket":"2019-02","count":1}])"));
  const auto by_month = search_json(db, "--facets date --granularity month");
  EXPECT_EQ(by_month["facets"]["date"], json::parse(R"([{"bucket":"2019-02","count":2}])"));
  EXPECT_EQ(by_month["facets"]["date_coarse"], json::parse(R"([{"bucket":"2019","count":1}])"));
  const auto by_year = search_json(db, "--facets date --granularity year");
  EXPECT_EQ(by_year["facets"]["date"], json::parse(R"([{"bucket":"2019","count":3}])"));
  EXPECT_FALSE(by_year["facets"].contains("date_coarse"));
  const auto text = run(kSearch + " --db " + quote(db) + " --facets date --granularity week -n 0");
  EXPECT_NE(text.out.find("Dates, by week:\n       1  2019-W06\n"
                          "       1  2019 (date known to the year only)\n"
                          "       1  2019-02 (date known to the month only)\n       0  undated\n"),
            std::string::npos)
      << text.out;
}

// A day histogram over 9,000 years would list 3.3 million buckets: it is counted by year,
// and says so.
TEST(InputE2E, DateHistogramOverMillenniaIsCountedByYear) {
  TempDir dir("e2e_span");
  const std::string file = dir / "articles.jsonl";
  std::ofstream(file) << R"({"id":"old","text":"Harbour news","date":"1000-01-01"})"
                      << "\n"
                      << R"({"id":"new","text":"Harbour news","date":"9999-12-31"})"
                      << "\n";
  const std::string db = dir / "db";
  ASSERT_EQ(run(kIndex + " --db " + quote(db) + " " + quote(file)).exit_code, 0);
  const auto wide = search_json(db, "--facets date --granularity day harbour");
  EXPECT_EQ(wide["facets"]["granularity"], "year");
  ASSERT_EQ(wide["facets"]["date"].size(), 9000u);
  EXPECT_EQ(wide["facets"]["date"][0], json::parse(R"({"bucket":"1000","count":1})"));
  EXPECT_EQ(wide["facets"]["date"][8999], json::parse(R"({"bucket":"9999","count":1})"));
  const auto narrow = search_json(db, "--facets date --granularity day --from 9999 harbour");
  EXPECT_EQ(narrow["facets"]["granularity"], "day");
  EXPECT_EQ(narrow["facets"]["date"], json::parse(R"([{"bucket":"9999-12-31","count":1}])"));
  const auto text = run(kSearch + " --db " + quote(db) + " --facets date --granularity day " +
                        "--from 9999 harbour");
  EXPECT_NE(text.out.find("\nDates, by day:\n       1  9999-12-31\n       0  undated\n"),
            std::string::npos)
      << text.out;
}

TEST(AnalyzeE2E, ExtractsActorsAndDatesOfTheSampleCorpus) {
  const auto r = run(kIndex + " analyze " + quote(kCorpus));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, json> by_id;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    auto j = json::parse(line);
    by_id[j["id"].get<std::string>()] = j;
  }
  ASSERT_EQ(by_id.size(), 5u);
  auto names = [&](const std::string& id) {
    std::set<std::string> out;
    for (const auto& a : by_id[id]["actors"]) {
      out.insert(a["name"].get<std::string>());
      for (const auto& f : a["forms"]) out.insert(f.get<std::string>());
    }
    return out;
  };
  const auto a000 = names("corpus/000_294354c3b5f7a554.txt");
  for (const char* n : {"Nicolas Maduro", "Aleksander Shchetinin", "United States", "Russia",
                        "Venezuela", "China"}) {
    EXPECT_TRUE(a000.count(n)) << n;
  }
  EXPECT_TRUE(a000.count("Juan Guaido") || a000.count("Juan Guaidó"));
  const auto a001 = names("corpus/001_4132258e9ace6acd.txt");
  for (const char* n : {"Jorge Arreaza", "Dmitry Peskov", "Vladimir Zaemsky", "Reuters", "France",
                        "Germany", "Spain", "Netherlands", "United Kingdom"}) {
    EXPECT_TRUE(a001.count(n)) << n;
  }
  for (const auto& [id, j] : by_id) {
    const auto n = names(id);
    EXPECT_FALSE(n.count("READ MORE")) << id;
    EXPECT_FALSE(n.count("World")) << id;
    for (const auto& a : j["actors"]) {
      const std::string type = a["type"];
      EXPECT_TRUE(type == "person" || type == "org" || type == "country" || type == "place")
          << type;
      EXPECT_GE(a["mentions"].get<int>(), 1);
    }
  }
  EXPECT_EQ(by_id["corpus/001_4132258e9ace6acd.txt"]["date"], "2019-01-28");
  EXPECT_EQ(by_id["corpus/001_4132258e9ace6acd.txt"]["date_source"], "dateline");
  EXPECT_TRUE(by_id["corpus/003_7aba643725984cd2.txt"]["date"].is_null());
  EXPECT_EQ(by_id["corpus/003_7aba643725984cd2.txt"]["dates_mentioned"],
            json::parse(R"(["2018-11-28","2019-01-23","2019-02-03"])"));
  // --date-fallback mentioned-latest gives undated articles their latest mentioned day.
  const auto fb = run(kIndex + " analyze --date-fallback mentioned-latest " +
                      quote(kCorpus + "/003_7aba643725984cd2.txt"));
  const auto j = json::parse(fb.out);
  EXPECT_EQ(j["date"], "2019-02-03");
  EXPECT_EQ(j["date_source"], "mentioned-latest");
}

TEST(AnalyzeE2E, UserDictionaryAddsMergesAndSuppresses) {
  TempDir dir("e2e_dict");
  const std::string dict = dir / "actors.tsv";
  std::ofstream(dict) << "# canonical\ttype\taliases\n"
                      << "Bolivarian Government\torg\tthe regime\n"
                      << "Pakistan Point News\tignore\n";
  const auto r = run(kIndex + " analyze --actors " + quote(dict) + " " +
                     quote(kCorpus + "/001_4132258e9ace6acd.txt"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("Pakistan Point News"), std::string::npos) << r.out;
  const auto bad = dir / "bad.tsv";
  std::ofstream(bad) << "Only A Name\n";
  const auto e = run(kIndex + " analyze --actors " + quote(bad) + " " + quote(kCorpus));
  EXPECT_EQ(e.exit_code, 2);
  EXPECT_NE(e.err.find("bad.tsv:1"), std::string::npos) << e.err;
}

}  // namespace

// What `analyze` says of an article, as comparable text: title, date, its source, the
// dates mentioned, and each actor's name, type and mentions (sorted: the order of equal
// counts is not part of either contract).
std::string analysis_of(const json& article) {
  std::vector<std::string> actors;
  for (const auto& a : article["actors"]) {
    actors.push_back(a["name"].get<std::string>() + "|" + a["type"].get<std::string>() + "|" +
                     std::to_string(a["mentions"].get<int>()));
  }
  std::sort(actors.begin(), actors.end());
  std::string out = article["title"].dump() + " " + article["date"].dump() + " " +
                    article["date_source"].dump() + " " + article["dates_mentioned"].dump();
  for (const auto& a : actors) out += "\n  " + a;
  return out;
}

// Differential: for every article, `dossier-index analyze` and the record the index stored
// (`dossier-search show`) agree on title, dates and actors. Articles made here from hand-made
// parts (datelines, titles before names, names in lists, organisations with their acronyms)
// beside the sample corpus, so that every path of the extractors is crossed.
TEST(AnalyzeE2E, AgreesWithWhatIsIndexed) {
  TempDir dir("e2e_analyze_vs_index");
  const std::string corpus = dir / "made";
  const std::vector<std::string> people = {"Maria Lopez",   "John Okafor",   "Chen Wei-ling",
                                           "Anna Kowalska", "Pierre Dubois", "Kenji Sato"};
  const std::vector<std::string> places = {"Lisbon", "Nairobi", "Oslo", "Lima", "Hanoi"};
  const std::vector<std::string> orgs = {"the World Health Organization (WHO)", "Deutsche Bank",
                                         "the European Union (EU)", "the Federal Reserve"};
  const std::vector<std::string> dates = {"March 3, 2019", "2018-11-20", "Tuesday",
                                          "12 January 2020", "last week"};
  for (std::size_t i = 0; i < 24; ++i) {
    const auto pick = [i](const std::vector<std::string>& from, std::size_t k) {
      return from[(i * 7 + k * 3) % from.size()];
    };
    std::string text = "Talks in " + pick(places, 0) + " stall\n\n";
    if (i % 3 == 0) text += "LONDON, " + pick(dates, 1) + " (Wire) - ";
    text += "President " + pick(people, 0) + " met " + pick(people, 1) + " and officials of " +
            pick(orgs, 0) + " in " + pick(places, 1) + " on " + pick(dates, 0) + ".\n\n";
    text += pick(people, 1) + ", " + pick(people, 2) + " and " + pick(people, 3) + " said " +
            pick(orgs, 1) + " would meet again in " + pick(places, 2) + ".\n";
    write_file(corpus + "/d" + std::to_string(i % 3) + "/a" + std::to_string(i) + ".txt", text);
  }
  const std::string db = dir / "db";
  ASSERT_EQ(
      run(kIndex + " --db " + quote(db) + " " + quote(kCorpus) + " " + quote(corpus)).exit_code, 0);
  const auto analysed = run(kIndex + " analyze " + quote(kCorpus) + " " + quote(corpus));
  ASSERT_EQ(analysed.exit_code, 0) << analysed.err;
  std::istringstream lines(analysed.out);
  std::size_t compared = 0;
  for (std::string line; std::getline(lines, line); ++compared) {
    const json article = json::parse(line);
    const std::string id = article["id"].get<std::string>();
    const auto shown =
        run(kSearch + " --db " + quote(db) + " show " + quote(id) + " --format json");
    ASSERT_EQ(shown.exit_code, 0) << id << ": " << shown.err;
    EXPECT_EQ(analysis_of(json::parse(shown.out)["document"]), analysis_of(article)) << id;
  }
  EXPECT_EQ(compared, 29u);
}
