// Everything extraction needs for one article, bundled per thread: the text analyser, the
// actor extractor and the date rules. Index and `analyze` both go through it, so what
// `analyze` prints is exactly what gets indexed.
#pragma once

#include "dossier/actors/extractor.h"
#include "dossier/actors/lexicon.h"
#include "dossier/analyzer.h"
#include "dossier/article.h"
#include "dossier/article_facts.h"
#include "dossier/dates/date_extractor.h"

namespace dossier {

struct ExtractionOptions {
  DateOrder date_order = DateOrder::DMY;            // --date-order
  DateFallback date_fallback = DateFallback::None;  // --date-fallback
};

// Not thread-safe (ICU iterators inside): one per thread; the lexicon is shared.
class ArticleAnalyzer {
 public:
  ArticleAnalyzer(const ActorLexicon& lexicon, ExtractionOptions options);

  ArticleFacts analyse(const Article& article);
  Analyzer& analyzer() { return analyzer_; }

 private:
  Analyzer analyzer_;
  ActorExtractor actors_;
  ExtractionOptions options_;
};

}  // namespace dossier
