// Answering one ranked query against a Dossier database.
#pragma once

#include <array>
#include <initializer_list>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "dossier/base/enum_names.h"
#include "dossier/facets/co_occurrence.h"
#include "dossier/facets/facets.h"
#include "dossier/schema/record_codec.h"
#include "dossier/schema/schema.h"
#include "dossier/search/actor_directory.h"
#include "dossier/search/collapse.h"
#include "dossier/search/database_open.h"
#include "dossier/search/query_builder.h"
#include "dossier/search/revision_tables.h"
#include "dossier/search/significant_actors.h"
#include "dossier/search/term_union.h"
#include "dossier/text/analyzer.h"

namespace dossier {

class SnippetMaker;

enum class SortOrder { Relevance, DateAscending, DateDescending };
inline constexpr EnumNames<SortOrder, 3> kSortOrderNames = {{
    {SortOrder::Relevance, "relevance"},
    {SortOrder::DateAscending, "date"},
    {SortOrder::DateDescending, "-date"},
}};
std::optional<SortOrder> sort_order_from_string(std::string_view name);  // relevance|date|-date

// The facets a request may ask for; their names are the one list every front end checks
// names against.
enum class Facet { kActor, kDate, kSource, kSignificant, kFolder, kCoActors };
inline constexpr EnumNames<Facet, 6> kFacetNames = {{
    {Facet::kActor, "actor"},
    {Facet::kDate, "date"},
    {Facet::kSource, "source"},
    {Facet::kSignificant, "significant"},
    {Facet::kFolder, "folder"},
    {Facet::kCoActors, "co-actors"},
}};
std::optional<Facet> facet_from_string(std::string_view name);  // "actor", "co-actors", ...

// The facets of one request: asking twice for one is asking once.
class FacetSet {
 public:
  FacetSet() = default;
  FacetSet(std::initializer_list<Facet> facets) {
    for (const Facet f : facets) insert(f);
  }
  void insert(Facet facet) { bits_ |= bit(facet); }
  bool contains(Facet facet) const { return (bits_ & bit(facet)) != 0; }
  bool empty() const { return bits_ == 0; }
  bool operator==(const FacetSet&) const = default;

 private:
  static unsigned bit(Facet facet) { return 1u << static_cast<unsigned>(facet); }
  unsigned bits_ = 0;
};

// Request limits, checked wherever requests are read (the command line, batch lines, the
// API); the date histogram's is kMaxDateBuckets (facets.h).
inline constexpr Xapian::doccount kMaxHits = 1000000;  // hits of one query (--limit)
// Hits skipped first (--offset): offset + limit stays within a doccount.
inline constexpr Xapian::doccount kMaxOffset = std::numeric_limits<Xapian::doccount>::max() / 2;
inline constexpr std::size_t kMaxFacetSize = 100000;  // entries per facet (--facet-size)

struct SearchRequest {
  std::string query;
  bool plain = false;                 // words only, no query syntax
  MatchMode match = MatchMode::kAll;  // words without an operator: all must match, or any
  Xapian::doccount offset = 0;
  Xapian::doccount limit = 10;
  bool snippets = true;
  // Hits carry their id and score only (a TREC run): read from kSlotIdOrder, without
  // decompressing and parsing each hit's record.
  bool ids_only = false;

  // Filters (never change scores).
  std::vector<std::string> actors;   // each must be named (any alias)
  std::vector<std::string> sources;  // any of these sources
  std::vector<std::string> folders;  // any of these folders (schema.h, kFolderPrefix)
  std::string from, to;              // publication date bounds: YYYY, YYYY-MM or YYYY-MM-DD

  // Facets over all matches: significant (significant_actors.h) compares the matches with
  // the database; co-actors needs exactly one of `actors` (the actors named beside it).
  FacetSet facets;
  std::size_t facet_size = 10;                   // top actors per type, top sources
  Granularity granularity = Granularity::Month;  // date facet buckets

  SortOrder sort = SortOrder::Relevance;
  bool exact = true;  // exact totals and facet counts (false: Xapian's estimate, faster)
  // Seconds the search may take, from its start; past them it throws (ErrorKind::kTimeout).
  // 0: no limit.
  double time_limit_seconds = 0;

