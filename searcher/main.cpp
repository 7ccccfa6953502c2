// dossier-search: ranked (BM25) queries over a Dossier database.
#include <iostream>

#include <CLI/CLI.hpp>

#include "dossier/cli_errors.h"
#include "dossier/cli_parse.h"
#include "dossier/errors.h"
#include "dossier/printers.h"
#include "dossier/searcher.h"

namespace {

struct Options {
  std::string db_path;
  std::vector<std::string> query_words;
  dossier::SearchRequest request;
  std::string format = "text";
};

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

int search_command(Options& o) {
  dossier::Searcher searcher(o.db_path);
  o.request.query = join(o.query_words);
  const auto result = searcher.search(o.request);
  if (o.format == "json") {
    std::cout << dossier::result_to_json(result).dump() << "\n";
  } else {
    dossier::print_text(std::cout, result);
  }
  return result.total == 0 ? static_cast<int>(dossier::ExitCode::kNoResults) : 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{
      "Search a Dossier database: ranked (BM25) results with snippets.\n"
      "  dossier-search --db DB [options] QUERY..."};
  app.footer(
      "Query syntax (Xapian's): words (any match, ranked), AND OR NOT XOR (in capitals),\n"
      "+word (required), -word (excluded), \"a phrase\", a NEAR b, a ADJ b, prefix*,\n"
      "title:word, title:\"a phrase\", parentheses. Words are case- and accent-insensitive.\n"
      "Snippets mark matched words as **word**.\n"
      "Exit codes: 0 results found, 1 no results, 2 bad usage, query or database, 3 internal "
      "error.");
  app.add_option("--db", o.db_path, "Database folder made by dossier-index")->required();
  app.add_option("query", o.query_words, "Query words (joined with spaces)");
  app.add_option("-n,--limit", o.request.limit, "Number of hits to show")
      ->default_val(10)
      ->check(CLI::Range(0, 1000000));
  app.add_option("--offset", o.request.offset, "Skip this many hits first")
      ->default_val(0)
      ->check(CLI::NonNegativeNumber);
  app.add_option("-f,--format", o.format, "Output format")
      ->default_val("text")
      ->check(CLI::IsMember({"text", "json"}));
  app.add_flag("--plain", o.request.plain,
               "Take the query as plain words: no operators, fields or phrases");
  if (const auto rc = dossier::parse_cli(app, argc, argv)) return *rc;

  return dossier::run_reporting_errors("dossier-search", [&] { return search_command(o); });
}
