// What web scrapes and spreadsheet exports bring: an .html page through libxml2's HTML
// parser, HTML character references in any text, and a CSV file of articles (with its
// header line, and with --csv-columns). Each returns valid UTF-8 or a reason; nothing
// throws but what the CSV reader documents, and nothing crashes.
#include <sstream>
#include <stdexcept>

#include "dossier/base/utf8.h"
#include "dossier/input/csv_articles.h"
#include "dossier/input/html_text.h"
#include "fuzz_support.h"

namespace {

// Reads every record of `text` as a CSV file of articles; at most 10,000 records.
void read_csv_articles(std::string_view text, std::vector<std::string> columns) {
  std::istringstream in{std::string(text)};
  try {
    dossier::CsvArticleReader reader(in, "fuzz.csv", std::move(columns));
    for (std::size_t n = 0; n < 10'000 && reader.next(); ++n) {
    }
  } catch (const std::runtime_error&) {
    // A header that names no text column: the documented refusal.
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dossier;
  const auto bytes = fuzz::bytes(data, size);
  const HtmlPage page = read_html_page(bytes);
  fuzz::require(is_valid_utf8(page.title) && is_valid_utf8(page.text));
  const std::string repaired = repair_utf8(bytes);
  fuzz::require(is_valid_utf8(decode_character_references(repaired)));
  read_csv_articles(bytes, {});
  read_csv_articles(bytes, {"id", "title", "text", "date"});
  return 0;
}
