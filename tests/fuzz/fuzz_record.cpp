// A stored record: whatever bytes a database holds where the record is, the codec gives
// back the record or says why not (dossier::Error) and the parsers read what they can,
// never crashing or allocating what a forged size claims; what the codec compresses
// reads back exactly.
#include <string>

#include "dossier/base/errors.h"
#include "dossier/schema/document_data.h"
#include "dossier/schema/record_codec.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dossier;
  const auto stored = fuzz::bytes(data, size);
  (void)DocumentView::parse(stored);  // as a schema 3-10 record, uncompressed
  schema::RecordCodec codec;
  try {
    (void)DocumentData::unserialise(codec.decompress(stored));
  } catch (const Error&) {
  }
  fuzz::require(codec.decompress(codec.compress(stored)) == stored);
  return 0;
}
