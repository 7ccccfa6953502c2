// Reading a batch of queries: JSON lines, "ID<TAB>QUERY" lines, bare query lines, or a
// TREC topic file. Streamed one query at a time, so a batch of any length reads in
// constant memory.
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace dossier {

// One query as read from the input, before it becomes a SearchRequest.
struct BatchQuery {
  std::size_t line = 0;  // 1-based input line (a TREC topic: the line of its <top>)
  // The query id as given (a string or an integer); the line number when none was given.
  nlohmann::json id;
  // A JSON line's object, keys still to apply (see apply_batch_json); null otherwise.
  nlohmann::json object;
  std::string text;   // the query text of a TSV, bare or TREC line
  std::string error;  // why the line cannot be read; non-empty means the query failed
};

// The query id as plain text (for TREC runs and tables): strings as they are, integers in
// decimal.
std::string id_text(const nlohmann::json& id);

// Splits an input into queries. The kind of input is decided once, by its first
// non-blank line: "<top>" starts a TREC topic file (each topic's <num> and <title> are
// read; "Number:" and "Topic:" labels dropped), anything else is a file of lines where
// each non-blank line is a JSON object (starting with '{'), "ID<TAB>QUERY", or a bare
// query whose id is its line number. A line longer than kMaxRecordBytes, or a JSON line
// nested deeper than kMaxJsonDepth, is a query with an error, never held whole.
class BatchReader {
 public:
  // Unties `in` from its output stream (std::cin flushes std::cout before each read): a
  // batch reads in one thread while others write answers, and run_batch() flushes the
  // answers itself before any read that could block.
  explicit BatchReader(std::istream& in) : in_(in) { in_.tie(nullptr); }

  // The next query, or nothing at the end of the input.
  std::optional<BatchQuery> next();

  // Whether the next read would be answered from what is already buffered; when not, it
  // may block (a script feeding stdin and waiting for answers), so the caller should
  // write and flush what it has first.
  bool input_buffered() const;

 private:
  enum class Kind { kUndecided, kLines, kTrecTopics };

  // The next line (one longer than kMaxRecordBytes comes back empty, line_too_long_ set).
  bool read_line(std::string& line);
  BatchQuery too_long_line_query() const;
  std::optional<BatchQuery> next_line_query();
  std::optional<BatchQuery> next_trec_topic();

  std::istream& in_;
  Kind kind_ = Kind::kUndecided;
  std::size_t line_no_ = 0;
  std::optional<std::string> held_;  // a line read ahead while deciding the kind
  bool held_too_long_ = false;
  bool line_too_long_ = false;  // the line read last was over kMaxRecordBytes
};

// Parses one line of a line-oriented batch (exposed for tests).
BatchQuery parse_batch_line(const std::string& line, std::size_t line_no);

}  // namespace dossier
