#include "dossier/search/searcher.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <map>
#include <optional>

#include "dossier/base/errors.h"
#include "dossier/base/keep_best.h"
#include "dossier/base/newest_revision.h"
#include "dossier/schema/document_data.h"
#include "dossier/schema/schema.h"
#include "dossier/search/deadline_spy.h"
#include "dossier/search/query_builder.h"
#include "dossier/search/query_fields.h"
#include "dossier/search/spelling.h"
#include "dossier/search/term_union.h"
#include "dossier/snippets/snippet.h"

namespace dossier {
namespace {

// Without facets or exact counts, matching this many documents beyond the page makes
// small totals exact without scanning a large database to the end.
constexpr Xapian::doccount kCheckAtLeast = 1000;

bool wants(const SearchRequest& r, Facet facet) {
  return r.facets.contains(facet);
}

// Whether the actor spy must count the matches: for the actor facet or the significant one.
bool counts_actors(const SearchRequest& r) {
  return wants(r, Facet::kActor) || wants(r, Facet::kSignificant);
}

// Whether a facet asked for is counted during the ranking's match (all but co-actors).
bool counted_with_the_matches(const SearchRequest& r) {
  return std::any_of(kFacetNames.begin(), kFacetNames.end(), [&](const auto& entry) {
    return entry.value != Facet::kCoActors && wants(r, entry.value);
  });
}

// Counts the documents the matcher looks at: with check_at_least at the database size,
// every match (collapsed ones too: spies see a match before the collapse key does). Over
// one database it can also list them by docid (over several, a spy sees each shard's own
// docids).
class MatchCounter : public Xapian::MatchSpy {
 public:
  explicit MatchCounter(std::vector<Xapian::docid>* docids) : docids_(docids) {}
  void operator()(const Xapian::Document& doc, double) override {
    ++seen_;
    if (docids_) docids_->push_back(doc.get_docid());
  }
  Xapian::doccount seen() const { return seen_; }

 private:
  std::vector<Xapian::docid>* docids_;
  Xapian::doccount seen_ = 0;
};

Xapian::Query filtered(Xapian::Query query, const Xapian::Query& filter) {
  return Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
}

// Top `size` actors of each type, most articles first, then by id (the order of the
// `actors` listing). A broad query counts thousands of actors, so the counts are read in
// place, once; only the actors at or above their type's cut are looked up by code. They
// are kept in a min-heap of keys, the count in the high half and the id's place in name
// order (inverted: the earlier name, the larger key) in the low half, so one integer
// compare ranks by count, then by id. With `overcount` (collapse), an actor's count is
// its count less its overcount, and the count as counted is its count_raw.
using Overcount = std::unordered_map<schema::ActorCode, Xapian::doccount>;
std::vector<ActorCount> top_actors(const ActorCountSpy& spy, std::size_t size,
                                   ActorDirectory& directory, const Overcount* overcount) {
  std::vector<ActorCount> out;
  if (size == 0) return out;
  constexpr std::size_t kTypes = 4;
  // One pass over the counts finds each type's cut, the size-th largest count, and keeps
  // the actors that could reach it: an actor below the cut as it stands then can never
  // enter, since the cut only rises.
  std::array<std::vector<Xapian::doccount>, kTypes> counts_first;
  for (auto& heap : counts_first) heap.reserve(size);
  struct Candidate {
    Xapian::doccount count;
    unsigned type;
    schema::ActorCode code;
    Xapian::doccount raw;
  };
  std::vector<Candidate> candidates;
  spy.for_each_count([&](unsigned type, Xapian::doccount n, const auto& code) {
    const Xapian::doccount raw = n;
    if (overcount) {
      if (const auto it = overcount->find(code()); it != overcount->end()) n -= it->second;
    }
    auto& heap = counts_first[type];
    if (heap.size() == size && n < heap.front()) return;
    keep_best(heap, n, size, std::greater<>());
    candidates.push_back({n, type, code(), raw});
  });
  std::array<Xapian::doccount, kTypes> cut{};
  for (std::size_t t = 0; t < kTypes; ++t)
    if (!counts_first[t].empty()) cut[t] = counts_first[t].front();
  std::array<std::vector<std::uint64_t>, kTypes> smallest_first;
  for (auto& heap : smallest_first) heap.reserve(size);
  const auto count_of = [](std::uint64_t key) { return static_cast<Xapian::doccount>(key >> 32); };
  const auto place_of = [](std::uint64_t key) { return ~static_cast<std::uint32_t>(key); };
  std::unordered_map<std::uint32_t, Xapian::doccount> raw_by_place;  // with overcount
  for (const Candidate& c : candidates) {
    auto& heap = smallest_first[c.type];
    if (c.count < cut[c.type] || (heap.size() == size && c.count < count_of(heap.front())))
      continue;
    if (const std::optional<std::uint32_t> place = directory.place_of(c.code)) {
      keep_best(heap, std::uint64_t{c.count} << 32 | ~*place, size, std::greater<>());
      if (overcount) raw_by_place[*place] = c.raw;
    }
  }
  // Types in name order, as before codes: equal counts and names keep this order below.
  for (const ActorType type :
       {ActorType::Country, ActorType::Org, ActorType::Person, ActorType::Place}) {
    auto& keys = smallest_first[static_cast<std::size_t>(type)];
    std::sort(keys.begin(), keys.end(), std::greater<>());
    for (const std::uint64_t key : keys) {
      out.push_back({directory.display_name(directory.id_at(place_of(key))),
                     std::string(to_string(type)), count_of(key), std::nullopt});
      if (overcount) out.back().count_raw = raw_by_place[place_of(key)];
    }
  }
  // Most articles first, then by name; equal ones keep the order above.
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.count != b.count ? a.count > b.count : a.name < b.name;
  });
  return out;
}

