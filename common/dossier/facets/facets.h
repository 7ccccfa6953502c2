// Facet counting over ALL matching documents (not just the page shown): actors, dates and
// sources. Counting happens in Xapian match spies during the match, with check_at_least
// set to the database size so every match is seen and the counts are exact.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "dossier/base/built_once.h"
#include "dossier/base/enum_names.h"
#include "dossier/base/flat_code_map.h"
#include "dossier/base/rent_or_buy.h"
#include "dossier/schema/schema.h"

namespace dossier {

// The actor codes of a kSlotActors value as identities (ActorDirectory::merged_codes): a
// code merged into another actor's stands for that actor, and each identity comes once,
// so an article naming both "EU" and "European Union" counts once for the European Union.
// With `merged` null or empty, the codes as they are. Replaces the contents of `out`.
void identity_codes(std::string_view slot_value, const FlatCodeMap<schema::ActorCode>* merged,
                    std::vector<schema::ActorCode>& out);

// The identity map (merged code -> canonical code) as bytes, for a spy sent to a remote
// shard (dossier-shard-server), which must count identities as the client does; and back.
// Throws Xapian::SerialisationError on malformed bytes.
std::string serialise_identities(const FlatCodeMap<schema::ActorCode>* merged);
std::shared_ptr<const FlatCodeMap<schema::ActorCode>> unserialise_identities(
    std::string_view bytes);

// Every document's actors in memory, by docid: a batch with actor facets reads the actors
// of the same documents query after query, and reading each through Xapian's value stream
// (a B-tree lookup and often a pread) cost more than counting them. Actors are numbered
// densely, so counting is an increment in an array that stays in cache.
class ActorCodeTable {
 public:
  // Reads `slot` of every document, as identities (identity_codes(), `merged` may be
  // null). False, leaving the table empty, when the table would take more than `max_bytes`.
  bool load(const Xapian::Database& db, Xapian::valueno slot, std::size_t max_bytes,
            const FlatCodeMap<schema::ActorCode>* merged);
  void clear();
  bool empty() const { return start_.empty(); }
  // A document's actors are entries: the actor's dense number, with its type
  // (schema::actor_code_type) in the top two bits, so the facet can rank counts type by
  // type without looking codes up.
  static constexpr unsigned kTypeShift = 30;
  static std::uint32_t number_of(std::uint32_t entry) { return entry & ((1u << kTypeShift) - 1); }
  static unsigned type_of(std::uint32_t entry) { return entry >> kTypeShift; }
  // The actor entries of document `did` (none for a docid the table does not know).
  std::span<const std::uint32_t> actors(Xapian::docid did) const {
    if (did + 1 >= start_.size()) return {};
    return {numbers_.data() + start_[did], numbers_.data() + start_[did + 1]};
  }
  std::size_t actor_count() const { return code_of_.size(); }
  schema::ActorCode code(std::uint32_t number) const { return code_of_[number]; }

 private:
  std::vector<std::uint32_t> start_;        // by docid: numbers_[start_[did], start_[did + 1])
  std::vector<std::uint32_t> numbers_;      // actor entries, document after document
  std::vector<schema::ActorCode> code_of_;  // by actor number
};

// One value slot of every document in memory, its distinct values numbered densely.
struct SlotValues {
  // Reads `slot` of every document of `db`; empty when it would take more than
  // kMaxTableBytes.
  static SlotValues load(const Xapian::Database& db, Xapian::valueno slot);
  std::vector<std::uint32_t> number;  // by docid: 1 + the value's number, 0 for none
  std::vector<std::string> values;
};

// A slot's values, used once loaded; loaded once they have paid for themselves: once as
// many documents' values have been read through Xapian's spies as the database holds
// (rent or buy, as the Searcher does for actors). A walk (term_union.h) then counts a
// match's value with an increment. The values loaded are shared: every searcher on one
// revision of a database takes the same (share()), loaded once by the first to pay.
class SlotValueTable {
 public:
  explicit SlotValueTable(Xapian::valueno slot) : slot_(slot) {}
  Xapian::valueno slot() const { return slot_; }
  // Values read through a spy since the last load decision.
  void read(Xapian::doccount values) { rent_.rent(values); }
  // Before a query on `db`: takes the values when loaded (by any searcher sharing them),
  // else loads them once they have paid for themselves.
  void prepare(const Xapian::Database& db);
  // After `db` was reopened at a newer revision: forgets the values and what was read,
  // and takes `shared`, this revision's values, from now on.
  void share(std::shared_ptr<BuiltOnce<SlotValues>> shared);
  // As share(), with values of its own (no other searcher).
  void forget() { share(std::make_shared<BuiltOnce<SlotValues>>()); }
  bool loaded() const { return !number_.empty(); }
  // 1 + the number of document `did`'s value; 0 when it has none.
  std::uint32_t number_of(Xapian::docid did) const {
    return did < number_.size() ? number_[did] : 0;
  }
  // The value of number + 1 `n` (n >= 1).
  const std::string& value(std::uint32_t n) const { return values_->values[n - 1]; }
  std::size_t value_count() const { return values_ ? values_->values.size() : 0; }
  // How many of `matches` have each value, by number + 1 (index 0: no value), as Xapian's
  // ValueCountMatchSpy counts them. The table must be loaded.
  std::vector<Xapian::doccount> count(const std::vector<Xapian::docid>& matches) const;
  // The `size` most frequent values of `counts` (from count()), most frequent first, then
  // in byte order: ValueCountMatchSpy::top_values_begin()'s order.
  std::vector<std::pair<std::string, Xapian::doccount>> top(
      const std::vector<Xapian::doccount>& counts, std::size_t size) const;

