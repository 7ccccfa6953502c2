#include "dossier/schema/schema.h"

#include <unistd.h>

#include <filesystem>
#include <optional>

#include <gtest/gtest.h>

#include "dossier/base/errors.h"

namespace {

TEST(Schema, FieldsAreUniqueAndFindable) {
  const auto& fields = dossier::schema::fields();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    for (std::size_t j = i + 1; j < fields.size(); ++j) {
      EXPECT_NE(fields[i].name, fields[j].name);
      if (!fields[i].prefix.empty()) {
        EXPECT_NE(fields[i].prefix, fields[j].prefix);
      }
    }
    EXPECT_TRUE(dossier::schema::find_field(fields[i].name).has_value());
  }
  EXPECT_FALSE(dossier::schema::find_field("nosuchfield").has_value());
  EXPECT_EQ(dossier::schema::find_field("title")->prefix, "S");
}

TEST(Schema, AliasTermsNameTheirActorAndParseBack) {
  using dossier::schema::actor_alias_term;
  using dossier::schema::parse_actor_alias_term;
  EXPECT_EQ(actor_alias_term("uk", "country:united kingdom"), "XAFuk\tcountry:united kingdom");
  EXPECT_EQ(dossier::schema::actor_alias_prefix("uk"), "XAFuk\t");
  EXPECT_EQ(dossier::schema::legacy_actor_form_term("uk"), "XAFuk");
  const struct {
    const char* term;
    const char* parsed;  // "form|id", or "" when it is no alias term
  } cases[] = {{"XAFuk\tcountry:united kingdom", "uk|country:united kingdom"},
               {"XAFeu\torg:european union", "eu|org:european union"},
               {"XAFuk", ""},  // schemas 3-5: no actor
               {"XAF\tperson:x", ""},
               {"XAFx\t", ""},
               {"XAperson:x", ""}};
  for (const auto& c : cases) {
    const auto alias = parse_actor_alias_term(c.term);
    EXPECT_EQ(alias ? std::string(alias->form) + "|" + std::string(alias->actor_id) : "", c.parsed)
        << c.term;
  }
}

TEST(Schema, TextTermsAreTakenApartByTheSchema) {
  const struct {
    const char* term;
    const char* parsed;  // "word" with "stem " and "title " before it, or "" for no text term
  } cases[] = {{"oil", "oil"},
               {"Zoil", "stem oil"},
               {"Soil", "title oil"},
               {"ZSoil", "stem title oil"},
               {"SZoil", ""},
               {"Z", ""},
               {"S", ""},
               {"ZS", ""},
               {"", ""},
               {"XAperson:x", ""},
               {"Qbbc/business/001.txt", ""},
               {"ZXSreuters", ""}};
  for (const auto& c : cases) {
    const auto text = dossier::schema::parse_text_term(c.term);
    const std::string parsed = text ? std::string(text->stem ? "stem " : "") +
                                          (text->title ? "title " : "") + std::string(text->word)
                                    : "";
    EXPECT_EQ(parsed, c.parsed) << c.term;
  }
}

TEST(Schema, ActorAndNameTermsAreMadeAndParsedByTheSchema) {
  namespace schema = dossier::schema;
  const std::string id = "person:nicolas maduro";
  EXPECT_EQ(schema::actor_term(id), "XAperson:nicolas maduro");
  EXPECT_EQ(schema::actor_id_of_term("XAperson:nicolas maduro"), id);
  EXPECT_EQ(schema::actor_name_term(id, "Nicolás Maduro"),
            "XANperson:nicolas maduro\tNicolás Maduro");
  EXPECT_EQ(schema::actor_names_prefix(id), "XANperson:nicolas maduro\t");
  EXPECT_EQ(schema::actor_names_prefix_of_ids("person:"), "XANperson:");
  const auto parts = schema::split_actor_id(id);
  EXPECT_EQ(parts.type, "person");
  EXPECT_EQ(parts.key, "nicolas maduro");
  EXPECT_EQ(schema::split_actor_id("org:a:b").key, "a:b");  // keys may hold a colon
  EXPECT_EQ(schema::split_actor_id("no type").type, "");
  EXPECT_EQ(schema::split_actor_id("no type").key, "no type");
  // Which terms are actor id terms: alias and name terms share the prefix.
  const std::vector<std::pair<std::string, std::optional<std::string>>> terms = {
      {"XAperson:nicolas maduro", id},
      {"XANperson:nicolas maduro\tNicolás Maduro", std::nullopt},
      {"XAFmaduro\tperson:nicolas maduro", std::nullopt},
      {"XA", std::nullopt},
      {"Zmaduro", std::nullopt},
  };
  for (const auto& [term, expected] : terms) {
    const auto parsed = schema::parse_actor_term(term);
    EXPECT_EQ(parsed ? std::optional<std::string>(*parsed) : std::nullopt, expected) << term;
  }
  const std::string name_term = schema::actor_name_term(id, "Nicolás Maduro");
  const auto name = schema::parse_actor_name_term(name_term);  // views into name_term
  ASSERT_TRUE(name);
  EXPECT_EQ(name->actor_id, id);
  EXPECT_EQ(name->name, "Nicolás Maduro");
  EXPECT_FALSE(schema::parse_actor_name_term("XAperson:nicolas maduro"));
  EXPECT_FALSE(schema::parse_actor_name_term("XANperson:no tab"));
}