std::vector<SourceCount> top_sources(const Xapian::ValueCountMatchSpy& spy, std::size_t size) {
  std::vector<SourceCount> out;
  for (auto it = spy.top_values_begin(size); it != spy.top_values_end(size); ++it) {
    out.push_back({*it, it.get_termfreq(), std::nullopt});
  }
  return out;
}

// Counts less what collapsing removes (`overcount` by key), the counts as they were kept
// as count_raw.
template <class Entry, class KeyOf>
void subtract_overcount(std::vector<Entry>& entries,
                        const std::map<std::string, Xapian::doccount>& overcount, KeyOf&& key_of) {
  for (Entry& e : entries) {
    e.count_raw = e.count;
    if (const auto it = overcount.find(key_of(e)); it != overcount.end()) e.count -= it->second;
  }
}

// The free-text terms of `query`, each weighted by its inverse document frequency: the
// rarest matched word is the one a snippet should show. `termfreq` gives the frequencies
// the match used (MSet::get_termfreq after Xapian's matcher), not another B-tree lookup.
template <class TermFreq>
MatchTerms query_terms(const Xapian::Query& query, TermFreq&& termfreq, Xapian::doccount doccount) {
  MatchTerms terms;
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    const double df = std::max<Xapian::doccount>(1, termfreq(*t));
    terms.add_index_term(*t, std::log(1.0 + doccount / df));
  }
  return terms;
}

// A wildcard's weight as query_terms() gives a word's, from the most frequent of the first
// words it expands to: a broad wildcard ("s*") says little about why an article matched.
double wildcard_weight(const Xapian::Database& db, const std::string& prefix) {
  constexpr int kWordsLooked = 100;  // enough to meet a common word; bounded for "a*"
  Xapian::doccount df = 1;
  int looked = 0;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix) && looked < kWordsLooked;
       ++t, ++looked)
    df = std::max(df, t.get_termfreq());
  return std::log(1.0 + db.get_doccount() / static_cast<double>(df));
}

}  // namespace

std::optional<Facet> facet_from_string(std::string_view name) {
  return enum_from_name(kFacetNames, name);
}

std::optional<SortOrder> sort_order_from_string(std::string_view name) {
  return enum_from_name(kSortOrderNames, name);
}

Searcher::Searcher(const std::string& db_path, const OpenOptions& open,
                   std::shared_ptr<RevisionTableCache> tables)
    : Searcher(db_path, open, open_database(db_path, open), std::move(tables)) {}

Searcher::Searcher(const std::string& db_path, const OpenOptions& open, OpenedDatabase opened,
                   std::shared_ptr<RevisionTableCache> tables)
    : path_(db_path),
      shards_(std::move(opened.shards)),
      listed_(std::move(opened.listed)),
      remote_(opened.remote),
      open_(open),
      missing_(std::move(opened.missing)),
      db_(std::move(opened.db)),
      actors_(db_, analyzer_),
      cache_(tables ? std::move(tables) : std::make_shared<RevisionTableCache>()) {
  take_revision_tables();
}

std::optional<Xapian::rev> Searcher::revision() const {
  // A remote shard does not tell its revision (Xapian 1.4).
  if (remote_) return std::nullopt;
  try {
    if (shards_.empty()) return db_.get_revision();
    // Each shard's revision only grows, so equal sums mean equal revisions of every shard.
    Xapian::rev sum = 0;
    for (const auto& shard : shards_) sum += shard.get_revision();
    return sum;
  } catch (const Xapian::InvalidOperationError&) {
    return std::nullopt;  // a shard that is itself several databases
  }
}

void Searcher::refuse_remote(std::string_view feature) const {
  if (remote_) {
    throw Error(ErrorKind::kUsage, std::string(feature) + " is not available over remote shards (" +
                                       path_ + " lists some)");
  }
}

void Searcher::fail(const std::string& what, const Xapian::Error& error) {
  // A broken connection stays broken (Xapian never reconnects a remote database).
  const bool network = remote_ && is_network_error(error);
  broken_ = broken_ || network;
  auto shard = failed_shard(error, listed_);
  if (!shard && network) shard = unresponsive_shard(shards_, listed_);
  if (shard) {
    throw Error(
        network ? ErrorKind::kUnavailable : ErrorKind::kInternal,
        what + ": shard '" + *shard + "' of " + path_ + " failed: " + network_message(error));
  }
  throw Error(ErrorKind::kInternal, what + " on " + path_ + ": " + error.get_description());
}

SearchResult Searcher::search(const SearchRequest& request) {
  // A reader sees a snapshot; when an indexer commits twice meanwhile, the snapshot goes
  // stale: reopen and answer from the newer revision.
  const Deadline deadline = Deadline::after_seconds(request.time_limit_seconds);
  if (must_reconnect()) reconnect();
  ShardRetries retries;  // allow_partial
  for (int attempt = 0;; ++attempt) {
    try {
      SearchResult result = run(request, deadline);
      for (const StubShard& shard : missing_) result.missing_shards.push_back(shard_name(shard));
      return result;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= 3)
        throw Error(ErrorKind::kInternal, "database " + path_ + " keeps changing under the search");
      reopen_newest(db_);
      take_revision_tables();
    } catch (const Error&) {
      throw;
    } catch (const Xapian::Error& e) {
      if (!leave_out_failed_shard(e, retries)) fail("search failed", e);
    }
  }
}