  // How matched words are marked in snippets (and titles, with mark_titles).
  std::string mark_start = "**";
  std::string mark_end = "**";
  bool mark_titles = false;  // fill Hit::marked_title (the text printer shows it)
  // One hit per near-duplicate cluster (search/collapse.h); totals and facets count
  // clusters, exactly (`exact` is then ignored), beside the uncollapsed counts.
  bool collapse = false;
};

struct HitActor {
  std::string name;
  std::string type;
};

struct Hit {
  Xapian::doccount rank = 0;  // 1-based, counting from the first result (offset included)
  std::string id;
  std::string title;
  std::string marked_title;  // the title with matched words marked, when asked
  double score = 0;
  std::string snippet;
  std::string date;              // "YYYY-MM-DD", empty when undated
  std::string date_source;       // "metadata", "dateline", ...
  std::string source;            // as given by metadata, empty when unknown
  std::string url;               // as given by metadata, empty when unknown
  std::vector<HitActor> actors;  // the article's main actors, most mentioned first
  // With collapse: the matching articles of the hit's cluster (1 when it has no copy) and
  // the others among them, in representative order.
  Xapian::doccount copies = 0;
  std::vector<ClusterMember> duplicates;
};

struct ActorCount {
  std::string name;
  std::string type;
  Xapian::doccount count = 0;
  std::optional<Xapian::doccount> count_raw;  // with collapse: articles, not clusters
};

// An actor named beside the one --actor (the co-actors facet). Counted over the query's
// matches without the --actor filter, so the score says how much more often than chance
// the two are named together there (actor-by-actor's score for the pair).
struct CoActorCount {
  std::string id;  // canonical actor id ("person:nicolas maduro")
  std::string name;
  std::string type;
  Xapian::doccount count = 0;                 // matches (naming the --actor) naming it too
  std::optional<Xapian::doccount> count_raw;  // with collapse: articles, not clusters
  Xapian::doccount articles = 0;  // articles naming it among the matches without --actor
  double score = 0;               // npmi() (facets/co_occurrence.h), on articles
};

struct SourceCount {
  std::string source;
  Xapian::doccount count = 0;
  std::optional<Xapian::doccount> count_raw;  // with collapse: articles, not clusters
};

struct Facets {
  std::optional<std::vector<ActorCount>> actor;
  std::optional<DateHistogram> date;  // its granularity may be coarser than asked
  Xapian::doccount undated = 0;       // with the date facet: matches without a publication date
  std::optional<Xapian::doccount> undated_raw;  // with collapse: articles, not clusters
  std::optional<std::vector<SourceCount>> source;
  std::optional<std::vector<SignificantActor>> significant;
  std::optional<std::vector<SourceCount>> folder;  // SourceCount::source is the folder
  std::optional<std::vector<CoActorCount>> co_actors;
};

struct SearchResult {
  std::string query;
  Xapian::doccount total = 0;  // matching documents (estimate unless total_exact)
  bool total_exact = false;
  std::optional<Xapian::doccount> total_raw;  // with collapse: articles, not clusters
  Xapian::doccount offset = 0;
  Xapian::doccount limit = 0;
  std::vector<Hit> hits;
  Facets facets;
  bool facets_exact = false;
  // "Did you mean" (search/spelling.h), when it found few matches (empty otherwise): the
  // query with its misspelt words corrected, when that finds more; and the actor a
  // corrected spelling of an --actor name that names nobody means.
  std::string suggestion;
  std::string actor_suggestion;
  // With OpenOptions::allow_partial: the remote shards the answer lacks (shard_name()),
  // which were down or failed during the search; empty for a whole answer.
  std::vector<std::string> missing_shards;
};

// Ranking parameters, chosen on CISI (bench/eval_cisi.py, docs/BENCHMARKS.md). BM25
// k1=1.2, b=0.75 is Robertson's classic setting: on CISI it beats Xapian's defaults (k1=1,
// b=0.5) and lies on a broad plateau (higher k1 scores higher still on CISI, whose long
// queries reward term frequency, but that would not carry over to short news queries).
struct RankingParams {
  double k1 = 1.2;
  double b = 0.75;
  bool stemming = true;   // query words also match their stems
  bool stopwords = true;  // query stop words are dropped (unless in a phrase)
  // Pseudo-relevance feedback: the best `expand_terms` words of the top `expand_docs`
  // hits (Xapian's ESet) are added to the query with weight `expand_weight`; 0 = off.
  Xapian::doccount expand_docs = 0;
  Xapian::termcount expand_terms = 10;
  double expand_weight = 0.5;
};

// How many of an article's actors a hit shows.
inline constexpr std::size_t kHitActors = 5;

// Opens a database read-only for searching. Not thread-safe: one Searcher per thread.
class Searcher {
 public:
  // Throws dossier::Error (kUsage) when the database is missing, unreadable or of another
  // schema version; kInternal when a remote shard cannot be reached. Searchers of one
  // database given the same `tables` (in several threads) share what they load whole for
  // a revision while they are on it; without, the searcher keeps its own.
  explicit Searcher(const std::string& db_path, const OpenOptions& open = {},
                    std::shared_ptr<RevisionTableCache> tables = nullptr);

