// The ASCII fast path of Analyzer::tokenize must give exactly ICU's tokens.
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dossier/text/analyzer.h"
#include "dossier/text/ascii_words.h"

namespace {

std::vector<dossier::Token> with_icu(dossier::Analyzer& a, std::string_view text) {
  std::vector<dossier::Token> tokens;
  a.tokenize_with_icu(text, 0, tokens);
  return tokens;
}

void expect_same(dossier::Analyzer& a, const std::string& text) {
  const auto fast = a.tokenize(text), icu = with_icu(a, text);
  ASSERT_EQ(fast.size(), icu.size()) << text;
  for (std::size_t i = 0; i < fast.size(); ++i) {
    EXPECT_EQ(fast[i].begin, icu[i].begin) << text;
    EXPECT_EQ(fast[i].end, icu[i].end) << text;
    EXPECT_EQ(fast[i].term, icu[i].term) << text;
  }
}

TEST(AsciiWords, SplitsLikeUax29) {
  struct Case {
    const char* chunk;
    std::vector<std::pair<std::size_t, std::size_t>> words;
  } cases[] = {
      {"U.S.-led", {{0, 3}, {5, 8}}},  // "U.S" joins, '-' breaks
      {"1,080.5;2", {{0, 9}}},         // digits join over , . ;
      {"don't", {{0, 5}}},             // letters join over '
      {"a,b", {{0, 1}, {2, 3}}},       // ',' joins digits only
      {"3.x", {{0, 1}, {2, 3}}},       // mixed sides never join
      {"mp3s", {{0, 4}}},              // letters and digits never break
      {"(hello)", {{1, 6}}},           // brackets break
      {"a..b", {{0, 1}, {3, 4}}},      // a single joiner only
      {"end.", {{0, 3}}},              // a joiner needs a word after it
      {"said:", {{0, 4}}},             // ':' after the last word cannot join
      {"--", {}},
  };
  for (const auto& c : cases) {
    std::vector<std::pair<std::size_t, std::size_t>> words;
    ASSERT_TRUE(dossier::ascii_words(c.chunk, words)) << c.chunk;
    EXPECT_EQ(words, c.words) << c.chunk;
  }
  std::vector<std::pair<std::size_t, std::size_t>> words;
  for (const char* left_to_icu : {"Guaid\xC3\xB3", "snake_case", "x@y.com", "re:ply"}) {
    EXPECT_FALSE(dossier::ascii_words(left_to_icu, words)) << left_to_icu;
  }
}

TEST(AsciiWords, TokenizeEqualsIcu) {
  dossier::Analyzer a;
  const char* texts[] = {
      "The U.S.-led talks on 1,080.5 tonnes didn't end: \"No,\" said O'Neil's aide.",
      "Guaid\xC3\xB3 met Maduro's envoy at 10:30 in S\xC3\xA3o Paulo\xE2\x80\x94"
      "again.",
      "a \xCC\x81word after a combining mark, then_snake case and e-mail x@y.com #tag",
      "tab\tseparated\r\nlines\v\fand   runs  \xC2\xA0nbsp\xC2\xA0words",
      "",
      "   ",
      "...",
      "'s",
      "a's b'c 'quoted' \"double\" C++ 3.14.15 v2.0 9/11 24/7"};
  for (const char* t : texts) expect_same(a, t);
  // Random ASCII with a little UTF-8, seeded: every character class next to spaces.
  std::mt19937 random(11);
  const std::string extra[] = {"\xC3\xA9", "\xCC\x81", "\xE2\x80\x99", "\xC2\xA0", "\n", " "};
  std::uniform_int_distribution<int> length(1, 60), printable(0x20, 0x7E), pick(0, 29);
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    for (int n = length(random); n > 0; --n) {
      const int p = pick(random);
      text += p < 6 ? extra[p] : std::string(1, static_cast<char>(printable(random)));
    }
    expect_same(a, text);
  }
}

TEST(AsciiWords, TokenizeEqualsIcuOnSampleCorpus) {
  dossier::Analyzer a;
  int files = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(DOSSIER_SOURCE_DIR) + "/corpus")) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    expect_same(a, text.str());
    ++files;
  }
  EXPECT_GT(files, 0);
}

}  // namespace

// trim keeps what is not in the blanks it is given: each caller's set is its own.
TEST(AsciiHelpers, TrimRemovesOnlyTheGivenBlanks) {
  struct Case {
    std::string_view text, blanks, trimmed;
  };
  const Case cases[] = {
      {"  a b \t", " \t", "a b"},
      {"\r\n x \r\n", dossier::kLineSpaces, "x"},
      {"\v x \f", dossier::kLineSpaces, "\v x \f"},
      {"\v x \f", dossier::kAsciiSpaces, "x"},
      {" name\t", " \r", "name\t"},
      {" \t ", " \t", ""},
      {"", " ", ""},
  };
  for (const auto& c : cases)
    EXPECT_EQ(dossier::trim(c.text, c.blanks), c.trimmed) << '"' << c.text << '"';
}

TEST(AsciiHelpers, CaseOfAsciiLettersOnly) {
  EXPECT_EQ(dossier::to_ascii_lower('Q'), 'q');
  EXPECT_EQ(dossier::to_ascii_lower('q'), 'q');
  EXPECT_EQ(dossier::to_ascii_lower('@'), '@');
  EXPECT_EQ(dossier::to_ascii_lower('\xC3'), '\xC3');
  EXPECT_EQ(dossier::to_ascii_upper('z'), 'Z');
  EXPECT_EQ(dossier::to_ascii_upper('{'), '{');
  EXPECT_TRUE(dossier::starts_with_ascii_ci("Number: 51", "number:"));
  EXPECT_TRUE(dossier::starts_with_ascii_ci("TOPIC:", "topic:"));
  EXPECT_FALSE(dossier::starts_with_ascii_ci("Numbe", "number:"));
  EXPECT_FALSE(dossier::starts_with_ascii_ci("Nümber:", "number:"));
}