bool Searcher::leave_out_failed_shard(const Xapian::Error& error, ShardRetries& retries) {
  if (!open_.allow_partial || !remote_ || !is_network_error(error)) return false;
  auto shard = failed_shard(error, listed_);
  if (!shard) shard = unresponsive_shard(shards_, listed_);
  if (!shard) return false;
  // The first time, connect again: the connection may have gone stale while its server
  // restarted (then it answers), and one that stays down is left out as the shards are
  // opened. A shard that fails on a fresh connection too (a timeout) is left out.
  const auto& failed = retries.failed;
  if (std::find(failed.begin(), failed.end(), *shard) == failed.end()) {
    retries.failed.push_back(*shard);
  } else {
    if (shards_.size() < 2) return false;  // nothing would be left
    retries.left_out.push_back(*shard);
  }
  // The other connections may be mid-exchange (the match asks every shard at once): all
  // are opened again.
  broken_ = true;
  reconnect(retries.left_out);
  return true;
}

bool Searcher::must_reconnect() const {
  // A refused connection is quick to find; a silent host costs --remote-timeout.
  return broken_ || (!missing_.empty() && any_reachable(missing_, open_));
}

void Searcher::refresh() {
  if (must_reconnect()) return reconnect();
  const auto before = revision();
  try {
    // false: definitely the same revision; true: perhaps a new one (compare, when known).
    if (!reopen_newest(db_) || (before && before == revision())) return;
  } catch (const Xapian::NetworkError& e) {
    if (!remote_) fail("cannot reopen database", e);
    return reconnect();  // a shard server restarted, or closed an idle connection
  } catch (const Xapian::Error& e) {
    fail("cannot reopen database", e);
  }
  take_revision_tables();
}

void Searcher::reconnect(const std::vector<std::string>& leave_out) {
  // Throws (kUnavailable, naming it) while a shard is still down; broken_ stays set.
  OpenedDatabase opened = open_database(path_, open_, leave_out);
  shards_ = std::move(opened.shards);
  listed_ = std::move(opened.listed);
  missing_ = std::move(opened.missing);
  remote_ = opened.remote;
  db_ = std::move(opened.db);  // actors_ refers to the member: it follows
  broken_ = false;
  take_revision_tables();
}

void Searcher::take_revision_tables() {
  tables_ = cache_->tables(db_, revision());
  // Each table as a pointer that keeps all of this revision's alive.
  const auto part = [this](auto& table) {
    return std::shared_ptr<std::remove_reference_t<decltype(table)>>(tables_, &table);
  };
  actors_.share(part(tables_->actors));
  actor_spy_.use_table(nullptr);
  actor_rent_.reset();
  doc_lengths_.share(part(tables_->doc_lengths));
  dates_.share(part(tables_->dates));
  sources_.share(part(tables_->sources));
  folders_.share(part(tables_->folders));
  clusters_.share(part(tables_->clusters));
  ids_.share(part(tables_->ids));
  corpus_clusters_.reset();
}

// The actor facet's table by docid: taken when loaded (by any searcher on this revision),
// else loaded once the spy has read as many documents' actors as the database holds
// (rent or buy: a single search never pays for reading them all). Only for a database of
// one shard: there a spy sees combined docids, while over several shards it sees each
// shard's own, which a table by docid cannot serve. Forgets the last query's counts.
void Searcher::prepare_actor_table() {
  actor_rent_.rent(actor_spy_.documents_seen());
  actor_spy_.clear();
  if (actor_spy_.has_table() || db_.size() != 1) return;
  const ActorCodeTable* table = tables_->actor_codes.peek();
  if (!table && actor_rent_.buy_now(db_.get_doccount())) {
    table = &tables_->actor_codes.get([this] {
      ActorCodeTable loaded;
      loaded.load(db_, schema::kSlotActors, kMaxTableBytes, &actors_.merged_codes());
      return loaded;
    });
  }
  if (table && !table->empty()) actor_spy_.use_table(table);
}

Xapian::Query Searcher::build_query(const SearchRequest& request, const Xapian::Query& expansion,
                                    QueryNotes* notes) {
  QueryBuilder builder(db_, analyzer_, actors_);
  builder.set_match(request.match);
  builder.set_stemming(ranking_.stemming);
  builder.set_stopwords(ranking_.stopwords);
  Xapian::Query query = builder.build(request.query, request.plain);
  if (notes) notes->wildcards = builder.wildcards();
  // Expansion words widen the words, never the filters below.
  if (!expansion.empty()) query = Xapian::Query(Xapian::Query::OP_OR, query, expansion);
  for (const auto& actor : request.actors) {
    const Xapian::Query filter = actors_.filter(actor);
    if (notes && filter.empty()) notes->unknown_actors.push_back(actor);
    query = filtered(query, filter);
  }
  if (!request.sources.empty()) {
    std::vector<Xapian::Query> any;
    for (const auto& s : request.sources) any.push_back(source_query(s, analyzer_));
    query = filtered(query, Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end()));
  }
  if (!request.folders.empty()) {
    std::vector<Xapian::Query> any;
    for (const auto& f : request.folders) any.push_back(folder_query(f, analyzer_));
    query = filtered(query, Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end()));
  }
  if (!request.from.empty() || !request.to.empty()) {
    std::optional<Date> from, to;
    if (!request.from.empty()) from = parse_date_bound(request.from, "--from");
    if (!request.to.empty()) to = parse_date_bound(request.to, "--to");
    query = filtered(query, date_range_query(from, to));
  }
  return query;
}

