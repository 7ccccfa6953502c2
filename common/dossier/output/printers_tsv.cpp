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
    if (!first) out += table_separator(format);
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
std::string hit_field(HitField field, const std::string& query_id, const Hit& hit) {
  switch (field) {
    case HitField::kId:
      return query_id;
    case HitField::kRank:
      return std::to_string(hit.rank);
    case HitField::kDocid:
      return hit.id;
    case HitField::kScore:
      return score_text(hit.score);
    case HitField::kDate:
      return hit.date;
    case HitField::kDateSource:
      return hit.date_source;
    case HitField::kTitle:
      return hit.title;
    case HitField::kSnippet:
      return hit.snippet;
    case HitField::kActors:
      return actors_text(hit);
    case HitField::kSource:
      return hit.source;
    case HitField::kUrl:
      return hit.url;
  }
  return {};
}

}  // namespace

const std::vector<HitField>& default_hit_table_fields() {
  static const std::vector<HitField> kFields = {HitField::kId,    HitField::kRank,
                                                HitField::kDocid, HitField::kScore,
                                                HitField::kDate,  HitField::kTitle};
  return kFields;
}

std::vector<HitField> hit_table_fields(const std::vector<std::string>& names) {
  std::vector<HitField> fields;
  for (const auto& name : names) {
    const auto field = enum_from_name(kHitFieldNames, name);
    if (!field)
      throw Error(ErrorKind::kUsage,
                  "unknown field '" + name + "' (" + enum_names_text(kHitFieldNames) + ")");
    fields.push_back(*field);
  }
  if (fields.empty()) throw Error(ErrorKind::kUsage, "--fields names no field");
  return fields;
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

std::string hits_table_header(const std::vector<HitField>& fields, TableFormat format) {
  std::vector<std::string_view> names;
  for (const HitField field : fields) names.push_back(enum_name(kHitFieldNames, field));
  return row(names, format);
}

std::string hits_table_rows(const BatchAnswer& answer, const std::vector<HitField>& fields,
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
