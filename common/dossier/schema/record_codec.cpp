#include "dossier/schema/record_codec.h"

#include <lz4frame.h>

#include "dossier/base/errors.h"
#include "dossier/schema/schema.h"

namespace dossier::schema {
namespace {

// An LZ4 frame begins with this magic number, little-endian (lz4frame.h's
// LZ4F_MAGICNUMBER): anything else, a zstd frame included, is not a record of ours.
constexpr std::string_view kFrameMagic = "\x04\x22\x4D\x18";

struct FreeDecompressionContext {
  void operator()(LZ4F_dctx* d) const { LZ4F_freeDecompressionContext(d); }
};

Error corrupt(const std::string& why) {
  return Error(ErrorKind::kInternal, "corrupt record: " + why);
}

// LZ4's fast level: its high-compression levels store hardly fewer bytes of a record for
// several times the work (docs/BENCHMARKS.md, "The record compressed: LZ4, not zstd").
// The content size stated, so the decoder allocates once; no checksum, which would cost a
// second pass over every record read. 64 KB independent blocks: most records are one
// block, and a decoder keeps a buffer of one block, not LZ4's 128 KB window of linked ones.
LZ4F_preferences_t frame_preferences(std::size_t size) {
  LZ4F_preferences_t preferences{};
  preferences.frameInfo.blockSizeID = LZ4F_max64KB;
  preferences.frameInfo.blockMode = LZ4F_blockIndependent;
  preferences.frameInfo.contentSize = size;
  return preferences;
}

}  // namespace

struct RecordCodec::Contexts {
  std::unique_ptr<LZ4F_dctx, FreeDecompressionContext> decompress;
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
  const LZ4F_preferences_t preferences = frame_preferences(serialised.size());
  std::string out(LZ4F_compressFrameBound(serialised.size(), &preferences), '\0');
  const std::size_t size = LZ4F_compressFrame(out.data(), out.size(), serialised.data(),
                                              serialised.size(), &preferences);
  if (LZ4F_isError(size))  // only a bug or no memory: the bound always fits
    throw Error(ErrorKind::kInternal,
                std::string("compressing a record: ") + LZ4F_getErrorName(size));
  out.resize(size);
  return out;
}

std::string RecordCodec::decompress(std::string_view frame) {
  if (!frame.starts_with(kFrameMagic)) throw corrupt("not an LZ4 frame");
  auto& context = contexts_->decompress;
  if (!context) {
    LZ4F_dctx* made = nullptr;
    if (LZ4F_isError(LZ4F_createDecompressionContext(&made, LZ4F_VERSION))) throw std::bad_alloc();
    context.reset(made);
  }
  LZ4F_resetDecompressionContext(context.get());  // an earlier corrupt frame left it astray
  LZ4F_frameInfo_t info{};
  std::size_t header = frame.size();
  if (const std::size_t r = LZ4F_getFrameInfo(context.get(), &info, frame.data(), &header);
      LZ4F_isError(r))
    throw corrupt(std::string("lz4: ") + LZ4F_getErrorName(r));
  // LZ4 writes no size for an empty record; a frame without one must then be empty.
  const unsigned long long claimed = info.contentSize;
  if (claimed > kMaxRecordBytes)
    throw corrupt("it claims " + std::to_string(claimed) + " bytes, more than a record holds");
  std::string out(static_cast<std::size_t>(claimed), '\0');
  char none = 0;  // LZ4 wants somewhere to write, even nothing
  std::size_t written = out.size();
  std::size_t read = frame.size() - header;
  const std::size_t left = LZ4F_decompress(context.get(), claimed ? out.data() : &none, &written,
                                           frame.data() + header, &read, nullptr);
  if (LZ4F_isError(left)) throw corrupt(std::string("lz4: ") + LZ4F_getErrorName(left));
  if (left != 0 && claimed == 0) throw corrupt("not an LZ4 frame stating its size");
  if (left != 0 && header + read == frame.size()) throw corrupt("its frame is cut short");
  if (left != 0)
    throw corrupt("it holds more than the " + std::to_string(claimed) + " bytes it claims");
  if (header + read != frame.size()) throw corrupt("bytes follow its frame");
  return out;
}

}  // namespace dossier::schema
