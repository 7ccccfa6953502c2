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
    : stemmer_(std::move(stemmer)), capacity_(std::bit_ceil(std::max<std::size_t>(capacity, 16))) {}

std::size_t StemCache::slot_of(const char (&key)[16]) const {
  const std::size_t mask = table_.size() - 1;
  std::size_t slot = static_cast<std::size_t>(hash_of(key) >> shift_);
  for (;; slot = (slot + 1) & mask) {
    const Entry& e = table_[slot];
    if (e.word_size == 0 || std::memcmp(&e, key, 16) == 0) return slot;
  }
}

void StemCache::grow() {
  std::vector<Entry> old(std::max(kFirstTableSize, 2 * table_.size()));
  old.swap(table_);
  shift_ = 64 - std::countr_zero(table_.size());
  for (const Entry& e : old) {
    if (e.word_size == 0) continue;
    char key[16];
    std::memcpy(key, &e, 16);
    table_[slot_of(key)] = e;
  }
}

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
  if (!table_.empty()) {
    const Entry& e = table_[slot_of(key)];
    if (e.word_size != 0) return {e.stem, e.stem_size};
  }
  word_.assign(term);
  stem_ = stemmer_(word_);
  if (stem_.empty() || stem_.size() > kMaxWord) return stem_;
  if (used_ == table_.size() / 2) {  // full at this size (or no table yet)
    if (used_ < capacity_) {
      grow();
    } else {  // start over
      std::fill(table_.begin(), table_.end(), Entry{});
      used_ = 0;
    }
  }
  Entry& e = table_[slot_of(key)];
  std::memcpy(&e, key, 16);
  std::memcpy(e.stem, stem_.data(), stem_.size());
  e.stem_size = static_cast<std::uint8_t>(stem_.size());
  ++used_;
  return {e.stem, e.stem_size};
}

}  // namespace dossier
