#include "dossier/input/csv_reader.h"

#include "dossier/base/utf8.h"
#include "dossier/input/bounded_line.h"

namespace dossier {

bool CsvReader::next(std::vector<std::string>& fields, std::size_t& line, std::string& error) {
  fields.clear();
  error.clear();
  line = line_;
  std::string field;
  if (!started_) {
    started_ = true;
    field = leading_bytes_without_bom();
  }
  int c = in_.get();
  if (c == std::char_traits<char>::eof() && field.empty()) return false;

  bool quoted = false;       // inside "..."
  bool after_quote = false;  // just closed a quoted field: only , or a line end may follow
  // A record over kMaxRecordBytes is read to its end (quotes still followed, so the next
  // record starts where it should) without keeping what is past the limit.
  std::size_t record_bytes = field.size();
  const auto keep = [&](char ch) {
    if (++record_bytes <= kMaxRecordBytes) field.push_back(ch);
  };
  for (;; c = in_.get()) {
    if (c == std::char_traits<char>::eof()) {
      if (quoted) error = "a quoted field is not closed before the end of the file";
      break;
    }
    const char ch = static_cast<char>(c);
    if (ch == '\n') ++line_;
    if (quoted) {
      if (ch != '"') {
        keep(ch);
      } else if (in_.peek() == '"') {
        in_.get();
        keep('"');
      } else {
        quoted = false;
        after_quote = true;
      }
      continue;
    }
    if (ch == ',') {
      fields.push_back(std::move(field));
      field.clear();
      after_quote = false;
    } else if (ch == '\n') {
      break;
    } else if (ch == '\r' && (in_.peek() == '\n' || in_.peek() == std::char_traits<char>::eof())) {
      continue;  // CR of a CRLF line end
    } else if (after_quote) {
      error = "unexpected text after a closing quote";
      break;
    } else if (ch == '"' && field.empty()) {
      quoted = true;
    } else if (ch == '"') {
      error = "a quote inside an unquoted field (quote the whole field and double the quote)";
      break;
    } else {
      keep(ch);
    }
  }
  if (error.empty() && record_bytes > kMaxRecordBytes) {
    error = "record " + record_too_long_reason();
    fields.clear();
    return true;
  }
  if (!error.empty()) {
    // Resynchronise at the next line end so one bad record costs one line.
    if (c != '\n') {
      for (c = in_.get(); c != std::char_traits<char>::eof() && c != '\n'; c = in_.get()) {
      }
      if (c == '\n') ++line_;
    }
    return true;
  }
  fields.push_back(std::move(field));
  return true;
}

std::string CsvReader::leading_bytes_without_bom() {
  std::string read;
  while (read.size() < kUtf8Bom.size() &&
         in_.peek() == static_cast<unsigned char>(kUtf8Bom[read.size()])) {
    read.push_back(static_cast<char>(in_.get()));
  }
  return read == kUtf8Bom ? std::string() : read;
}

}  // namespace dossier
