// dossier-index: builds a Dossier database from a corpus, or shows what it extracts.
#include <iostream>

#include <CLI/CLI.hpp>

#include "dossier/analyze.h"
#include "dossier/cli_errors.h"
#include "dossier/cli_parse.h"
#include "dossier/errors.h"
#include "dossier/indexer.h"

namespace {

struct Options {
  dossier::IndexOptions index;
  bool strict = false;
  bool quiet = false;
  std::vector<std::string> analyze_inputs;
};

void report_problem(const std::string& path, const std::string& reason) {
  std::cerr << "dossier-index: skipped " << path << ": " << reason << "\n";
}

int index_command(const Options& o) {
  const auto stats = dossier::index_corpus(o.index, report_problem);
  if (!o.quiet) {
    std::printf("dossier-index: %zu added, %zu updated, %zu skipped in %.2f s\n", stats.added,
                stats.updated, stats.skipped, stats.seconds);
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
      "Build or update a Dossier database from folders of .txt news articles.\n"
      "  dossier-index --db DB [options] FOLDER|FILE...\n"
      "  dossier-index analyze FOLDER|FILE..."};
  app.footer(
      "Every .txt file below the given folders is an article; its id is its path relative to\n"
      "the folder. Files that cannot be read are reported on stderr and skipped.\n"
      "Exit codes: 0 ok, 1 files were skipped (with --strict), 2 bad usage or input, 3 I/O error.");
  app.add_option("--db", o.index.db_path, "Database folder (created if missing)");
  app.add_option("inputs", o.index.inputs, "Corpus folders or files to index");
  app.add_flag("--strict", o.strict, "Exit 1 when any file had to be skipped");
  app.add_flag("-q,--quiet", o.quiet, "Do not print the summary line");
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
