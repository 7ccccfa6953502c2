// Answering a batch of queries, in parallel, with output in input order.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "dossier/batch/batch_input.h"
#include "dossier/search/searcher.h"
#include "dossier/tables/actor_date_table.h"
#include "dossier/tables/actor_network.h"
#include "dossier/tables/table_kind.h"

namespace dossier {

// What became of one batch query: a result, or the reason it failed.
struct BatchAnswer {
  BatchQuery query;
  std::optional<SearchResult> result;   // empty when the query failed or a table was asked
  std::optional<ActorDateTable> table;  // with --table actor-by-date
  std::optional<ActorNetwork> network;  // with --table actor-by-actor
  std::string error;
  std::vector<ActorListing> ambiguous;  // the actors an ambiguous actor filter could mean
};

// Answers one query with `searcher`: `defaults` plus the query's own keys; with `table`,
// that table instead of hits. Never throws: an unreadable line, a bad key or query, or a
// failed search becomes `error`.
BatchAnswer answer_batch_query(Searcher& searcher, BatchQuery query, const SearchRequest& defaults,
                               std::optional<TableKind> table = std::nullopt);

// Turns an answer into its output text (whole lines, possibly none). Called from several
// threads at once: it must only read shared state.
using BatchFormatter = std::function<std::string(const BatchAnswer&)>;

struct BatchRunOptions {
  SearchRequest defaults;
  std::optional<TableKind> table;  // answer each query with this table instead of hits
  // Formatted answers held at most, waiting for an earlier one to finish (output is in
  // input order); 0 means 64 per searcher. Bounds memory whatever the batch length.
  std::size_t window = 0;
  // Where failed queries are reported, one line each ("line N, id X: message"), in input
  // order, and partial answers (allow_partial: "line N, id X: partial answer: ..."); null
  // when the format carries both itself (JSONL).
  std::ostream* errors = nullptr;
  std::string error_prefix;  // starts each error line (the program's name)
};

struct BatchSummary {
  std::size_t queries = 0;
  std::size_t failed = 0;
};

// Reads every query from `reader`, answers it with one of `searchers` (one thread per
// searcher; a single searcher runs in the calling thread) and writes the formatted answers
// to `out` in input order, so the output does not depend on the number of searchers.
// Output is flushed whenever reading more input could block.
BatchSummary run_batch(BatchReader& reader, std::vector<std::unique_ptr<Searcher>>& searchers,
                       const BatchRunOptions& options, const BatchFormatter& format,
                       std::ostream& out);

}  // namespace dossier
