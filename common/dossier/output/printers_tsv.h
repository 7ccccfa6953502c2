// Tables of hits or counts as TSV or CSV, one header line, for spreadsheets and scripts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dossier/base/enum_names.h"
#include "dossier/batch/batch_runner.h"
#include "dossier/output/table_format.h"

namespace dossier {

// The columns a table of hits can have (--fields): id (the query id), rank, docid (the
// article id), score, date (YYYY-MM-DD, empty when undated), date_source, title, snippet,
// actors ("name (type); ..."), source, url; unknown ones are empty.
enum class HitField {
  kId,
  kRank,
  kDocid,
  kScore,
  kDate,
  kDateSource,
  kTitle,
  kSnippet,
  kActors,
  kSource,
  kUrl
};
inline constexpr EnumNames<HitField, 11> kHitFieldNames = {{
    {HitField::kId, "id"},
    {HitField::kRank, "rank"},
    {HitField::kDocid, "docid"},
    {HitField::kScore, "score"},
    {HitField::kDate, "date"},
    {HitField::kDateSource, "date_source"},
    {HitField::kTitle, "title"},
    {HitField::kSnippet, "snippet"},
    {HitField::kActors, "actors"},
    {HitField::kSource, "source"},
    {HitField::kUrl, "url"},
}};
// The columns without --fields: id,rank,docid,score,date,title.
const std::vector<HitField>& default_hit_table_fields();
// The fields `names` name, in their order. Throws dossier::Error (kUsage) naming a name
// that is no field, or when there is none.
std::vector<HitField> hit_table_fields(const std::vector<std::string>& names);

// Hits: one header line of `fields`, then one row per hit.
std::string hits_table_header(const std::vector<HitField>& fields, TableFormat format);
std::string hits_table_rows(const BatchAnswer& answer, const std::vector<HitField>& fields,
                            TableFormat format);

// Counts (--count): "id,query,total,total_exact".
std::string counts_table_header(TableFormat format);
std::string counts_table_row(const BatchAnswer& answer, TableFormat format);

}  // namespace dossier