// Pseudo-relevance feedback: the words that best tell the top hits apart from the rest of
// the database (Xapian's ESet over stemmed body/title terms), scaled down.
Xapian::Query Searcher::expansion(const SearchRequest& request, const Deadline& deadline) {
  if (ranking_.expand_docs == 0 || request.query.empty()) return Xapian::Query();
  Xapian::Enquire first(db_);
  first.set_query(build_query(request));
  first.set_weighting_scheme(bm25().xapian_weight());
  order_ties_by_id(first);  // the top hits, ties at the cut included, whatever the docids
  MatchDeadline watch(deadline, remote_);
  watch.arm(first);
  const Xapian::MSet top = first.get_mset(0, ranking_.expand_docs);
  watch.check(top.get_matches_upper_bound());
  if (top.empty()) return Xapian::Query();
  Xapian::RSet rset;
  for (auto it = top.begin(); it != top.end(); ++it) rset.add_document(*it);
  // Only stems ("Z" + a word): field, filter and id terms would add nothing but noise.
  struct StemsOnly : Xapian::ExpandDecider {
    bool operator()(const std::string& term) const override {
      const auto text = schema::parse_text_term(term);
      return text && text->stem && !text->title;
    }
  } stems_only;
  // Exact term frequencies: over shards Xapian otherwise approximates them, and the words
  // chosen would depend on how documents are spread over the shards.
  const Xapian::ESet eset =
      first.get_eset(ranking_.expand_terms, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &stems_only);
  if (eset.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_OR, eset.begin(), eset.end()),
                       ranking_.expand_weight);
}

// The terms of `query` when rank_term_union() can answer `request` exactly as Xapian's
// matcher would: an OR of terms ranked by relevance with exact counts (collapsed, once
// the table of clusters is loaded), each facet
// counted from its table by docid once loaded (the actor spy's only over one database:
// over several the spy counts per shard), and the shards known when there are several.
std::optional<std::vector<std::string>> Searcher::walkable_terms(const SearchRequest& request,
                                                                 const Xapian::Query& query) {
  if (request.sort != SortOrder::Relevance || (!request.exact && !request.collapse) ||
      (request.collapse && !clusters_.loaded()))
    return std::nullopt;
  const auto counted = [&](Facet facet) {
    switch (facet) {
      case Facet::kCoActors:
        return true;  // it makes a pass of its own
      case Facet::kActor:
      case Facet::kSignificant:
        return actor_spy_.has_table();
      case Facet::kDate:
        return dates_.loaded();
      case Facet::kSource:
        return sources_.loaded();
      case Facet::kFolder:
        return folders_.loaded();
    }
    return false;
  };
  for (const auto& [facet, name] : kFacetNames)
    if (request.facets.contains(facet) && !counted(facet)) return std::nullopt;
  // The walk reads posting lists shard by shard, locally.
  if (remote_ || (db_.size() > 1 && db_.size() != shards_.size())) return std::nullopt;
  return or_of_terms(query);
}

SearchResult Searcher::run(const SearchRequest& request, const Deadline& deadline) {
  if (wants(request, Facet::kCoActors) && request.actors.size() != 1) {
    throw Error(ErrorKind::kUsage,
                "--facets co-actors needs exactly one --actor: the actor whose co-actors to count");
  }
  QueryNotes notes;
  const Xapian::Query expanded = expansion(request, deadline);
  const Xapian::Query query = build_query(request, expanded, &notes);
  const std::vector<std::string>& wildcards = notes.wildcards;
  if (counts_actors(request)) {
    actor_spy_.use_identity(&actors_.merged_codes());
    // Tables by docid would read every document of a remote shard over the network.
    if (remote_) {
      actor_spy_.clear();
    } else {
      prepare_actor_table();
    }
  }
  if (!remote_) {
    if (wants(request, Facet::kDate)) dates_.prepare(db_);
    if (wants(request, Facet::kSource)) sources_.prepare(db_);
    if (wants(request, Facet::kFolder)) folders_.prepare(db_);
    if (request.collapse) clusters_.prepare(db_);
  }
  SearchResult result;
  result.query = request.query;
  result.offset = request.offset;
  result.limit = request.limit;
  std::optional<Xapian::MSet> mset;  // when Xapian's matcher ranked
  std::vector<RankedDoc> page;
  std::optional<std::vector<Xapian::docid>> matches;  // with collapse, when seen by docid
  if (auto terms = walkable_terms(request, query)) {
    ids_.prepare(db_);
    TermUnionQuery walk{std::move(*terms), bm25(), request.offset, request.limit, false, deadline};
    walk.tie_values = &ids_;
    page = rank_by_walk(request, std::move(walk), result, matches);
  } else {
    mset = rank_by_xapian(request, query, deadline, result, page, matches);
  }
  std::optional<ClusteredMatches> clustered;
  if (request.collapse) {
    clustered.emplace(clustered_matches(query, matches, result.total, deadline));
    collapse_counts(request, *clustered, result);
  }
  // The facets counted with the matches are as exact as the total; co-actors make a pass
  // of their own over every match, exact even when the matcher stopped early (--estimate).
  result.facets_exact = result.total_exact || !counted_with_the_matches(request);
  const Overcount overcount =
      clustered && counts_actors(request)
          ? clustered->actor_overcount(&actors_.merged_codes(), actor_spy_.table())
          : Overcount();
  if (wants(request, Facet::kActor)) {
    result.facets.actor =
        top_actors(actor_spy_, request.facet_size, actors_, clustered ? &overcount : nullptr);
  }
  if (wants(request, Facet::kCoActors))
    result.facets.co_actors =
        co_actors(request, expanded, clustered ? &*clustered : nullptr, deadline);
  if (wants(request, Facet::kSignificant) && !clustered) {
    result.facets.significant = significant_actors(actor_spy_, result.total, db_.get_doccount(),
                                                   actors_, request.facet_size);
  } else if (wants(request, Facet::kSignificant)) {
    // Clusters among the matches against clusters over the whole database.
    const CorpusClusters& corpus = corpus_clusters();
    const ClusterOvercounts overcounts{&overcount, &corpus.actor_overcount};
    result.facets.significant =
        significant_actors(actor_spy_, result.total, db_.get_doccount() - corpus.removed, actors_,
                           request.facet_size, &overcounts);
  }

  // The words to mark are the query's own: a hit's text holds one of them exactly when the
  // hit has its term, since the text is indexed with the same analyser. Asking Xapian for
  // each hit's matching terms instead read the hit's whole term list.
  std::optional<SnippetMaker> snippets;
  if (request.snippets && !page.empty()) {
    const auto termfreq = [&](const std::string& term) {
      return mset ? mset->get_termfreq(term) : db_.get_termfreq(term);
    };
    SnippetOptions options;
    options.mark_start = request.mark_start;
    options.mark_end = request.mark_end;
    MatchTerms terms = query_terms(query, termfreq, db_.get_doccount());
    for (const auto& prefix : wildcards)
      terms.add_index_prefix(prefix, wildcard_weight(db_, prefix));
    snippets.emplace(std::move(terms), analyzer_, options);
  }
  for (std::size_t i = 0; i < page.size(); ++i) {
    std::optional<Hit> bare = request.ids_only ? id_only_hit(page[i]) : std::nullopt;
    result.hits.push_back(bare ? std::move(*bare) : hit(page[i], snippets ? &*snippets : nullptr));
    if (snippets && request.mark_titles)
      result.hits.back().marked_title = snippets->mark_all(result.hits.back().title);
    result.hits.back().rank = request.offset + static_cast<Xapian::doccount>(i) + 1;
    if (clustered) {
      const std::vector<Xapian::docid> members = clustered->members_of(page[i].did);
      result.hits.back().copies = static_cast<Xapian::doccount>(members.size());
      auto& duplicates = result.hits.back().duplicates;
      for (const Xapian::docid did : members) {
        if (did != page[i].did) duplicates.push_back(cluster_member(db_, did, records_));
      }
      sort_members(duplicates);
    }
  }
  if (result.total < kSuggestBelow) add_suggestions(request, notes.unknown_actors, result);
  return result;
}