TEST(Schema, ActorCodesCarryTheTypeAndRoundTripThroughTheSlot) {
  using dossier::schema::actor_code;
  using dossier::schema::actor_code_type;
  const struct {
    const char* id;
    unsigned type;  // ActorType order: person, org, country, place
  } cases[] = {{"person:nicolas maduro", 0},
               {"org:united nations", 1},
               {"country:venezuela", 2},
               {"place:caracas", 3},
               {"person:", 0},
               {"unknown:thing", 0}};
  std::string slot;
  std::vector<dossier::schema::ActorCode> codes;
  for (const auto& c : cases) {
    const auto code = actor_code(c.id);
    EXPECT_NE(code, 0u) << c.id;
    EXPECT_EQ(actor_code_type(code), c.type) << c.id;
    EXPECT_EQ(code, actor_code(c.id)) << "stable: " << c.id;
    codes.push_back(code);
    dossier::schema::append_actor_code(slot, code);
  }
  EXPECT_EQ(slot.size(), 8 * codes.size());
  EXPECT_EQ(dossier::schema::actor_codes(slot), codes);
  EXPECT_NE(actor_code("person:maduro"), actor_code("person:nicolas maduro"));
  EXPECT_NE(actor_code("person:x"), actor_code("org:x"));
  // A cut value yields only its whole codes.
  EXPECT_EQ(dossier::schema::actor_codes(slot.substr(0, 12)).size(), 1u);
}

// A publication date keeps its precision in kSlotDate; a value written before schema 10
// (always a day) reads as a day.
TEST(Schema, DateValuesKeepTheirPrecision) {
  struct Row {
    std::string iso, value, last;
  };
  const std::vector<Row> rows = {
      {"2019-02-15", "20190215", ""},      {"2019-02", "20190200", "20190228"},
      {"2020-02", "20200200", "20200229"}, {"2019", "20190000", "20191231"},
      {"2019-02-01", "20190201", ""},  // a schema 9 month: its first day
  };
  for (const auto& r : rows) {
    const auto date = dossier::Date::parse_iso(r.iso);
    ASSERT_TRUE(date) << r.iso;
    EXPECT_EQ(dossier::schema::date_value(*date), r.value);
    EXPECT_EQ(dossier::schema::date_last_value(*date), r.last);
    const auto back = dossier::schema::parse_date_value(r.value);
    ASSERT_TRUE(back) << r.value;
    EXPECT_EQ(back->iso(), r.iso);
  }
  for (const char* bad : {"", "2019020", "20191300", "20190230", "20190005", "2019x200"})
    EXPECT_FALSE(dossier::schema::parse_date_value(bad)) << bad;
}

TEST(Schema, IdTermsStayShortAndUnique) {
  EXPECT_EQ(dossier::schema::id_term("a/b.txt"), "Qa/b.txt");
  const std::string long_a(300, 'a');
  const std::string long_b = long_a + "b";
  const auto ta = dossier::schema::id_term(long_a);
  const auto tb = dossier::schema::id_term(long_b);
  EXPECT_LE(ta.size(), 201u);
  EXPECT_NE(ta, tb);
  EXPECT_EQ(ta, dossier::schema::id_term(long_a));  // stable
}

