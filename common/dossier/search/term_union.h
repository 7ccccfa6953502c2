// Exact BM25 ranking of an OR of terms, the way Xapian 1.4's matcher ranks it when every
// match must be seen (check_at_least = all, as exact totals and facets need), at a
// fraction of its cost.
//
// Why: with every match checked, Xapian's matcher cannot prune, yet it still pays for its
// general machinery on each match (a tree of virtual postlists, a weight object per
// term, a Document for the match spies): several times what this walk over the terms'
// posting lists costs (docs/BENCHMARKS.md, "Figures behind the code"). The queries of a batch are
// mostly plain words, i.e. an OR of terms, and for those the ranking is reproduced exactly: the
// same BM25 formula with the same statistics, the per-term parts added up in the order of the OR
// tree Xapian builds (floating-point addition is not associative), ties by article id
// (schema::kSlotIdOrder), then docid, as order_ties_by_id() has Xapian break them. Anything else
// (phrases, filters, weight scaling, other sorts) is left to Xapian.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <xapian.h>

#include "dossier/base/built_once.h"
#include "dossier/base/deadline.h"
#include "dossier/base/rent_or_buy.h"
#include "dossier/facets/facets.h"
#include "dossier/schema/schema.h"

namespace dossier {

// BM25 as dossier-search ranks with it, whether Xapian's matcher or the walk computes it:
// both take their parameters from here.
struct Bm25Params {
  static constexpr double kK2 = 0, kK3 = 1, kMinNormlen = 0.5;
  double k1;
  double b;
  Xapian::BM25Weight xapian_weight() const {
    return Xapian::BM25Weight(k1, kK2, kK3, b, kMinNormlen);
  }
};

// Has `enquire` rank equal scores by the value in `slot` (ascending), then by docid: by
// article id for dossier-search, so that the order of ties, and which of them make a page,
// does not depend on docids (see schema::kSlotIdOrder). The walk breaks ties the same way.
inline void order_ties_by_id(Xapian::Enquire& enquire,
                             Xapian::valueno slot = schema::kSlotIdOrder) {
  enquire.set_sort_by_relevance_then_value(slot, false);  // false: ascending
}

struct RankedDoc {
  Xapian::docid did = 0;
  double weight = 0;
};

struct TermUnionResult {
  Xapian::doccount total = 0;          // documents holding any of the terms
  std::vector<RankedDoc> page;         // ranks [offset, offset + limit)
  std::vector<Xapian::docid> matches;  // every match, ascending (when asked for)
};

// Every document's length by docid (empty when the table would be too large).
using DocLengthTable = std::vector<Xapian::termcount>;

// Document lengths by docid, for the walk's BM25. Looking a match's length up through
// Xapian (a B-tree cursor per lookup) costs as much as the rest of the walk, so once it
// has paid for itself (rent_or_buy.h) every length is read in one pass, 4 bytes a
// document. Per database revision, shared by the searchers on it (share()).
class DocLengths {
 public:
  // Before a walk over `db`: takes the table when loaded (by any searcher sharing it),
  // else loads it once it has paid for itself.
  void prepare(const Xapian::Database& db);
  // After a reopen: forgets the table and what was rented, and takes `shared`, the new
  // revision's table, from now on.
  void share(std::shared_ptr<BuiltOnce<DocLengthTable>> shared) {
    shared_ = std::move(shared);
    table_ = {};
    rent_.reset();
  }
  void forget() { share(std::make_shared<BuiltOnce<DocLengthTable>>()); }
  // The length of document `did`, on which `at` stands.
  Xapian::termcount get(Xapian::docid did, const Xapian::PostingIterator& at) {
    if (did < table_.size()) return table_[did];
    rent_.rent(1);
    return at.get_doclength();
  }

 private:
  std::shared_ptr<BuiltOnce<DocLengthTable>> shared_ =
      std::make_shared<BuiltOnce<DocLengthTable>>();
  std::span<const Xapian::termcount> table_;  // shared_'s, once taken
  RentOrBuy rent_;
};

// The terms of `query`, in Xapian's order of its leaves, when the query is one term or an
// OR of terms (nested ORs flattened) with each term at weight 1 — what the query builder
// makes of plain words; nullopt for any other query. Xapian::Query shows no leaf's wqf or
// scale, so a query with anything but OR and terms (OP_SCALE_WEIGHT included) is refused.
std::optional<std::vector<std::string>> or_of_terms(const Xapian::Query& query);

// Ranks the documents of `db` holding any of `terms`. `shards` are the databases `db`
// combines, in order, or empty when `db` is a single database: Xapian shapes the OR tree
// per shard from that shard's term frequencies.
struct TermUnionQuery {
  std::vector<std::string> terms;
  Bm25Params bm25;
  Xapian::doccount offset = 0;
  Xapian::doccount limit = 10;
  bool want_matches = false;  // fill TermUnionResult::matches
  Deadline deadline;          // enforced while walking the matches
  // Each document's cluster (a loaded table of kSlotCluster), to collapse as Xapian's
  // collapse key does: the page keeps the best-ranked match of each cluster (documents
  // without a cluster are their own). Null: no collapse. `total` still counts every match.
  const SlotValueTable* collapse = nullptr;
  // Equal weights rank by this slot's value, then by docid (order_ties_by_id()).
  Xapian::valueno tie_slot = schema::kSlotIdOrder;
  // The slot's values by docid, when loaded; else each tie reads its documents' values
  // through Xapian, and the reads rent the table (a batch loads it once it has paid).
  // Null: always read.
  SlotValueTable* tie_values = nullptr;
};

TermUnionResult rank_term_union(const Xapian::Database& db,
                                const std::vector<Xapian::Database>& shards,
                                const TermUnionQuery& query, DocLengths& lengths);

}  // namespace dossier