// "Did you mean": the query with its unknown words corrected, when that finds more, and the
// actor a corrected spelling of the first --actor name that named nobody means.
void Searcher::add_suggestions(const SearchRequest& request,
                               const std::vector<std::string>& unknown_actors,
                               SearchResult& result) {
  const std::vector<Xapian::Database> whole{db_};
  const SpellingSource spelling{db_, shards_.empty() ? whole : shards_};
  if (!spelling.has_data()) return;
  if (std::string corrected = corrected_query(spelling, request.query, analyzer_);
      !corrected.empty()) {
    SearchRequest better = request;
    better.query = corrected;
    if (finds_more(build_query(better), result.total_raw.value_or(result.total)))
      result.suggestion = std::move(corrected);
  }
  for (const auto& name : unknown_actors) {
    const std::string corrected = corrected_name(spelling, name, analyzer_);
    if (corrected.empty()) continue;
    // Most articles first: a name several actors share suggests the one named far more
    // often ("khodorkovsky": Mikhail Khodorkovsky, not a misspelt "Mihkail"), not a tie.
    const auto meant = actors_.identity().resolve(corrected);
    if (meant.empty() ||
        (meant.size() > 1 && actors_.articles_of(meant[0]) == actors_.articles_of(meant[1])))
      continue;
    result.actor_suggestion = actors_.display_name(meant.front());
    break;
  }
}

// Whether `query` matches more than `matches` documents: the matcher stops at one more.
bool Searcher::finds_more(const Xapian::Query& query, Xapian::doccount matches) {
  Xapian::Enquire enquire(db_);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return enquire.get_mset(0, 0, matches + 1).get_matches_lower_bound() > matches;
}

// Totals and the date and source facets counted by clusters (search/collapse.h), the
// counts of articles kept as the *_raw fields. The sources were counted in full.
void Searcher::collapse_counts(const SearchRequest& request, const ClusteredMatches& clustered,
                               SearchResult& result) {
  result.total_raw = result.total;
  result.total -= clustered.removed();
  if (result.facets.date) {
    auto& histogram = *result.facets.date;
    const auto overcount = clustered.date_overcount(histogram.granularity, &dates_);
    const auto bucket_of = [](const BucketCount& b) { return b.bucket; };
    subtract_overcount(histogram.buckets, overcount, bucket_of);
    subtract_overcount(histogram.coarse, overcount, bucket_of);
    result.facets.undated_raw = result.facets.undated;
    if (const auto it = overcount.find(""); it != overcount.end())
      result.facets.undated -= it->second;
  }
  // Sources and folders were counted in full: the order may change once copies count once.
  const auto collapse_values = [&](std::vector<SourceCount>& values, const SlotValueTable& table) {
    subtract_overcount(values, clustered.value_overcount(table.slot(), &table),
                       [](const SourceCount& s) { return s.source; });
    std::stable_sort(values.begin(), values.end(), [](const auto& a, const auto& b) {
      return a.count != b.count ? a.count > b.count : a.source < b.source;
    });
    if (values.size() > request.facet_size) values.resize(request.facet_size);
  };
  if (result.facets.source) collapse_values(*result.facets.source, sources_);
  if (result.facets.folder) collapse_values(*result.facets.folder, folders_);
}

// The whole database's clusters, once per revision: what the significant facet compares
// collapsed matches with.
const Searcher::CorpusClusters& Searcher::corpus_clusters() {
  if (!corpus_clusters_) {
    const ClusteredMatches all(db_, Xapian::Query());
    corpus_clusters_ = CorpusClusters{
        all.removed(), all.actor_overcount(&actors_.merged_codes(), actor_spy_.table())};
  }
  return *corpus_clusters_;
}

