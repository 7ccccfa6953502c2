// The boolean query fields that are not plain terms: actor:, date:, mentioned:, source:.
// Each is a Xapian::FieldProcessor, and the same functions serve the command-line filters
// (--actor, --from/--to, --source), so both spellings mean exactly the same.
#pragma once

#include <exception>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

#include "dossier/extract/dates/date.h"
#include "dossier/search/actor_directory.h"
#include "dossier/text/analyzer.h"

namespace dossier {

// Parses a date bound ("2019", "2019-01", "2019-01-23"); throws dossier::Error (kUsage)
// naming `what` ("--from") and why.
Date parse_date_bound(std::string_view text, std::string_view what);

// Articles published between `from` and `to` inclusive (either may be absent), at the
// precision each is written in: --from 2019-02 starts on February 1st, --to 2019 ends on
// December 31st. Undated articles never match. Throws dossier::Error (kUsage) when `to`
// ends before `from` starts.
Xapian::Query date_range_query(const std::optional<Date>& from, const std::optional<Date>& to);

// "date:" values: "2019", "2019-01", "2019-01-01..2019-02-28", "..2019-02", "2019..",
// and "undated". Throws dossier::Error (kUsage) on anything else.
Xapian::Query date_field_query(std::string_view value);

// "mentioned:" values: a day or a month ("2019-01-23", "2019-01").
Xapian::Query mentioned_field_query(std::string_view value);

// "source:" values and --source: the folded source name.
Xapian::Query source_query(std::string_view value, Analyzer& analyzer);

// "folder:" values and --folder: the folded folder name.
Xapian::Query folder_query(std::string_view value, Analyzer& analyzer);

// The first error a field processor met during one parse. Processors never throw through
// Xapian's parser (it would leak and lose our error type): they record the error here,
// match nothing, and the caller rethrows it once parse_query has returned (an ambiguous
// actor keeps its candidates).
struct FieldErrors {
  std::exception_ptr first;
  void record(std::exception_ptr error) {
    if (!first) first = std::move(error);
  }
};

// Registers the processors for the schema's boolean fields with `parser`; `errors` must
// outlive every parse.
void add_field_processors(Xapian::QueryParser& parser, ActorDirectory& actors, Analyzer& analyzer,
                          FieldErrors& errors);

}  // namespace dossier
