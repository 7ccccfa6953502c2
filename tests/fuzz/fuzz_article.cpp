// Raw bytes of a scraped page -> UTF-8 repair, headline, boilerplate, dateline.
#include "dossier/base/utf8.h"
#include "dossier/extract/article.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dossier;
  const auto raw = fuzz::bytes(data, size);
  const std::string repaired = repair_utf8(raw);
  fuzz::require(is_valid_utf8(repaired));
  const Article article = parse_article("fuzz.txt", raw);
  fuzz::require(is_valid_utf8(article.title));
  fuzz::require(is_valid_utf8(article.body));
  return 0;
}
