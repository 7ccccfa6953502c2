// Actor display names: the name terms an article writes (only where its name for an actor
// is not the one the key implies, schema 5) and the corpus-wide vote that reads them back.
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "dossier/index/document_builder.h"
#include "dossier/schema/record_codec.h"
#include "dossier/schema/schema.h"
#include "dossier/search/actor_directory.h"

namespace {

namespace schema = dossier::schema;

TEST(ImpliedActorName, CapitalisesTheFirstLetterOfEachWordOfTheKey) {
  EXPECT_EQ(schema::implied_actor_name("nicolas maduro"), "Nicolas Maduro");
  EXPECT_EQ(schema::implied_actor_name("bbc"), "Bbc");
  EXPECT_EQ(schema::implied_actor_name("g7 summit 2019"), "G7 Summit 2019");
  EXPECT_EQ(schema::implied_actor_name(""), "");
  // Folded keys keep non-Latin letters as they are: such names are always written out.
  EXPECT_EQ(schema::implied_actor_name("\xD0\xBF\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD"),
            "\xD0\xBF\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD");
}

std::set<std::string> terms_with_prefix(const Xapian::Document& doc, const std::string& prefix) {
  std::set<std::string> out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    if ((*t).rfind(prefix, 0) == 0) out.insert(*t);
  }
  return out;
}

TEST(BuildDocument, WritesANameTermOnlyWhereTheNameIsNotTheImpliedOne) {
  dossier::Analyzer analyzer;
  dossier::Article article;
  article.id = "a.txt";
  article.title = "Talks";
  article.body = "Tony Blair told the BBC.";
  dossier::ArticleFacts facts;
  facts.actors.push_back(
      {"Tony Blair", "tony blair", dossier::ActorType::Person, 1, {"Tony Blair"}});
  facts.actors.push_back({"BBC", "bbc", dossier::ActorType::Org, 1, {"BBC"}});
  const dossier::ArticleWords words{analyzer.tokenize(article.title),
                                    analyzer.tokenize(article.body)};
  dossier::schema::RecordCodec records;
  const Xapian::Document doc = dossier::build_document(article, words, facts, analyzer, records);
  EXPECT_EQ(terms_with_prefix(doc, std::string(schema::kActorNamePrefix)),
            (std::set<std::string>{"XANorg:bbc\tBBC"}));
  EXPECT_TRUE(terms_with_prefix(doc, "XAperson:").contains("XAperson:tony blair"));
  EXPECT_TRUE(terms_with_prefix(doc, "XAorg:").contains("XAorg:bbc"));
}

class ActorNamesTest : public ::testing::Test {
 protected:
  // One article naming the actor `id` as `name`: a name term only if `name` is given (an
  // implied name writes none; a schema 4 database wrote every name).
  void article(const std::string& id, const std::string& name = "") {
    Xapian::Document doc;
    doc.add_boolean_term(std::string(schema::kActorPrefix) + id);
    if (!name.empty())
      doc.add_boolean_term(std::string(schema::kActorNamePrefix) + id + "\t" + name);
    db_.add_document(doc);
  }
  // Every article of the fixture: votes mix implied and written names.
  void add_articles() {
    for (int i = 0; i < 3; ++i) article("person:juan guaido");  // "Juan Guaido", implied
    for (int i = 0; i < 2; ++i) article("person:juan guaido", "Juan Guaidó");
    for (int i = 0; i < 3; ++i) article("org:bbc", "BBC");
    article("org:bbc");  // "Bbc"
    for (int i = 0; i < 2; ++i) article("person:john smith");
    article("person:john smith", "JOHN SMITH");
    article("country:united states");
    // As schema 4 wrote it (the implied name written out too), then an update adding an
    // article without the term: 3 votes for each family.
    for (int i = 0; i < 2; ++i) article("person:tony blair", "Tony Blair");
    for (int i = 0; i < 3; ++i) article("person:tony blair", "Anthony Blair");
    article("person:tony blair");
    article("person:anthony blair", "Anthony Blair");
  }
  void expect_names(dossier::ActorDirectory& actors) {
    // Same family ("juan guaido"): the spelling with diacritics, though fewer wrote it.
    EXPECT_EQ(actors.display_name("person:juan guaido"), "Juan Guaidó");
    EXPECT_EQ(actors.display_name("org:bbc"), "BBC");  // 3 written against 1 implied
    EXPECT_EQ(actors.display_name("person:john smith"), "John Smith");  // 2 implied, 1 written
    EXPECT_EQ(actors.display_name("country:united states"), "United States");
    // A tie between families goes to the first folded name; counting the written-out
    // implied name again as implied would have given Tony Blair 5 votes.
    EXPECT_EQ(actors.display_name("person:tony blair"), "Anthony Blair");
    EXPECT_EQ(actors.display_name("person:anthony blair"), "Anthony Blair");
  }

  Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
  dossier::Analyzer analyzer_;
};

TEST_F(ActorNamesTest, ImpliedVotesAreTheArticlesWithoutANameTerm) {
  add_articles();
  dossier::ActorDirectory actors(db_, analyzer_);
  expect_names(actors);  // one seek per actor
}

TEST_F(ActorNamesTest, TheTypeScanAndTheFullScanCountImpliedVotesAlike) {
  add_articles();
  {
    dossier::ActorDirectory actors(db_, analyzer_);
    std::vector<std::string> people;
    for (const auto& a : actors.list(dossier::ActorType::Person, "")) people.push_back(a.name);
    EXPECT_EQ(people, (std::vector<std::string>{"Anthony Blair", "Juan Guaidó", "John Smith",
                                                "Anthony Blair"}));
    expect_names(actors);
  }
  dossier::ActorDirectory actors(db_, analyzer_);
  // Enough misses make the directory read every name in one scan (load_names("")).
  for (int i = 0; i <= 1000; ++i) actors.display_name("person:nobody " + std::to_string(i));
  expect_names(actors);
}

}  // namespace
