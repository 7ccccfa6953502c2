// DocumentData's stored form: every field survives the round trip, and data cut short or
// garbled yields the fields read so far, never a crash.
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "dossier/schema/document_data.h"

namespace {

dossier::DocumentData sample() {
  dossier::DocumentData d;
  d.id = "business/001.txt";
  d.title = "Ministers back the port deal";
  d.text = std::string(300, 'x') + "\n\nGuaid\xC3\xB3 said \"no\".\t\\ {\"json\": 1}";
  d.date = "2019-01-23";
  d.date_source = "dateline";
  d.dates_mentioned = {"2019-01-20", "2019-02"};
  d.source = "Example News";
  d.url = "https://example.org/a?b=c";
  d.actors = {{"person:juan guaido", "Juan Guaid\xC3\xB3", "person", 7},
              {"country:venezuela", "Venezuela", "country", 200}};
  return d;
}

TEST(DocumentData, RoundTrips) {
  const dossier::DocumentData cases[] = {sample(), dossier::DocumentData{}};
  for (const auto& d : cases) {
    EXPECT_EQ(dossier::DocumentData::unserialise(d.serialise()), d) << d.id;
  }
}

TEST(DocumentData, ReadsOnlyTheActorsAskedFor) {
  const dossier::DocumentData d = sample();
  const std::string stored = d.serialise();
  for (const std::size_t max : {0u, 1u, 2u, 5u}) {
    auto expected = d;
    expected.actors.resize(std::min<std::size_t>(max, d.actors.size()));
    EXPECT_EQ(dossier::DocumentData::unserialise(stored, max), expected) << max;
  }
}

TEST(DocumentData, TruncatedKeepsWhatWasRead) {
  const dossier::DocumentData d = sample();
  const std::string full = d.serialise();
  for (std::size_t cut = 0; cut < full.size(); ++cut) {
    const auto partial = dossier::DocumentData::unserialise(std::string_view(full).substr(0, cut));
    EXPECT_NE(partial, d) << cut;
    // Fields are read in order: a field is either complete or empty.
    EXPECT_TRUE(partial.id.empty() || partial.id == d.id) << cut;
    EXPECT_TRUE(partial.text.empty() || partial.text == d.text) << cut;
    EXPECT_LE(partial.actors.size(), d.actors.size()) << cut;
  }
  EXPECT_EQ(dossier::DocumentData::unserialise(full.substr(0, full.size() - 1)).id, d.id);
}

// The view reads what unserialise copies, field for field, also from data cut short.
TEST(DocumentData, ViewSeesWhatUnserialiseCopies) {
  const std::string full = sample().serialise();
  for (std::size_t cut = 0; cut <= full.size(); ++cut) {
    for (const std::size_t max : {std::size_t{2}, std::numeric_limits<std::size_t>::max()}) {
      const std::string_view stored = std::string_view(full).substr(0, cut);
      const auto copy = dossier::DocumentData::unserialise(stored, max);
      const auto view = dossier::DocumentView::parse(stored, max);
      EXPECT_EQ(view.id, copy.id);
      EXPECT_EQ(view.title, copy.title);
      EXPECT_EQ(view.text, copy.text);
      EXPECT_EQ(view.date, copy.date);
      EXPECT_EQ(view.date_source, copy.date_source);
      ASSERT_EQ(view.dates_mentioned.size(), copy.dates_mentioned.size()) << cut;
      for (std::size_t i = 0; i < copy.dates_mentioned.size(); ++i)
        EXPECT_EQ(view.dates_mentioned[i], copy.dates_mentioned[i]);
      EXPECT_EQ(view.source, copy.source);
      EXPECT_EQ(view.url, copy.url);
      ASSERT_EQ(view.actors.size(), copy.actors.size()) << cut;
      for (std::size_t i = 0; i < copy.actors.size(); ++i) {
        EXPECT_EQ(view.actors[i].id, copy.actors[i].id);
        EXPECT_EQ(view.actors[i].name, copy.actors[i].name);
        EXPECT_EQ(view.actors[i].type, copy.actors[i].type);
        EXPECT_EQ(view.actors[i].mentions, copy.actors[i].mentions);
      }
    }
  }
}

TEST(DocumentData, GarbageIsHarmless) {
  // A length far beyond the data, and a varint that never ends.
  for (const std::string& bad : {std::string("\xFF\xFF\x7F"
                                             "abc"),
                                 std::string(20, '\xFF')}) {
    const auto d = dossier::DocumentData::unserialise(bad);
    EXPECT_TRUE(d.id.empty());
    EXPECT_TRUE(d.actors.empty());
  }
}

}  // namespace