  // Throws dossier::Error: kUsage for a malformed query or filter.
  SearchResult search(const SearchRequest& request);
  // The co-actors facet of the actor `actor_id` (an id any identity of the actor has) over
  // the matches of `request`, which names no --actor: `--facets co-actors` with
  // `--actor` that actor, the code dossier-serve's actor profile counts with.
  std::vector<CoActorCount> co_actors_of(std::string_view actor_id, const SearchRequest& request);

  // The Xapian query of a request (words and filters), for counting passes of its own
  // (actor_date_table.h). Throws dossier::Error (kUsage) like search().
  Xapian::Query query(const SearchRequest& request) { return build_query(request); }
  // Shows every match of `query` to `spy`, unranked (only the set of matches counts), until
  // `deadline` (then throws ErrorKind::kTimeout). Throws Xapian::Error.
  void spy_on_every_match(const Xapian::Query& query, Xapian::MatchSpy& spy,
                          const Deadline& deadline);
  // Every identity's articles among the matches of `query`, and the matches, counted as
  // the actor facet counts them (its spy travels to shard servers). Throws as above.
  IdentityCounts count_identities(const Xapian::Query& query, const Deadline& deadline);

  // Moves to the newest committed revision (a long-lived reader between requests: a
  // server), forgetting what was cached for the old one. Cheap when nothing changed. A
  // remote shard whose connection is gone (its server restarted, or it closed an idle
  // connection) is connected again. Throws dossier::Error when the database cannot be
  // reopened (kUnavailable naming a remote shard that is still down).
  void refresh();

  const Xapian::Database& database() const { return db_; }
  // The revision searched: Xapian's for a plain database; for a sharded one the sum of
  // its shards' revisions (it grows with every commit of any shard, and since each shard's
  // revision only grows, also through a compaction (index/compaction.h), an equal sum
  // means the same state); nothing for a database of
  // several parts that dossier-index did not write.
  std::optional<Xapian::rev> revision() const;
  // Whether some shard is remote (database_open.h): then only Xapian's matcher and match
  // spies run over the matches (no walk, no tables read by docid, no local-only spies).
  bool remote() const { return remote_; }
  // Throws dossier::Error naming `feature` when the database has remote shards.
  void refuse_remote(std::string_view feature) const;
  // With OpenOptions::allow_partial: the remote shards left out for now (unreachable when
  // last opened, or failed during a search), in stub order.
  const std::vector<StubShard>& missing() const { return missing_; }
  // A Xapian error as a dossier::Error with `what` failed: a remote shard's network
  // failure names the shard (kUnavailable; kInternal otherwise), and the next search or
  // refresh connects to the shards again.
  [[noreturn]] void fail(const std::string& what, const Xapian::Error& error);
  Analyzer& analyzer() { return analyzer_; }
  // Reads the records of this database's documents (kept: it keeps LZ4's context).
  schema::RecordCodec& records() { return records_; }
  // The tables of the revision searched, shared with the searchers given the same cache.
  std::shared_ptr<const RevisionTables> revision_tables() const { return tables_; }
  ActorDirectory& actors() { return actors_; }
  RankingParams& ranking() { return ranking_; }

