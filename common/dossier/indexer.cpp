#include "dossier/indexer.h"

#include <chrono>

#include "dossier/corpus_reader.h"
#include "dossier/document_builder.h"
#include "dossier/errors.h"
#include "dossier/schema.h"
#include "dossier/writable_index.h"

namespace dossier {

ActorLexicon load_lexicon(const std::string& actors_file) {
  ActorLexicon lexicon = ActorLexicon::builtin();
  if (!actors_file.empty()) {
    try {
      lexicon.load_user_dictionary(actors_file);
    } catch (const std::exception& e) {
      throw Error(ErrorKind::kInput, std::string("actor dictionary: ") + e.what());
    }
  }
  return lexicon;
}

IndexStats index_corpus(const IndexOptions& options, const ProblemSink& problem) {
  const auto started = std::chrono::steady_clock::now();
  IndexStats stats;
  CorpusReader corpus(options.inputs, problem);
  const ActorLexicon lexicon = load_lexicon(options.actors_file);
  ArticleAnalyzer analyzer(lexicon, options.extraction);
  Xapian::WritableDatabase db = open_writable(options.db_path);
  while (const auto article = corpus.next()) {
    const std::string id_term = schema::id_term(article->id);
    const Xapian::Document doc =
        build_document(*article, analyzer.analyse(*article), analyzer.analyzer());
    try {
      // add_document for new ids: replace_document(term) looks the term's postings up
      // first, which costs more than the insert itself while changes are pending.
      if (db.term_exists(id_term)) {
        db.replace_document(id_term, doc);
        ++stats.updated;
      } else {
        db.add_document(doc);
        ++stats.added;
      }
    } catch (const Xapian::Error& e) {
      throw Error(ErrorKind::kInternal, "cannot write " + article->id + " to " + options.db_path +
                                            ": " + e.get_description());
    }
  }
  stats.skipped = corpus.problems();
  commit(db, options.db_path);
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

}  // namespace dossier
