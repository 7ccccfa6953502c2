// MatchFinder must find exactly the words Analyzer::tokenize gives whose term is a matched
// word or whose stem is a matched stem: its shortcuts (the eight-byte scan, the first-two-
// byte filter, the per-query cache) may only skip work, never words.
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dossier/snippets/match_finder.h"
#include "dossier/snippets/word_start_scan.h"

namespace {

dossier::MatchTerms terms(std::initializer_list<const char*> index_terms) {
  dossier::MatchTerms t;
  for (const char* term : index_terms) t.add_index_term(term);
  return t;
}

// The matched words of `text` as "surface|surface|...".
std::string found(std::string_view text, const dossier::MatchTerms& t, dossier::Analyzer& a) {
  dossier::MatchFinder finder(t, a);
  std::vector<dossier::TermMatch> matches;
  finder.find(text, matches);
  std::string out;
  for (const auto& m : matches) {
    if (!out.empty()) out += '|';
    out += text.substr(m.begin, m.end - m.begin);
  }
  return out;
}

// The reference: segment and fold the whole text, stem what a query would stem.
std::vector<std::pair<std::size_t, std::size_t>> reference(std::string_view text,
                                                           const dossier::MatchTerms& t,
                                                           dossier::Analyzer& a) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const auto& token : a.tokenize(text)) {
    const bool exact = t.exact.count(token.term) > 0;
    const bool stem =
        dossier::Analyzer::should_stem(token.term) && t.stems.count(a.stem(token.term)) > 0;
    if (exact || stem) out.emplace_back(token.begin, token.end);
  }
  return out;
}

TEST(MatchFinder, FindsFoldedAndStemmedWords) {
  struct Case {
    const char* text;
    dossier::MatchTerms terms;
    const char* expected;
  } cases[] = {
      {"Guaidó met GUAIDO and guaido.", terms({"guaido"}), "Guaidó|GUAIDO|guaido"},
      {"Sanctions, sanctioned; sanctioning sanctity", terms({"Zsanction"}),
       "Sanctions|sanctioned|sanctioning"},
      {"The U.S. said: us", terms({"us"}), "U.S|us"},
      {"1,080 people, 1080 votes", terms({"1080"}), "1,080|1080"},
      {"Venezuela's oil; Venezuela", terms({"venezuela"}), "Venezuela's|Venezuela"},
      {"\xE2\x80\x9CQuoted\xE2\x80\x9D words \xE2\x80\x94 quoted", terms({"quoted"}),
       "Quoted|quoted"},
      {"a \xC2\xA3"
       "5m deal",
       terms({"5m"}), "5m"},
      {"state-owned firms own", terms({"Zown"}), "owned|own"},
      {"Dying and dies", terms({"Zdie"}), "Dying|dies"},  // Snowball: "dying" -> "die"
      {"The OED says", terms({"Zo"}), "OED"},             // a one-letter stem: "oed" -> "o"
      {"Z\xC3\xBCrich and ZURICH", terms({"zurich"}), "Z\xC3\xBCrich|ZURICH"},
      {"e_mail and e-mail", terms({"email"}), "e_mail"},  // '_' joins, '-' breaks
      {"\xE6\x97\xA5\xE6\x9C\xAC\xE3\x81\xAE news", terms({"news"}), "news"},
      {"the these then", terms({"thistle"}), ""},
      {"", terms({"anything"}), ""},
  };
  dossier::Analyzer a;
  for (const auto& c : cases) {
    // The table's own expectations must agree with the reference too.
    std::string expected;
    for (const auto& [b, e] : reference(c.text, c.terms, a)) {
      if (!expected.empty()) expected += '|';
      expected += std::string_view(c.text).substr(b, e - b);
    }
    EXPECT_EQ(expected, c.expected) << c.text;
    EXPECT_EQ(found(c.text, c.terms, a), c.expected) << c.text;
  }
}

