// dossier-index: builds a Dossier database from a corpus, or shows what it extracts.
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "dossier/analyze.h"
#include "dossier/cli_errors.h"
#include "dossier/cli_parse.h"
#include "dossier/errors.h"
#include "dossier/index/index_report.h"
#include "dossier/index/interrupt.h"
#include "dossier/index/progress.h"
#include "dossier/indexer.h"

namespace {

struct Options {
  dossier::IndexOptions index;
  std::string report_path;
  bool strict = false;
  bool quiet = false;
  std::vector<std::string> analyze_inputs;
};

void report_problem(const std::string& path, const std::string& reason) {
  std::cerr << "dossier-index: skipped " << path << ": " << reason << "\n";
}

void print_summary(const dossier::IndexStats& s) {
  const double seconds = s.seconds > 0 ? s.seconds : 1e-9;
  const auto articles = s.added + s.updated + s.unchanged + s.skipped;
  std::printf(
      "dossier-index: %zu added, %zu updated, %zu unchanged, %zu removed, %zu skipped in %.2f s "
      "(%.0f articles/s, %.1f MB/s)\n",
      s.added, s.updated, s.unchanged, s.removed, s.skipped, s.seconds,
      static_cast<double>(articles) / seconds, static_cast<double>(s.bytes) / 1e6 / seconds);
}

int index_command(Options& o) {
  dossier::IndexReport report(std::cerr, o.report_path);
  o.index.progress = !o.quiet && dossier::Progress::stderr_is_terminal();
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
  const auto failed = dossier::analyze_inputs(o.analyze_inputs, std::cout, report_problem);
  return (o.strict && failed > 0) ? static_cast<int>(dossier::ExitCode::kNoResults) : 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{
      "Build or update a Dossier database from folders of .txt news articles or JSONL files.\n"
      "  dossier-index --db DB [options] FOLDER|FILE.jsonl|FILE...\n"
      "  dossier-index analyze FOLDER|FILE..."};
  app.footer(
      "Every .txt file below the given folders is an article; its id is its path relative to\n"
      "the folder. A .jsonl file holds one article per line (docs/INPUT.md). Re-runs only\n"
      "re-analyse what changed. Sources that cannot be indexed are reported on stderr and\n"
      "skipped.\n"
      "Exit codes: 0 ok, 1 sources were skipped (with --strict), 2 bad usage or input, 3 I/O\n"
      "error (the last commit is intact), 130/143 stopped by SIGINT/SIGTERM after committing.");
  app.add_option("--db", o.index.db_path, "Database folder (created if missing)");
  app.add_option("inputs", o.index.inputs, "Corpus folders, .jsonl files or files to index");
  app.add_option("-j,--jobs", o.index.jobs, "Analysis threads (default: one per core)");
  app.add_option("--commit-every", o.index.commit_every, "Articles written between commits")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--commit-bytes", o.index.commit_bytes,
                 "...or after this many source bytes, whichever comes first")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--max-file-size", o.index.max_file_size, "Skip larger files (bytes)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_flag("--prune", o.index.prune,
               "Delete documents of the given inputs whose file or record is gone");
  app.add_option("--report", o.report_path,
                 "Write every problem to FILE, one JSON line {\"path\",\"reason\",\"skipped\"}");
  app.add_flag("--strict", o.strict, "Exit 1 when any source had to be skipped");
  app.add_flag("-q,--quiet", o.quiet, "No progress display and no summary line");
  auto* analyze =
      app.add_subcommand("analyze",
                         "Print what Dossier extracts from each article, one JSON line each, "
                         "without touching any database");
  analyze->add_option("inputs", o.analyze_inputs, "Corpus folders or files")->required();
  analyze->add_flag("--strict", o.strict, "Exit 1 when any file had to be skipped");
  if (const auto rc = dossier::parse_cli(app, argc, argv)) return *rc;

  return dossier::run_reporting_errors("dossier-index", [&] {
    if (*analyze) return analyze_command(o);
    if (o.index.db_path.empty())
      throw dossier::Error(dossier::ErrorKind::kUsage, "--db is required (see --help)");
    if (o.index.inputs.empty())
      throw dossier::Error(dossier::ErrorKind::kUsage, "no corpus folder given (see --help)");
    return index_command(o);
  });
}
