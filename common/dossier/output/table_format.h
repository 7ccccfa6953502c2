// The two plain-text table formats, shared by every table printer.
#pragma once

#include <string>
#include <string_view>

namespace dossier {

enum class TableFormat {
  kTsv,  // tabs and line breaks inside a field become spaces (TSV has no quoting)
  kCsv,  // RFC 4180: fields with a comma, quote or line break are quoted, '"' doubled
};

// The character between two fields of a row.
inline char table_separator(TableFormat format) {
  return format == TableFormat::kTsv ? '\t' : ',';
}

// One field, quoted or cleaned for the format.
std::string table_field(std::string_view value, TableFormat format);

}  // namespace dossier
