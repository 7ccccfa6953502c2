// An article's text -> the analyser's words and terms, actors and dates, as indexing does.
#include "dossier/base/utf8.h"
#include "dossier/extract/article.h"
#include "dossier/extract/article_analyzer.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dossier;
  thread_local ArticleAnalyzer analyzer(fuzz::lexicon(), ExtractionOptions{});
  const Article article = parse_article("fuzz.txt", fuzz::bytes(data, size));
  const ArticleFacts facts = analyzer.analyse(article);
  for (const auto& actor : facts.actors) {
    fuzz::require(!actor.name.empty());
    fuzz::require(is_valid_utf8(actor.name));
  }
  return 0;
}
