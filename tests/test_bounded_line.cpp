// Records of text nobody controls are read in bounded memory: lines and CSV records over
// kMaxRecordBytes and JSON nested deeper than kMaxJsonDepth are refused with a reason, and
// the reader goes on at the next record, in every reader of such text.
#include "dossier/input/bounded_line.h"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dossier/batch/batch_input.h"
#include "dossier/input/csv_reader.h"
#include "dossier/input/jsonl_reader.h"
#include "dossier/input/metadata.h"

namespace {

using dossier::kMaxJsonDepth;
using dossier::kMaxRecordBytes;
using dossier::LineRead;

// Every read of `input` with `max_bytes`: "3 bytes", "too long" ..., then "end".
std::string reads(const std::string& input, std::size_t max_bytes) {
  std::istringstream in(input);
  std::string line;
  std::string out;
  for (;;) {
    const LineRead read = dossier::read_line_within(in, line, max_bytes);
    if (!out.empty()) out += ", ";
    if (read == LineRead::kEnd) return out + "end";
    if (read == LineRead::kTooLong) {
      out += line.empty() ? "too long" : "too long but held";
    } else {
      out += std::to_string(line.size()) + (line.find('\n') == std::string::npos ? "" : "+LF");
    }
  }
}

TEST(ReadLineWithin, LinesAndTheirLimit) {
  constexpr std::size_t kChunk = std::size_t{1} << 16;  // the reader's chunk
  const std::string a(kChunk - 1, 'a'), b(kChunk, 'b'), c(kChunk + 1, 'c');
  struct Case {
    std::string input;
    std::size_t max_bytes;
    const char* expected;
  };
  const Case cases[] = {
      {"", 100, "end"},
      {"\n", 100, "0, end"},
      {"abc\n\nde", 100, "3, 0, 2, end"},
      {"abc\r\n", 100, "4, end"},  // the CR stays, as with std::getline
      {"abcd\nabcde\nabc\n", 4, "4, too long, 3, end"},
      {"abcdefgh", 4, "too long, end"},
      // Lines around the chunk size, kept whole and refused across chunks.
      {a + "\n" + b + "\n" + c + "\n", 3 * kChunk, "65535, 65536, 65537, end"},
      {a + b, 3 * kChunk, "131071, end"},
      {c + "\nxy\n" + c, kChunk, "too long, 2, too long, end"},
      {std::string(5 * kChunk, 'x') + "\nok\n", 10, "too long, 2, end"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(reads(c.input, c.max_bytes), c.expected) << c.input.substr(0, 20);
  }
}

TEST(JsonNesting, DepthCountsBracketsOutsideStrings) {
  const std::string deepest_allowed =
      std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  const std::string one_too_deep = "[" + deepest_allowed + "]";
  struct Case {
    std::string text;
    bool too_deep;
  };
  const Case cases[] = {
      {R"({"id": "a", "text": "x"})", false},
      {deepest_allowed, false},
      {one_too_deep, true},
      {std::string(100000, '['), true},  // never closed: refused all the same
      {"{\"text\": \"" + std::string(1000, '[') + "\"}", false},               // inside a string
      {"{\"t\": \"\\\"" + std::string(1000, '{') + "\"}", false},              // after \"
      {"{\"t\": \"\\\\\"" + std::string(kMaxJsonDepth + 1, '[') + "}", true},  // \\ ends
      {std::string(70, ']') + "[[", false},  // stray closers do not go below zero
  };
  for (const auto& c : cases) {
    EXPECT_EQ(dossier::json_nested_deeper_than(c.text), c.too_deep) << c.text.substr(0, 30);
  }
}

std::string too_long_text() {
  return std::string(kMaxRecordBytes + 1, 'x');
}

std::string too_deep_json() {
  return "{\"id\": \"d\", \"x\": " + std::string(kMaxJsonDepth, '[') +
         std::string(kMaxJsonDepth, ']') + "}";
}

TEST(BoundedReaders, JsonlCorpusSkipsTheLineAndGoesOn) {
  std::istringstream in("{\"id\": \"a\", \"text\": \"A\"}\n{\"id\": \"b\", \"text\": \"" +
                        too_long_text() + "\"}\n" + too_deep_json() +
                        "\n{\"id\": \"c\", \"text\": \"C\"}\n");
  dossier::JsonlArticleReader reader(in);
  std::vector<std::string> got;
  while (auto record = reader.next()) {
    if (const auto* issue = std::get_if<dossier::LineIssue>(&*record)) {
      got.push_back(std::to_string(issue->line) + " " + issue->reason);
    } else {
      got.push_back(std::to_string(std::get<dossier::JsonlArticle>(*record).line) + " " +
                    std::get<dossier::JsonlArticle>(*record).id);
    }
  }
  const std::vector<std::string> expected = {
      "1 a", "2 line is longer than 32 MiB: not read",
      "3 line is JSON nested deeper than 64 levels: not read", "4 c"};
  EXPECT_EQ(got, expected);
}

TEST(BoundedReaders, MetadataSidecarWarnsAndGoesOn) {
  std::istringstream in("{\"id\": \"a\", \"title\": \"" + too_long_text() + "\"}\n" +
                        too_deep_json() + "\n{\"id\": \"b\", \"title\": \"B\"}\n");
  const dossier::MetadataTable table = dossier::parse_metadata_jsonl(in);
  EXPECT_EQ(table.by_id.size(), 1u);
  ASSERT_NE(table.find("b"), nullptr);
  ASSERT_EQ(table.warnings.size(), 2u);
  EXPECT_EQ(table.warnings[0].line, 1u);
  EXPECT_EQ(table.warnings[0].reason, "line is longer than 32 MiB: not read");
  EXPECT_EQ(table.warnings[1].line, 2u);
  EXPECT_EQ(table.warnings[1].reason, "line is JSON nested deeper than 64 levels: not read");
}

TEST(BoundedReaders, BatchLinesBecomeErrorRecords) {
  std::istringstream in(too_long_text() + "\n\n" + too_deep_json() + "\nq7\toil\n");
  dossier::BatchReader reader(in);
  std::vector<std::string> got;
  while (auto q = reader.next()) {
    got.push_back(std::to_string(q->line) + " " + dossier::id_text(q->id) + " " +
                  (q->error.empty() ? q->text : "!" + q->error));
  }
  const std::vector<std::string> expected = {"1 1 !line longer than 32 MiB: not read",
                                             "3 3 !JSON nested deeper than 64 levels: not read",
                                             "4 q7 oil"};
  EXPECT_EQ(got, expected);
}

TEST(BoundedReaders, BatchTopicWithATooLongLine) {
  std::istringstream in("<top>\n<num> Number: 1\n<title> " + too_long_text() +
                        "\n</top>\n<top>\n<num> 2\n<title> oil\n</top>\n");
  dossier::BatchReader reader(in);
  std::vector<std::string> got;
  while (auto q = reader.next()) {
    got.push_back(dossier::id_text(q->id) + " " + (q->error.empty() ? q->text : "!" + q->error));
  }
  const std::vector<std::string> expected = {
      "1 !a line of the topic is longer than 32 MiB: not read", "2 oil"};
  EXPECT_EQ(got, expected);
}

TEST(BoundedReaders, CsvRecordReadToItsEndWithoutBeingHeld) {
  // The long field is quoted and spans lines: the next record still starts after it.
  std::istringstream in("id,text\na,\"" + too_long_text() + "\nstill, the \"\"same\"\"\nfield\"\n" +
                        "b,short\n");
  dossier::CsvReader reader(in);
  std::vector<std::string> fields;
  std::size_t line = 0;
  std::string error;
  std::vector<std::string> got;
  while (reader.next(fields, line, error)) {
    std::string record = std::to_string(line) + ":";
    if (!error.empty()) {
      record += "!" + error + " (" + std::to_string(fields.size()) + " fields)";
    } else {
      for (const auto& field : fields) record += field + "|";
    }
    got.push_back(record);
  }
  const std::vector<std::string> expected = {
      "1:id|text|", "2:!record longer than 32 MiB: not read (0 fields)", "5:b|short|"};
  EXPECT_EQ(got, expected);
}

}  // namespace
