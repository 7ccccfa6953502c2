// One line of a JSONL corpus, a metadata sidecar (JSONL and CSV) and a batch file: every
// reader either returns a record or says why not, and never throws or crashes.
#include <sstream>

#include "dossier/batch/batch_input.h"
#include "dossier/input/jsonl_reader.h"
#include "dossier/input/metadata.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dossier;
  const auto text = fuzz::bytes(data, size);
  (void)parse_jsonl_article(1, text);
  (void)parse_batch_line(std::string(text), 1);
  {
    std::istringstream in{std::string(text)};
    (void)parse_metadata_jsonl(in);
  }
  {
    std::istringstream in{std::string(text)};
    (void)parse_metadata_csv(in);
  }
  std::istringstream in{std::string(text)};
  BatchReader reader(in);
  for (std::size_t n = 0; n < 10'000 && reader.next(); ++n) {
  }
  return 0;
}
