#include "dossier/search/query_builder.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "dossier/base/errors.h"

namespace {

TEST(QueryFolding, WordsAreFoldedSyntaxIsKept) {
  dossier::Analyzer a;
  struct Case {
    const char* query;
    const char* folded;
  };
  const Case cases[] = {
      {"Guaidó", "guaido"},
      {"GUAIDO AND Maduro", "guaido AND maduro"},
      {"Trump and Putin", "trump and putin"},  // lower-case "and" is a word, not an operator
      {"\"Nicolás Maduro\" NEAR/5 army", "\"nicolas maduro\" NEAR/5 army"},
      {"title:Guaidó -Russia +Venezuela's", "title:guaido -russia +venezuela"},
      {"title:\"Foreign Ministry\"", "title:\"foreign ministry\""},
      {"sanction* OR (U.S. NOT UK)", "sanction* OR (us NOT uk)"},
      {"state-owned", "state-owned"},
      {"\xE2\x80\x9C"
       "Constant Contact"
       "\xE2\x80\x9D",
       "\"constant contact\""},
      {"nosuchfield:Word", "nosuchfield word"},
      // A boolean value ends at a control character, as Xapian's parser ends it: what
      // follows is text, and an "OR" glued to it a word.
      {"source:bbc\x01OR$NEAR/3 x", "source:bbc or near 3 x"},
      {"source:\"Associated \"\"AP\"\"\" Press", "source:\"Associated \"\"AP\"\"\" press"},
  };
  for (const auto& c : cases) EXPECT_EQ(dossier::fold_query_words(c.query, a), c.folded) << c.query;
}

// The promise of one analyser: for tricky words the query term is the index term.
TEST(QueryFolding, QueryTermEqualsIndexTerm) {
  dossier::Analyzer a;
  const char* words[] = {"Guaidó",      "GUAIDÓ", "Gu\x61\xCC\x81ido",
                         "Venezuela's", "U.S.",   "Straße",
                         "Łódź",        "Ørsted", "1,080",
                         "naïve",       "CAFÉ",   "Ελλάδα",
                         "Заголовок"};
  for (const char* w : words) {
    const auto tokens = a.tokenize(w);
    ASSERT_EQ(tokens.size(), 1u) << w;
    EXPECT_EQ(dossier::fold_query_words(w, a), tokens[0].term) << w;
  }
}

TEST(QueryFolding, PlainModeDropsSyntax) {
  dossier::Analyzer a;
  EXPECT_EQ(dossier::fold_phrase("What is \"information\" AND title:(retrieval)?", a),
            "what is information and title retrieval");
}

class QueryBuilderTest : public ::testing::Test {
 protected:
  // The terms the tests below query: the builder leaves out terms the database does not
  // hold (without_absent_terms).
  QueryBuilderTest() {
    Xapian::Document doc;
    for (const char* term :
         {"Zsanction", "ZSguaido", "Zoil", "Zgas", "Zprice", "XM20190123", "XSassociated press"})
      doc.add_term(term);
    db_.add_document(doc);
  }
  Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
  dossier::Analyzer analyzer_;
  dossier::ActorDirectory actors_{db_, analyzer_};
};

TEST_F(QueryBuilderTest, BuildsStemmedAndPrefixedTerms) {
  dossier::QueryBuilder qb(db_, analyzer_, actors_);
  EXPECT_EQ(qb.build("Sanctions", false).get_description(), "Query(Zsanction@1)");
  EXPECT_EQ(qb.build("title:Guaidó", false).get_description(), "Query(ZSguaido@1)");
  EXPECT_EQ(qb.build("\"Nicolás Maduro\"", false).get_description(),
            "Query((nicolas@1 PHRASE 2 maduro@2))");
  EXPECT_EQ(qb.build("", false).get_description(), "Query(<alldocuments>)");
}

TEST_F(QueryBuilderTest, MalformedQueriesAreUsageErrors) {
  dossier::QueryBuilder qb(db_, analyzer_, actors_);
  for (const char* q : {"\"unbalanced", "(open", "close)", "foo AND", "OR foo", "oil (-gas)",
                        "\"oil price\" NEAR gas", "OR \"r\" l ADJ l b"}) {
    try {
      qb.build(q, false);
      ADD_FAILURE() << "accepted: " << q;
    } catch (const dossier::Error& e) {
      EXPECT_EQ(e.kind(), dossier::ErrorKind::kUsage) << q;
      EXPECT_NE(std::string(e.what()).find("malformed query"), std::string::npos) << e.what();
    }
  }
}

// Words before a NEAR chain: Xapian groups "sanction oil" and a group cannot take part
// in NEAR, so without the chain bracketed the whole query was parsed again with NEAR and
// "3" as words.
TEST_F(QueryBuilderTest, WordsBeforeANearChainKeepTheOperator) {
  dossier::QueryBuilder qb(db_, analyzer_, actors_);
  EXPECT_EQ(qb.build("sanctions oil NEAR/3 gas", false).get_description(),
            "Query((Zsanction@1 AND (oil@2 NEAR 4 gas@3)))");
  EXPECT_EQ(qb.build("oil ADJ gas prices", false).get_description(),
            "Query(((oil@1 PHRASE 11 gas@2) AND Zprice@3))");
}

TEST_F(QueryBuilderTest, BadFieldValuesAreUsageErrorsNamingTheField) {
  dossier::QueryBuilder qb(db_, analyzer_, actors_);
  // One sentence each, the date quoted once.
  for (const auto& [q, message] : std::vector<std::pair<const char*, const char*>>{
           {"date:2019-13", "date: month 13 is out of range in \"2019-13\""},
           {"mentioned:yesterday",
            "mentioned: invalid date \"yesterday\": expected YYYY, YYYY-MM or YYYY-MM-DD"},
           {"sanctions date:2019-02-30..2019-03",
            "date: day 30 does not exist in 2019-02 (\"2019-02-30\")"}}) {
    try {
      qb.build(q, false);
      ADD_FAILURE() << "accepted: " << q;
    } catch (const dossier::Error& e) {
      EXPECT_EQ(e.kind(), dossier::ErrorKind::kUsage) << q;
      EXPECT_EQ(std::string(e.what()), message);
    }
  }
  // The builder is reusable after an error.
  EXPECT_NO_THROW(qb.build("date:2019-01", false));
}

TEST_F(QueryBuilderTest, AReversedDateRangeIsAnError) {
  dossier::QueryBuilder qb(db_, analyzer_, actors_);
  for (const auto& [q, message] : std::vector<std::pair<const char*, const char*>>{
           {"date:1987-03-05..1987-03-01",
            "date range 1987-03-05..1987-03-01 ends before it starts"},
           {"oil date:2019..2018-12", "date range 2019..2018-12 ends before it starts"}}) {
    try {
      qb.build(q, false);
      ADD_FAILURE() << "accepted: " << q;
    } catch (const dossier::Error& e) {
      EXPECT_EQ(e.kind(), dossier::ErrorKind::kUsage) << q;
      EXPECT_EQ(std::string(e.what()), message);
    }
  }
  EXPECT_NO_THROW(qb.build("date:2019-01..2019-01-31", false));  // one month, both ends
}

TEST_F(QueryBuilderTest, FieldQueries) {
  dossier::QueryBuilder qb(db_, analyzer_, actors_);
  // A date overlaps the range: it starts by its end, and it (or, for a date known to the
  // month or year, its last day in slot 6) ends on or after its start.
  EXPECT_EQ(qb.build("date:2019", false).get_description(),
            "Query(0 * (VALUE_LE 0 20191231 AND (VALUE_GE 0 20190101 OR VALUE_GE 9 20190101)))");
  EXPECT_EQ(qb.build("date:..2019-02", false).get_description(), "Query(VALUE_LE 0 20190228)");
  EXPECT_EQ(qb.build("date:2019-02-15..", false).get_description(),
            "Query(0 * (VALUE_GE 0 20190215 OR VALUE_GE 9 20190215))");
  EXPECT_EQ(qb.build("mentioned:2019-01-23", false).get_description(), "Query(0 * XM20190123)");
  EXPECT_EQ(qb.build("source:\"Associated Press\"", false).get_description(),
            "Query(0 * XSassociated press)");
}

// A snippet marks the words a wildcard expanded to: the builder says which prefixes.
TEST(QueryFolding, WildcardPrefixesAreFound) {
  struct Case {
    const char* folded;
    std::vector<std::string> prefixes;
  };
  const Case cases[] = {
      {"elect*", {"elect"}},
      {"oil sanction* elect*", {"sanction", "elect"}},
      {"title:elect* +vot*", {"Select", "vot"}},
      {"(elect* OR poll) -sanction*", {"elect"}},
      {"state-own* e*", {"own", "e"}},
      {"elect* elect*", {"elect"}},
      {"actor:foo* * oil", {}},
      {"\"guaid\xC3\xB3*\"", {"guaid\xC3\xB3"}},
  };
  for (const auto& c : cases)
    EXPECT_EQ(dossier::wildcard_prefixes(c.folded), c.prefixes) << c.folded;
}

TEST(QueryFolding, OnlyExclusionsAreFoundAtTheTopLevel) {
  struct Case {
    const char* folded;
    const char* excluded;  // null: not a query of exclusions only
  };
  const Case cases[] = {
      {"-oil", "oil"},
      {" -oil  -gas ", "oil OR gas"},
      {"-\"oil prices\"", "\"oil prices\""},
      {"-(oil gas) -title:iraq", "(oil gas) OR title:iraq"},
      {"-state-owned", "state-owned"},
      {"oil -gas", nullptr},
      {"-oil gas", nullptr},
      {"NOT oil", nullptr},
      {"-oil AND -gas", nullptr},
      {"", nullptr},
      {"- ", nullptr},
  };
  for (const auto& c : cases) {
    const auto got = dossier::excluded_items(c.folded);
    if (c.excluded == nullptr) {
      EXPECT_FALSE(got) << c.folded << " -> " << *got;
    } else {
      EXPECT_EQ(got.value_or("(none)"), c.excluded) << c.folded;
    }
  }
}

TEST_F(QueryBuilderTest, OnlyExclusionsMeanEveryArticleButThose) {
  dossier::QueryBuilder qb(db_, analyzer_, actors_);
  EXPECT_EQ(qb.build("-oil", false).get_description(), "Query((<alldocuments> AND_NOT Zoil@1))");
  EXPECT_EQ(qb.build("-Oil -gas", false).get_description(),
            "Query((<alldocuments> AND_NOT (Zoil@1 OR Zgas@2)))");
  EXPECT_EQ(qb.build("-\"oil prices\"", false).get_description(),
            "Query((<alldocuments> AND_NOT (oil@1 PHRASE 2 prices@2)))");
  EXPECT_EQ(qb.build("-oil", true).get_description(), "Query(Zoil@1)");  // plain: a word
}

TEST_F(QueryBuilderTest, WordsMustAllMatchUnlessAnyIsAsked) {
  dossier::QueryBuilder qb(db_, analyzer_, actors_);
  EXPECT_EQ(qb.build("oil prices", false).get_description(), "Query((Zoil@1 AND Zprice@2))");
  EXPECT_EQ(qb.build("oil prices", true).get_description(), "Query((Zoil@1 AND Zprice@2))");
  EXPECT_EQ(qb.build("oil OR prices", false).get_description(), "Query((Zoil@1 OR Zprice@2))");
  qb.set_match(dossier::MatchMode::kAny);
  EXPECT_EQ(qb.build("oil prices", false).get_description(), "Query((Zoil@1 OR Zprice@2))");
  EXPECT_EQ(qb.build("oil prices", true).get_description(), "Query((Zoil@1 OR Zprice@2))");
  EXPECT_EQ(qb.build("oil AND prices", false).get_description(), "Query((Zoil@1 AND Zprice@2))");
}

// Terms in no article are left out of what Xapian matches (its matcher took time
// quadratic in their number in an OR): the same answers, in linear time.
TEST_F(QueryBuilderTest, TermsInNoArticleAreLeftOut) {
  dossier::QueryBuilder qb(db_, analyzer_, actors_);
  qb.set_match(dossier::MatchMode::kAny);
  const std::vector<std::pair<const char*, const char*>> any = {
      {"oil zzabsent prices zzgone", "Query((Zoil@1 OR Zprice@3))"},
      {"zzabsent zzgone", "Query()"},
      {"oil AND zzabsent", "Query()"},
      {"oil NOT zzabsent", "Query(Zoil@1)"},
      {"zzabsent NOT oil", "Query()"},
      {"-oil -zzabsent", "Query((<alldocuments> AND_NOT Zoil@1))"},
      {"\"oil zzabsent\" gas", "Query(((oil@1 PHRASE 2 zzabsent@2) OR Zgas@3))"},
  };
  for (const auto& [q, description] : any)
    EXPECT_EQ(qb.build(q, false).get_description(), description) << q;
  qb.set_match(dossier::MatchMode::kAll);
  EXPECT_EQ(qb.build("oil zzabsent", false).get_description(), "Query()");
  EXPECT_EQ(qb.build("oil zzabsent", true).get_description(), "Query()");
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "zzabsent" + std::to_string(i) + " ";
  qb.set_match(dossier::MatchMode::kAny);
  EXPECT_EQ(qb.build(many + "oil", false).get_description(), "Query(Zoil@20001)");
}

// Plain queries take operators, fields and wildcards as words: what would be a syntax
// error is searched for its words.
TEST_F(QueryBuilderTest, PlainQueriesTakeOperatorsAsWords) {
  dossier::QueryBuilder qb(db_, analyzer_, actors_);
  qb.set_match(dossier::MatchMode::kAny);  // the words the database lacks drop out
  const std::vector<std::pair<std::string, std::string>> plain = {
      {"\"oil AND (", "Query(Zoil@1)"},                 // "and" is a stop word
      {"title:oil -gas", "Query((Zoil@2 OR Zgas@3))"},  // "title" is absent, -gas kept
      {"oil* NEAR gas", "Query((Zoil@1 OR Zgas@3))"},
  };
  for (const auto& [q, description] : plain)
    EXPECT_EQ(qb.build(q, true).get_description(), description) << q;
}

}  // namespace
