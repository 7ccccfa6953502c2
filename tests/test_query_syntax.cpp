// check_query_syntax(): what reaches Xapian's QueryParser parses at the first attempt, and
// everything else is refused naming the operator. The expected refusals are Xapian
// 1.4.22's own messages where it has one; the accepted forms are what it parses without
// falling back to taking the operators as words.
#include "dossier/search/query_syntax.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace {

TEST(QuerySyntax, WellFormedQueriesPassWithNearAndAdjChainsBracketed) {
  const std::vector<std::pair<std::string, std::string>> accepted = {
      {"oil", "oil"},
      {"oil gas", "oil gas"},
      {"oil OR gas", "oil OR gas"},
      {"NOT oil", "NOT oil"},
      {"oil NOT gas", "oil NOT gas"},
      {"oil AND NOT gas", "oil AND NOT gas"},
      {"oil OR NOT gas", "oil OR NOT gas"},
      {"oil XOR NOT gas", "oil XOR NOT gas"},
      {"oil AND -gas", "oil AND -gas"},
      {"oil AND -gas OR coal", "oil AND -gas OR coal"},
      {"-gas oil OR coal", "-gas oil OR coal"},
      {"(-gas oil) OR coal", "(-gas oil) OR coal"},
      {"oil OR coal -gas", "oil OR coal -gas"},
      {"oil -gas", "oil -gas"},
      {"oil ()", "oil ()"},
      {"oil OR title:gas", "oil OR title:gas"},
      {"oil OR \"crude price\"", "oil OR \"crude price\""},
      {"oil OR source:\"associated press\"", "oil OR source:\"associated press\""},
      {"oil OR gas*", "oil OR gas*"},
      {"oil NEAR gas", "(oil NEAR gas)"},
      {"brexit deal NEAR/5 vote", "brexit (deal NEAR/5 vote)"},
      {"a NEAR/2 b NEAR c d", "(a NEAR/2 b NEAR c) d"},
      {"a ADJ b ADJ/3 c", "(a ADJ b ADJ/3 c)"},
      {"title:oil NEAR gas OR coal", "(title:oil NEAR gas) OR coal"},
      {"x OR (y NEAR z)", "x OR ((y NEAR z))"},
      {"x NEAR y -z", "(x NEAR y) -z"},
      {"\"AND\" OR x", "\"AND\" OR x"},
      {"title:AND", "title:AND"},
  };
  for (const auto& [folded, parsable] : accepted) {
    const auto syntax = dossier::check_query_syntax(folded);
    EXPECT_EQ(syntax.problem, "") << folded;
    EXPECT_EQ(syntax.parsable, parsable) << folded;
  }
}

TEST(QuerySyntax, OperatorsWithoutOperandsAreRefusedNamingTheOperator) {
  const std::string near_words =
      "NEAR needs one word on each side (not a phrase, wildcard, bracket or marked word)";
  const std::vector<std::pair<std::string, std::string>> refused = {
      {"OR oil", "Syntax: <expression> OR <expression>"},
      {"oil AND", "Syntax: <expression> AND <expression>"},
      {"oil OR OR gas", "Syntax: <expression> OR <expression>"},
      {"AND NOT oil", "Syntax: <expression> AND NOT <expression>"},
      {"oil AND NOT NOT gas", "Syntax: <expression> AND NOT <expression>"},
      {"NOT NOT oil", "Syntax: <expression> NOT <expression>"},
      {"oil NOT -gas", "Syntax: <expression> NOT <expression>"},
      {"oil OR -gas coal", "Syntax: <expression> OR <expression>"},
      {"oil OR -(gas) coal", "Syntax: <expression> OR <expression>"},
      {"-gas OR oil", "Syntax: <expression> OR <expression>"},
      {"oil OR ()", "Syntax: <expression> OR <expression>"},
      {"oil OR \"\"", "Syntax: <expression> OR <expression>"},
      {"oil OR *", "Syntax: <expression> OR <expression>"},
      {"(OR \"r\" l ADJ l b)", "Syntax: <expression> OR <expression>"},
      {"oil (-gas)", "a bracket of exclusions only excludes from nothing"},
      {"oil AND (-gas)", "a bracket of exclusions only excludes from nothing"},
      {"oil NEAR", near_words},
      {"NEAR oil", near_words},
      {"oil NEAR \"crude price\"", near_words},
      {"oil NEAR gas*", near_words},
      {"oil NEAR (gas)", near_words},
      {"oil NEAR +gas", near_words},
      {"oil NEAR gas-price", near_words},
      {"oil NEAR source:bbc", near_words},
      {"oil NEAR/3 ADJ gas", near_words},
      {"oil ADJ",
       "ADJ needs one word on each side (not a phrase, wildcard, bracket or marked word)"},
      {"oil NEAR gas ADJ coal", "NEAR and ADJ cannot be mixed in one chain of words"},
      {"oil ADJ/0 gas", "ADJ/0: the window must be at least 1"},
      // A boolean field's value runs to a space or ')', so its '(' opens no bracket.
      {"oil (source:bbc(l NEAR gas)", near_words},
  };
  for (const auto& [folded, problem] : refused) {
    const auto syntax = dossier::check_query_syntax(folded);
    EXPECT_EQ(syntax.problem, problem) << folded;
    EXPECT_EQ(syntax.parsable, "") << folded;
  }
}

TEST(QuerySyntax, OperatorsAreUpperCaseWordsWithOptionalWindows) {
  for (const char* op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ", "NEAR/5", "ADJ/12"})
    EXPECT_TRUE(dossier::is_query_operator(op)) << op;
  for (const char* word : {"and", "Or", "NEAR/", "NEAR/x", "ADJ5", "NEARLY", "ANDOR", ""})
    EXPECT_FALSE(dossier::is_query_operator(word)) << word;
}

}  // namespace