// The clustered matches: from `matches` and the table of clusters when the ranking saw the
// matches by docid, else by a pass of their own.
ClusteredMatches Searcher::clustered_matches(const Xapian::Query& query,
                                             std::optional<std::vector<Xapian::docid>>& matches,
                                             Xapian::doccount total, const Deadline& deadline) {
  if (matches && clusters_.loaded()) return ClusteredMatches(db_, *matches, clusters_);
  // The collapse key read every match's cluster: what the table would have served.
  clusters_.read(total);
  // The pass reads every clustered match: within the limit (over remote shards Xapian's
  // time limit cannot shorten it, as it wants every match on its page).
  MatchDeadline watch(deadline, remote_);
  ClusteredMatches clustered(db_, query, watch.local_spy());
  watch.check(total);
  return clustered;
}

void Searcher::spy_on_every_match(const Xapian::Query& query, Xapian::MatchSpy& spy,
                                  const Deadline& deadline) {
  MatchDeadline watch(deadline, remote_);
  std::vector<Xapian::MatchSpy*> spies{&spy};
  if (Xapian::MatchSpy* ticker = watch.local_spy()) spies.push_back(ticker);
  watch.check(count_matches(query, spies, db_.get_doccount()).get_matches_upper_bound());
}

// Shows `spies` the first `check_at_least` matches of `query` (all, at the database's
// size), in docid order; the MSet holds no hits, only the totals.
Xapian::MSet Searcher::count_matches(const Xapian::Query& query,
                                     const std::vector<Xapian::MatchSpy*>& spies,
                                     Xapian::doccount check_at_least) {
  Xapian::Enquire enquire(db_);
  enquire.set_query(query);
  // Only the set of matches counts here, never their order: no weights to compute.
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  for (Xapian::MatchSpy* spy : spies) enquire.add_matchspy(spy);
  return enquire.get_mset(0, 0, check_at_least);
}

IdentityCounts Searcher::count_identities(const Xapian::Query& query, const Deadline& deadline) {
  ActorCountSpy spy(schema::kSlotActors);
  spy.use_identity(&actors_.merged_codes());
  spy_on_every_match(query, spy, deadline);
  return identity_counts(spy);
}

// The co-actors facet: one pass over the matches of the request without its --actor
// filter counts the articles naming each actor and those naming it beside the --actor
// (CoOccurrenceSpy, as --table actor-by-actor counts pairs); the latter are the matches
// naming it, collapsed as the actor facet is. Over remote shards, where that spy cannot
// go, the same counts come from two passes of the actor facet's spy: over those matches,
// and over those naming the --actor's identity. Most matches first, then highest score,
// then by name.
std::vector<CoActorCount> Searcher::co_actors(const SearchRequest& request,
                                              const Xapian::Query& expansion,
                                              const ClusteredMatches* clustered,
                                              const Deadline& deadline) {
  const std::optional<std::string> anchor_id = actors_.canonical_id(request.actors.front());
  if (!anchor_id) return {};  // nobody is called so: no match
  SearchRequest without_actor = request;
  without_actor.actors.clear();
  return co_actors_of(*anchor_id, build_query(without_actor, expansion), request.facet_size,
                      clustered, deadline);
}

std::vector<CoActorCount> Searcher::co_actors_of(std::string_view actor_id,
                                                 const SearchRequest& request) {
  if (!request.actors.empty())
    throw Error(ErrorKind::kUsage, "co-actors of an actor: the request names actors itself");
  const std::string canonical(actors_.identity().canonical(actor_id));
  const Deadline deadline = Deadline::after_seconds(request.time_limit_seconds);
  try {
    return co_actors_of(canonical, build_query(request), request.facet_size, nullptr, deadline);
  } catch (const Error&) {
    throw;
  } catch (const Xapian::Error& e) {
    fail("co-actors failed", e);
  }
}

std::vector<CoActorCount> Searcher::co_actors_of(const std::string& canonical_id,
                                                 const Xapian::Query& without_actor,
                                                 std::size_t size,
                                                 const ClusteredMatches* clustered,
                                                 const Deadline& deadline) {
  std::vector<CoActorCount> out;
  const schema::ActorCode anchor = schema::actor_code(canonical_id);
  IdentityCounts all, with_anchor;
  if (remote_) {
    all = count_identities(without_actor, deadline);
    with_anchor =
        count_identities(filtered(without_actor, actors_.identity_filter(canonical_id)), deadline);
    with_anchor.articles.erase(anchor);
  } else {
    CoOccurrenceSpy spy(actors_.merged_codes(), anchor);
    spy_on_every_match(without_actor, spy, deadline);
    all = {spy.counts(), spy.seen()};
    with_anchor.articles = spy.with_anchor();
  }
  const Overcount overcount =
      clustered ? clustered->actor_overcount(&actors_.merged_codes(), actor_spy_.table())
                : Overcount();
  for (const auto& [code, both] : with_anchor.articles) {
    const std::string* found = actors_.id_of(code);
    if (found == nullptr) continue;
    const std::string id = *found;  // the directory may grow while it names the actor
    CoActorCount entry{id,
                       actors_.display_name(id),
                       std::string(ActorDirectory::split_id(id).first),
                       both,
                       std::nullopt,
                       all.of(code),
                       npmi(both, all.of(anchor), all.of(code), all.matches)};
    if (clustered) {
      entry.count_raw = both;
      if (const auto it = overcount.find(code); it != overcount.end()) entry.count -= it->second;
    }
    out.push_back(std::move(entry));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    if (a.count != b.count) return a.count > b.count;
    if (npmi_as_printed(a.score) != npmi_as_printed(b.score))
      return npmi_as_printed(a.score) > npmi_as_printed(b.score);
    return std::pair(a.name, a.type) < std::pair(b.name, b.type);
  });
  if (out.size() > size) out.resize(size);
  return out;
}

