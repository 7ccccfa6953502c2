#include "dossier/snippets/snippet.h"

#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dossier/base/utf8.h"

namespace {

constexpr const char* kEllipsis = "\xE2\x80\xA6";

dossier::MatchTerms terms(std::initializer_list<const char*> index_terms) {
  dossier::MatchTerms t;
  for (const char* term : index_terms) t.add_index_term(term);
  return t;
}

dossier::MatchTerms prefixes(std::initializer_list<const char*> index_prefixes) {
  dossier::MatchTerms t;
  for (const char* prefix : index_prefixes) t.add_index_prefix(prefix);
  return t;
}

TEST(Snippet, IndexTermsAreSorted) {
  const auto t = terms({"guaido", "Zsanction", "Sarmy", "ZSarmi", "Qdoc.txt", "XAperson"});
  EXPECT_EQ(t.exact.count("guaido"), 1u);
  EXPECT_EQ(t.exact.count("army"), 1u);
  EXPECT_EQ(t.stems.count("sanction"), 1u);
  EXPECT_EQ(t.stems.count("armi"), 1u);
  EXPECT_EQ(t.exact.size() + t.stems.size(), 4u);  // the id and filter terms are ignored
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(Snippet, Table) {
  const std::string filler = repeat("filler words go on and on. ", 30);
  struct Case {
    const char* name;
    std::string text;
    dossier::MatchTerms terms;
    std::size_t max_bytes;
    std::string expected;
  } cases[] = {
      {"accents and stems", "Guaid\xC3\xB3 welcomed the new sanctions.",
       terms({"guaido", "Zsanction"}), 240, "**Guaid\xC3\xB3** welcomed the new **sanctions**."},
      {"every occurrence in the window", "Oil, oil and OIL's price.", terms({"oil"}), 240,
       "**Oil**, **oil** and **OIL's** price."},
      {"most distinct terms win over an earlier single one",
       "Alpha is mentioned here. " + filler + "Here alpha and beta meet.", terms({"alpha", "beta"}),
       40, std::string(kEllipsis) + " Here **alpha** and **beta** meet."},
      {"context starts at the sentence", filler + "A new day. The target came.", terms({"target"}),
       60, std::string(kEllipsis) + " A new day. The **target** came."},
      {"context without a sentence start is a quarter of the window",
       repeat("one two three four ", 10) + "target five six seven eight nine ten",
       terms({"target"}), 40,
       std::string(kEllipsis) + " four **target** five six seven eight nine " + kEllipsis},
      {"whitespace collapsed", "Left \n\n  right\t\xC2\xA0 target", terms({"target"}), 240,
       "Left right **target**"},
      {"the opening quote and closing punctuation stay with their words",
       "\"Target,\" she said (at once).", terms({"target"}), 240,
       "\"**Target**,\" she said (at once)."},
      {"no comma left dangling before the ellipsis", "Alpha target, beta gamma delta",
       terms({"target"}), 8, std::string(kEllipsis) + " **target** " + kEllipsis},
      {"no lone dash opening the passage", "Words words words \xE2\x80\x93 target here",
       terms({"target"}), 16, std::string(kEllipsis) + " **target** here"},
      {"no match: the start, cut at whitespace",
       "One two three four five",
       {},
       12,
       std::string("One two ") + kEllipsis},
      {"a wildcard marks every word it starts", "Elections and the elected; an elector.",
       prefixes({"elect"}), 240, "**Elections** and the **elected**; an **elector**."},
      {"a wildcard in a title field and of one letter", "Every night, a vote.",
       prefixes({"Sev", "v"}), 240, "**Every** night, a **vote**."},
      {"empty text", "", terms({"one"}), 240, ""},
      {"blank text", " \n\t ", terms({"one"}), 240, ""},
      {"a chunk longer than what is left is cut between its words",
       "http://example.org/" + repeat("\xC3\xA9", 20),
       {},
       24,
       std::string("http://example.org ") + kEllipsis},
      {"a word longer than the window is cut between characters",
       repeat("\xC3\xA9", 20),
       {},
       7,
       "\xC3\xA9\xC3\xA9\xC3\xA9 " + std::string(kEllipsis)},
  };
  dossier::Analyzer a;
  for (auto& c : cases) {
    dossier::SnippetOptions o;
    o.max_bytes = c.max_bytes;
    const std::string got = dossier::make_snippet(c.text, c.terms, a, o);
    EXPECT_EQ(got, c.expected) << c.name;
    EXPECT_TRUE(dossier::is_valid_utf8(got)) << c.name;
  }
}

TEST(Snippet, TextWithoutSpacesIsCutBetweenWords) {
  // Japanese: "Japan's newspaper is quiet today too", no spaces. Where ICU's dictionary
  // puts word boundaries is its business; the match must be whole and marked, the cut
  // between words within the bound, the output valid UTF-8.
  const std::string text =
      "\xE6\x97\xA5\xE6\x9C\xAC\xE3\x81\xAE\xE6\x96\xB0\xE8\x81\x9E\xE3\x81\xAF\xE4\xBB"
      "\x8A\xE6\x97\xA5\xE3\x82\x82\xE9\x9D\x99\xE3\x81\x8B";
  const std::string newspaper = "\xE6\x96\xB0\xE8\x81\x9E";
  dossier::Analyzer a;
  dossier::SnippetOptions o;
  o.max_bytes = 20;
  const std::string got = dossier::make_snippet(text, terms({newspaper.c_str()}), a, o);
  EXPECT_NE(got.find("**" + newspaper + "**"), std::string::npos) << got;
  EXPECT_TRUE(dossier::is_valid_utf8(got)) << got;
  EXPECT_NE(got.find(kEllipsis), std::string::npos) << got;
}

TEST(Snippet, RarerTermWins) {
  dossier::Analyzer a;
  dossier::MatchTerms t;
  t.add_index_term("common", 1.0);
  t.add_index_term("rare", 3.0);
  const std::string text =
      "The common word. " + repeat("filler words go on and on. ", 30) + "The rare word.";
  dossier::SnippetOptions o;
  o.max_bytes = 30;
  EXPECT_EQ(dossier::make_snippet(text, t, a, o), std::string(kEllipsis) + " The **rare** word.");
}

TEST(Snippet, MakerReusedAcrossTextsAnswersLikeOneShot) {
  dossier::Analyzer a;
  const auto t = terms({"guaido", "Zsanction"});
  dossier::SnippetMaker maker(t, a);
  const std::vector<std::string> texts = {"Sanctions hit. Guaid\xC3\xB3 spoke.", "Nothing here.",
                                          "", "guaido, GUAIDO and sanctioned guaido"};
  for (int round = 0; round < 2; ++round) {
    for (const auto& text : texts) EXPECT_EQ(maker.make(text), dossier::make_snippet(text, t, a));
  }
}

TEST(Snippet, MarkAllMarksEveryMatchOfATitle) {
  dossier::Analyzer a;
  dossier::SnippetOptions o;
  o.mark_start = "<";
  o.mark_end = ">";
  dossier::SnippetMaker maker(terms({"guaido", "Zsanction"}), a, o);
  struct Case {
    const char* title;
    const char* marked;
  } cases[] = {
      {"Guaid\xC3\xB3 seeks sanctions, guaido says",
       "<Guaid\xC3\xB3> seeks <sanctions>, <guaido> says"},
      {"Nothing to mark", "Nothing to mark"},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(maker.mark_all(c.title), c.marked) << c.title;
}

// What a snippet shows, with its marks and ellipses taken apart.
struct Shown {
  std::string text;                                        // the article's text shown
  std::vector<std::pair<std::size_t, std::size_t>> marks;  // [begin, end) in `text`
};

Shown take_apart(std::string s) {
  const std::string open = std::string(kEllipsis) + " ", close = std::string(" ") + kEllipsis;
  if (s.rfind(open, 0) == 0) s.erase(0, open.size());
  if (s.size() >= close.size() && s.compare(s.size() - close.size(), close.size(), close) == 0)
    s.erase(s.size() - close.size());
  Shown shown;
  bool inside = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "**") == 0) {
      if (inside) {
        shown.marks.back().second = shown.text.size();
      } else {
        shown.marks.emplace_back(shown.text.size(), 0);
      }
      inside = !inside;
      ++i;
    } else {
      shown.text += s[i];
    }
  }
  return shown;
}

