#include "dossier/batch/batch_request.h"

#include <gtest/gtest.h>

#include "dossier/base/errors.h"

namespace {

using nlohmann::json;

TEST(BatchRequest, KeysMapOntoRequestFields) {
  dossier::SearchRequest defaults;
  defaults.limit = 7;
  defaults.offset = 1;
  dossier::SearchRequest r = defaults;
  dossier::apply_batch_json(
      json::parse(R"({"id":"a","q":"oil","limit":3,"offset":0,"plain":true,"match":"any"})"), r);
  EXPECT_EQ(r.query, "oil");
  EXPECT_EQ(r.limit, 3u);
  EXPECT_EQ(r.offset, 0u);
  EXPECT_TRUE(r.plain);
  EXPECT_EQ(r.match, dossier::MatchMode::kAny);

  r = defaults;  // keys left out keep the command line's values
  dossier::apply_batch_json(json::parse(R"({"q":"gas"})"), r);
  EXPECT_EQ(r.limit, 7u);
  EXPECT_EQ(r.offset, 1u);
  EXPECT_FALSE(r.plain);
  EXPECT_EQ(r.match, dossier::MatchMode::kAll);
}

TEST(BatchRequest, FilterFacetAndSortKeys) {
  dossier::SearchRequest r;
  r.actors = {"from the command line"};
  dossier::apply_batch_json(
      json::parse(R"({"q":"","actor":["Maduro","Guaidó"],"source":"reuters","from":"2019",)"
                  R"("to":"2019-03-31","facets":["actor","date"],"facet_size":3,)"
                  R"("granularity":"week","sort":"-date"})"),
      r);
  EXPECT_EQ(r.actors, (std::vector<std::string>{"Maduro", "Guaidó"}));  // replaced, not added
  EXPECT_EQ(r.sources, std::vector<std::string>{"reuters"});
  EXPECT_EQ(r.from, "2019");
  EXPECT_EQ(r.to, "2019-03-31");
  EXPECT_EQ(r.facets, (dossier::FacetSet{dossier::Facet::kActor, dossier::Facet::kDate}));
  EXPECT_EQ(r.facet_size, 3u);
  EXPECT_EQ(r.granularity, dossier::Granularity::Week);
  EXPECT_EQ(r.sort, dossier::SortOrder::DateDescending);
  dossier::apply_batch_json(json::parse(R"({"q":"","actor":"Maduro","facets":"source"})"), r);
  EXPECT_EQ(r.actors, std::vector<std::string>{"Maduro"});
  EXPECT_EQ(r.facets, dossier::FacetSet{dossier::Facet::kSource});  // replaced, not added
}

TEST(BatchRequest, BadKeysAreNamed) {
  struct Case {
    const char* object;
    const char* message;
  };
  const Case cases[] = {
      {R"({"id":"a"})", "missing key \"q\" (the query)"},
      {R"({"q":3})", "key \"q\" must be a string"},
      {R"({"q":"a","limit":-1})", "key \"limit\" must be an integer from 0 to 1000000"},
      {R"({"q":"a","limit":2.5})", "key \"limit\" must be an integer from 0 to 1000000"},
      {R"({"q":"a","limit":"10"})", "key \"limit\" must be an integer from 0 to 1000000"},
      {R"({"q":"a","limit":1000001})", "key \"limit\" must be an integer from 0 to 1000000"},
      {R"({"q":"a","plain":1})", "key \"plain\" must be true or false"},
      {R"({"q":"a","match":"some"})", "key \"match\" must be \"all\" or \"any\""},
      {R"({"q":"a","qq":1})", "unknown key \"qq\""},
      {R"({"q":"a","actor":[1]})", "key \"actor\" must be a string or an array of strings"},
      {R"({"q":"a","source":{}})", "key \"source\" must be a string or an array of strings"},
      {R"({"q":"a","from":2019})", "key \"from\" must be a string"},
      {R"({"q":"a","facets":["people"]})",
       "key \"facets\" must be one of actor, date, source, significant, folder, co-actors (or "
       "an array of them)"},
      {R"({"q":"a","sort":"newest"})", "key \"sort\" must be \"relevance\", \"date\" or \"-date\""},
      {R"({"q":"a","granularity":"hour"})",
       "key \"granularity\" must be \"day\", \"week\", \"month\" or \"year\""},
  };
  for (const auto& c : cases) {
    dossier::SearchRequest r;
    try {
      dossier::apply_batch_json(json::parse(c.object), r);
      ADD_FAILURE() << "accepted " << c.object;
    } catch (const dossier::Error& e) {
      EXPECT_EQ(std::string(e.what()), c.message) << c.object;
      EXPECT_EQ(e.kind(), dossier::ErrorKind::kUsage);
    }
  }
}

TEST(BatchRequest, TextLinesSetOnlyTheQuery) {
  dossier::SearchRequest defaults;
  defaults.limit = 5;
  defaults.plain = true;
  dossier::BatchQuery q;
  q.text = "central bank";
  const auto r = dossier::batch_request(q, defaults);
  EXPECT_EQ(r.query, "central bank");
  EXPECT_EQ(r.limit, 5u);
  EXPECT_TRUE(r.plain);
}

}  // namespace