// The OR of `terms` ranked by rank_term_union(), its matches counted for the facets.
std::vector<RankedDoc> Searcher::rank_by_walk(const SearchRequest& request, TermUnionQuery walk,
                                              SearchResult& result,
                                              std::optional<std::vector<Xapian::docid>>& matches) {
  const bool actor_facet = counts_actors(request), date_facet = wants(request, Facet::kDate),
             source_facet = wants(request, Facet::kSource),
             folder_facet = wants(request, Facet::kFolder);
  walk.want_matches = actor_facet || date_facet || source_facet || folder_facet || request.collapse;
  if (request.collapse) walk.collapse = &clusters_;
  TermUnionResult walked = rank_term_union(db_, shards_, walk, doc_lengths_);
  if (actor_facet) {
    for (const Xapian::docid did : walked.matches) actor_spy_.count(did);
  }
  if (date_facet) {
    const std::vector<Xapian::doccount> per_value = dates_.count(walked.matches);
    std::map<std::string, Xapian::doccount> per_day;
    for (std::uint32_t n = 1; n < per_value.size(); ++n) {
      if (per_value[n] != 0) per_day.emplace(dates_.value(n), per_value[n]);
    }
    result.facets.date = date_histogram(per_day, request.granularity);
    result.facets.undated = per_value[0];
  }
  // Collapsed, the order may change once copies count once: every value, cut after.
  const auto top_values = [&](const SlotValueTable& table) {
    std::vector<SourceCount> values;
    const std::size_t size = request.collapse ? table.value_count() : request.facet_size;
    for (auto& [value, n] : table.top(table.count(walked.matches), size))
      values.push_back({std::move(value), n, std::nullopt});
    return values;
  };
  if (source_facet) result.facets.source = top_values(sources_);
  if (folder_facet) result.facets.folder = top_values(folders_);
  result.total = walked.total;
  result.total_exact = true;
  if (request.collapse) matches = std::move(walked.matches);
  return std::move(walked.page);
}

// Any query through Xapian's matcher, with the spies of the facets asked for; fills the
// page, the totals and the date and source facets.
Xapian::MSet Searcher::rank_by_xapian(const SearchRequest& request, const Xapian::Query& query,
                                      const Deadline& deadline, SearchResult& result,
                                      std::vector<RankedDoc>& page,
                                      std::optional<std::vector<Xapian::docid>>& matches) {
  Xapian::Enquire enquire(db_);
  enquire.set_query(query);
  enquire.set_weighting_scheme(bm25().xapian_weight());
  // The best match of each cluster stands for it; the others are counted, not shown.
  if (request.collapse) enquire.set_collapse_key(schema::kSlotCluster);
  // Undated articles sort last in both directions. Xapian 1.4 sends no KeyMaker to a remote
  // shard, so there the slot itself is the key: descending, undated articles come last
  // as with the key maker; ascending, first, so the dated and undated matches are ranked
  // apart (date_ascending_split()).
  Xapian::MultiValueKeyMaker by_date;
  const bool descending = request.sort == SortOrder::DateDescending;
  const bool split = remote_ && request.sort == SortOrder::DateAscending;
  if (split && request.collapse) refuse_remote("--collapse with --sort date");
  if (request.sort == SortOrder::Relevance) {
    order_ties_by_id(enquire);
  } else if (remote_) {
    enquire.set_sort_by_value_then_relevance(schema::kSlotDate, descending);
  } else {
    by_date.add_value(schema::kSlotDate, descending, descending ? "" : "~");
    enquire.set_sort_by_key_then_relevance(&by_date, false);
  }
  Xapian::ValueCountMatchSpy date_spy(schema::kSlotDate);
  Xapian::ValueCountMatchSpy source_spy(schema::kSlotSource);
  Xapian::ValueCountMatchSpy folder_spy(schema::kSlotFolder);
  const bool date_facet = wants(request, Facet::kDate),
             source_facet = wants(request, Facet::kSource),
             folder_facet = wants(request, Facet::kFolder);
  std::vector<Xapian::MatchSpy*> spies;
  if (counts_actors(request)) spies.push_back(&actor_spy_);
  if (date_facet) spies.push_back(&date_spy);
  if (source_facet) spies.push_back(&source_spy);
  if (folder_facet) spies.push_back(&folder_spy);
  MatchDeadline watch(deadline, remote_);
  watch.arm(enquire);
  // Collapsed, the matches are counted by a spy; over remote shards by one of Xapian's own,
  // which every shard server knows: its total is the documents it saw.
  // Over one database, the counter also lists the matches for the clustered ones.
  if (request.collapse && !remote_ && db_.size() == 1 && clusters_.loaded()) matches.emplace();
  MatchCounter counter(matches ? &*matches : nullptr);
  Xapian::ValueCountMatchSpy remote_matches(schema::kSlotCluster);
  if (request.collapse) {
    spies.push_back(remote_ ? static_cast<Xapian::MatchSpy*>(&remote_matches) : &counter);
  }

  // Spies only see the documents the matcher looks at: exact facets need all of them.
  const Xapian::doccount check_at_least = request.exact || request.collapse
                                              ? db_.get_doccount()
                                              : request.offset + request.limit + kCheckAtLeast;
  // Over remote shards the spies count in a pass of their own, unsorted. Sorted by a value
  // (by date, or by relevance then id), Xapian 1.4.22's client shows its spies the remote
  // documents that sort below the page's last hit, which their shard servers counted
  // already (matcher/multimatch.cc, "Making note of match item which sorts lower than
  // min_item", the one call without its remote check), so facets counted them twice. The
  // ranking pass may then stop early, as it counts nothing.
  const bool count_apart = remote_ && !spies.empty();
  if (!count_apart) {
    for (Xapian::MatchSpy* spy : spies) enquire.add_matchspy(spy);
  }
  const Xapian::doccount rank_at_least =
      count_apart ? request.offset + request.limit + kCheckAtLeast : check_at_least;
  Xapian::MSet mset;
  if (split) {
    mset = date_ascending_split(enquire, query, request, rank_at_least, result, page);
  } else {
    mset = enquire.get_mset(request.offset, request.limit, rank_at_least);
    for (auto it = mset.begin(); it != mset.end(); ++it) page.push_back({*it, it.get_weight()});
    result.total = mset.get_matches_estimated();
    result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  }
  if (count_apart) {
    const Xapian::MSet counted = count_matches(query, spies, check_at_least);
    result.total = counted.get_matches_estimated();
    result.total_exact = counted.get_matches_lower_bound() == counted.get_matches_upper_bound();
  }
  // Collapsed, Xapian's own totals count clusters, and its uncollapsed ones are bounds
  // that undercount filtered queries: the articles are the matches counted (every one, as
  // check_at_least is the database size), and collapse_counts() subtracts the copies.
  if (request.collapse) {
    result.total = remote_ ? remote_matches.get_total() : counter.seen();
    result.total_exact = true;
  }
  // A shard's time limit takes effect at a match, so a match cut short counts at least one.
  watch.check(result.total);

  if (date_facet) {
    std::map<std::string, Xapian::doccount> per_day;
    Xapian::doccount dated = 0;
    for (auto it = date_spy.values_begin(); it != date_spy.values_end(); ++it) {
      per_day[*it] = it.get_termfreq();
      dated += it.get_termfreq();
    }
    result.facets.date = date_histogram(per_day, request.granularity);
    result.facets.undated = date_spy.get_total() - dated;
    dates_.read(date_spy.get_total());
  }
  if (source_facet) {
    // Collapsed, the order may change once copies count once: every source, cut after.
    result.facets.source =
        top_sources(source_spy, request.collapse ? db_.get_doccount() : request.facet_size);
    sources_.read(source_spy.get_total());
  }
  if (folder_facet) {
    result.facets.folder =
        top_sources(folder_spy, request.collapse ? db_.get_doccount() : request.facet_size);
    folders_.read(folder_spy.get_total());
  }
  return mset;
}