std::string collapse(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool nbsp = s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
    if (nbsp || s[i] == ' ' || s[i] == '\n' || s[i] == '\t') {
      if (nbsp) ++i;
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

TEST(Snippet, RandomTextsKeepTheContract) {
  const std::vector<std::string> vocabulary = {
      "sanction",
      "Sanctions",
      "sanctioned",
      "sand",
      "Guaid\xC3\xB3",
      "guaido",
      "oil",
      "Oil's",
      "U.S.",
      "us",
      "1,080",
      "caf\xC3\xA9",
      "na\xC3\xAFve",
      "the",
      "a",
      "of",
      "state-owned",
      "\xE2\x80\x9Cquoted\xE2\x80\x9D",
      "\xE2\x80\x94",
      "\xE6\x97\xA5\xE6\x9C\xAC",
      "(said)",
      "\xCE\xB1\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1",
      "end.",
      "why?",
      "\"yes\"",
      "e_mail",
      "averyveryverylongwordwithoutanyspacesinsideitatall"};
  const std::vector<std::string> separators = {" ", " ", " ", "  ", "\n\n", "\t", "\xC2\xA0"};
  const std::vector<const char*> query_terms = {"sanction", "Zsanction", "guaido", "oil",
                                                "us",       "1080",      "cafe",   "naive",
                                                "Zown",     "quoted",    "Zsand",  "athina"};
  std::mt19937 random(5);
  dossier::Analyzer a;
  for (int round = 0; round < 300; ++round) {
    dossier::MatchTerms t;
    for (int k = 1 + static_cast<int>(random() % 3); k > 0; --k)
      t.add_index_term(query_terms[random() % query_terms.size()], 1.0 + random() % 3);
    dossier::SnippetOptions o;
    o.max_bytes = 20 + random() % 200;
    dossier::SnippetMaker maker(t, a, o);
    for (int text_round = 0; text_round < 4; ++text_round) {
      std::string text;
      for (int w = static_cast<int>(random() % 120); w > 0; --w) {
        text += vocabulary[random() % vocabulary.size()];
        text += separators[random() % separators.size()];
      }
      const std::string snippet = maker.make(text);
      ASSERT_TRUE(dossier::is_valid_utf8(snippet)) << snippet;
      const Shown shown = take_apart(snippet);
      // A slice of the text, no longer than the window.
      EXPECT_LE(shown.text.size(), o.max_bytes) << snippet;
      EXPECT_NE(collapse(text).find(shown.text), std::string::npos) << snippet;
      // Every word shown is marked exactly when it matches.
      std::vector<std::pair<std::size_t, std::size_t>> matching;
      for (const auto& token : a.tokenize(shown.text)) {
        const bool exact = t.exact.count(token.term) > 0;
        const bool stem =
            dossier::Analyzer::should_stem(token.term) && t.stems.count(a.stem(token.term)) > 0;
        if (exact || stem) matching.emplace_back(token.begin, token.end);
      }
      EXPECT_EQ(shown.marks, matching) << "text: " << text << "\nsnippet: " << snippet;
    }
  }
}

}  // namespace