TEST(MatchFinder, SameAsTokenizingTheWholeText) {
  // Words chosen to hit every path: ASCII, joiners, possessives, digits, accents, known and
  // unknown non-ASCII symbols, '_' and '@' (left to ICU), CJK, words sharing first letters.
  const std::vector<std::string> vocabulary = {"sanction",
                                               "Sanctions",
                                               "sanctioned",
                                               "sand",
                                               "San",
                                               "S.",
                                               "U.S.",
                                               "us",
                                               "use",
                                               "Guaid\xC3\xB3",
                                               "guaido",
                                               "GUAIDO",
                                               "gu",
                                               "g",
                                               "dying",
                                               "die",
                                               "dy",
                                               "OED",
                                               "o",
                                               "oil's",
                                               "Oil",
                                               "1,080",
                                               "1080",
                                               "10",
                                               "e_mail",
                                               "a@b",
                                               "x:y",
                                               "\xC2\xA3"
                                               "5m",
                                               "5m",
                                               "\xE2\x80\x9Cquoted\xE2\x80\x9D",
                                               "\xE2\x80\x94",
                                               "\xE2\x80\xA6",
                                               "caf\xC3\xA9",
                                               "cafe",
                                               "\xCE\xB1\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1",
                                               "\xE6\x97\xA5\xE6\x9C\xAC",
                                               "na\xC3\xAFve",
                                               "naive",
                                               "(",
                                               ")",
                                               ",",
                                               ".",
                                               "don't",
                                               "'s",
                                               "state-owned",
                                               "owned",
                                               "sanity",
                                               "Sand",
                                               "sanctioning",
                                               "oily",
                                               "oiled",
                                               "tying",
                                               "tie",
                                               "lying",
                                               "generously",
                                               "general",
                                               "usual",
                                               "guard"};
  const std::vector<std::string> separators = {" ", "  ", "\n", "\t", "", "-", ". ", ", "};
  const std::vector<const char*> query_terms = {"sanction",
                                                "Zsanction",
                                                "us",
                                                "guaido",
                                                "Zdie",
                                                "Zo",
                                                "oil",
                                                "Zoil",
                                                "1080",
                                                "5m",
                                                "quoted",
                                                "cafe",
                                                "naive",
                                                "Zown",
                                                "email",
                                                "\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1",
                                                "\xE6\x97\xA5\xE6\x9C\xAC",
                                                "s",
                                                "Zs",
                                                "Zgu",
                                                "Ztie",
                                                "Zoili",
                                                "Zgenerous",
                                                "sand"};
  std::mt19937 random(11);
  dossier::Analyzer a;
  for (int round = 0; round < 400; ++round) {
    dossier::MatchTerms t;
    for (int k = 1 + static_cast<int>(random() % 3); k > 0; --k)
      t.add_index_term(query_terms[random() % query_terms.size()]);
    dossier::MatchFinder finder(t, a);  // reused: its cache must not change answers
    for (int text_round = 0; text_round < 5; ++text_round) {
      std::string text;
      for (int w = static_cast<int>(random() % 40); w > 0; --w) {
        text += vocabulary[random() % vocabulary.size()];
        text += separators[random() % separators.size()];
      }
      std::vector<dossier::TermMatch> matches;
      finder.find(text, matches);
      const auto expected = reference(text, t, a);
      ASSERT_EQ(matches.size(), expected.size()) << text;
      for (std::size_t i = 0; i < matches.size(); ++i) {
        EXPECT_EQ(matches[i].begin, expected[i].first) << text;
        EXPECT_EQ(matches[i].end, expected[i].second) << text;
      }
    }
  }
}

TEST(WordStartScan, StopsAtWordStartsWithAnInitialAndAtNonAscii) {
  const dossier::WordStartScan scan("st");
  const std::string text = "Best stars TIP, at:tea \xC3\xA9t\x13s 0123456789 sat-Top";
  std::vector<std::size_t> stops;
  for (std::size_t i = scan.next(text, 0); i < text.size(); i = scan.next(text, i + 1))
    stops.push_back(i);
  // "stars" 5, "TIP" 11, "tea" 19 (after ':'), both bytes of "é" 23-24, its "t" 25 (no
  // ASCII letter before it), "s" 27 after a control byte, "sat" 40, "Top" 44; not "Best",
  // "tars", "at".
  EXPECT_EQ(stops, (std::vector<std::size_t>{5, 11, 19, 23, 24, 25, 27, 40, 44}));
  // Setting 0x20 turns the control byte 0x13 into '3': the eight-byte test lets it through,
  // the byte test must not.
  const dossier::WordStartScan digits("3");
  EXPECT_EQ(digits.next("\x13xxxxxxxx 3d a3 ", 0), 10u);
  EXPECT_EQ(scan.next("", 0), 0u);
  EXPECT_EQ(scan.next("xxxxxxxxxxxxxxxxxxxxxxxx", 3), 24u);
}

// The vector scan (32 bytes at a time, where the processor has AVX2) and the portable one
// must stop at exactly the same places: random texts over the bytes that matter (initials
// in both cases, other letters, digits, control bytes that set 0x20 turns into digits,
// spaces, punctuation, UTF-8 bytes), every start offset.
TEST(WordStartScan, VectorAndPortableScansAgree) {
  const std::string alphabet = "sStTaxZ09 3-.\x13\x10\xC3\xA9\xE2\x80\x94\n";
  std::mt19937 random(7);
  for (const char* initials : {"st", "3", "s", "abcdefgh0"}) {
    const dossier::WordStartScan vector_scan(initials), portable(initials, false);
    for (int round = 0; round < 300; ++round) {
      std::string text(random() % 100, ' ');
      for (char& c : text) c = alphabet[random() % alphabet.size()];
      for (std::size_t from = 0; from <= text.size(); ++from)
        ASSERT_EQ(vector_scan.next(text, from), portable.next(text, from)) << text << " " << from;
    }
  }
}

}  // namespace
