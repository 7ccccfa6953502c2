// The counting behind --table actor-by-actor and --facets co-actors, and its score, on
// articles given by their actors.
#include "dossier/facets/co_occurrence.h"

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace dossier {
namespace {

Xapian::Document article(const std::vector<schema::ActorCode>& codes) {
  std::string value;
  for (const schema::ActorCode code : codes) schema::append_actor_code(value, code);
  Xapian::Document doc;
  doc.add_value(schema::kSlotActors, value);
  return doc;
}

std::map<schema::ActorCode, Xapian::doccount> sorted(
    const std::unordered_map<schema::ActorCode, Xapian::doccount>& counts) {
  return {counts.begin(), counts.end()};
}

TEST(CoOccurrence, NpmiByHand) {
  struct Row {
    Xapian::doccount both, a, b, matches;
    double expected;
  };
  const Row rows[] = {
      {3, 5, 3, 6, std::log(1.2) / std::log(2.0)},  // Anna and Carl of the e2e corpus
      {2, 5, 2, 6, std::log(1.2) / std::log(3.0)},
      {1, 3, 2, 6, 0.0},                                // together as often as chance
      {4, 4, 4, 4, 1.0},                                // every match names both
      {1, 1, 1, 4, 1.0},                                // always together
      {1, 3, 3, 4, std::log(4.0 / 9) / std::log(4.0)},  // less often than chance
  };
  for (const Row& r : rows) {
    EXPECT_NEAR(npmi(r.both, r.a, r.b, r.matches), r.expected, 1e-12)
        << r.both << " " << r.a << " " << r.b << " " << r.matches;
  }
  EXPECT_EQ(npmi_as_printed(-0.00001), 0.0);
  EXPECT_EQ(npmi_as_printed(0.26303), 0.263);
}

// Codes 11, 12, 13; 21 is merged into 11 (one identity).
TEST(CoOccurrence, CountsPairsWithAnAnchorOrKeepsArticles) {
  FlatCodeMap<schema::ActorCode> merged;
  merged[21] = 11;
  const std::vector<std::vector<schema::ActorCode>> articles = {
      {11, 12}, {12, 21, 11}, {11, 12, 13}, {13, 21}, {11}, {14}};
  CoOccurrenceSpy anchored(merged, schema::ActorCode{11});
  CoOccurrenceSpy kept(merged);
  for (const auto& codes : articles) {
    anchored(article(codes), 0);
    kept(article(codes), 0);
  }
  const std::map<schema::ActorCode, Xapian::doccount> counts = {{11, 5}, {12, 3}, {13, 2}, {14, 1}};
  EXPECT_EQ(sorted(anchored.counts()), counts);
  EXPECT_EQ(sorted(kept.counts()), counts);
  EXPECT_EQ(anchored.seen(), 6u);
  EXPECT_EQ(anchored.count(99), 0u);
  EXPECT_EQ(sorted(anchored.with_anchor()),
            (std::map<schema::ActorCode, Xapian::doccount>{{12, 3}, {13, 2}}));
  EXPECT_TRUE(kept.with_anchor().empty());
  std::vector<std::vector<schema::ActorCode>> documents;
  kept.for_each_document([&](const schema::ActorCode* first, const schema::ActorCode* last) {
    documents.emplace_back(first, last);
  });
  EXPECT_EQ(documents, (std::vector<std::vector<schema::ActorCode>>{
                           {11, 12}, {12, 11}, {11, 12, 13}, {13, 11}}));
  std::size_t none = 0;
  anchored.for_each_document([&](const auto*, const auto*) { ++none; });
  EXPECT_EQ(none, 0u);
}

}  // namespace
}  // namespace dossier
