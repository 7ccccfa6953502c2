// `dossier-search --batch`: settings from the command line -> reader, searchers, format,
// runner -> exit code.
#pragma once

#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "dossier/output/output_format.h"
#include "dossier/output/printers_tsv.h"
#include "dossier/search/searcher.h"
#include "dossier/tables/table_kind.h"

namespace dossier {

struct BatchSettings {
  std::string db_path;
  OpenOptions open;                            // remote shards' timeouts (database_open.h)
  std::string input = "-";                     // a file, or "-" for stdin
  OutputFormat format = OutputFormat::kJsonl;  // jsonl | trec | tsv | csv
  std::string run_tag = "dossier";             // the TREC run's last column
  unsigned jobs = 0;                           // searcher threads; 0 = one per core
  bool count_only = false;                     // totals only, no hits
  std::optional<TableKind> table;              // a table per query instead of hits
  bool estimate = false;                       // allow estimated totals (faster on large databases)
  bool header = true;                          // JSONL database line / table column names
  std::vector<HitField> fields;  // tsv/csv columns of hits (printers_tsv.h); empty: default
  SearchRequest defaults;        // what a query does not set itself
  RankingParams ranking;
};

// Answers every query of the input and writes the answers to `out` in input order.
// Returns 0 when every query was answered (with or without hits) and 2 when any failed
// (each failure is an "error" record in JSONL, a line on `err` for other formats).
// Throws dossier::Error for what stops the whole batch: a missing database or input, or
// settings that do not fit together (--count with --format trec).
int run_batch_command(const BatchSettings& settings, std::ostream& out, std::ostream& err);

// The same with searchers and input of the caller's (`settings.db_path`, `input` and
// `jobs` unused): dossier-serve answers a posted batch with its own searchers, and its
// output is byte for byte the command's.
int run_batch_with(const BatchSettings& settings, std::vector<std::unique_ptr<Searcher>>& searchers,
                   std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace dossier
