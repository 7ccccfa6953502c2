#include "dossier/input/source_stamp.h"

namespace dossier {
namespace {

constexpr std::size_t kEncodedBytes = 32;

void put_u64(std::string& out, std::uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

std::uint64_t get_u64(std::string_view in) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(in[i]);
  return v;
}

}  // namespace

std::string SourceStamp::encode() const {
  std::string out;
  out.reserve(kEncodedBytes);
  put_u64(out, size);
  put_u64(out, static_cast<std::uint64_t>(mtime_ns));
  put_u64(out, content_hash);
  put_u64(out, context_hash);
  return out;
}

std::optional<SourceStamp> SourceStamp::decode(std::string_view value) {
  if (value.size() != kEncodedBytes) return std::nullopt;
  return SourceStamp{get_u64(value.substr(0, 8)),
                     static_cast<std::int64_t>(get_u64(value.substr(8, 8))),
                     get_u64(value.substr(16, 8)), get_u64(value.substr(24, 8))};
}

}  // namespace dossier
