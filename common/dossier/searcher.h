// Answering one ranked query against a Dossier database.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "dossier/analyzer.h"

namespace dossier {

struct SearchRequest {
  std::string query;
  bool plain = false;  // words only, no query syntax
  Xapian::doccount offset = 0;
  Xapian::doccount limit = 10;
  bool snippets = true;
  // Count every match, so that `total` is exact (slower on large databases); otherwise
  // the total is exact only when the match is small.
  bool exact_total = false;
};

struct Hit {
  Xapian::doccount rank = 0;  // 1-based, counting from the first result (offset included)
  std::string id;
  std::string title;
  double score = 0;
  std::string snippet;
};

struct SearchResult {
  std::string query;
  Xapian::doccount total = 0;  // matching documents (estimate unless total_exact)
  bool total_exact = false;
  Xapian::doccount offset = 0;
  Xapian::doccount limit = 0;
  std::vector<Hit> hits;
};

// BM25 parameters (Xapian::BM25Weight); the defaults are tuned on CISI (bench/).
struct RankingParams {
  double k1 = 1.0;
  double b = 0.5;
};

// Opens a database read-only for searching. Not thread-safe: one Searcher per thread.
class Searcher {
 public:
  // Throws dossier::Error (kUsage) when the database is missing, unreadable or of another
  // schema version.
  explicit Searcher(const std::string& db_path);

  SearchResult search(const SearchRequest& request);

  const Xapian::Database& database() const { return db_; }
  Analyzer& analyzer() { return analyzer_; }
  RankingParams& ranking() { return ranking_; }

 private:
  SearchResult run(const SearchRequest& request);

  std::string path_;
  Xapian::Database db_;
  Analyzer analyzer_;
  RankingParams ranking_;
};

}  // namespace dossier
