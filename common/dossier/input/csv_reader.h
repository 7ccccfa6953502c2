// Streaming RFC 4180 CSV: comma-separated fields, "double quotes" around fields holding
// commas, quotes ("" inside) or line breaks. LF or CRLF line ends. A byte-order mark at
// the start of the input is skipped.
#pragma once

#include <istream>
#include <string>
#include <vector>

namespace dossier {

class CsvReader {
 public:
  explicit CsvReader(std::istream& in) : in_(in) {}

  // Reads the next record into `fields`. Returns false at end of input. A malformed
  // record (text after a closing quote, a quote that never closes) sets `error` to the
  // reason and is skipped up to the end of its line; `fields` is then unspecified.
  // A record longer than kMaxRecordBytes is read to its end without being held and is an
  // error too. `line` receives the 1-based line on which the record starts.
  bool next(std::vector<std::string>& fields, std::size_t& line, std::string& error);

 private:
  // Reads a byte-order mark at the start of the input; returns the bytes read when they
  // were only its beginning (they belong to the first field).
  std::string leading_bytes_without_bom();

  std::istream& in_;
  bool started_ = false;
  std::size_t line_ = 1;  // line of the next character to read
};

}  // namespace dossier
