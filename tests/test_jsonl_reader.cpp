#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "dossier/input/jsonl_reader.h"

namespace {

// A record rendered compactly: "L3 id=a title=T date=2019-01-23 text=..." or "L3 !reason".
std::string describe(const dossier::JsonlRecord& record) {
  if (const auto* issue = std::get_if<dossier::LineIssue>(&record)) {
    std::string out = "L";
    out.append(std::to_string(issue->line)).append(" !").append(issue->reason);
    return out;
  }
  const auto& a = std::get<dossier::JsonlArticle>(record);
  std::string out = "L";
  out.append(std::to_string(a.line)).append(" id=").append(a.id);
  if (!a.title.empty()) out.append(" title=").append(a.title);
  if (a.date) out.append(" date=").append(a.date->iso());
  if (!a.source.empty()) out.append(" source=").append(a.source);
  if (!a.url.empty()) out.append(" url=").append(a.url);
  out.append(" text=").append(a.text);
  return out;
}

TEST(JsonlReader, LinesToRecords) {
  struct Case {
    const char* line;
    const char* expected;  // describe(); a "!" prefix part is matched as a substring
  };
  const Case cases[] = {
      {R"({"id": "a", "text": "Hello"})", "L1 id=a text=Hello"},
      {R"({"id": 17, "title": "T", "body": "B", "date": "2019-01"})",
       "L1 id=17 title=T date=2019-01 text=B"},
      {R"({"id": "a", "text": "x", "source": "Wire", "url": "u", "date": "2019-01-23"})",
       "L1 id=a date=2019-01-23 source=Wire url=u text=x"},
      {R"({"id": "a", "text": "x", "date": null, "more": {"k": 1}})", "L1 id=a text=x"},
      {R"({"id": "a", "title": "Only a title", "body": ""})", "L1 id=a title=Only a title text="},
      {R"({"id": "a", "text": "x", "date": "2019-02-30"})", "!bad \"date\""},
      {R"({"id": "a", "text": "x", "date": "January 5"})", "!bad \"date\""},
      {R"({"id": "a", "text": "x", "date": 20190105})", "!\"date\" must be a string"},
      {R"({"text": "x"})", "!missing \"id\""},
      {R"({"id": "", "text": "x"})", "!empty \"id\""},
      {R"({"id": 1.5, "text": "x"})", "!\"id\" must be a string or an integer"},
      {R"({"id": "a"})", "!no \"text\""},
      {R"({"id": "a", "title": "T"})", "!no \"text\""},
      {R"({"id": "a", "text": "", "title": ""})", "!empty text and title"},
      {R"({"id": "a", "text": "x", "body": "y"})", "!both \"text\" and \"body\""},
      {R"({"id": "a", "text": ["x"]})", "!\"text\" must be a string"},
      {R"({"id": "a", "text": "x")", "!line is not JSON"},
      {R"(["a", "b"])", "!not a JSON object"},
      // The JSON library reports a number out of range with another exception than a
      // syntax error; it escaped and ended the whole run (found by fuzzing).
      {R"({"id": "a", "text": "x", "n": 1e999999})", "!line is not JSON"},
  };
  for (const auto& c : cases) {
    const std::string got = describe(dossier::parse_jsonl_article(1, c.line));
    const std::string expected = c.expected;
    if (expected.starts_with("!")) {
      EXPECT_NE(got.find(expected.substr(1)), std::string::npos) << c.line << " -> " << got;
      EXPECT_TRUE(got.starts_with("L1 !")) << c.line << " -> " << got;
    } else {
      EXPECT_EQ(got, expected) << c.line;
    }
  }
}

TEST(JsonlReader, StreamsRecordsWithLineNumbers) {
  std::istringstream in(
      "\xEF\xBB\xBF{\"id\": \"first\", \"text\": \"one\"}\n"
      "\n"
      "   \r\n"
      "garbage\n"
      "{\"id\": \"m\", \"text\": \"M\xFCller\"}\r\n"  // raw Latin-1 byte, CRLF
      "{\"id\": \"last\", \"text\": \"end\"}");       // no final newline
  dossier::JsonlArticleReader reader(in);
  std::vector<std::string> got;
  while (auto record = reader.next()) got.push_back(describe(*record));
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[0], "L1 id=first text=one");
  EXPECT_TRUE(got[1].starts_with("L4 !line is not JSON")) << got[1];
  EXPECT_EQ(got[2], "L5 id=m text=M\xC3\xBCller");
  EXPECT_EQ(got[3], "L6 id=last text=end");
  EXPECT_EQ(reader.lines_read(), 6u);
}

TEST(JsonlReader, MissingFileThrows) {
  EXPECT_THROW(dossier::JsonlArticleReader(std::filesystem::path("/nonexistent/articles.jsonl")),
               std::runtime_error);
}

}  // namespace
