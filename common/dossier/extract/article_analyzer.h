// Everything extraction needs for one article, bundled per thread: the text analyser, the
// actor extractor and the date rules. Index and `analyze` both go through it, so what
// `analyze` prints is exactly what gets indexed.
#pragma once

#include <vector>

#include "dossier/extract/actors/extractor.h"
#include "dossier/extract/actors/lexicon.h"
#include "dossier/extract/article.h"
#include "dossier/extract/article_facts.h"
#include "dossier/extract/dates/date_extractor.h"
#include "dossier/text/analyzer.h"

namespace dossier {

// An article's words as Analyzer::tokenize splits them: segmented once, for the actor
// extractor and the document builder (segmentation is the dearest step of both).
struct ArticleWords {
  std::vector<Token> title;
  std::vector<Token> body;
};

struct ExtractionOptions {
  DateOrder date_order = DateOrder::DMY;            // --date-order
  DateFallback date_fallback = DateFallback::None;  // --date-fallback
};

// Not thread-safe (ICU iterators inside): one per thread; the lexicon is shared.
class ArticleAnalyzer {
 public:
  ArticleAnalyzer(const ActorLexicon& lexicon, ExtractionOptions options);

  ArticleWords words(const Article& article);
  ArticleFacts analyse(const Article& article) { return analyse(article, words(article)); }
  // The same from the article's words().
  ArticleFacts analyse(const Article& article, const ArticleWords& words);
  Analyzer& analyzer() { return analyzer_; }

 private:
  Analyzer analyzer_;
  ActorExtractor actors_;
  ExtractionOptions options_;
};

}  // namespace dossier