// Oldest first over remote shards, undated last: the dated matches (sorted by the slot)
// give the page's start, the undated ones (by relevance, as the key maker ties them) its
// end. Both passes show their matches to the enquire's spies, so facets count them all.
// Returns the dated pass's MSet (its term frequencies are the query's).
Xapian::MSet Searcher::date_ascending_split(Xapian::Enquire& enquire, const Xapian::Query& query,
                                            const SearchRequest& request,
                                            Xapian::doccount check_at_least, SearchResult& result,
                                            std::vector<RankedDoc>& page) {
  // Every date value is 8 digits: the filter keeps exactly the dated documents.
  const Xapian::Query has_date(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, std::string(1, '\0'));
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, has_date));
  const Xapian::MSet dated = enquire.get_mset(request.offset, request.limit, check_at_least);
  for (auto it = dated.begin(); it != dated.end(); ++it) page.push_back({*it, it.get_weight()});
  // A short page means the matcher saw every dated match: their count is exact.
  Xapian::doccount undated_first = 0, undated_count = 0;
  if (dated.size() < request.limit) {
    const Xapian::doccount dated_total = dated.get_matches_lower_bound();
    undated_first = request.offset > dated_total ? request.offset - dated_total : 0;
    undated_count = request.limit - dated.size();
  }
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, query, has_date));
  const Xapian::MSet undated = enquire.get_mset(undated_first, undated_count, check_at_least);
  for (auto it = undated.begin(); it != undated.end(); ++it) page.push_back({*it, it.get_weight()});
  result.total = dated.get_matches_estimated() + undated.get_matches_estimated();
  result.total_exact = dated.get_matches_lower_bound() == dated.get_matches_upper_bound() &&
                       undated.get_matches_lower_bound() == undated.get_matches_upper_bound();
  return dated;
}

// A ranked document as its id and score, from kSlotIdOrder; nothing when that does not hold
// the id whole (then the record does).
std::optional<Hit> Searcher::id_only_hit(const RankedDoc& ranked) {
  const std::string value =
      db_.get_document(ranked.did, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotIdOrder);
  const auto id = schema::id_in_order_value(value);
  if (!id) return std::nullopt;
  Hit hit;
  hit.id = std::string(*id);
  hit.score = ranked.weight;
  return hit;
}

// A ranked document as a hit (its rank left to the caller), with a snippet if asked.
Hit Searcher::hit(const RankedDoc& ranked, SnippetMaker* snippets) {
  const std::string stored = records_.read(db_.get_document(ranked.did, Xapian::DOC_ASSUME_VALID));
  const DocumentView data = DocumentView::parse(stored, kHitActors);
  Hit hit;
  hit.id = data.id;
  hit.title = data.title;
  hit.score = ranked.weight;
  hit.date = data.date;
  hit.date_source = data.date_source;
  hit.source = data.source;
  hit.url = data.url;
  for (const auto& actor : data.actors) {  // the first kHitActors, as parsed
    hit.actors.push_back({actors_.display_name(actor.id), std::string(actor.type)});
  }
  if (snippets) hit.snippet = snippets->make(data.text.empty() ? hit.title : data.text);
  return hit;
}

}  // namespace dossier
