#include "dossier/batch/batch_input.h"

#include <sstream>
#include <vector>

#include <gtest/gtest.h>

namespace {

using dossier::BatchQuery;
using dossier::BatchReader;
using dossier::id_text;

std::vector<BatchQuery> read_all(const std::string& input) {
  std::istringstream in(input);
  BatchReader reader(in);
  std::vector<BatchQuery> out;
  while (auto q = reader.next()) out.push_back(std::move(*q));
  return out;
}

TEST(BatchLine, EachKindOfLine) {
  struct Case {
    const char* line;
    const char* id;    // id_text of the id
    const char* text;  // query text (plain lines)
    bool json;         // the line is a JSON object
    bool failed;
  };
  const Case cases[] = {
      {"oil prices", "7", "oil prices", false, false},
      {"  oil prices  ", "7", "oil prices", false, false},
      {"q12\tcentral bank", "q12", "central bank", false, false},
      {" q12 \t central bank ", "q12", "central bank", false, false},
      {"\tno id", "7", "no id", false, true},
      {"{\"id\":\"x1\",\"q\":\"a\"}", "x1", "", true, false},
      {"{\"id\":42,\"q\":\"a\"}", "42", "", true, false},
      {"{\"q\":\"a\"}", "7", "", true, false},
      {"{\"id\":[1],\"q\":\"a\"}", "7", "", false, true},
      {"{\"id\":1.5,\"q\":\"a\"}", "7", "", false, true},
      {"{not json", "7", "", false, true},
      {"{\"q\":\"a\"} trailing", "7", "", false, true},
  };
  for (const auto& c : cases) {
    const BatchQuery q = dossier::parse_batch_line(c.line, 7);
    EXPECT_EQ(id_text(q.id), c.id) << c.line;
    EXPECT_EQ(q.text, c.text) << c.line;
    EXPECT_EQ(q.object.is_object(), c.json) << c.line;
    EXPECT_EQ(!q.error.empty(), c.failed) << c.line << ": " << q.error;
    EXPECT_EQ(q.line, 7u);
  }
}

TEST(BatchReader, BlankLinesSkippedLineNumbersKept) {
  const auto qs = read_all("\n\nfirst\n\n  \nsecond\r\nt3\tthird\n");
  ASSERT_EQ(qs.size(), 3u);
  EXPECT_EQ(qs[0].id, 3);
  EXPECT_EQ(qs[0].text, "first");
  EXPECT_EQ(qs[1].id, 6);
  EXPECT_EQ(qs[1].text, "second");
  EXPECT_EQ(qs[2].id, "t3");
  EXPECT_EQ(qs[2].line, 7u);
  EXPECT_TRUE(read_all("").empty());
  EXPECT_TRUE(read_all("\n \n").empty());
}

TEST(BatchReader, ByteOrderMarkBeforeTheFirstLine) {
  // A batch file saved by a Windows editor: its first JSON line must stay JSON.
  const auto json = read_all("\xEF\xBB\xBF{\"id\":\"q1\",\"q\":\"oil\"}\nsecond\n");
  ASSERT_EQ(json.size(), 2u);
  EXPECT_EQ(id_text(json[0].id), "q1");
  EXPECT_TRUE(json[0].object.is_object()) << json[0].error;
  EXPECT_EQ(json[1].text, "second");
  const auto plain = read_all("\xEF\xBB\xBFq7\toil\n");
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(id_text(plain[0].id), "q7");
  // Only at the start of the file: later, U+FEFF is text.
  EXPECT_EQ(read_all("a\n\xEF\xBB\xBF"
                     "b\n")[1]
                .text,
            "\xEF\xBB\xBF"
            "b");
}

TEST(BatchReader, TrecTopics) {
  const std::string topics =
      "\n<top>\n"
      "<num> Number: 401\n"
      "<title> foreign minorities, Germany\n"
      "\n"
      "<desc> Description:\n"
      "What language and cultural differences impede integration?\n"
      "<narr> Narrative:\n"
      "A relevant document will focus on the causes.\n"
      "</top>\n"
      "\n"
      "<top>\n"
      "<num> Number: 402 </num>\n"
      "<title> Topic: behavioral\n"
      "genetics </title>\n"
      "</top>\n"
      "<top>\n"
      "<title> no number here\n"
      "</top>\n"
      "<top>\n"
      "<num> 404\n"
      "</top>\n"
      "<top>\n"
      "<num> 405\n"
      "<title> never closed\n";
  const auto qs = read_all(topics);
  ASSERT_EQ(qs.size(), 5u);
  EXPECT_EQ(qs[0].id, "401");
  EXPECT_EQ(qs[0].text, "foreign minorities, Germany");
  EXPECT_EQ(qs[0].line, 2u);
  EXPECT_TRUE(qs[0].error.empty());
  EXPECT_EQ(qs[1].id, "402");
  EXPECT_EQ(qs[1].text, "behavioral genetics");
  EXPECT_EQ(qs[2].error, "topic without <num>");
  EXPECT_EQ(qs[2].id, 17);  // its line number
  EXPECT_EQ(qs[3].id, "404");
  EXPECT_EQ(qs[3].error, "topic without <title>");
  EXPECT_EQ(qs[4].error, "topic without a closing </top>");
}

TEST(BatchReader, TopLaterInTheFileIsAQuery) {
  // Only the first non-blank line decides: a line file may contain "<top>" later.
  const auto qs = read_all("alpha\n<top>\n");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[1].text, "<top>");
}

}  // namespace
