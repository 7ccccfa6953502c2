// The output formats users name with --format, parsed once at the edge: which ones a mode
// takes is the mode's business (one query: text or json; a batch: jsonl, trec, tsv, csv;
// --table: tsv, csv, json, graphml).
#pragma once

#include <optional>
#include <string_view>

#include "dossier/base/enum_names.h"
#include "dossier/output/table_format.h"

namespace dossier {

enum class OutputFormat { kText, kJson, kJsonl, kTrec, kTsv, kCsv, kGraphml };
inline constexpr EnumNames<OutputFormat, 7> kOutputFormatNames = {{
    {OutputFormat::kText, "text"},
    {OutputFormat::kJson, "json"},
    {OutputFormat::kJsonl, "jsonl"},
    {OutputFormat::kTrec, "trec"},
    {OutputFormat::kTsv, "tsv"},
    {OutputFormat::kCsv, "csv"},
    {OutputFormat::kGraphml, "graphml"},
}};

inline std::optional<OutputFormat> output_format_from_string(std::string_view name) {
  return enum_from_name(kOutputFormatNames, name);
}
inline std::string_view output_format_name(OutputFormat format) {
  return enum_name(kOutputFormatNames, format);
}

// The table format of tsv and csv; nothing for the others.
inline std::optional<TableFormat> table_format_of(OutputFormat format) {
  if (format == OutputFormat::kTsv) return TableFormat::kTsv;
  if (format == OutputFormat::kCsv) return TableFormat::kCsv;
  return std::nullopt;
}

}  // namespace dossier
