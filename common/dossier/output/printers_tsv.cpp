#include "dossier/output/printers_tsv.h"

#include <algorithm>
#include <initializer_list>

#include <nlohmann/json.hpp>

#include "dossier/base/errors.h"
#include "dossier/output/printers.h"

namespace dossier {
namespace {

template <class Fields>
std::string row(const Fields& fields, TableFormat format) {
  std::string out;
  bool first = true;
  for (const auto& f : fields) {
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

std::string row(std::initializer_list<std::string_view> fields, TableFormat format) {
  return row<std::initializer_list<std::string_view>>(fields, format);
}

std::string actors_text(const Hit& hit) {
  std::string out;
  for (const auto& a : hit.actors) {
    if (!out.empty()) out += "; ";
    out += a.name + " (" + a.type + ")";
  }
  return out;
}

// One column of a hit's row.
std::string hit_field(const std::string& field, const std::string& query_id, const Hit& hit) {
  if (field == "id") return query_id;
  if (field == "rank") return std::to_string(hit.rank);
  if (field == "docid") return hit.id;
  if (field == "score") return score_text(hit.score);
  if (field == "date") return hit.date;
  if (field == "date_source") return hit.date_source;
  if (field == "title") return hit.title;
  if (field == "snippet") return hit.snippet;
  if (field == "actors") return actors_text(hit);
  if (field == "source") return hit.source;
  if (field == "url") return hit.url;
  return {};
}

}  // namespace

const std::vector<std::string>& hit_table_fields() {
  static const std::vector<std::string> kFields = {"id",     "rank",        "docid", "score",
                                                   "date",   "date_source", "title", "snippet",
                                                   "actors", "source",      "url"};
  return kFields;
}

const std::vector<std::string>& default_hit_table_fields() {
  static const std::vector<std::string> kFields = {"id", "rank", "docid", "score", "date", "title"};
  return kFields;
}

void check_hit_table_fields(const std::vector<std::string>& fields) {
  const auto& known = hit_table_fields();
  for (const auto& f : fields) {
    if (std::find(known.begin(), known.end(), f) == known.end())
      throw Error(ErrorKind::kUsage, "unknown field '" + f +
                                         "' (id, rank, docid, score, date, date_source, title, "
                                         "snippet, actors, source, url)");
  }
  if (fields.empty()) throw Error(ErrorKind::kUsage, "--fields names no field");
}

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

std::string hits_table_header(const std::vector<std::string>& fields, TableFormat format) {
  return row(fields, format);
}

std::string hits_table_rows(const BatchAnswer& answer, const std::vector<std::string>& fields,
                            TableFormat format) {
  if (!answer.result) return {};
  const std::string id = id_text(answer.query.id);
  std::string out;
  std::vector<std::string> values(fields.size());
  for (const auto& hit : answer.result->hits) {
    for (std::size_t i = 0; i < fields.size(); ++i) values[i] = hit_field(fields[i], id, hit);
    out += row(values, format);
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
