// What an article's source looked like when it was indexed (schema.h, kSourceStampSlot):
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

  // The value stored in kSourceStampSlot: 24 bytes, three big-endian 64-bit fields.
  std::string encode() const;
  // Nothing when `value` is not 24 bytes (a document written without a stamp).
  static std::optional<SourceStamp> decode(std::string_view value);

  // Same size and modification time: the file is taken as unchanged without reading it.
  bool same_file_state(const SourceStamp& other) const {
    return mtime_ns != 0 && size == other.size && mtime_ns == other.mtime_ns;
  }
  bool operator==(const SourceStamp&) const = default;
};

}  // namespace dossier
