// A read-only set of words over an embedded sorted, newline-separated list: no copying of
// the text, one pass to index it, binary search to look up (the English word list has a
// quarter of a million entries; hashing it would take most of the lexicon's load budget).
// A table of where each two-byte prefix starts narrows every search to a few entries.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace dossier {

class SortedWords {
 public:
  SortedWords() = default;
  explicit SortedWords(std::string_view sorted_lines) : prefix_start_(kPrefixes + 1, 0) {
    std::size_t start = 0;
    while (start < sorted_lines.size()) {
      std::size_t end = sorted_lines.find('\n', start);
      if (end == std::string_view::npos) end = sorted_lines.size();
      if (end > start) words_.push_back(sorted_lines.substr(start, end - start));
      start = end + 1;
    }
    // prefix_start_[p] = index of the first word whose prefix is >= p (words are sorted
    // bytewise, so prefixes are non-decreasing).
    std::size_t next = 0;
    for (std::uint32_t i = 0; i < words_.size(); ++i)
      for (const std::size_t p = prefix(words_[i]); next <= p; ++next) prefix_start_[next] = i;
    for (; next <= kPrefixes; ++next)
      prefix_start_[next] = static_cast<std::uint32_t>(words_.size());
  }

  bool contains(std::string_view word) const {
    if (words_.empty() || word.empty()) return false;
    const std::size_t p = prefix(word);
    const auto begin = words_.begin() + prefix_start_[p];
    const auto end = words_.begin() + prefix_start_[p + 1];
    return std::binary_search(begin, end, word);
  }
  // Whether a longer word starts with `prefix` ("oper" -> "operate").
  bool has_longer_word_starting(std::string_view prefix) const {
    if (words_.empty() || prefix.empty()) return false;
    const std::size_t p = this->prefix(prefix);
    const auto end = words_.begin() + prefix_start_[kPrefixes];
    const auto next = std::upper_bound(words_.begin() + prefix_start_[p], end, prefix);
    return next != end && next->starts_with(prefix);
  }
  std::size_t size() const { return words_.size(); }

 private:
  static constexpr std::size_t kPrefixes = 1 << 16;
  static std::size_t prefix(std::string_view word) {
    const auto byte = [&](std::size_t i) {
      return i < word.size() ? static_cast<std::size_t>(static_cast<unsigned char>(word[i])) : 0;
    };
    return byte(0) << 8 | byte(1);
  }

  std::vector<std::string_view> words_;
  std::vector<std::uint32_t> prefix_start_;
};

}  // namespace dossier
