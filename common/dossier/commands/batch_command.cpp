#include "dossier/commands/batch_command.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <vector>

#include "dossier/base/errors.h"
#include "dossier/base/thread_count.h"
#include "dossier/batch/batch_runner.h"
#include "dossier/output/printers_batch.h"
#include "dossier/output/printers_tables.h"
#include "dossier/output/printers_trec.h"
#include "dossier/output/printers_tsv.h"
#include "dossier/tables/actor_date_table.h"
#include "dossier/tables/actor_network.h"

namespace dossier {
namespace {

struct BatchOutput {
  std::string header;  // written once, before the answers
  BatchFormatter format;
  bool errors_in_output = false;  // JSONL carries error records; others report on stderr
  bool snippets = false;
  bool ids_only = false;  // the hits' ids and scores are all it prints
};

nlohmann::ordered_json database_header(const Searcher& searcher) {
  return batch_header_json(searcher.database(), searcher.revision());
}

BatchOutput table_output(const BatchSettings& s, const Searcher& searcher) {
  if (s.format == OutputFormat::kJsonl)
    return {s.header ? json_line(database_header(searcher)) : "", jsonl_table_line, true, false};
  if (const auto format = table_format_of(s.format)) {
    const TableFormat table = *format;
    if (s.table == TableKind::kActorByActor) {
      return {s.header ? actor_network_header(table, true) : "",
              [table](const BatchAnswer& a) {
                return a.network ? actor_network_rows(*a.network, id_text(a.query.id), table)
                                 : std::string();
              },
              false, false};
    }
    return {s.header ? actor_date_table_header(table, true) : "",
            [table](const BatchAnswer& a) {
              return a.table ? actor_date_table_rows(*a.table, id_text(a.query.id), table)
                             : std::string();
            },
            false, false};
  }
  throw Error(ErrorKind::kUsage, "--table prints jsonl, tsv or csv in a batch");
}

BatchOutput batch_output(const BatchSettings& s, const Searcher& searcher) {
  if (!s.fields.empty() && (s.table || s.count_only || !table_format_of(s.format)))
    throw Error(ErrorKind::kUsage, "--fields chooses the columns of a tsv or csv batch of hits");
  if (s.table) return table_output(s, searcher);
  if (s.format == OutputFormat::kJsonl) {
    return {s.header ? json_line(database_header(searcher)) : "",
            s.count_only ? BatchFormatter(jsonl_count_line) : BatchFormatter(jsonl_answer_line),
            true, true};
  }
  if (s.format == OutputFormat::kTrec) {
    if (s.count_only) throw Error(ErrorKind::kUsage, "--count has no TREC run format");
    const std::string tag = s.run_tag;
    return {"", [tag](const BatchAnswer& a) { return trec_run_lines(a, tag); }, false, false, true};
  }
  if (const auto format = table_format_of(s.format)) {
    const TableFormat table = *format;
    if (s.count_only) {
      return {s.header ? counts_table_header(table) : "",
              [table](const BatchAnswer& a) { return counts_table_row(a, table); }, false, false};
    }
    const auto& fields = s.fields.empty() ? default_hit_table_fields() : s.fields;
    const bool snippets =
        std::find(fields.begin(), fields.end(), HitField::kSnippet) != fields.end();
    return {s.header ? hits_table_header(fields, table) : "",
            [table, fields](const BatchAnswer& a) { return hits_table_rows(a, fields, table); },
            false, snippets};
  }
  throw Error(ErrorKind::kUsage, "unknown batch format '" +
                                     std::string(output_format_name(s.format)) +
                                     "' (jsonl, trec, tsv, csv)");
}

}  // namespace

int run_batch_command(const BatchSettings& s, std::ostream& out, std::ostream& err) {
  if (s.input != "-" && std::filesystem::is_directory(s.input))
    throw Error(ErrorKind::kUsage,
                "--batch " + s.input + " is a folder; give a file of queries, or - for stdin");
  std::vector<std::unique_ptr<Searcher>> searchers;
  const auto tables = std::make_shared<RevisionTableCache>();  // one copy for all threads
  for (unsigned i = 0; i < thread_count(s.jobs); ++i) {
    searchers.push_back(std::make_unique<Searcher>(s.db_path, s.open, tables));
    searchers.back()->ranking() = s.ranking;
  }
  std::ifstream file;
  if (s.input != "-") {
    file.open(s.input, std::ios::binary);
    if (!file) throw Error(ErrorKind::kInput, "cannot read batch file " + s.input);
  }
  return run_batch_with(s, searchers, s.input == "-" ? std::cin : file, out, err);
}

int run_batch_with(const BatchSettings& s, std::vector<std::unique_ptr<Searcher>>& searchers,
                   std::istream& in, std::ostream& out, std::ostream& err) {
  const BatchOutput format = batch_output(s, *searchers.front());
  BatchReader reader(in);

  BatchRunOptions options;
  options.defaults = s.defaults;
  options.defaults.snippets = format.snippets && !s.count_only;
  options.defaults.ids_only = format.ids_only;
  options.defaults.exact = !s.estimate;
  if (s.count_only) options.defaults.limit = 0;
  options.table = s.table;
  options.errors = format.errors_in_output ? nullptr : &err;
  options.error_prefix = "dossier-search: ";

  out << format.header;
  const BatchSummary summary = run_batch(reader, searchers, options, format.format, out);
  if (!out) throw Error(ErrorKind::kInternal, "cannot write the batch output");
  return summary.failed > 0 ? static_cast<int>(ExitCode::kUsage) : 0;
}

}  // namespace dossier
