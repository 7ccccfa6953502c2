// Tables of hits or counts as TSV or CSV, one header line, for spreadsheets and scripts.
#pragma once

#include <string>
#include <string_view>

#include "dossier/batch/batch_runner.h"
#include "dossier/tables/table_format.h"

namespace dossier {

// Hits: "id,rank,docid,score,date,title" — id is the query id, docid the article id,
// date (YYYY-MM-DD) empty when the article has none.
std::string hits_table_header(TableFormat format);
std::string hits_table_rows(const BatchAnswer& answer, TableFormat format);

// Counts (--count): "id,query,total,total_exact".
std::string counts_table_header(TableFormat format);
std::string counts_table_row(const BatchAnswer& answer, TableFormat format);

}  // namespace dossier