 private:
  Searcher(const std::string& db_path, const OpenOptions& open, OpenedDatabase opened,
           std::shared_ptr<RevisionTableCache> tables);
  // Opens the database again, remote shards with new connections (but those of
  // `leave_out`, stub lines, which are missing).
  void reconnect(const std::vector<std::string>& leave_out = {});
  // Whether to open the database again: a connection broke, or a missing shard is back.
  bool must_reconnect() const;
  // The remote shards (stub lines) that failed during one search, and those left out.
  struct ShardRetries {
    std::vector<std::string> failed, left_out;
  };
  // With allow_partial: after `error` of a search, connects again to the shards, leaving
  // out the remote shard the error names (or that no longer answers) when it failed before
  // in this search, and says whether to run the search again; false when the error is no
  // shard's or no shard would be left.
  bool leave_out_failed_shard(const Xapian::Error& error, ShardRetries& retries);
  SearchResult run(const SearchRequest& request, const Deadline& deadline);
  // Forgets what was cached for the old revision and takes the new one's tables.
  void take_revision_tables();
  void prepare_actor_table();
  // What building a query found out, for the rest of the search.
  struct QueryNotes {
    std::vector<std::string> wildcards;       // the wildcard prefixes (QueryBuilder::wildcards())
    std::vector<std::string> unknown_actors;  // --actor names that name nobody
  };
  Xapian::Query build_query(const SearchRequest& request,
                            const Xapian::Query& expansion = Xapian::Query(),
                            QueryNotes* notes = nullptr);
  Xapian::Query expansion(const SearchRequest& request, const Deadline& deadline);
  Bm25Params bm25() const { return {ranking_.k1, ranking_.b}; }
  std::optional<std::vector<std::string>> walkable_terms(const SearchRequest& request,
                                                         const Xapian::Query& query);
  // Both fill `matches` with every match (any order) when they saw them by docid and
  // the request collapses; otherwise they leave it empty.
  std::vector<RankedDoc> rank_by_walk(const SearchRequest& request, TermUnionQuery walk,
                                      SearchResult& result,
                                      std::optional<std::vector<Xapian::docid>>& matches);
  Xapian::MSet rank_by_xapian(const SearchRequest& request, const Xapian::Query& query,
                              const Deadline& deadline, SearchResult& result,
                              std::vector<RankedDoc>& page,
                              std::optional<std::vector<Xapian::docid>>& matches);
  // The whole database's near-duplicates: the matches of no query, collapsed.
  struct CorpusClusters {
    Xapian::doccount removed = 0;  // ClusteredMatches::removed()
    std::unordered_map<schema::ActorCode, Xapian::doccount> actor_overcount;
  };
  const CorpusClusters& corpus_clusters();
  ClusteredMatches clustered_matches(const Xapian::Query& query,
                                     std::optional<std::vector<Xapian::docid>>& matches,
                                     Xapian::doccount total, const Deadline& deadline);
  Xapian::MSet date_ascending_split(Xapian::Enquire& enquire, const Xapian::Query& query,
                                    const SearchRequest& request, Xapian::doccount check_at_least,
                                    SearchResult& result, std::vector<RankedDoc>& page);
  Hit hit(const RankedDoc& ranked, SnippetMaker* snippets);
  std::optional<Hit> id_only_hit(const RankedDoc& ranked);
  void collapse_counts(const SearchRequest& request, const ClusteredMatches& clustered,
                       SearchResult& result);
  std::vector<CoActorCount> co_actors(const SearchRequest& request, const Xapian::Query& expansion,
                                      const ClusteredMatches* clustered, const Deadline& deadline);
  std::vector<CoActorCount> co_actors_of(const std::string& canonical_id,
                                         const Xapian::Query& without_actor, std::size_t size,
                                         const ClusteredMatches* clustered,
                                         const Deadline& deadline);
  void add_suggestions(const SearchRequest& request, const std::vector<std::string>& unknown_actors,
                       SearchResult& result);
  bool finds_more(const Xapian::Query& query, Xapian::doccount matches);
  Xapian::MSet count_matches(const Xapian::Query& query,
                             const std::vector<Xapian::MatchSpy*>& spies,
                             Xapian::doccount check_at_least);

  std::string path_;
  // A stub's shards, in order (before db_: they share its state), and its lines; empty
  // for a plain database.
  std::vector<Xapian::Database> shards_;
  std::vector<StubShard> listed_;
  bool remote_ = false;
  OpenOptions open_;
  bool broken_ = false;             // a remote shard's connection failed: reconnect() before use
  std::vector<StubShard> missing_;  // OpenedDatabase::missing
  Xapian::Database db_;
  Analyzer analyzer_;
  schema::RecordCodec records_;
  ActorDirectory actors_;
  RankingParams ranking_;
  std::shared_ptr<RevisionTableCache> cache_;
  std::shared_ptr<RevisionTables> tables_;  // of db_'s revision
  // Kept across queries: it keeps its map of actor codes (facets.h).
  ActorCountSpy actor_spy_{schema::kSlotActors};
  RentOrBuy actor_rent_;    // documents whose actors the spy read, for tables_->actor_codes
  DocLengths doc_lengths_;  // for rank_term_union(), per revision
  SlotValueTable dates_{schema::kSlotDate};      // the date facet of a walk, per revision
  SlotValueTable sources_{schema::kSlotSource};  // the source facet of a walk, per revision
  SlotValueTable folders_{schema::kSlotFolder};  // the folder facet of a walk, per revision
  // Each document's cluster, per revision: collapse in a walk and the clustered matches
  // without a pass of their own (search/collapse.h).
  SlotValueTable clusters_{schema::kSlotCluster};
  SlotValueTable ids_{schema::kSlotIdOrder};       // the walk's order of ties, per revision
  std::optional<CorpusClusters> corpus_clusters_;  // per revision
};

}  // namespace dossier