// kSlotIdOrder holds a short id whole (a TREC run prints it without the record), and a
// long one cut and hashed, which must never be taken for the id.
TEST(Schema, IdOrderValuesGiveBackOnlyWholeIds) {
  const std::string long_id = std::string(250, 'n') + "/a.txt";
  const std::string invalid_utf8(300, '\x80');  // the cut backs up to nothing: "#" + hash
  const struct {
    std::string id;
    std::optional<std::string> whole;
  } cases[] = {
      {"a/b.txt", "a/b.txt"},
      {"bbc/business/001.txt", "bbc/business/001.txt"},
      {std::string(200, 'x'), std::string(200, 'x')},  // the longest kept whole
      {long_id, std::nullopt},
      {invalid_utf8, std::nullopt},
      // A short id that looks cut: the record has it.
      {"report#0123456789abcdef", std::nullopt},
      {"report#0123456789ABCDEF", "report#0123456789ABCDEF"},
  };
  for (const auto& c : cases) {
    const std::string value = dossier::schema::id_order_value(c.id);
    const auto got = dossier::schema::id_in_order_value(value);
    EXPECT_EQ(got ? std::optional<std::string>(std::string(*got)) : std::nullopt, c.whole)
        << c.id.substr(0, 40);
  }
  EXPECT_FALSE(dossier::schema::id_in_order_value(""));  // no value: before schema 12
}

class SchemaDb : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("dossier_schema_" + std::to_string(::getpid()) + "_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name()))
                .string();
    std::filesystem::remove_all(path_);
  }
  void TearDown() override { std::filesystem::remove_all(path_); }
  std::string path_;
};

TEST_F(SchemaDb, NewDatabaseIsStampedAndAccepted) {
  {
    Xapian::WritableDatabase db(path_, Xapian::DB_CREATE_OR_OPEN);
    dossier::schema::stamp_or_check(db, path_);
    db.add_document(Xapian::Document());
    db.commit();
  }
  Xapian::Database db(path_);
  EXPECT_EQ(db.get_metadata(dossier::schema::kSchemaKey),
            std::to_string(dossier::schema::kSchemaVersion));
  EXPECT_NO_THROW(dossier::schema::check(db, path_));
}

TEST_F(SchemaDb, OtherVersionIsRefusedWithAClearMessage) {
  {
    Xapian::WritableDatabase db(path_, Xapian::DB_CREATE_OR_OPEN);
    db.set_metadata(dossier::schema::kSchemaKey, "999");
    db.add_document(Xapian::Document());
    db.commit();
  }
  Xapian::Database db(path_);
  try {
    dossier::schema::check(db, path_);
    FAIL() << "expected a schema error";
  } catch (const dossier::Error& e) {
    EXPECT_EQ(e.kind(), dossier::ErrorKind::kUsage);
    EXPECT_NE(std::string(e.what()).find("schema version 999"), std::string::npos) << e.what();
  }
}

TEST_F(SchemaDb, Schema3IsReadAndStampedCurrentByAWriterButSchema2IsRefused) {
  namespace schema = dossier::schema;
  {
    Xapian::WritableDatabase db(path_, Xapian::DB_CREATE_OR_OPEN);
    db.set_metadata(schema::kSchemaKey, "3");
    db.add_document(Xapian::Document());
    db.commit();
  }
  EXPECT_NO_THROW(schema::check(Xapian::Database(path_), path_));
  {
    Xapian::WritableDatabase db(path_, Xapian::DB_OPEN);
    schema::stamp_or_check(db, path_);
    db.commit();
  }
  EXPECT_EQ(Xapian::Database(path_).get_metadata(schema::kSchemaKey),
            std::to_string(schema::kSchemaVersion));
  {
    Xapian::WritableDatabase db(path_, Xapian::DB_OPEN);
    db.set_metadata(schema::kSchemaKey, "2");
    db.commit();
  }
  try {
    schema::check(Xapian::Database(path_), path_);
    FAIL() << "expected a schema error";
  } catch (const dossier::Error& e) {
    EXPECT_NE(std::string(e.what()).find("reads versions 3 to"), std::string::npos) << e.what();
  }
}

TEST_F(SchemaDb, ForeignDatabaseIsRefused) {
  {
    Xapian::WritableDatabase db(path_, Xapian::DB_CREATE_OR_OPEN);
    db.add_document(Xapian::Document());
    db.commit();
  }
  Xapian::Database db(path_);
  EXPECT_THROW(dossier::schema::check(db, path_), dossier::Error);
}

}  // namespace
