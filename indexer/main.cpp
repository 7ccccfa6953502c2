// dossier-index: builds a Dossier database from a corpus, or shows what it extracts.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <limits>

#include <CLI/CLI.hpp>

#include "dossier/base/errors.h"
#include "dossier/cli/cli_errors.h"
#include "dossier/cli/cli_parse.h"
#include "dossier/commands/analyze.h"
#include "dossier/index/compaction.h"
#include "dossier/index/index_report.h"
#include "dossier/index/indexer.h"
#include "dossier/index/interrupt.h"
#include "dossier/index/progress.h"
#include "dossier/input/csv_articles.h"

namespace {

struct Options {
  dossier::IndexOptions index;
  std::string date_order = "dmy";
  std::string date_fallback = "none";
  std::string csv_columns;  // one argument, split at commas (a list option would take inputs)
  std::string report_path;
  std::string partition;  // --partition K/N, checked by its validator
  std::string compact = "auto";
  bool strict = false;
  bool quiet = false;
};

void report_problem(const std::string& path, const std::string& reason) {
  std::cerr << "dossier-index: skipped " << path << ": " << reason << "\n";
}

// Options shared by indexing and `analyze`: they change what is extracted.
void add_extraction_options(CLI::App& app, Options& o) {
  app.add_option("inputs", o.index.inputs,
                 "Corpus folders, article files (.txt, .html, .htm), .jsonl or .csv files");
  app.add_option("--csv-columns", o.csv_columns,
                 "Columns of .csv article files that have no header line, comma-separated: "
                 "id,title,text (or body),date,source,url; other names are ignored (AG News: "
                 "class,title,text)")
      ->type_name("LIST");
  app.add_option(
         "--actors", o.index.actors_file,
         "User actor dictionary: TSV 'canonical name<TAB>type<TAB>alias...' (see docs/ACTORS.md)")
      ->check(CLI::ExistingFile);
  app.add_option("--date-order", o.date_order, "How to read numeric dates such as 03/04/2019")
      ->check(CLI::IsMember({"dmy", "mdy"}))
      ->capture_default_str();
  app.add_option("--date-fallback", o.date_fallback,
                 "Publication date when neither metadata nor a dateline gives one")
      ->check(CLI::IsMember({"none", "mentioned-latest", "file-mtime"}))
      ->capture_default_str();
  app.add_flag("--strict", o.strict, "Exit 1 when any file or line had to be skipped");
}

void finish_options(Options& o) {
  if (!o.partition.empty()) o.index.partition = dossier::parse_partition(o.partition);
  o.index.compact = *dossier::compact_when_from_string(o.compact);
  o.index.extraction.date_order =
      o.date_order == "mdy" ? dossier::DateOrder::MDY : dossier::DateOrder::DMY;
  o.index.extraction.date_fallback = *dossier::date_fallback_from_string(o.date_fallback);
  for (std::size_t start = 0; start < o.csv_columns.size();) {
    const std::size_t comma = std::min(o.csv_columns.find(',', start), o.csv_columns.size());
    o.index.csv_columns.push_back(o.csv_columns.substr(start, comma - start));
    start = comma + 1;
  }
  if (!o.index.csv_columns.empty()) {
    if (const auto why = dossier::check_csv_columns(o.index.csv_columns))
      throw dossier::Error(dossier::ErrorKind::kUsage, "--csv-columns: " + *why);
  }
  if (o.index.inputs.empty())
    throw dossier::Error(dossier::ErrorKind::kUsage, "no corpus given (see --help)");
}

// Rates count the articles read and analysed (added or updated), not those settled
// without reading (unchanged) or skipped.
void print_summary(const dossier::IndexStats& s) {
  const double seconds = s.seconds > 0 ? s.seconds : 1e-9;
  const auto articles = s.added + s.updated;
  std::printf(
      "dossier-index: %zu added, %zu updated, %zu unchanged, %zu removed, %zu skipped in %.2f s "
      "(%.0f articles/s, %.1f MB/s)\n",
      s.added, s.updated, s.unchanged, s.removed, s.skipped, s.seconds,
      static_cast<double>(articles) / seconds, static_cast<double>(s.bytes) / 1e6 / seconds);
}

// Options of indexing only.
void add_index_options(CLI::App& app, Options& o) {
  app.add_option("-j,--jobs", o.index.jobs, "Analysis threads (default: one per core)")
      ->check(dossier::whole_number(1, 256));
  app.add_option("--shards", o.index.shards,
                 "Write a new database as N shards in parallel, one writer thread each "
                 "(default: the existing database's count, 1 for a new one; fixed at creation)")
      ->check(dossier::whole_number(1, 256));
  app.add_option("--commit-every", o.index.commit_every,
                 "Articles written between commits, counted per shard with --shards (default: "
                 "1% of the database's or shard's documents, at least 250, at most 5000)")
      ->check(dossier::whole_number(1, std::numeric_limits<std::uint32_t>::max()));
  app.add_option("--commit-bytes", o.index.commit_bytes,
                 "...or after this many source bytes, whichever comes first (default: "
                 "4096 per article of the batch size)")
      ->check(dossier::whole_number(1, std::numeric_limits<std::int64_t>::max()));
  app.add_option("--max-file-size", o.index.max_file_size, "Skip larger files (bytes)")
      ->capture_default_str()
      ->check(dossier::whole_number(1, std::numeric_limits<std::int64_t>::max()));
  app.add_option("--partition", o.partition,
                 "K/N: index only the articles whose id hash is K modulo N (0 <= K < N), so N "
                 "machines build N disjoint databases from the same inputs; stored, so re-runs "
                 "and --prune stay inside it")
      ->check(CLI::Validator(
          [](std::string& value) {
            return dossier::parse_partition(value) ? std::string()
                                                   : "'" + value + "' is not K/N with 0 <= K < N";
          },
          "K/N"));
  app.add_option("--compact", o.compact,
                 "Compact the database when the run ends (smaller, same answers; readers "
                 "that have it open are not disturbed): auto = when the run added, updated "
                 "or removed at least half its documents; always = after any change; never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app.add_flag("--prune", o.index.prune,
               "Delete documents of the given inputs whose file or record is gone");
  app.add_option("--report", o.report_path,
                 "Write every problem to FILE, one JSON line {\"path\",\"reason\",\"skipped\"}");
}

int index_command(Options& o) {
  if (o.index.db_path.empty())
    throw dossier::Error(dossier::ErrorKind::kUsage, "--db is required (see --help)");
  o.index.progress = !o.quiet && dossier::Progress::stderr_is_terminal();
  dossier::IndexReport report(std::cerr, o.report_path, o.index.progress);
  dossier::install_interrupt_handlers();
  const auto stats = dossier::index_corpus(o.index, report);
  report.close();
  if (!o.quiet) print_summary(stats);
  if (stats.signal != 0) {
    std::cerr << "dossier-index: interrupted by signal " << stats.signal
              << "; what was read is committed, run again to finish\n";
    return 128 + stats.signal;
  }
  return (o.strict && stats.skipped > 0) ? static_cast<int>(dossier::ExitCode::kNoResults) : 0;
}

int analyze_command(const Options& o) {
  const auto failed = dossier::analyze_corpus(o.index, std::cout, report_problem);
  return (o.strict && failed > 0) ? static_cast<int>(dossier::ExitCode::kNoResults) : 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{
      "Build or update a Dossier database from news articles.\n"
      "  dossier-index --db DB [options] FOLDER|FILE...\n"
      "  dossier-index analyze [options] FOLDER|FILE..."};
  app.footer(
      "Inputs: folders (every .txt, .html and .htm file below is an article; its id is the\n"
      "folder's name and its path below it; an optional metadata.jsonl or metadata.csv in\n"
      "the folder gives dates, titles, sources and urls), single article files, and .jsonl\n"
      "or .csv files of articles (a CSV header names the columns id,title,text,date,source,\n"
      "url, or --csv-columns does; see docs/INPUT.md). Unreadable files, bad lines and folders\n"
      "without articles are reported on stderr and skipped.\n"
      "Re-runs only re-analyse what changed (size, mtime, content, metadata, options).\n"
      "The database also holds spelling data (the articles' words and actor names) for\n"
      "dossier-search's \"did you mean\"; a database made without it gets it on this run.\n"
      "Exit codes: 0 ok, 1 items were skipped (with --strict), 2 bad usage or input, 3 I/O\n"
      "error (the last commit is intact), 130/143 stopped by SIGINT/SIGTERM after committing.");
  app.add_option("--db", o.index.db_path, "Database folder (created if missing)");
  add_extraction_options(app, o);
  add_index_options(app, o);
  app.add_flag("-q,--quiet", o.quiet, "No progress display and no summary line");
  auto* analyze = app.add_subcommand(
      "analyze",
      "Print what Dossier extracts from each article (one JSON line each), without any database");
  add_extraction_options(*analyze, o);
  if (const auto rc = dossier::parse_cli(app, argc, argv)) return *rc;

  return dossier::run_reporting_errors("dossier-index", [&] {
    finish_options(o);
    return *analyze ? analyze_command(o) : index_command(o);
  });
}
