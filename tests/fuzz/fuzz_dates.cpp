// Free text -> date mentions, the dateline and the chosen publication date, both orders.
#include "dossier/base/utf8.h"
#include "dossier/extract/dates/date_extractor.h"
#include "dossier/extract/dates/date_scanner.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dossier;
  const std::string text = repair_utf8(fuzz::bytes(data, size));
  for (const DateOrder order : {DateOrder::DMY, DateOrder::MDY}) {
    const auto mentions = find_date_mentions(text, order);
    for (const auto& mention : mentions) {
      fuzz::require(mention.begin <= mention.end && mention.end <= text.size());
    }
    const auto dateline = find_dateline(text, mentions);
    fuzz::require(!dateline || *dateline < mentions.size());
    const auto extraction = extract_dates(text, std::nullopt, order);
    (void)choose_article_date(std::nullopt, extraction, DateFallback::MentionedLatest,
                              std::nullopt);
  }
  return 0;
}
