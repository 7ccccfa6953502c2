#include "dossier/indexer.h"

#include <chrono>

#include "dossier/analyzer.h"
#include "dossier/article_source.h"
#include "dossier/document_builder.h"
#include "dossier/errors.h"
#include "dossier/schema.h"
#include "dossier/writable_index.h"

namespace dossier {
IndexStats index_corpus(const IndexOptions& options, const ProblemSink& problem) {
  const auto started = std::chrono::steady_clock::now();
  IndexStats stats;
  const auto files = list_corpus_files(options.inputs, problem);
  Xapian::WritableDatabase db = open_writable(options.db_path);
  Analyzer analyzer;
  for (const auto& file : files) {
    std::string why;
    const auto loaded = load_article(file, why);
    if (!loaded) {
      problem(file.path.string(), why);
      ++stats.skipped;
      continue;
    }
    const Article& article = *loaded;
    const std::string id_term = schema::id_term(article.id);
    try {
      const bool exists = db.term_exists(id_term);
      db.replace_document(id_term, build_document(article, analyzer));
      ++(exists ? stats.updated : stats.added);
    } catch (const Xapian::Error& e) {
      throw Error(ErrorKind::kInternal, "cannot write " + file.id + " to " + options.db_path +
                                            ": " + e.get_description());
    }
  }
  commit(db, options.db_path);
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

}  // namespace dossier
