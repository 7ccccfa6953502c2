#include "dossier/search/term_union.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>

#include "dossier/base/keep_best.h"

namespace dossier {
namespace {

// Beyond this many terms the walk's per-document scan of every term costs more than it
// saves; such queries (long pasted texts) go to Xapian.
constexpr std::size_t kMaxTerms = 16;

// What Bm25Params::xapian_weight() gives a term of `termfreq` documents out of
// `doccount`, before the wdf and length part: BM25Weight::init() with no relevance set,
// query frequency 1 and factor 1, step by step (the steps round as Xapian's do).
double bm25_termweight(Xapian::doccount termfreq, Xapian::doccount doccount, double k1) {
  static_assert(Bm25Params::kK2 == 0, "the walk leaves out BM25's k2 (query length) part");
  double tw = (doccount - termfreq + 0.5) / (termfreq + 0.5);
  // Xapian's damping of terms in more than a third of the documents.
  if (tw < 2) tw = tw * 0.5 + 1;
  double termweight = std::log(tw) * 1.0;
  constexpr double k3 = Bm25Params::kK3, wqf = 1;
  termweight *= (k3 + 1) * wqf / (k3 + wqf);
  termweight *= (k1 + 1);
  return termweight;
}

// The shape of the OR tree Xapian 1.4 builds over the terms in one database
// (OrContext::postlist()): like a Huffman code, the two postlists of lowest estimated
// frequency are joined first, the more frequent one on the left. A document's weight is
// the sum over the tree: left + right where both hold it.
struct OrTree {
  struct Node {
    int left = -1, right = -1;  // children; -1 for a leaf (its term is the node's index)
  };
  std::vector<Node> nodes;  // the terms' leaves first, in query order
  int root = 0;
};

OrTree or_tree(const std::vector<Xapian::doccount>& termfreqs, Xapian::doccount db_size) {
  OrTree tree;
  tree.nodes.resize(termfreqs.size());
  std::vector<Xapian::doccount> estimate(termfreqs);
  std::vector<int> heap(termfreqs.size());
  for (std::size_t i = 0; i < heap.size(); ++i) heap[i] = static_cast<int>(i);
  if (heap.size() == 1) return tree;
  // Xapian's ComparePostListTermFreqAscending over the same heap algorithms, so equal
  // estimates pair up as they do there.
  const auto higher = [&](int a, int b) { return estimate[a] > estimate[b]; };
  std::make_heap(heap.begin(), heap.end(), higher);
  for (;;) {
    const int right = heap.front();
    std::pop_heap(heap.begin(), heap.end(), higher);
    heap.pop_back();
    const int left = heap.front();
    // OrPostList::get_termfreq_est(), assuming the two independent.
    const double l = estimate[left], r = estimate[right];
    const auto joined = db_size == 0
                            ? Xapian::doccount{0}
                            : static_cast<Xapian::doccount>(l + r - (l * r / db_size) + 0.5);
    tree.nodes.push_back({left, right});
    estimate.push_back(joined);
    const int node = static_cast<int>(tree.nodes.size() - 1);
    if (heap.size() == 1) {
      tree.root = node;
      return tree;
    }
    std::pop_heap(heap.begin(), heap.end(), higher);
    heap.back() = node;
    std::push_heap(heap.begin(), heap.end(), higher);
  }
}

// One term's share of a document's weight, if the term holds the document.
struct Part {
  bool held = false;
  double weight = 0;
};

// The weight under `node` of the document whose term parts are `part`, added up as
// Xapian's OrPostList::get_weight() does: a branch alone where only it holds the
// document, left + right where both do.
Part tree_weight(const OrTree& tree, int node, const std::vector<Part>& part) {
  const OrTree::Node& n = tree.nodes[static_cast<std::size_t>(node)];
  if (n.left < 0) return part[static_cast<std::size_t>(node)];
  const Part l = tree_weight(tree, n.left, part), r = tree_weight(tree, n.right, part);
  if (!l.held) return r;
  if (!r.held) return l;
  return {true, l.weight + r.weight};
}

// Xapian's MSet order with order_ties_by_id(): higher weight first, then the lower
// tie-slot value, then the lower docid. The values are needed only for equal weights,
// rare in news but everywhere in a corpus of templates: from the table when loaded, else
// read from the documents, each once.
class RankOrder {
 public:
  RankOrder(const Xapian::Database& db, Xapian::valueno slot, SlotValueTable* table)
      : db_(db), slot_(slot), table_(table && table->loaded() ? table : nullptr), rent_(table) {}
  bool before(const RankedDoc& a, const RankedDoc& b) {
    return a.weight != b.weight ? a.weight > b.weight : tie_before(a.did, b.did);
  }

