// Snowball stems remembered per word. An article's distinct words are stemmed once each,
// and news vocabulary repeats from article to article: the same few tens of thousands of
// words make nearly all of a corpus. Xapian::Stem runs Snowball's whole algorithm on every
// call; a lookup here is one probe into a flat table, one cache line per entry, where a
// node-based std::unordered_map missed the cache several times a lookup (what each cost:
// docs/BENCHMARKS.md, "Figures behind the code").
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace dossier {

// Not thread-safe: one per Analyzer, which is one per thread.
class StemCache {
 public:
  // Words and stems up to this many bytes are cached; longer words (rare, and seldom
  // repeated) are stemmed each time.
  static constexpr std::size_t kMaxWord = 15;

  // Keeps at most `capacity` words (rounded up to a power of two, at least 16): when
  // full, the cache starts over, so memory stays bounded whatever the corpus (an unbounded
  // one would grow with every name and typo). The table starts empty and doubles as words
  // come: a server's searchers, dozens of them, stem far fewer words than an indexer.
  explicit StemCache(Xapian::Stem stemmer, std::size_t capacity = 1 << 16);

  // The stem of `term`, valid until the next call.
  std::string_view operator()(std::string_view term);

  std::size_t size() const { return used_; }
  std::size_t capacity() const { return capacity_; }
  std::size_t table_bytes() const { return table_.size() * sizeof(Entry); }

 private:
  // A word and its stem, zero-padded: two 16-byte halves, each compared or copied whole.
  struct Entry {
    char word[kMaxWord];
    std::uint8_t word_size;  // 0: empty
    char stem[kMaxWord];
    std::uint8_t stem_size;
  };
  static_assert(sizeof(Entry) == 32);
  static constexpr std::size_t kFirstTableSize = 64;

  // Doubles the table (up to twice the capacity), keeping its words.
  void grow();
  // The slot of the padded `key` (an entry's first half) in the table: its own, or the
  // free one where it would go.
  std::size_t slot_of(const char (&key)[16]) const;

  Xapian::Stem stemmer_;
  std::size_t capacity_;
  std::vector<Entry> table_;  // at most half full: probes stay short
  int shift_ = 64;            // 64 - log2(table size): a hash's top bits pick the slot
  std::size_t used_ = 0;
  std::string word_, stem_;  // for words not cached
};

}  // namespace dossier
