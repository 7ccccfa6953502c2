#include "dossier/text/analyzer.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dossier/text/stem_cache.h"

namespace {

std::string terms_of(dossier::Analyzer& a, const std::string& text) {
  std::string out;
  for (const auto& t : a.tokenize(text)) {
    if (!out.empty()) out += ' ';
    out += t.term;
  }
  return out;
}

struct Case {
  const char* text;
  const char* terms;
};

TEST(Analyzer, TokenizeTable) {
  dossier::Analyzer a;
  const Case cases[] = {
      {"Guaidó GUAIDO guaido", "guaido guaido guaido"},
      {"Gu\x61\xCC\x81ido", "guaido"},  // decomposed a + combining acute
      {"Nicolás Maduro's government", "nicolas maduro government"},
      {"Venezuela\xE2\x80\x99s army", "venezuela army"},  // typographic apostrophe
      {"The U.S. and the UK", "the us and the uk"},
      {"1,080 people; 9.2MB", "1080 people 92mb"},
      {"e-mail, state-owned", "e mail state owned"},
      {"“Unacceptable” - Moscow…", "unacceptable moscow"},
      {"Straße ﬁnance", "strasse finance"},  // sharp s and the fi ligature
      {"Łódź Ørsted Đoković", "lodz orsted dokovic"},
      {"Заголовок открываемого", "заголовок открываемого"},
      {"Ελλάδα", "ελλαδα"},
      {"हिन्दी", "हिन्दी"},  // Devanagari vowel signs are kept
      {"  ...  !!! ", ""},
      {"O'Neill don't", "oneill dont"},
      {"2019-01-23", "2019 01 23"},
  };
  for (const auto& c : cases) EXPECT_EQ(terms_of(a, c.text), c.terms) << "text: " << c.text;
}

TEST(Analyzer, OffsetsPointAtTheSurfaceText) {
  dossier::Analyzer a;
  const std::string text = "Juan Guaidó, «opposition»";
  const auto tokens = a.tokenize(text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].surface(text), "Juan");
  EXPECT_EQ(tokens[1].surface(text), "Guaidó");
  EXPECT_EQ(tokens[2].surface(text), "opposition");
}

TEST(Analyzer, OverlongTokensAreDropped) {
  dossier::Analyzer a;
  EXPECT_EQ(terms_of(a, "short " + std::string(200, 'x')), "short");
}

TEST(Analyzer, StemmingAndShouldStem) {
  dossier::Analyzer a;
  EXPECT_EQ(a.stem("sanctions"), "sanction");
  EXPECT_TRUE(dossier::Analyzer::should_stem("sanctions"));
  EXPECT_FALSE(dossier::Analyzer::should_stem("2019"));
  EXPECT_FALSE(dossier::Analyzer::should_stem(""));
}

TEST(Analyzer, StopperKnowsEnglishStopWords) {
  const auto& stop = dossier::english_stopper();
  EXPECT_TRUE(stop("the"));
  EXPECT_FALSE(stop("venezuela"));
}

}  // namespace

namespace {

TEST(StemCache, GivesXapiansStemsAndStaysWithinItsCapacity) {
  const Xapian::Stem english("english");
  dossier::StemCache cache(english, 64);
  ASSERT_EQ(cache.capacity(), 64u);
  // More words than the capacity (so the cache starts over), many sharing their first
  // letters (so they meet in the table's probe chains), a few longer than it keeps.
  std::vector<std::string> words = {"", "r", "économie", "internationalisation",
                                    "counterrevolutionaries"};
  for (const char* root : {"nation", "run", "elect", "protest", "treat", "harbour", "minister",
                           "summit", "rail", "court", "nate", "ruin"}) {
    for (const char* ending : {"", "s", "ed", "ing", "al", "ally", "ation", "ers"})
      words.push_back(std::string(root) + ending);
  }
  for (int round = 0; round < 3; ++round) {
    for (const auto& w : words) {
      EXPECT_EQ(cache(w), english(w)) << w << " round " << round;
      EXPECT_LE(cache.size(), cache.capacity());
    }
  }
  EXPECT_GT(cache.size(), 0u);
  EXPECT_EQ(cache.table_bytes(), 2 * 64 * 32u);  // grown to its capacity, half full at most
  dossier::StemCache small(english, 1);
  EXPECT_EQ(small.capacity(), 16u);  // at least 16
}

// The table grows with the words stemmed, not with the capacity: dozens of idle searchers
// cost nothing.
TEST(StemCache, StartsEmptyAndGrowsWithTheWords) {
  const Xapian::Stem english("english");
  dossier::StemCache cache(english);
  EXPECT_EQ(cache.table_bytes(), 0u);
  for (int n = 0; n < 100; ++n) {
    const std::string word = "word" + std::to_string(n);
    EXPECT_EQ(cache(word), english(word));
  }
  EXPECT_EQ(cache.size(), 100u);
  EXPECT_EQ(cache.table_bytes(), 256 * 32u);  // 100 words, at most half full: 256 entries
  for (int n = 0; n < 100; ++n) {
    const std::string word = "word" + std::to_string(n);
    EXPECT_EQ(cache(word), english(word)) << "kept across growing";
  }
  EXPECT_EQ(cache.size(), 100u);
}

}  // namespace
