#include "dossier/searcher.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "dossier/document_data.h"
#include "dossier/errors.h"
#include "dossier/query_builder.h"
#include "dossier/schema.h"
#include "dossier/snippet.h"

namespace dossier {
namespace {

// Matching at least this many documents beyond the page makes small totals exact
// without scanning a large database to the end.
constexpr Xapian::doccount kCheckAtLeast = 1000;

Xapian::Database open_readable(const std::string& path) {
  if (!std::filesystem::exists(path)) throw Error(ErrorKind::kUsage, "no database at " + path);
  try {
    Xapian::Database db(path);
    schema::check(db, path);
    return db;
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::kUsage, "cannot open database " + path + ": " + e.get_msg());
  }
}

}  // namespace

Searcher::Searcher(const std::string& db_path) : path_(db_path), db_(open_readable(db_path)) {}

SearchResult Searcher::search(const SearchRequest& request) {
  // A reader sees a snapshot; when an indexer commits twice meanwhile, the snapshot goes
  // stale: reopen and answer from the newer revision.
  for (int attempt = 0;; ++attempt) {
    try {
      return run(request);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= 3)
        throw Error(ErrorKind::kInternal, "database " + path_ + " keeps changing under the search");
      db_.reopen();
    } catch (const Error&) {
      throw;
    } catch (const Xapian::Error& e) {
      throw Error(ErrorKind::kInternal, "search failed on " + path_ + ": " + e.get_description());
    }
  }
}

SearchResult Searcher::run(const SearchRequest& request) {
  QueryBuilder builder(db_, analyzer_);
  const Xapian::Query query = builder.build(request.query, request.plain);

  Xapian::Enquire enquire(db_);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BM25Weight(ranking_.k1, 0, 1, ranking_.b, 0.5));
  const Xapian::doccount check_at_least =
      request.exact_total ? db_.get_doccount() : request.offset + request.limit + kCheckAtLeast;
  const Xapian::MSet mset = enquire.get_mset(request.offset, request.limit, check_at_least);

  SearchResult result;
  result.query = request.query;
  result.total = mset.get_matches_estimated();
  result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  result.offset = request.offset;
  result.limit = request.limit;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    DocumentData data = DocumentData::from_json(doc.get_data());
    Hit hit;
    hit.rank = it.get_rank() + 1;
    hit.id = std::move(data.id);
    hit.title = std::move(data.title);
    hit.score = it.get_weight();
    if (request.snippets) {
      MatchTerms terms;
      for (auto t = enquire.get_matching_terms_begin(it); t != enquire.get_matching_terms_end(it);
           ++t) {
        // Inverse document frequency: the rarest matched word is the one to show.
        const double df = std::max<Xapian::doccount>(1, db_.get_termfreq(*t));
        terms.add_index_term(*t, std::log(1.0 + db_.get_doccount() / df));
      }
      hit.snippet = make_snippet(data.text.empty() ? hit.title : data.text, terms, analyzer_);
    }
    result.hits.push_back(std::move(hit));
  }
  return result;
}

}  // namespace dossier
