#include "dossier/input/csv_articles.h"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "dossier/base/utf8.h"
#include "dossier/text/ascii_words.h"

namespace dossier {
namespace {

constexpr std::array<std::string_view, 7> kKnownColumns = {"id",   "title",  "text", "body",
                                                           "date", "source", "url"};
constexpr std::string_view kCsvPadding = " \t";

std::string column_name(std::string_view field) {
  std::string name(trim(field, kCsvPadding));
  std::transform(name.begin(), name.end(), name.begin(), to_ascii_lower);
  return name;
}

std::unique_ptr<std::ifstream> open_file(const std::filesystem::path& path) {
  auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*in) throw std::runtime_error("cannot open " + path.string());
  return in;
}

LineIssue issue(std::size_t line, std::string reason) {
  return {line, std::move(reason)};
}

}  // namespace

std::optional<std::string> check_csv_columns(const std::vector<std::string>& columns) {
  for (const std::string_view known : kKnownColumns) {
    if (std::count(columns.begin(), columns.end(), known) > 1)
      return "the column \"" + std::string(known) + "\" is named twice";
  }
  const bool text = std::count(columns.begin(), columns.end(), "text") == 1;
  const bool body = std::count(columns.begin(), columns.end(), "body") == 1;
  if (text && body) return std::string("both a \"text\" and a \"body\" column: name one");
  if (!text && !body) return std::string("no \"text\" (or \"body\") column");
  return std::nullopt;
}

CsvArticleReader::CsvArticleReader(std::istream& in, std::string name,
                                   std::vector<std::string> columns)
    : reader_(in), name_(std::move(name)) {
  use_columns(std::move(columns));
}

CsvArticleReader::CsvArticleReader(const std::filesystem::path& path,
                                   std::vector<std::string> columns)
    : owned_(open_file(path)), reader_(*owned_), name_(path.filename().string()) {
  use_columns(std::move(columns));
}

void CsvArticleReader::use_columns(std::vector<std::string> columns) {
  if (!columns.empty()) {
    if (const auto why = check_csv_columns(columns))
      throw std::runtime_error("--csv-columns: " + *why);
    columns_ = std::move(columns);
    return;
  }
  std::size_t line = 0;
  std::string error;
  if (!reader_.next(columns_, line, error)) throw std::runtime_error(name_ + ": empty CSV file");
  if (!error.empty()) throw std::runtime_error(name_ + ": unreadable CSV header: " + error);
  for (auto& c : columns_) c = column_name(repair_utf8(c));
  if (const auto why = check_csv_columns(columns_)) {
    throw std::runtime_error(
        name_ + ": not read as articles: its first line is no header naming the columns (" + *why +
        "); add a header line such as id,title,text,date,source,url or name the columns with "
        "--csv-columns (AG News: --csv-columns class,title,text)");
  }
}

std::optional<JsonlRecord> CsvArticleReader::next() {
  std::size_t line = 0;
  std::string error;
  while (reader_.next(fields_, line, error)) {
    if (!error.empty()) return issue(line, "malformed CSV: " + error);
    if (fields_.size() == 1 && trim(fields_[0], kLineSpaces).empty()) continue;  // blank line
    return to_article(line);
  }
  return std::nullopt;
}

JsonlRecord CsvArticleReader::to_article(std::size_t line) const {
  if (fields_.size() != columns_.size()) {
    return issue(line, "expected " + std::to_string(columns_.size()) + " fields, found " +
                           std::to_string(fields_.size()));
  }
  JsonlArticle article;
  article.line = line;
  article.id = name_ + ":" + std::to_string(line);
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    const std::string& column = columns_[i];
    std::string value = repair_utf8(fields_[i]);
    if (column == "text" || column == "body") {
      article.text = std::move(value);
    } else if (column == "title") {
      article.title = std::move(value);
    } else if (column == "id") {
      article.id = std::string(trim(value, kCsvPadding));
      if (article.id.empty()) return issue(line, "empty \"id\"");
    } else if (column == "date") {
      const std::string_view date = trim(value, kCsvPadding);
      if (date.empty()) continue;
      std::string why;
      article.date = Date::parse_iso(date, &why);
      if (!article.date) return issue(line, "bad \"date\": " + why);
    } else if (column == "source") {
      article.source = std::string(trim(value, kCsvPadding));
    } else if (column == "url") {
      article.url = std::string(trim(value, kCsvPadding));
    }
  }
  if (trim(article.text, kLineSpaces).empty() && trim(article.title, kLineSpaces).empty())
    return issue(line, "empty text and title");
  return article;
}

}  // namespace dossier
