#include "dossier/snippet.h"

#include <gtest/gtest.h>

namespace {

dossier::MatchTerms terms(std::initializer_list<const char*> index_terms) {
  dossier::MatchTerms t;
  for (const char* term : index_terms) t.add_index_term(term);
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

TEST(Snippet, MarksAccentedFormsAndStems) {
  dossier::Analyzer a;
  const std::string s = dossier::make_snippet("Guaidó welcomed the new sanctions.",
                                              terms({"guaido", "Zsanction"}), a);
  EXPECT_EQ(s, "**Guaidó** welcomed the new **sanctions**.");
}

TEST(Snippet, PicksTheWindowWithMostDistinctMatches) {
  dossier::Analyzer a;
  std::string text = "Alpha is mentioned here. ";
  for (int i = 0; i < 30; ++i) text += "filler words go on and on. ";
  text += "Here alpha and beta meet.";
  dossier::SnippetOptions o;
  o.max_bytes = 40;
  const auto s = dossier::make_snippet(text, terms({"alpha", "beta"}), a, o);
  // A little context before the first match, starting at its sentence.
  EXPECT_EQ(s, "\xE2\x80\xA6 Here **alpha** and **beta** meet.");
}

TEST(Snippet, NoMatchGivesTheStart) {
  dossier::Analyzer a;
  dossier::SnippetOptions o;
  o.max_bytes = 12;
  EXPECT_EQ(dossier::make_snippet("One two three four five", {}, a, o), "One two \xE2\x80\xA6");
  EXPECT_EQ(dossier::make_snippet("", {}, a, o), "");
}

}  // namespace
