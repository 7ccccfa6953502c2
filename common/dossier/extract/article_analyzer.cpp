#include "dossier/extract/article_analyzer.h"

#include <string>

namespace dossier {

ArticleAnalyzer::ArticleAnalyzer(const ActorLexicon& lexicon, ExtractionOptions options)
    : actors_(lexicon), options_(options) {}

ArticleWords ArticleAnalyzer::words(const Article& article) {
  return {analyzer_.tokenize(article.title), analyzer_.tokenize(article.body)};
}

ArticleFacts ArticleAnalyzer::analyse(const Article& article, const ArticleWords& words) {
  ArticleFacts facts;
  facts.actors = actors_.extract(article.title, article.body, words.title, words.body);
  // A yearless date ("Feb 26") borrows its year from the article's own date when the user
  // gave one; otherwise from the nearest full date in the text.
  const DateExtraction dates =
      extract_dates(article.body, article.metadata_date, options_.date_order);
  facts.date =
      choose_article_date(article.metadata_date, dates, options_.date_fallback, article.file_date);
  facts.mentioned = dates.mentioned;
  return facts;
}

}  // namespace dossier
