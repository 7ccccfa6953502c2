// Streaming reader for articles.jsonl: one article per line (format: docs/INPUT.md).
#pragma once

#include <filesystem>
#include <fstream>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "dossier/extract/dates/date.h"
#include "dossier/input/line_issue.h"

namespace dossier {

struct JsonlArticle {
  std::size_t line = 0;  // 1-based line number in the file
  std::string id;        // "id": a string, or an integer converted to decimal
  std::string title;     // "title", empty when absent
  std::string text;      // "text", or else "body"
  std::optional<Date> date;
  std::string source;
  std::string url;
};

// Either an article or why its line was rejected.
using JsonlRecord = std::variant<JsonlArticle, LineIssue>;

// Parses one line (already known not to be blank). Exposed for tests.
JsonlRecord parse_jsonl_article(std::size_t line, std::string_view text);

// Reads articles one line at a time, so memory stays flat whatever the file size.
// Blank lines are skipped; invalid UTF-8 is repaired (repair_utf8) before parsing; a line
// longer than kMaxRecordBytes is an issue, skipped without being held whole.
class JsonlArticleReader {
 public:
  explicit JsonlArticleReader(std::istream& in) : in_(&in) {}
  // Opens `path`; throws std::runtime_error when it cannot be opened.
  explicit JsonlArticleReader(const std::filesystem::path& path);

  // The next article or error; nullopt at the end of the input.
  std::optional<JsonlRecord> next();

  // Lines consumed so far (blank ones included).
  std::size_t lines_read() const { return line_; }

 private:
  std::unique_ptr<std::ifstream> owned_;
  std::istream* in_;
  std::size_t line_ = 0;
  std::string raw_;  // reused line buffer
};

}  // namespace dossier
