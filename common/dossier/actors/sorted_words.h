// A read-only set of words over an embedded sorted, newline-separated list: no copying of
// the text, one pass to index it, binary search to look up (the English word list has a
// quarter of a million entries; hashing it would take most of the lexicon's load budget).
#pragma once

#include <algorithm>
#include <string_view>
#include <vector>

namespace dossier {

class SortedWords {
 public:
  SortedWords() = default;
  explicit SortedWords(std::string_view sorted_lines) {
    std::size_t start = 0;
    while (start < sorted_lines.size()) {
      std::size_t end = sorted_lines.find('\n', start);
      if (end == std::string_view::npos) end = sorted_lines.size();
      if (end > start) words_.push_back(sorted_lines.substr(start, end - start));
      start = end + 1;
    }
  }
  bool contains(std::string_view word) const {
    return std::binary_search(words_.begin(), words_.end(), word);
  }
  std::size_t size() const { return words_.size(); }

 private:
  std::vector<std::string_view> words_;
};

}  // namespace dossier
