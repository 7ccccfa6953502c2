// dossier-search: ranked (BM25) queries over a Dossier database, one or a batch, and its
// list of actors.
#include <cstdio>
#include <iostream>
#include <limits>

#include <CLI/CLI.hpp>

#include "dossier/base/errors.h"
#include "dossier/cli/cli_errors.h"
#include "dossier/cli/cli_parse.h"
#include "dossier/commands/batch_command.h"
#include "dossier/output/output_format.h"
#include "dossier/output/printers.h"
#include "dossier/output/printers_batch.h"
#include "dossier/output/printers_document.h"
#include "dossier/output/printers_tables.h"
#include "dossier/output/printers_tsv.h"
#include "dossier/output/text_layout.h"
#include "dossier/schema/schema.h"
#include "dossier/search/document_record.h"
#include "dossier/search/searcher.h"
#include "dossier/search/value_listing.h"
#include "dossier/tables/actor_date_table.h"
#include "dossier/tables/actor_network.h"

namespace {

struct Options {
  std::vector<std::string> query_words;
  std::string format_name;  // --format as given
  // Parsed; none: text for one query and the subcommands, jsonl for a batch, tsv for --table.
  std::optional<dossier::OutputFormat> format;
  std::vector<std::string> facets;
  std::vector<std::string> fields;  // --fields, names
  std::string sort = "relevance";
  std::string match = "all";
  std::string granularity = "month";
  bool estimate = false;
  std::string batch_input;
  bool no_header = false;
  std::string color = "auto";    // text output: bold matched words
  int width = -1;                // text output: wrap at; -1: the terminal's, 0: never
  std::string table;             // --table actor-by-date|actor-by-actor
  dossier::BatchSettings batch;  // the database, request defaults and ranking for both modes
  // `actors` subcommand
  std::string actor_type;
  std::string actor_prefix;
  std::size_t actor_limit = 0;
  // `show` subcommand
  std::string show_id;
  // `sources` subcommand
  bool list_folders = false;
  // `duplicates` subcommand
  std::vector<std::string> duplicates_words;
};

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// What the subcommands print.
const std::vector<std::string> kTextOrJson = {
    std::string(dossier::output_format_name(dossier::OutputFormat::kText)),
    std::string(dossier::output_format_name(dossier::OutputFormat::kJson))};

// The options that are names on the command line, as request fields.
void finish_request(Options& o) {
  if (!o.format_name.empty()) o.format = dossier::output_format_from_string(o.format_name);
  auto& request = o.batch.defaults;
  for (const auto& name : o.facets) request.facets.insert(*dossier::facet_from_string(name));
  if (!o.fields.empty()) o.batch.fields = dossier::hit_table_fields(o.fields);
  request.sort = *dossier::sort_order_from_string(o.sort);
  request.match = *dossier::match_mode_from_string(o.match);
  request.granularity = *dossier::granularity_from_string(o.granularity);
  request.exact = !o.estimate;
}

dossier::TextLayout text_layout(const Options& o) {
  std::optional<std::size_t> width;
  if (o.width >= 0) width = static_cast<std::size_t>(o.width);
  return dossier::text_layout_for(fileno(stdout), *dossier::color_mode_from_string(o.color), width);
}

// Options that would be silently ignored are usage errors: a script that passes --count
// to a single query expects a count, not hits.
void check_applicable(const CLI::App& app, const Options& o) {
  const auto given = [&](const char* name) { return app.count(name) > 0; };
  const auto refuse = [](const std::string& message) {
    throw dossier::Error(dossier::ErrorKind::kUsage, message);
  };
  if (o.batch_input.empty()) {
    for (const char* name : {"--count", "--run-tag", "--no-header", "--jobs"}) {
      if (given(name)) refuse(std::string(name) + " applies to --batch only");
    }
  }
  if (given("--count") && !o.table.empty()) refuse("--count does not apply to --table");
  // Tables count by passes of their own, which do not say what they lack.
  if (given("--allow-partial") && !o.table.empty())
    refuse("--allow-partial applies to searches (one query or --batch), not to --table");
  if (given("--run-tag") && o.format != dossier::OutputFormat::kTrec)
    refuse("--run-tag applies to --format trec only");
}

int search_command(Options& o) {
  const auto format = o.format.value_or(dossier::OutputFormat::kText);
  if (format != dossier::OutputFormat::kText && format != dossier::OutputFormat::kJson)
    throw dossier::Error(dossier::ErrorKind::kUsage,
                         "--format " + std::string(dossier::output_format_name(format)) +
                             " is for --batch; one query prints text or json");
  dossier::Searcher searcher(o.batch.db_path, o.batch.open);
  searcher.ranking() = o.batch.ranking;
  auto request = o.batch.defaults;
  request.query = join(o.query_words);
  const auto layout = text_layout(o);
  if (format == dossier::OutputFormat::kText) {
    request.mark_start = dossier::mark_start(layout);
    request.mark_end = dossier::mark_end(layout);
    request.mark_titles = true;
  }
  std::optional<dossier::SearchResult> found;
  try {
    found = searcher.search(request);
  } catch (const dossier::AmbiguousActorError& e) {
    // JSON readers get the candidates on stdout; the one-line message and exit 2 follow.
    if (format == dossier::OutputFormat::kJson)
      std::cout << dossier::ambiguous_result_json(request.query, e.candidates()).dump() << "\n";
    throw;
  }
  const auto& result = *found;
  if (format == dossier::OutputFormat::kJson) {
    std::cout << dossier::result_json(result) << "\n";
  } else {
    dossier::print_text(std::cout, result, layout);
    // JSON says so in "partial" and "missing_shards".
    if (!result.missing_shards.empty())
      std::cerr << "dossier-search: " << dossier::partial_answer_note(result.missing_shards)
                << "\n";
  }
  return result.total == 0 ? static_cast<int>(dossier::ExitCode::kNoResults) : 0;
}

int batch_command(Options& o) {
  if (!o.query_words.empty())
    throw dossier::Error(dossier::ErrorKind::kUsage, "give either --batch or a query, not both");
  o.batch.input = o.batch_input;
  // A batch of JSON answers is JSON Lines.
  o.batch.format = !o.format || *o.format == dossier::OutputFormat::kJson
                       ? dossier::OutputFormat::kJsonl
                       : *o.format;
  o.batch.header = !o.no_header;
  o.batch.estimate = o.estimate;
  return dossier::run_batch_command(o.batch, std::cout, std::cerr);
}

// One query's actor-by-actor table: tidy rows, JSON or GraphML.
int network_command(dossier::OutputFormat format, dossier::Searcher& searcher,
                    const dossier::SearchRequest& request) {
  const auto table = dossier::table_format_of(format);
  if (!table && format != dossier::OutputFormat::kJson && format != dossier::OutputFormat::kGraphml)
    throw dossier::Error(dossier::ErrorKind::kUsage,
                         "--table actor-by-actor prints tsv, csv, json or graphml");
  const auto network = dossier::actor_by_actor(searcher, request);
  if (format == dossier::OutputFormat::kGraphml) {
    std::cout << dossier::actor_network_graphml(network);
  } else if (format == dossier::OutputFormat::kJson) {
    auto body = dossier::actor_network_json(network);
    body["query"] = network.query;
    std::cout << body.dump() << "\n";
  } else {
    std::cout << dossier::actor_network_text(network, *table);
  }
  return network.matches == 0 ? static_cast<int>(dossier::ExitCode::kNoResults) : 0;
}

int table_command(Options& o) {
  const auto kind = dossier::table_kind_from_string(o.table);
  if (!o.batch_input.empty()) {
    o.batch.table = kind;
    return batch_command(o);
  }
  const auto format = o.format.value_or(dossier::OutputFormat::kTsv);
  dossier::Searcher searcher(o.batch.db_path, o.batch.open);
  auto request = o.batch.defaults;
  request.query = join(o.query_words);
  if (kind == dossier::TableKind::kActorByActor) return network_command(format, searcher, request);
  const auto table_format = dossier::table_format_of(format);
  if (!table_format)
    throw dossier::Error(dossier::ErrorKind::kUsage,
                         "--table actor-by-date prints tsv or csv (in a batch also jsonl)");
  const auto table = dossier::actor_by_date(searcher, request);
  std::cout << dossier::actor_date_table_text(table, *table_format);
  return table.matches == 0 ? static_cast<int>(dossier::ExitCode::kNoResults) : 0;
}

int duplicates_command(Options& o) {
  dossier::Searcher searcher(o.batch.db_path, o.batch.open);
  auto request = o.batch.defaults;
  request.query = join(o.duplicates_words);
  const dossier::ClusteredMatches clustered(searcher.database(), searcher.query(request));
  const auto clusters =
      dossier::clusters_by_size(searcher.database(), clustered, searcher.records());
  dossier::print_clusters(std::cout, clusters, o.format == dossier::OutputFormat::kJson);
  return clusters.empty() ? static_cast<int>(dossier::ExitCode::kNoResults) : 0;
}

int actors_command(Options& o) {
  dossier::Searcher searcher(o.batch.db_path, o.batch.open);
  std::optional<dossier::ActorType> type;
  if (!o.actor_type.empty()) type = dossier::actor_type_from_string(o.actor_type);
  auto actors = searcher.actors().list(type, o.actor_prefix);
  if (o.actor_limit > 0 && actors.size() > o.actor_limit) actors.resize(o.actor_limit);
  if (o.format == dossier::OutputFormat::kJson) {
    std::cout << dossier::actors_to_json(actors).dump() << "\n";
  } else {
    dossier::print_actors_text(std::cout, actors);
  }
  return actors.empty() ? static_cast<int>(dossier::ExitCode::kNoResults) : 0;
}

int sources_command(Options& o) {
  dossier::Searcher searcher(o.batch.db_path, o.batch.open);
  const auto values = dossier::list_slot_values(
      searcher.database(),
      o.list_folders ? dossier::schema::kSlotFolder : dossier::schema::kSlotSource,
      searcher.remote());
  if (o.format == dossier::OutputFormat::kJson) {
    std::cout << dossier::values_to_json(values, o.list_folders ? "folder" : "source").dump()
              << "\n";
  } else {
    dossier::print_values_text(std::cout, values);
  }
  return values.empty() ? static_cast<int>(dossier::ExitCode::kNoResults) : 0;
}

int show_command(Options& o) {
  dossier::Searcher searcher(o.batch.db_path, o.batch.open);
  const auto record = dossier::read_document(searcher, o.show_id);
  if (!record) {
    std::cerr << "dossier-search: no article with id '" << o.show_id << "'\n";
    return static_cast<int>(dossier::ExitCode::kNoResults);
  }
  if (o.format == dossier::OutputFormat::kJson) {
    std::cout << dossier::json_line(dossier::document_json(searcher, *record));
  } else {
    dossier::print_document_text(std::cout, *record, text_layout(o));
  }
  return 0;
}

// The database, the query and its filters, the words' matching, and paging.
void add_query_options(CLI::App& app, Options& o) {
  auto& request = o.batch.defaults;
  app.add_option("--db", o.batch.db_path,
                 "Database folder made by dossier-index, or a cluster stub file listing shards "
                 "('glass PATH', 'remote HOST:PORT' of dossier-shard-server)")
      ->required();
  app.add_option("--remote-timeout", o.batch.open.remote_timeout_seconds,
                 "Seconds a remote shard may take to connect and to answer each message")
      ->check(CLI::Range(0.001, dossier::kMaxRemoteTimeout))
      ->capture_default_str();
  app.add_flag("--allow-partial", o.batch.open.allow_partial,
               "Over a cluster stub: a remote shard that is down or fails is left out and the "
               "others answer (JSON: \"partial\": true, \"missing_shards\"; text, tsv, csv: a "
               "warning line on stderr) instead of failing the query; searches only");
  app.add_option("query", o.query_words,
                 "Query words (joined with spaces; they may start with '-'); none: every article");
  app.add_flag("--plain", request.plain,
               "Take the query as plain words: no operators, fields or phrases");
  app.add_option("--match", o.match,
                 "Words without an operator between them: all must match, or any may "
                 "(bag-of-words runs such as TREC topics)")
      ->check(CLI::IsMember(dossier::enum_name_list(dossier::kMatchModeNames)))
      ->capture_default_str();
  // Repeatable options take one value each, so that query words after them stay query words.
  app.add_option(
         "--actor", request.actors,
         "Only articles naming this actor (any alias, or type:name as listed; repeat: all of them)")
      ->allow_extra_args(false);
  app.add_option("--source", request.sources,
                 "Only articles from this source (repeat: any of them)")
      ->allow_extra_args(false);
  app.add_option("--folder", request.folders,
                 "Only articles from this top folder of a folder input (repeat: any of them)")
      ->allow_extra_args(false);
  app.add_option("--from", request.from, "Published on or after: YYYY, YYYY-MM or YYYY-MM-DD");
  app.add_option("--to", request.to,
                 "Published on or before: YYYY, YYYY-MM or YYYY-MM-DD (inclusive)");
  app.add_option("-n,--limit", request.limit, "Number of hits to show (batch: per query)")
      ->default_val(10)
      ->check(dossier::whole_number(0, dossier::kMaxHits));
  app.add_option("--offset", request.offset, "Skip this many hits first")
      ->default_val(0)
      ->check(dossier::whole_number(0, dossier::kMaxOffset));
}

// What is counted over all matches, and how hits are ordered.
void add_facet_options(CLI::App& app, Options& o) {
  auto& request = o.batch.defaults;
  app.add_option("--facets", o.facets,
                 "Count over all matches (comma-separated): actor, date, source, significant "
                 "(actors named far more by the matches than by the rest, docs/ACTORS.md), "
                 "folder, co-actors (with exactly one --actor: the actors named beside it, with "
                 "actor-by-actor's score)")
      ->allow_extra_args(false)
      ->delimiter(',')
      ->check(CLI::IsMember(dossier::enum_name_list(dossier::kFacetNames)));
  app.add_option("--facet-size", request.facet_size,
                 "Top entries per facet: sources; actors: this many of each type (person, org, "
                 "country, place)")
      ->default_val(10)
      ->check(dossier::whole_number(1, dossier::kMaxFacetSize));
  app.add_option("--granularity", o.granularity,
                 "Date facet buckets (over " + std::to_string(dossier::kMaxDateBuckets) +
                     ", the first coarser granularity that fits, named in the output)")
      ->check(CLI::IsMember(dossier::enum_name_list(dossier::kGranularityNames)))
      ->capture_default_str();
  app.add_option("--sort", o.sort, "Order of hits: relevance, date or -date (undated last)")
      ->check(CLI::IsMember(dossier::enum_name_list(dossier::kSortOrderNames)))
      ->capture_default_str();
  app.add_flag("--collapse", request.collapse,
               "One hit per near-duplicate cluster (\"copies\", \"duplicates\"); totals and "
               "facets count clusters, with the article counts beside them (total_raw, "
               "count_raw)");
  app.add_flag("--estimate", o.estimate,
               "Estimated totals and facet counts (faster on large databases)");
}

// How answers are printed: formats, text layout, tables.
void add_output_options(CLI::App& app, Options& o) {
  app.add_option("-f,--format", o.format_name,
                 "Output format: text (default) or json; batch: jsonl (default), trec, tsv, csv; "
                 "--table: tsv (default), csv, json, graphml")
      ->check(CLI::IsMember(dossier::enum_name_list(dossier::kOutputFormatNames)));
  app.add_option("--color", o.color,
                 "Text output: matched words in bold (auto: on a terminal; never: as **word**)")
      ->check(CLI::IsMember(dossier::enum_name_list(dossier::kColorModeNames)))
      ->capture_default_str();
  app.add_option("--width", o.width,
                 "Text output: wrap long lines at N columns (0: never; default: the terminal's "
                 "width on a terminal, no wrapping otherwise)")
      ->check(CLI::Range(0, 100000));
  app.add_option(
         "--table", o.table,
         "Instead of hits, a table: actor-by-date = matching articles per top actor "
         "(--facet-size) and date bucket (--granularity), as tsv or csv; actor-by-actor = "
         "matching articles per pair of top actors (--facet-size, at most 1000) with an "
         "association score, as tsv, csv, json or graphml; with --batch, per query, as jsonl "
         "(default), tsv or csv rows starting with the query id")
      ->check(CLI::IsMember(dossier::enum_name_list(dossier::kTableKindNames)));
}

// --batch and what only a batch uses.
void add_batch_options(CLI::App& app, Options& o) {
  app.add_option("--batch", o.batch_input, "Answer every query of FILE (- for stdin)");
  app.add_option("-j,--jobs", o.batch.jobs, "Batch: searcher threads (default: all cores)")
      ->check(dossier::whole_number(1, 256));
  app.add_option("--run-tag", o.batch.run_tag, "Batch: the TREC run's tag")->default_val("dossier");
  app.add_flag("--count", o.batch.count_only, "Batch: only the number of matches per query");
  app.add_option("--fields", o.fields,
                 "Batch tsv/csv: the columns of each hit, comma-separated, from id (the query's), "
                 "rank, docid, score, date, date_source, title, snippet, actors, source, url "
                 "(default: id,rank,docid,score,date,title)")
      ->allow_extra_args(false)
      ->delimiter(',')
      ->check(CLI::IsMember(dossier::enum_name_list(dossier::kHitFieldNames)));
  app.add_flag("--no-header", o.no_header,
               "Batch: no database line (jsonl) or column names (tsv, csv)");
}

// BM25 and query expansion.
void add_ranking_options(CLI::App& app, Options& o) {
  auto* ranking = app.add_option_group("Ranking", "BM25 and query expansion (tuned on CISI)");
  auto& params = o.batch.ranking;
  ranking->add_option("--k1", params.k1, "BM25 k1 (term frequency saturation)")
      ->check(CLI::Range(0.0, 100.0))
      ->capture_default_str();
  ranking->add_option("--b", params.b, "BM25 b (document length normalisation)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  ranking
      ->add_option("--expand", params.expand_docs,
                   "Pseudo-relevance feedback from the top N hits (0: off)")
      ->capture_default_str();
  ranking->add_option("--expand-terms", params.expand_terms, "Words added by --expand")
      ->capture_default_str();
  ranking->add_option("--expand-weight", params.expand_weight, "Weight of the added words")
      ->check(CLI::Range(0.0, 10.0))
      ->capture_default_str();
  ranking->add_flag("!--no-stemming", params.stemming, "Query words match exact forms only");
  ranking->add_flag("!--keep-stopwords", params.stopwords, "Keep query stop words");
}

struct Subcommands {
  CLI::App* actors;
  CLI::App* duplicates;
  CLI::App* sources;
  CLI::App* show;
};

// `actors`, `duplicates`, `sources` and `show`.
Subcommands add_subcommands(CLI::App& app, Options& o) {
  auto* actors =
      app.add_subcommand("actors", "List the actors of the database, most articles first");
  actors->add_option("--type", o.actor_type, "Only this type")
      ->check(CLI::IsMember({"person", "org", "country", "place"}));
  actors->add_option("--prefix", o.actor_prefix,
                     "Only names with a word starting with this (case- and accent-insensitive)");
  actors->add_option("-n,--limit", o.actor_limit, "At most this many (0: all)")
      ->check(dossier::whole_number(0, std::numeric_limits<std::uint32_t>::max()));
  actors->add_option("-f,--format", o.format_name, "Output format")
      ->check(CLI::IsMember(kTextOrJson));
  auto* duplicates = app.add_subcommand(
      "duplicates",
      "List the near-duplicate clusters among the matches of QUERY (none: every article), "
      "largest first, the representative (earliest dated) first");
  duplicates->add_option("query", o.duplicates_words, "Query words; filters (--actor...) apply");
  duplicates
      ->add_option("-f,--format", o.format_name, "Output format: text, or json (one line each)")
      ->check(CLI::IsMember(kTextOrJson));
  auto* sources = app.add_subcommand(
      "sources", "List the sources of the database (or their top folders), most articles first");
  sources->add_flag("--folders", o.list_folders,
                    "The top folders of folder inputs instead (folder:, --folder)");
  sources->add_option("-f,--format", o.format_name, "Output format")
      ->check(CLI::IsMember(kTextOrJson));
  auto* show = app.add_subcommand(
      "show",
      "Print one article: title, date and its provenance, source, url, actors with "
      "their mentions, text");
  show->add_option("id", o.show_id, "The article's id, as hits show it")->required();
  show->add_option("-f,--format", o.format_name, "Output format")
      ->check(CLI::IsMember(kTextOrJson));
  return {actors, duplicates, sources, show};
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);  // batch throughput; also lets --batch see buffered stdin
  Options o;
  CLI::App app{
      "Search a Dossier database: ranked (BM25) results with snippets, filters and facets.\n"
      "  dossier-search --db DB [options] QUERY...\n"
      "  dossier-search --db DB --batch FILE|- [--format jsonl|trec|tsv|csv] [options]\n"
      "  dossier-search --db DB actors [--type T] [--prefix P] [--format F]\n"
      "  dossier-search --db DB show ID [--format F]\n"
      "  dossier-search --db DB sources [--folders] [--format F]\n"
      "  dossier-search --db DB duplicates [--format F] [QUERY...]"};
  app.footer(
      "Query syntax (Xapian's): words (all must match; --match any: any may), ranked,\n"
      "AND OR NOT XOR (in capitals), +word (required), -word (excluded; only exclusions:\n"
      "every article but those), \"a phrase\", a NEAR b, a ADJ/3 b (single words), prefix*,\n"
      "title:word, id:ID, actor:maduro, actor:\"Nicolás Maduro\", source:reuters,\n"
      "folder:business, date:2019, date:2019-01, date:2019-01-01..2019-02-28, date:..2019-02,\n"
      "date:undated, mentioned:2019-01-23, parentheses. Words are case- and accent-insensitive.\n"
      "Filters never change scores. Text output marks matched words in bold on a terminal,\n"
      "as **word** elsewhere (JSON: always **word**). Under 5 matches, a corrected query\n"
      "that finds more, or the actor a misspelt --actor name means, is suggested (\"did you\n"
      "mean\"; JSON \"suggestion\", \"actor_suggestion\"), from the spelling data\n"
      "dossier-index writes.\n"
      "Batch input, one query per line: a JSON object {\"id\",\"q\", ...} (keys in README),\n"
      "ID<TAB>QUERY, or a bare query (id = line number); or a TREC topic file (<top>...).\n"
      "Exit codes: 0 results found (batch: every query answered), 1 no results, 2 bad usage,\n"
      "query or database (batch: any query failed), 3 internal error.");
  add_query_options(app, o);
  add_facet_options(app, o);
  add_output_options(app, o);
  add_batch_options(app, o);
  add_ranking_options(app, o);
  const Subcommands sub = add_subcommands(app, o);
  if (const auto rc = dossier::parse_cli(app, argc, argv, true)) return *rc;

  return dossier::run_reporting_errors("dossier-search", [&] {
    finish_request(o);
    check_applicable(app, o);
    if (!o.batch.fields.empty() && o.batch_input.empty())
      throw dossier::Error(dossier::ErrorKind::kUsage, "--fields is for --batch with tsv or csv");
    if (o.batch.open.allow_partial && (*sub.actors || *sub.show || *sub.sources || *sub.duplicates))
      throw dossier::Error(dossier::ErrorKind::kUsage,
                           "--allow-partial applies to searches (one query or --batch), not to "
                           "subcommands");
    if (*sub.actors) return actors_command(o);
    if (*sub.show) return show_command(o);
    if (*sub.sources) return sources_command(o);
    if (*sub.duplicates) return duplicates_command(o);
    if (!o.table.empty()) return table_command(o);
    return o.batch_input.empty() ? search_command(o) : batch_command(o);
  });
}