 private:
  Xapian::valueno slot_;
  std::shared_ptr<BuiltOnce<SlotValues>> shared_ = std::make_shared<BuiltOnce<SlotValues>>();
  const SlotValues* values_ = nullptr;     // shared_'s, once taken
  std::span<const std::uint32_t> number_;  // values_->number
  RentOrBuy rent_;
};

// Counts the actors listed in a document's kSlotActors value (several per document,
// which Xapian's ValueCountMatchSpy cannot do). Serialisable and mergeable like Xapian's
// own spies, so it also combines results from several databases.
//
// An exact facet counts every actor of every match, so counting one is a probe in a flat
// map keyed by its code (schema::actor_code), never a string hash or an allocation;
// with an ActorCodeTable, an increment by actor number.
class ActorCountSpy : public Xapian::MatchSpy {
 public:
  explicit ActorCountSpy(Xapian::valueno slot) : slot_(slot) {}

  // Counts from `table` (by docid) instead of reading each document's value; nullptr or
  // an empty table: read the values. The table must outlive the matches it serves, and
  // hold the identities use_identity() gave. Forgets the counts.
  void use_table(const ActorCodeTable* table);
  // Counts actors as identities (identity_codes()); `merged` must outlive the spy's use.
  void use_identity(const FlatCodeMap<schema::ActorCode>* merged) { merged_ = merged; }

  void operator()(const Xapian::Document& doc, double weight) override;
  // Whether counts come from a table by docid; then a caller that walks the matches
  // itself (term_union.h) counts each with count() instead of running the spy.
  bool has_table() const { return table_ != nullptr; }
  // The table counts come from (null when none): every document's actors as identities.
  const ActorCodeTable* table() const { return table_; }
  // Counts the actors of match `did` from the table; has_table() must hold.
  void count(Xapian::docid did) {
    ++seen_;
    for (const std::uint32_t entry : table_->actors(did)) {
      numbers_counted_[numbers_counted_size_] = entry;
      numbers_counted_size_ += counts_by_number_[ActorCodeTable::number_of(entry)]++ == 0;
    }
  }
  Xapian::MatchSpy* clone() const override {
    auto* spy = new ActorCountSpy(slot_);
    spy->use_identity(merged_);
    spy->owned_merged_ = owned_merged_;
    return spy;
  }
  std::string name() const override { return "Dossier::ActorCountSpy"; }
  std::string serialise() const override;
  Xapian::MatchSpy* unserialise(const std::string& serialised,
                                const Xapian::Registry& context) const override;
  std::string serialise_results() const override;
  void merge_results(const std::string& serialised) override;
  std::string get_description() const override { return "ActorCountSpy"; }

  // Forgets the counts before the next query.
  void clear();
  // Every actor counted since clear(), in no particular order, without building a list
  // (a broad query counts thousands of actors): visit(type, count, code) where code()
  // gives the actor's code, a lookup worth making only for the actors kept.
  template <typename Visit>
  void for_each_count(Visit&& visit) const {
    for (const schema::ActorCode code : codes_counted_)
      visit(schema::actor_code_type(code), *counts_by_code_.find(code), [code] { return code; });
    // A query counts in one of the two ways (use_table() comes between queries), so no
    // actor is visited twice.
    for (const std::uint32_t entry : std::span(numbers_counted_).first(numbers_counted_size_)) {
      const std::uint32_t number = ActorCodeTable::number_of(entry);
      visit(ActorCodeTable::type_of(entry), counts_by_number_[number],
            [this, number] { return table_->code(number); });
    }
  }
  Xapian::doccount documents_seen() const { return seen_; }