 private:
  // Out of line, so that before(), called for every offer to the page's heap, inlines.
  [[gnu::noinline]] bool tie_before(Xapian::docid a, Xapian::docid b) {
    if (a == b) return false;
    const int by_value = tie_value(a).compare(tie_value(b));
    return by_value != 0 ? by_value < 0 : a < b;
  }

  std::string_view tie_value(Xapian::docid did) {
    if (table_) {
      const std::uint32_t n = table_->number_of(did);
      return n == 0 ? std::string_view() : std::string_view(table_->value(n));
    }
    // References stay valid as the map grows (node-based).
    const auto [at, fresh] = read_.try_emplace(did);
    if (fresh) {
      at->second = db_.get_document(did, Xapian::DOC_ASSUME_VALID).get_value(slot_);
      if (rent_) rent_->read(1);
    }
    return at->second;
  }

  const Xapian::Database& db_;
  Xapian::valueno slot_;
  const SlotValueTable* table_;  // when loaded
  SlotValueTable* rent_;         // what the reads rent
  std::unordered_map<Xapian::docid, std::string> read_;
};

}  // namespace

void DocLengths::prepare(const Xapian::Database& db) {
  if (!table_.empty()) return;
  const DocLengthTable* table = shared_->peek();
  if (!table && rent_.buy_now(db.get_doccount())) {
    table = &shared_->get([&] {
      constexpr Xapian::docid kMaxDocid = kMaxTableBytes / sizeof(Xapian::termcount);
      DocLengthTable lengths;
      if (db.get_lastdocid() >= kMaxDocid) return lengths;
      lengths.assign(static_cast<std::size_t>(db.get_lastdocid()) + 1, 0);
      for (auto it = db.postlist_begin(std::string()); it != db.postlist_end(std::string()); ++it)
        lengths[*it] = it.get_doclength();
      return lengths;
    });
  }
  if (table) table_ = *table;
}

std::optional<std::vector<std::string>> or_of_terms(const Xapian::Query& query) {
  std::vector<std::string> terms;
  // Iterative walk in leaf order.
  std::vector<Xapian::Query> pending{query};
  while (!pending.empty()) {
    const Xapian::Query q = pending.back();
    pending.pop_back();
    if (q.get_type() == Xapian::Query::OP_OR) {
      for (std::size_t i = q.get_num_subqueries(); i-- > 0;) pending.push_back(q.get_subquery(i));
      continue;
    }
    if (q.get_type() != Xapian::Query::LEAF_TERM) return std::nullopt;
    const std::string term = *q.get_terms_begin();
    // A leaf's wqf shows only in its description ("term#2@1"): accept "term" and "term@N".
    const std::string bare = Xapian::Query(term).get_description();  // "Query(term)"
    const std::string desc = q.get_description();
    const std::size_t stem = bare.size() - 1;  // "Query(term" without the ')'
    if (desc.compare(0, stem, bare, 0, stem) != 0 || desc.size() <= stem ||
        (desc[stem] != ')' && desc[stem] != '@'))
      return std::nullopt;
    terms.push_back(term);
  }
  if (terms.empty() || terms.size() > kMaxTerms) return std::nullopt;
  return terms;
}

TermUnionResult rank_term_union(const Xapian::Database& db,
                                const std::vector<Xapian::Database>& shards,
                                const TermUnionQuery& query, DocLengths& lengths) {
  const std::vector<std::string>& terms = query.terms;
  const Xapian::doccount offset = query.offset, limit = query.limit;
  TermUnionResult result;
  const Xapian::doccount doccount = db.get_doccount();
  if (terms.empty() || doccount == 0) return result;
  lengths.prepare(db);

  // BM25Weight::init(): the statistics of the whole database; the length factor is
  // 1 / average length, as Xapian takes it.
  const double average_length = db.get_avlength();
  const double len_factor = average_length != 0 ? 1 / average_length : 0;
  const double k1 = query.bm25.k1, b = query.bm25.b;

  struct Term {
    Xapian::PostingIterator at, end;
    double termweight;
  };
  std::vector<Xapian::doccount> termfreqs;
  std::vector<Term> walk;
  walk.reserve(terms.size());
  for (const auto& t : terms) {
    termfreqs.push_back(db.get_termfreq(t));
    walk.push_back({db.postlist_begin(t), db.postlist_end(t),
                    bm25_termweight(termfreqs.back(), doccount, k1)});
  }

  // One OR tree per database combined (Xapian's docids interleave them: docid d lives
  // in database (d - 1) % n), shaped by that database's own frequencies.
  std::vector<OrTree> trees;
  if (shards.empty()) {
    trees.push_back(or_tree(termfreqs, doccount));
  } else {
    for (const auto& shard : shards) {
      std::vector<Xapian::doccount> freqs;
      for (const auto& t : terms) freqs.push_back(shard.get_termfreq(t));
      trees.push_back(or_tree(freqs, shard.get_doccount()));
    }
  }

  // The best offset + limit so far, the lowest-ranked in front.
  const std::size_t keep = static_cast<std::size_t>(offset) + limit;
  std::vector<RankedDoc> best;
  best.reserve(std::min<std::size_t>(keep, 4096));

  // With collapse: the best match so far of each cluster, by cluster number.
  std::unordered_map<std::uint32_t, RankedDoc> cluster_best;

  RankOrder order(db, query.tie_slot, query.tie_values);
  // The heap's functions copy their comparator: the copies share `order`'s values.
  const auto ranks_before = [&order](const RankedDoc& a, const RankedDoc& b) {
    return order.before(a, b);
  };

  std::vector<Part> part(terms.size());
  DeadlineTicker ticker(query.deadline);
  for (;;) {
    Xapian::docid did = 0;
    for (const Term& t : walk) {
      if (t.at != t.end && (did == 0 || *t.at < did)) did = *t.at;
    }
    if (did == 0) break;
    ticker.tick();
    ++result.total;
    if (query.want_matches) result.matches.push_back(did);
    if (keep == 0) {  // counts only (--count, limit 0): no weights to compute
      for (Term& t : walk) {
        if (t.at != t.end && *t.at == did) ++t.at;
      }
      continue;
    }

    // BM25Weight::get_sumpart() of each term holding the document.
    double normlen = 0;
    bool have_length = false;
    for (std::size_t i = 0; i < walk.size(); ++i) {
      Term& t = walk[i];
      if (t.at == t.end || *t.at != did) {
        part[i].held = false;
        continue;
      }
      if (!have_length) {
        normlen = std::max(lengths.get(did, t.at) * len_factor, Bm25Params::kMinNormlen);
        have_length = true;
      }
      const double wdf = t.at.get_wdf();
      const double denom = k1 * (normlen * b + (1 - b)) + wdf;
      part[i] = {true, t.termweight * (wdf / denom)};
      ++t.at;
    }
    const OrTree& tree = trees[trees.size() == 1 ? 0 : (did - 1) % trees.size()];
    const RankedDoc doc{did, tree_weight(tree, tree.root, part).weight};

    // A cluster's best member is known only at the end of the walk: it enters then.
    if (const std::uint32_t cluster = query.collapse ? query.collapse->number_of(did) : 0) {
      const auto [kept, first] = cluster_best.try_emplace(cluster, doc);
      if (!first && ranks_before(doc, kept->second)) kept->second = doc;
      continue;
    }
    keep_best(best, doc, keep, ranks_before);
  }
  for (const auto& [cluster, doc] : cluster_best) keep_best(best, doc, keep, ranks_before);
  std::sort(best.begin(), best.end(), ranks_before);
  if (best.size() > offset) result.page.assign(best.begin() + offset, best.end());
  return result;
}

}  // namespace dossier
