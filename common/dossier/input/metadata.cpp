#include "dossier/input/metadata.h"

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "dossier/base/utf8.h"
#include "dossier/input/bounded_line.h"
#include "dossier/input/csv_reader.h"
#include "dossier/input/json_line.h"
#include "dossier/text/ascii_words.h"

namespace dossier {

namespace {

// Accumulates rows into a table, rejecting duplicates and empty ids.
class TableBuilder {
 public:
  void add(std::size_t line, std::string id, ArticleMetadata metadata) {
    id = normalize_article_id(id);
    if (id.empty()) return warn(line, "empty \"id\"");
    const auto [it, inserted] = first_line_.emplace(id, line);
    if (!inserted) {
      return warn(line, "duplicate id \"" + id + "\" (first given on line " +
                            std::to_string(it->second) + "); this line is ignored");
    }
    table_.by_id.emplace(std::move(id), std::move(metadata));
  }
  void warn(std::size_t line, std::string reason) {
    table_.warnings.push_back({line, std::move(reason)});
  }
  MetadataTable take() { return std::move(table_); }

 private:
  MetadataTable table_;
  std::unordered_map<std::string, std::size_t> first_line_;
};

// Stores one named text value into `metadata`; returns a reason when it is not valid.
// Unknown field names are ignored (sidecars often carry more columns).
std::optional<std::string> set_field(std::string_view name, const std::string& value,
                                     ArticleMetadata& metadata) {
  if (name == "date") {
    if (value.empty()) return std::nullopt;
    std::string error;
    metadata.date = Date::parse_iso(value, &error);
    if (!metadata.date) return "bad \"date\": " + error;
  } else if (name == "title") {
    metadata.title = value;
  } else if (name == "source") {
    metadata.source = value;
  } else if (name == "url") {
    metadata.url = value;
  }
  return std::nullopt;
}

// A JSON id: a string, or an integer written in decimal.
std::optional<std::string> json_id(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return value.dump();
  return std::nullopt;
}

void parse_jsonl_line(std::size_t line, const std::string& text, TableBuilder& builder) {
  auto parsed = parse_json_object_line(text);
  if (auto* reason = std::get_if<std::string>(&parsed)) return builder.warn(line, *reason);
  const nlohmann::json& object = std::get<nlohmann::json>(parsed);
  const auto id_field = object.find("id");
  if (id_field == object.end()) return builder.warn(line, "missing \"id\"");
  const std::optional<std::string> id = json_id(*id_field);
  if (!id) return builder.warn(line, "\"id\" must be a string or an integer");
  ArticleMetadata metadata;
  for (const char* name : {"date", "title", "source", "url"}) {
    const auto field = object.find(name);
    if (field == object.end() || field->is_null()) continue;
    if (!field->is_string()) {
      return builder.warn(line, std::string("\"") + name + "\" must be a string");
    }
    if (auto error = set_field(name, field->get<std::string>(), metadata)) {
      return builder.warn(line, *error);
    }
  }
  builder.add(line, *id, std::move(metadata));
}

// Around a CSV field: spaces and tabs ("id, date" is read as "id" and "date").
constexpr std::string_view kCsvPadding = " \t";

// A CSV field's value: repaired UTF-8, without its padding.
std::string csv_value(std::string_view field) {
  return std::string(trim(repair_utf8(field), kCsvPadding));
}

}  // namespace

const ArticleMetadata* MetadataTable::find(std::string_view id) const {
  const auto it = by_id.find(std::string(id));
  return it == by_id.end() ? nullptr : &it->second;
}

std::string normalize_article_id(std::string_view id) {
  std::string out(id);
  std::replace(out.begin(), out.end(), '\\', '/');
  while (out.starts_with("./")) out.erase(0, 2);
  return out;
}

MetadataTable parse_metadata_jsonl(std::istream& in) {
  TableBuilder builder;
  std::string raw;
  std::size_t line = 0;
  for (LineRead read; (read = read_line_within(in, raw)) != LineRead::kEnd;) {
    ++line;
    if (read == LineRead::kTooLong) {
      builder.warn(line, "line is " + record_too_long_reason());
      continue;
    }
    if (line == 1) strip_bom(raw);
    const std::string text = repair_utf8(raw);
    if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
    parse_jsonl_line(line, text, builder);
  }
  return builder.take();
}

MetadataTable parse_metadata_csv(std::istream& in) {
  TableBuilder builder;
  CsvReader reader(in);
  std::vector<std::string> fields;
  std::size_t line = 0;
  std::string error;

  std::vector<std::string> header;
  if (!reader.next(header, line, error)) return builder.take();
  if (!error.empty()) {
    builder.warn(line, "unreadable header: " + error);
    return builder.take();
  }
  for (std::string& name : header) name = csv_value(name);
  const auto id_column = std::find(header.begin(), header.end(), "id") - header.begin();
  if (static_cast<std::size_t>(id_column) == header.size()) {
    builder.warn(line, "the header has no \"id\" column; nothing loaded");
    return builder.take();
  }

  while (reader.next(fields, line, error)) {
    if (!error.empty()) {
      builder.warn(line, "malformed CSV: " + error);
      continue;
    }
    if (fields.size() == 1 && trim(fields[0], kCsvPadding).empty()) continue;  // blank line
    if (fields.size() != header.size()) {
      builder.warn(line, "expected " + std::to_string(header.size()) + " fields, found " +
                             std::to_string(fields.size()));
      continue;
    }
    ArticleMetadata metadata;
    std::optional<std::string> bad;
    for (std::size_t i = 0; i < header.size() && !bad; ++i) {
      bad = set_field(header[i], csv_value(fields[i]), metadata);
    }
    if (bad) {
      builder.warn(line, *bad);
      continue;
    }
    builder.add(line, csv_value(fields[id_column]), std::move(metadata));
  }
  return builder.take();
}

MetadataTable load_metadata(const std::filesystem::path& corpus_root) {
  const std::filesystem::path jsonl = corpus_root / kMetadataJsonlName;
  const std::filesystem::path csv = corpus_root / kMetadataCsvName;
  const bool has_jsonl = std::filesystem::is_regular_file(jsonl);
  const bool has_csv = std::filesystem::is_regular_file(csv);
  if (!has_jsonl && !has_csv) return {};

  const std::filesystem::path& file = has_jsonl ? jsonl : csv;
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  MetadataTable table = has_jsonl ? parse_metadata_jsonl(in) : parse_metadata_csv(in);
  if (in.bad()) throw std::runtime_error("error while reading " + file.string());
  table.file = file;
  if (has_jsonl && has_csv) {
    table.warnings.insert(table.warnings.begin(),
                          {0, "used; " + csv.filename().string() + " beside it is ignored"});
  }
  return table;
}

}  // namespace dossier
