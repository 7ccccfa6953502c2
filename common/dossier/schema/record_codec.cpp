#include "dossier/schema/record_codec.h"

#include <zstd.h>

#include "dossier/base/errors.h"
#include "dossier/schema/schema.h"

namespace dossier::schema {
namespace {

// zstd's level for new records: higher levels store hardly fewer bytes of a record and
// cost more to write and to read (docs/BENCHMARKS.md, "The record compressed with zstd").
constexpr int kCompressionLevel = 1;

struct FreeCCtx {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct FreeDCtx {
  void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};

Error corrupt(const std::string& why) {
  return Error(ErrorKind::kInternal, "corrupt record: " + why);
}

}  // namespace

struct RecordCodec::Contexts {
  std::unique_ptr<ZSTD_CCtx, FreeCCtx> compress;
  std::unique_ptr<ZSTD_DCtx, FreeDCtx> decompress;
};

RecordCodec::RecordCodec() : contexts_(std::make_unique<Contexts>()) {}
RecordCodec::~RecordCodec() = default;
RecordCodec::RecordCodec(RecordCodec&&) noexcept = default;
RecordCodec& RecordCodec::operator=(RecordCodec&&) noexcept = default;

void RecordCodec::store(Xapian::Document& doc, std::string_view serialised) {
  doc.add_value(kSlotCompressedRecord, compress(serialised));
}

std::string RecordCodec::read(const Xapian::Document& doc) {
  if (const std::string frame = doc.get_value(kSlotCompressedRecord); !frame.empty()) {
    try {
      return decompress(frame);
    } catch (const Error& e) {
      throw Error(ErrorKind::kInternal, "document " + std::to_string(doc.get_docid()) + ": " +
                                            e.what() + "; index the article again");
    }
  }
  std::string serialised = doc.get_value(kSlotRecord);      // schemas 4 to 10
  return serialised.empty() ? doc.get_data() : serialised;  // schema 3 kept it in the data
}

std::string RecordCodec::compress(std::string_view serialised) {
  if (serialised.size() > kMaxRecordBytes)
    throw Error(ErrorKind::kInternal, "record of " + std::to_string(serialised.size()) +
                                          " bytes, more than a record may hold");
  auto& context = contexts_->compress;
  if (!context) {
    context.reset(ZSTD_createCCtx());
    if (!context) throw std::bad_alloc();
    ZSTD_CCtx_setParameter(context.get(), ZSTD_c_compressionLevel, kCompressionLevel);
  }
  std::string out(ZSTD_compressBound(serialised.size()), '\0');
  const std::size_t size =
      ZSTD_compress2(context.get(), out.data(), out.size(), serialised.data(), serialised.size());
  if (ZSTD_isError(size))  // only a bug or no memory: the bound always fits
    throw Error(ErrorKind::kInternal,
                std::string("compressing a record: ") + ZSTD_getErrorName(size));
  out.resize(size);
  return out;
}

std::string RecordCodec::decompress(std::string_view frame) {
  const unsigned long long claimed = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (claimed == ZSTD_CONTENTSIZE_ERROR || claimed == ZSTD_CONTENTSIZE_UNKNOWN)
    throw corrupt("not a zstd frame stating its size");
  if (claimed > kMaxRecordBytes)
    throw corrupt("it claims " + std::to_string(claimed) + " bytes, more than a record holds");
  auto& context = contexts_->decompress;
  if (!context) {
    context.reset(ZSTD_createDCtx());
    if (!context) throw std::bad_alloc();
  }
  std::string out(static_cast<std::size_t>(claimed), '\0');
  const std::size_t size =
      ZSTD_decompressDCtx(context.get(), out.data(), out.size(), frame.data(), frame.size());
  if (ZSTD_isError(size)) throw corrupt(std::string("zstd: ") + ZSTD_getErrorName(size));
  if (size != out.size())
    throw corrupt("it holds " + std::to_string(size) + " bytes, not the " +
                  std::to_string(claimed) + " it claims");
  return out;
}

}  // namespace dossier::schema