 private:
  void add(schema::ActorCode code, Xapian::doccount n);

  Xapian::valueno slot_;
  const FlatCodeMap<schema::ActorCode>* merged_ = nullptr;
  // On a shard server: the identities sent by the client, which merged_ points to.
  std::shared_ptr<const FlatCodeMap<schema::ActorCode>> owned_merged_;
  std::vector<schema::ActorCode> document_codes_;  // scratch for identity_codes()
  const ActorCodeTable* table_ = nullptr;
  std::vector<Xapian::doccount> counts_by_number_;  // with table_: by actor number
  // With table_: the entries counted since clear(), the first numbers_counted_size_ of a
  // vector with room for every actor and one more, so counting appends without a branch (half the
  // actors of a match are new to the query: a branch on it was mispredicted).
  std::vector<std::uint32_t> numbers_counted_;
  std::size_t numbers_counted_size_ = 0;
  // Without a table: counts by code. Codes stay in the map across clear() (only their
  // counts are reset), so a Searcher reuses one spy query after query and soon stops
  // inserting.
  FlatCodeMap<Xapian::doccount> counts_by_code_;
  std::vector<schema::ActorCode> codes_counted_;  // codes counted since clear()
  Xapian::doccount seen_ = 0;
};

enum class Granularity { Day, Week, Month, Year };
inline constexpr EnumNames<Granularity, 4> kGranularityNames = {{
    {Granularity::Day, "day"},
    {Granularity::Week, "week"},
    {Granularity::Month, "month"},
    {Granularity::Year, "year"},
}};
std::optional<Granularity> granularity_from_string(std::string_view name);  // "day", ...
std::string_view granularity_name(Granularity granularity);                 // "day", ...

// The most buckets a date histogram (and the actor-by-date table) holds: every bucket
// between the first and the last date is listed, and a day histogram over millennia of
// (mis)dated articles would list millions. A span that does not fit is counted in
// coarser buckets (day, week, month, year: the first that fits; every span of years
// 1000-9999 fits in years), and the histogram says which granularity it used.
inline constexpr std::size_t kMaxDateBuckets = 10000;

// The bucket label of a "YYYYMMDD" date: "2019-01-23", "2019-W04" (ISO week),
// "2019-01" or "2019".
std::string date_bucket(std::string_view yyyymmdd, Granularity granularity);

// `asked`, or the first coarser granularity whose buckets from the one holding `first` to
// the one holding `last` ("YYYYMMDD") number at most kMaxDateBuckets.
Granularity fitting_granularity(std::string_view first, std::string_view last, Granularity asked);

// Every bucket label from the one holding `first` to the one holding `last` ("YYYYMMDD"),
// in chronological order, so a timeline shows its empty stretches too. At most
// kMaxDateBuckets: pass a fitting_granularity().
std::vector<std::string> bucket_labels(std::string_view first, std::string_view last,
                                       Granularity granularity);

struct BucketCount {
  std::string bucket;
  Xapian::doccount count = 0;
  std::optional<Xapian::doccount> count_raw;  // with collapse: articles, not clusters

  friend bool operator==(const BucketCount&, const BucketCount&) = default;
};

struct DateHistogram {
  Granularity granularity = Granularity::Month;  // as asked, or coarser (kMaxDateBuckets)
  std::vector<BucketCount> buckets;
  // Dates known only to a month or year that no bucket of `granularity` holds (a month in
  // a day or week histogram, a year below years), by their own label ("2019-02", "2019"),
  // in order: never counted on a day they may not be.
  std::vector<BucketCount> coarse;
};

// Whether a date of this precision falls in exactly one bucket of `granularity`.
bool fits_bucket(DatePrecision precision, Granularity granularity);

// The label of the bucket of `granularity` holding a kSlotDate value, or the date's own
// label when it is too coarse for one (DateHistogram::coarse); empty when malformed.
std::string date_value_bucket(std::string_view value, Granularity granularity);

// Turns per-date counts (ValueCountMatchSpy over kSlotDate: schema::date_value()s) into
// chronological buckets, empty ones included between the first and the last, at most
// kMaxDateBuckets of them, and the coarse dates they cannot hold.
DateHistogram date_histogram(const std::map<std::string, Xapian::doccount>& per_day,
                             Granularity granularity);

}  // namespace dossier
