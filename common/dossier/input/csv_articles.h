// Articles in a CSV file, one per record (format: docs/INPUT.md). The columns are named by
// the file's header line, or by --csv-columns for files without one (AG News writes
// `class,title,description` records with no header).
#pragma once

#include <filesystem>
#include <fstream>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dossier/input/csv_reader.h"
#include "dossier/input/jsonl_reader.h"

namespace dossier {

// Why `columns` cannot describe articles (no `text` or `body` column, both, or a column
// named twice), or nothing. Names other than id, title, text, body, date, source and url
// are columns to ignore.
std::optional<std::string> check_csv_columns(const std::vector<std::string>& columns);

// Reads a CSV file of articles as a stream of records, like JsonlArticleReader.
class CsvArticleReader {
 public:
  // `columns` names the columns of a file without a header line (all its lines are
  // records); empty, the first line is the header. `name` (the file's name) makes the ids
  // of a file without an `id` column: "NAME:LINE". Throws std::runtime_error when the
  // header names no text column.
  CsvArticleReader(std::istream& in, std::string name, std::vector<std::string> columns);
  // Opens `path`; throws std::runtime_error when it cannot be opened or read as articles.
  CsvArticleReader(const std::filesystem::path& path, std::vector<std::string> columns);

  // The next article or why its record was rejected; nullopt at the end of the input.
  std::optional<JsonlRecord> next();

 private:
  void use_columns(std::vector<std::string> columns);
  JsonlRecord to_article(std::size_t line) const;

  std::unique_ptr<std::ifstream> owned_;
  CsvReader reader_;
  std::string name_;
  std::vector<std::string> columns_;
  std::vector<std::string> fields_;  // reused record buffer
};

}  // namespace dossier
