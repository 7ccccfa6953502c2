// Tables of hits or counts as TSV or CSV, one header line, for spreadsheets and scripts.
#pragma once

#include <string>
#include <string_view>

#include "dossier/batch_runner.h"

namespace dossier {

enum class TableFormat {
  kTsv,  // tabs and line breaks inside a field become spaces (TSV has no quoting)
  kCsv,  // RFC 4180: fields with a comma, quote or line break are quoted, '"' doubled
};

// Hits: "id,rank,docid,score,date,title" — id is the query id, docid the article id,
// date (YYYY-MM-DD) empty when the article has none.
std::string hits_table_header(TableFormat format);
std::string hits_table_rows(const BatchAnswer& answer, TableFormat format);

// Counts (--count): "id,query,total,total_exact".
std::string counts_table_header(TableFormat format);
std::string counts_table_row(const BatchAnswer& answer, TableFormat format);

// One field, quoted or cleaned for the format (exposed for tests).
std::string table_field(std::string_view value, TableFormat format);

}  // namespace dossier
