// A stable 64-bit hash (FNV-1a): the same value on every machine and every run, unlike
// std::hash. Used where a hash is stored or routes data (id terms, shard choice).
#pragma once

#include <cstdint>
#include <string_view>

namespace dossier {

constexpr std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace dossier
