#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "dossier/input/csv_reader.h"
#include "dossier/input/metadata.h"

namespace {

namespace fs = std::filesystem;

// One table entry rendered as "date|title|source|url" ("-" for no date).
std::string describe(const dossier::MetadataTable& table, const std::string& id) {
  const dossier::ArticleMetadata* m = table.find(id);
  if (m == nullptr) return "<missing>";
  return (m->date ? m->date->iso() : "-") + "|" + m->title + "|" + m->source + "|" + m->url;
}

std::string describe_warnings(const dossier::MetadataTable& table) {
  std::string out;
  for (const auto& w : table.warnings) {
    if (!out.empty()) out += "; ";
    out += std::to_string(w.line) + ": " + w.reason;
  }
  return out;
}

TEST(CsvReader, Rfc4180Records) {
  struct Case {
    std::string input;
    std::string expected;  // records joined by "\n", fields by "|", errors as "!line:reason"
  };
  const Case cases[] = {
      {"a,b,c\n1,2,3\n", "1:a|b|c\n2:1|2|3"},
      {"a,b\r\n1,2\r\n", "1:a|b\n2:1|2"},
      {"\"x, y\",\"say \"\"hi\"\"\"\n", "1:x, y|say \"hi\""},
      {"\"two\nlines\",z\nnext,row\n", "1:two\nlines|z\n3:next|row"},
      {"a,,c\n", "1:a||c"},
      {"last,line", "1:last|line"},
      {"\"closed\"x,y\nok,1\n", "!1\n2:ok|1"},
      {"un\"quoted,y\nok,1\n", "!1\n2:ok|1"},
      {"\"never closed,y\n", "!1"},
  };
  for (const auto& c : cases) {
    std::istringstream in(c.input);
    dossier::CsvReader reader(in);
    std::vector<std::string> fields;
    std::size_t line = 0;
    std::string error;
    std::string got;
    while (reader.next(fields, line, error)) {
      if (!got.empty()) got += '\n';
      if (!error.empty()) {
        got.append("!").append(std::to_string(line));
        continue;
      }
      got += std::to_string(line) + ":";
      for (std::size_t i = 0; i < fields.size(); ++i) got += (i ? "|" : "") + fields[i];
    }
    EXPECT_EQ(got, c.expected) << "input: " << c.input;
  }
}

TEST(Metadata, JsonlFieldsAndWarnings) {
  std::istringstream in(
      "{\"id\": \"a.txt\", \"date\": \"2019-01-23\", \"title\": \"A\", \"source\": \"Wire\", "
      "\"url\": \"http://x/a\"}\n"
      "\n"
      "{\"id\": \"./sub/b.txt\", \"date\": \"2019-02\"}\n"
      "{\"id\": 42, \"date\": \"2018\", \"extra\": [1, 2]}\n"
      "{\"id\": \"c.txt\", \"date\": \"2019-02-30\"}\n"
      "{\"id\": \"d.txt\", \"title\": 7}\n"
      "{\"title\": \"no id\"}\n"
      "not json\n"
      "[1, 2]\n"
      "{\"id\": \"a.txt\", \"title\": \"again\"}\n"
      "{\"id\": \"e.txt\", \"date\": null, \"title\": \"Caf\xE9\"}\n"
      "{\"id\": \"f.txt\", \"n\": 9999999E99999999999999}\n");
  const dossier::MetadataTable table = dossier::parse_metadata_jsonl(in);
  EXPECT_EQ(table.by_id.size(), 4u);
  EXPECT_EQ(describe(table, "a.txt"), "2019-01-23|A|Wire|http://x/a");
  EXPECT_EQ(describe(table, "sub/b.txt"), "2019-02|||");
  EXPECT_EQ(describe(table, "42"), "2018|||");
  EXPECT_EQ(describe(table, "e.txt"), "-|Caf\xC3\xA9||");  // Latin-1 byte repaired
  EXPECT_EQ(describe(table, "c.txt"), "<missing>");
  ASSERT_EQ(table.warnings.size(), 7u) << describe_warnings(table);
  // Line 12: a number out of range is a bad line like any other (it ended the run before).
  const std::pair<std::size_t, const char*> expected[] = {
      {5, "bad \"date\""}, {6, "\"title\" must be a string"}, {7, "missing \"id\""},
      {8, "not JSON"},     {9, "not a JSON object"},          {10, "duplicate id \"a.txt\""},
      {12, "not JSON"}};
  for (std::size_t i = 0; i < table.warnings.size(); ++i) {
    EXPECT_EQ(table.warnings[i].line, expected[i].first);
    EXPECT_NE(table.warnings[i].reason.find(expected[i].second), std::string::npos)
        << table.warnings[i].reason;
  }
}

TEST(Metadata, CsvFieldsAndWarnings) {
  std::istringstream in(
      "\xEF\xBB\xBFid,title,date,source,url,notes\n"
      "a.txt,\"Talks, again\",2019-01-23,Wire,http://x/a,ignored\n"
      "sub/b.txt,\"Two\nline title\",2019-02,,,\n"
      "c.txt,C,2019-13-01,,,\n"
      "d.txt,too,few\n"
      "e.txt,\"E \"\"quoted\"\"\",,Agency,,\n"
      "f.txt,\"bad\"quote,,,,\n"
      "\n"
      ",no id,,,,\n");
  const dossier::MetadataTable table = dossier::parse_metadata_csv(in);
  EXPECT_EQ(table.by_id.size(), 3u);
  EXPECT_EQ(describe(table, "a.txt"), "2019-01-23|Talks, again|Wire|http://x/a");
  EXPECT_EQ(describe(table, "sub/b.txt"), "2019-02|Two\nline title||");
  EXPECT_EQ(describe(table, "e.txt"), "-|E \"quoted\"|Agency|");
  const std::pair<std::size_t, const char*> expected[] = {{5, "month 13"},
                                                          {6, "expected 6 fields, found 3"},
                                                          {8, "malformed CSV"},
                                                          {10, "empty \"id\""}};
  ASSERT_EQ(table.warnings.size(), std::size(expected)) << describe_warnings(table);
  for (std::size_t i = 0; i < table.warnings.size(); ++i) {
    EXPECT_EQ(table.warnings[i].line, expected[i].first) << table.warnings[i].reason;
    EXPECT_NE(table.warnings[i].reason.find(expected[i].second), std::string::npos)
        << table.warnings[i].reason;
  }
}

TEST(Metadata, CsvWithoutIdColumnLoadsNothing) {
  std::istringstream in("name,date\na.txt,2019-01-01\n");
  const dossier::MetadataTable table = dossier::parse_metadata_csv(in);
  EXPECT_TRUE(table.by_id.empty());
  ASSERT_EQ(table.warnings.size(), 1u);
  EXPECT_EQ(table.warnings[0].line, 1u);
}

class MetadataFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            (std::string("dossier-metadata-") +
             std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  void write(const std::string& name, const std::string& content) {
    std::ofstream(root_ / name, std::ios::binary) << content;
  }
  fs::path root_;
};

TEST_F(MetadataFolder, NoSidecarIsEmpty) {
  const auto table = dossier::load_metadata(root_);
  EXPECT_TRUE(table.by_id.empty());
  EXPECT_TRUE(table.warnings.empty());
  EXPECT_TRUE(table.file.empty());
}

TEST_F(MetadataFolder, CsvSidecar) {
  write("metadata.csv", "id,date\na.txt,2019-01-23\n");
  const auto table = dossier::load_metadata(root_);
  EXPECT_EQ(describe(table, "a.txt"), "2019-01-23|||");
  EXPECT_EQ(table.file.filename(), "metadata.csv");
}

TEST_F(MetadataFolder, JsonlWinsOverCsvWithAWarning) {
  write("metadata.csv", "id,date\na.txt,2019-01-23\n");
  write("metadata.jsonl", "{\"id\":\"a.txt\",\"date\":\"2020-05-06\"}\n");
  const auto table = dossier::load_metadata(root_);
  EXPECT_EQ(describe(table, "a.txt"), "2020-05-06|||");
  ASSERT_EQ(table.warnings.size(), 1u);
  EXPECT_EQ(table.warnings[0].line, 0u);
}

TEST(Metadata, NormalizeArticleId) {
  EXPECT_EQ(dossier::normalize_article_id("./sub/a.txt"), "sub/a.txt");
  EXPECT_EQ(dossier::normalize_article_id("sub\\a.txt"), "sub/a.txt");
  EXPECT_EQ(dossier::normalize_article_id("a.txt"), "a.txt");
}

}  // namespace
