#include "dossier/extract/actors/extractor.h"

#include "dossier/extract/actors/article_scan.h"
#include "dossier/extract/actors/text_words.h"

namespace dossier {

ActorExtractor::ActorExtractor(const ActorLexicon& lexicon) : lexicon_(lexicon) {}

std::vector<Actor> ActorExtractor::extract(std::string_view title, std::string_view body) {
  return extract(title, body, analyzer_.tokenize(title), analyzer_.tokenize(body));
}

namespace {

// Runs every rule over an article; the scan then holds its candidates.
void scan_article(detail::ArticleScan& scan, const std::vector<TextWord>& title_words,
                  const std::vector<TextWord>& body_words) {
  scan.scan_body(body_words);
  scan.resolve();
  scan.scan_headline_spans(body_words);
  scan.scan_deferred_runs(body_words);
  scan.scan_headline_spans(title_words);
}

}  // namespace

std::vector<Actor> ActorExtractor::extract(std::string_view title, std::string_view body,
                                           const std::vector<Token>& title_tokens,
                                           const std::vector<Token>& body_tokens) {
  const std::vector<TextWord> body_words = annotate_words(body, body_tokens, false);
  const std::vector<TextWord> title_words = annotate_words(title, title_tokens, true);
  detail::ArticleScan scan(lexicon_);
  scan_article(scan, title_words, body_words);
  return scan.actors();
}

std::vector<ActorCandidate> ActorExtractor::candidates(std::string_view title,
                                                       std::string_view body) {
  const std::vector<Token> title_tokens = analyzer_.tokenize(title);
  const std::vector<Token> body_tokens = analyzer_.tokenize(body);
  const std::vector<TextWord> body_words = annotate_words(body, body_tokens, false);
  const std::vector<TextWord> title_words = annotate_words(title, title_tokens, true);
  detail::ArticleScan scan(lexicon_);
  scan_article(scan, title_words, body_words);
  return scan.candidates();
}

}  // namespace dossier
