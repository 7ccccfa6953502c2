// dossier-search: ranked (BM25) queries over a Dossier database, and its list of actors.
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
  std::string sort = "relevance";
  std::string granularity = "month";
  bool estimate = false;
  // `actors` subcommand
  std::string actor_type;
  std::string actor_prefix;
  std::size_t actor_limit = 0;
};

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

int search_command(Options& o) {
  dossier::Searcher searcher(o.db_path);
  o.request.query = join(o.query_words);
  o.request.sort = *dossier::sort_order_from_string(o.sort);
  o.request.granularity = *dossier::granularity_from_string(o.granularity);
  o.request.exact = !o.estimate;
  const auto result = searcher.search(o.request);
  if (o.format == "json") {
    std::cout << dossier::result_to_json(result).dump() << "\n";
  } else {
    dossier::print_text(std::cout, result);
  }
  return result.total == 0 ? static_cast<int>(dossier::ExitCode::kNoResults) : 0;
}

int actors_command(const Options& o) {
  dossier::Searcher searcher(o.db_path);
  std::optional<dossier::ActorType> type;
  if (!o.actor_type.empty()) type = dossier::actor_type_from_string(o.actor_type);
  auto actors = searcher.actors().list(type, o.actor_prefix);
  if (o.actor_limit > 0 && actors.size() > o.actor_limit) actors.resize(o.actor_limit);
  if (o.format == "json") {
    std::cout << dossier::actors_to_json(actors).dump() << "\n";
  } else {
    dossier::print_actors_text(std::cout, actors);
  }
  return actors.empty() ? static_cast<int>(dossier::ExitCode::kNoResults) : 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{
      "Search a Dossier database: ranked (BM25) results with snippets, filters and facets.\n"
      "  dossier-search --db DB [options] QUERY...\n"
      "  dossier-search --db DB actors [--type T] [--prefix P] [--format F]"};
  app.footer(
      "Query syntax (Xapian's): words (any match, ranked), AND OR NOT XOR (in capitals),\n"
      "+word (required), -word (excluded), \"a phrase\", a NEAR b, a ADJ b, prefix*,\n"
      "title:word, actor:maduro, actor:\"Nicolás Maduro\", source:reuters,\n"
      "date:2019, date:2019-01, date:2019-01-01..2019-02-28, date:..2019-02, date:undated,\n"
      "mentioned:2019-01-23, parentheses. Words are case- and accent-insensitive.\n"
      "Filters never change scores. Snippets mark matched words as **word**.\n"
      "Exit codes: 0 results found, 1 no results, 2 bad usage, query or database, 3 internal "
      "error.");
  app.add_option("--db", o.db_path, "Database folder made by dossier-index")->required();
  app.add_option("query", o.query_words, "Query words (joined with spaces); none: every article");
  app.add_option("-n,--limit", o.request.limit, "Number of hits to show")
      ->default_val(10)
      ->check(CLI::Range(0, 1000000));
  app.add_option("--offset", o.request.offset, "Skip this many hits first")
      ->default_val(0)
      ->check(CLI::NonNegativeNumber);
  app.add_option("-f,--format", o.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  app.add_flag("--plain", o.request.plain,
               "Take the query as plain words: no operators, fields or phrases");
  // Repeatable options take one value each, so that query words after them stay query words.
  app.add_option("--actor", o.request.actors, "Only articles naming this actor (any alias; repeat: all of them)")
      ->allow_extra_args(false);
  app.add_option("--source", o.request.sources, "Only articles from this source (repeat: any of them)")
      ->allow_extra_args(false);
  app.add_option("--from", o.request.from, "Published on or after: YYYY, YYYY-MM or YYYY-MM-DD");
  app.add_option("--to", o.request.to,
                 "Published on or before: YYYY, YYYY-MM or YYYY-MM-DD (inclusive)");
  app.add_option("--facets", o.request.facets,
                 "Count over all matches: actor, date, source (comma-separated)")
      ->allow_extra_args(false)
      ->delimiter(',')
      ->check(CLI::IsMember({"actor", "date", "source"}));
  app.add_option("--facet-size", o.request.facet_size, "Top entries per facet (actors: per type)")
      ->default_val(10)
      ->check(CLI::Range(1, 100000));
  app.add_option("--granularity", o.granularity, "Date facet buckets")
      ->check(CLI::IsMember({"day", "week", "month", "year"}))
      ->capture_default_str();
  app.add_option("--sort", o.sort, "Order of hits: relevance, date or -date (undated last)")
      ->check(CLI::IsMember({"relevance", "date", "-date"}))
      ->capture_default_str();
  app.add_flag("--estimate", o.estimate,
               "Estimated totals and facet counts (faster on large databases)");
  auto* actors =
      app.add_subcommand("actors", "List the actors of the database, most articles first");
  actors->add_option("--type", o.actor_type, "Only this type")
      ->check(CLI::IsMember({"person", "org", "country", "place"}));
  actors->add_option("--prefix", o.actor_prefix,
                     "Only names with a word starting with this (case- and accent-insensitive)");
  actors->add_option("-n,--limit", o.actor_limit, "At most this many (0: all)");
  actors->add_option("-f,--format", o.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}));
  if (const auto rc = dossier::parse_cli(app, argc, argv)) return *rc;

  return dossier::run_reporting_errors(
      "dossier-search", [&] { return *actors ? actors_command(o) : search_command(o); });
}
