// The one encoder and decoder of a document's record (schema.h, "Record"): every reader and
// writer of the record goes through a RecordCodec, whatever schema wrote the database.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include <xapian.h>

namespace dossier::schema {

// The largest serialised record a codec writes or reads: one article's text (at most 4 MB,
// input's kMaxArticleBytes) with its title (at most a 32 MB JSONL line) and the rest. A
// compressed record that claims more is corrupt: believing it would allocate what it says.
inline constexpr std::size_t kMaxRecordBytes = std::size_t{64} << 20;

// Keeps LZ4's decompression context (and its buffer of one 64 KB block) for its lifetime,
// made on first use, rather than one a record; compressing needs none. Not thread-safe:
// one per thread, held by the object that reads or writes (a Searcher, an index worker,
// the near-duplicate pass).
class RecordCodec {
 public:
  RecordCodec();
  ~RecordCodec();
  RecordCodec(RecordCodec&&) noexcept;
  RecordCodec& operator=(RecordCodec&&) noexcept;

  // Stores `serialised` (DocumentData::serialise()) in `doc`, compressed, in
  // kSlotCompressedRecord. Throws dossier::Error (kInternal) past kMaxRecordBytes.
  void store(Xapian::Document& doc, std::string_view serialised);
  // The serialised record of `doc`, from whichever place its schema kept it (empty when it
  // has none). Throws dossier::Error (kInternal) naming the document when its compressed
  // record is corrupt.
  std::string read(const Xapian::Document& doc);

  // The encoding alone: one LZ4 frame that states its decompressed size (LZ4 states none
  // for an empty record).
  std::string compress(std::string_view serialised);
  // Throws dossier::Error (kInternal) saying why (LZ4's reason, or what the frame lacks)
  // when `frame` is not exactly one such frame of at most kMaxRecordBytes; a zstd frame
  // (what schema 11 stored before its records were LZ4) is not one.
  std::string decompress(std::string_view frame);

 private:
  struct Contexts;
  std::unique_ptr<Contexts> contexts_;
};

}  // namespace dossier::schema
