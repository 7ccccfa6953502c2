#include "dossier/text/stem_cache.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <utility>

namespace dossier {
namespace {

// Multiplicative hash of the padded word's two 8-byte halves; its high bits depend on
// every byte, so the slot is taken from them.
std::uint64_t hash_of(const char (&word)[16]) {
  std::uint64_t a, b;
  std::memcpy(&a, word, 8);
  std::memcpy(&b, word + 8, 8);
  return (a * 0x9E3779B97F4A7C15ULL) ^ (b * 0xC2B2AE3D27D4EB4FULL);
}

}  // namespace

StemCache::StemCache(Xapian::Stem stemmer, std::size_t capacity)
    : stemmer_(std::move(stemmer)),
      table_(2 * std::bit_ceil(std::max<std::size_t>(capacity, 16))),
      shift_(64 - std::countr_zero(table_.size())) {}

std::string_view StemCache::operator()(std::string_view term) {
  if (term.empty() || term.size() > kMaxWord) {
    word_.assign(term);
    stem_ = stemmer_(word_);
    return stem_;
  }
  // The key as an entry's first half: the word, zero-padded, then its size.
  char key[16] = {};
  std::memcpy(key, term.data(), term.size());
  key[kMaxWord] = static_cast<char>(term.size());
  const std::size_t mask = table_.size() - 1;
  std::size_t slot = static_cast<std::size_t>(hash_of(key) >> shift_);
  for (;; slot = (slot + 1) & mask) {
    const Entry& e = table_[slot];
    if (e.word_size == 0) break;
    if (std::memcmp(&e, key, 16) == 0) return {e.stem, e.stem_size};
  }
  word_.assign(term);
  stem_ = stemmer_(word_);
  if (stem_.empty() || stem_.size() > kMaxWord) return stem_;
  if (used_ == capacity()) {  // start over: the word's home slot is free then
    std::fill(table_.begin(), table_.end(), Entry{});
    used_ = 0;
    slot = static_cast<std::size_t>(hash_of(key) >> shift_);
  }
  Entry& e = table_[slot];
  std::memcpy(&e, key, 16);
  std::memcpy(e.stem, stem_.data(), stem_.size());
  e.stem_size = static_cast<std::uint8_t>(stem_.size());
  ++used_;
  return {e.stem, e.stem_size};
}

}  // namespace dossier
