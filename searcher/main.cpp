// dossier-search: ranked (BM25) queries over a Dossier database, one or a batch.
#include <iostream>

#include <CLI/CLI.hpp>

#include "dossier/batch_command.h"
#include "dossier/cli_errors.h"
#include "dossier/cli_parse.h"
#include "dossier/errors.h"
#include "dossier/printers.h"
#include "dossier/searcher.h"

namespace {

struct Options {
  std::vector<std::string> query_words;
  std::string format;  // empty: "text" for one query, "jsonl" for a batch
  std::string batch_input;
  bool no_header = false;
  dossier::BatchSettings batch;  // also holds the database, defaults and ranking
};

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

int search_command(Options& o) {
  dossier::Searcher searcher(o.batch.db_path);
  searcher.ranking() = o.batch.ranking;
  auto request = o.batch.defaults;
  request.query = join(o.query_words);
  const auto result = searcher.search(request);
  if (o.format == "json") {
    std::cout << dossier::result_to_json(result).dump() << "\n";
  } else {
    dossier::print_text(std::cout, result);
  }
  return result.total == 0 ? static_cast<int>(dossier::ExitCode::kNoResults) : 0;
}

int batch_command(Options& o) {
  if (!o.query_words.empty())
    throw dossier::Error(dossier::ErrorKind::kUsage, "give either --batch or a query, not both");
  o.batch.input = o.batch_input;
  o.batch.format = o.format.empty() || o.format == "json" ? "jsonl" : o.format;
  o.batch.header = !o.no_header;
  return dossier::run_batch_command(o.batch, std::cout, std::cerr);
}

int command(Options& o) {
  if (!o.batch_input.empty()) return batch_command(o);
  if (o.format.empty()) o.format = "text";
  if (o.format != "text" && o.format != "json")
    throw dossier::Error(dossier::ErrorKind::kUsage,
                         "--format " + o.format + " is for --batch; one query prints text or json");
  return search_command(o);
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);  // batch throughput; also lets --batch see buffered stdin
  Options o;
  auto& request = o.batch.defaults;
  CLI::App app{
      "Search a Dossier database: ranked (BM25) results with snippets.\n"
      "  dossier-search --db DB [options] QUERY...\n"
      "  dossier-search --db DB --batch FILE|- [--format jsonl|trec|tsv|csv] [options]"};
  app.footer(
      "Query syntax (Xapian's): words (any match, ranked), AND OR NOT XOR (in capitals),\n"
      "+word (required), -word (excluded), \"a phrase\", a NEAR b, a ADJ b, prefix*,\n"
      "title:word, title:\"a phrase\", parentheses. Words are case- and accent-insensitive.\n"
      "Snippets mark matched words as **word**.\n"
      "Batch input, one query per line: a JSON object {\"id\",\"q\",\"limit\",\"offset\","
      "\"plain\"},\n"
      "ID<TAB>QUERY, or a bare query (id = line number); or a TREC topic file (<top>...).\n"
      "Exit codes: 0 results found (batch: every query answered), 1 no results, 2 bad usage,\n"
      "query or database (batch: any query failed), 3 internal error.");
  app.add_option("--db", o.batch.db_path, "Database folder made by dossier-index")->required();
  app.add_option("query", o.query_words, "Query words (joined with spaces)");
  app.add_option("-n,--limit", request.limit, "Number of hits to show (per query)")
      ->default_val(10)
      ->check(CLI::Range(0, 1000000));
  app.add_option("--offset", request.offset, "Skip this many hits first")
      ->default_val(0)
      ->check(CLI::NonNegativeNumber);
  app.add_option("-f,--format", o.format,
                 "Output format: text or json (one query); jsonl (default), trec, tsv or csv "
                 "(batch)")
      ->check(CLI::IsMember({"text", "json", "jsonl", "trec", "tsv", "csv"}));
  app.add_flag("--plain", request.plain,
               "Take the query as plain words: no operators, fields or phrases");
  app.add_option("--batch", o.batch_input, "Answer every query of FILE (- for stdin)");
  app.add_option("-j,--jobs", o.batch.jobs, "Batch: searcher threads (default: all cores)")
      ->check(CLI::Range(1, 256));
  app.add_option("--run-tag", o.batch.run_tag, "Batch: the TREC run's tag")->default_val("dossier");
  app.add_flag("--count", o.batch.count_only, "Batch: only the number of matches per query");
  app.add_flag("--estimate", o.batch.estimate,
               "Batch: allow estimated totals instead of counting every match");
  app.add_flag("--no-header", o.no_header,
               "Batch: no database line (jsonl) or column names (tsv, csv)");
  app.add_option("--k1", o.batch.ranking.k1, "BM25 k1 (term frequency saturation)")
      ->check(CLI::Range(0.0, 100.0));
  app.add_option("--b", o.batch.ranking.b, "BM25 b (document length normalisation)")
      ->check(CLI::Range(0.0, 1.0));
  if (const auto rc = dossier::parse_cli(app, argc, argv)) return *rc;

  return dossier::run_reporting_errors("dossier-search", [&] { return command(o); });
}
