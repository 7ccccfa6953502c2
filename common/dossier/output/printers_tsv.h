// Tables of hits or counts as TSV or CSV, one header line, for spreadsheets and scripts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dossier/batch/batch_runner.h"
#include "dossier/output/table_format.h"

namespace dossier {

// The columns a table of hits can have (--fields): id (the query id), rank, docid (the
// article id), score, date (YYYY-MM-DD, empty when undated), date_source, title, snippet,
// actors ("name (type); ..."), source, url; unknown ones are empty.
const std::vector<std::string>& hit_table_fields();
// The columns without --fields: id,rank,docid,score,date,title.
const std::vector<std::string>& default_hit_table_fields();
// Throws dossier::Error (kUsage) naming a field that is not one of hit_table_fields().
void check_hit_table_fields(const std::vector<std::string>& fields);

// Hits: one header line of `fields`, then one row per hit.
std::string hits_table_header(const std::vector<std::string>& fields, TableFormat format);
std::string hits_table_rows(const BatchAnswer& answer, const std::vector<std::string>& fields,
                            TableFormat format);

// Counts (--count): "id,query,total,total_exact".
std::string counts_table_header(TableFormat format);
std::string counts_table_row(const BatchAnswer& answer, TableFormat format);

}  // namespace dossier
