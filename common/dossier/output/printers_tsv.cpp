#include "dossier/output/printers_tsv.h"

#include <initializer_list>

#include <nlohmann/json.hpp>

#include "dossier/output/printers.h"

namespace dossier {
namespace {

std::string row(std::initializer_list<std::string_view> fields, TableFormat format) {
  std::string out;
  bool first = true;
  for (const auto f : fields) {
    if (!first) out += format == TableFormat::kTsv ? '\t' : ',';
    out += table_field(f, format);
    first = false;
  }
  return out + "\n";
}

// The same text as the JSON output's score.
std::string score_text(double score) {
  return nlohmann::json(rounded_score(score)).dump();
}

}  // namespace

std::string table_field(std::string_view value, TableFormat format) {
  if (format == TableFormat::kTsv) {
    std::string out(value);
    for (char& c : out) {
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    return out;
  }
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (const char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string hits_table_header(TableFormat format) {
  return row({"id", "rank", "docid", "score", "date", "title"}, format);
}

std::string hits_table_rows(const BatchAnswer& answer, TableFormat format) {
  if (!answer.result) return {};
  const std::string id = id_text(answer.query.id);
  std::string out;
  for (const auto& hit : answer.result->hits) {
    out += row({id, std::to_string(hit.rank), hit.id, score_text(hit.score), hit.date, hit.title},
               format);
  }
  return out;
}

std::string counts_table_header(TableFormat format) {
  return row({"id", "query", "total", "total_exact"}, format);
}

std::string counts_table_row(const BatchAnswer& answer, TableFormat format) {
  if (!answer.result) return {};
  const SearchResult& r = *answer.result;
  return row({id_text(answer.query.id), r.query, std::to_string(r.total),
              r.total_exact ? "true" : "false"},
             format);
}

}  // namespace dossier
