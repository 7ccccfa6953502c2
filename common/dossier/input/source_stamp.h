// What an article's source looked like when it was indexed (schema.h, kSlotSourceStamp):
// a re-run compares it with the source now to skip what has not changed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dossier {

struct SourceStamp {
  std::uint64_t size = 0;          // bytes
  std::int64_t mtime_ns = 0;       // 0 when the source has no modification time (JSONL)
  std::uint64_t content_hash = 0;  // fnv1a64 of the content
  // fnv1a64 of everything else the document is made from: the article's metadata sidecar
  // entry and the extraction options. A change re-analyses the article.
  std::uint64_t context_hash = 0;

  // The value stored in kSlotSourceStamp: 32 bytes, the four fields as big-endian uint64.
  std::string encode() const;
  // Nothing when `value` is not 32 bytes (a document written without a stamp).
  static std::optional<SourceStamp> decode(std::string_view value);

  // Same size, modification time and context: the file is taken as unchanged without
  // reading it.
  bool same_file_state(const SourceStamp& other) const {
    return mtime_ns != 0 && size == other.size && mtime_ns == other.mtime_ns &&
           context_hash == other.context_hash;
  }
  // Same bytes in the same context (whatever the mtime).
  bool same_content(const SourceStamp& other) const {
    return size == other.size && content_hash == other.content_hash &&
           context_hash == other.context_hash;
  }
  bool operator==(const SourceStamp&) const = default;
};

}  // namespace dossier
