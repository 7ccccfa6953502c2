// The scan under every snippet: where in a text a word may start with one of a few
// letters. It reads every byte of each hit's text, so it looks at 32 at a time with AVX2
// where the processor has it, else eight at a time in a 64-bit word.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dossier {

class WordStartScan {
 public:
  // `initials`: the first bytes of folded terms (lower-case letters, digits, or the lead
  // bytes of non-ASCII letters, which the scan stops at anyway).
  // `vectors`: false keeps to the portable eight-byte scan (tests compare the two).
  explicit WordStartScan(std::string_view initials, bool vectors = true);

  // The first position >= from holding either an ASCII letter or digit that is one of the
  // initials (in either case) and follows no ASCII letter or digit, or a non-ASCII byte;
  // text.size() when there is none. Every ASCII word whose fold starts with an initial
  // starts at such a position (a word starts after a byte that is no letter or digit).
  std::size_t next(std::string_view text, std::size_t from) const;

  bool is_initial(char c) const { return byte_class_[static_cast<unsigned char>(c)] & kInitial; }

 private:
  enum ByteClass : unsigned char { kAlnum = 1, kInitial = 2, kNonAscii = 4 };
  bool stops_at(std::string_view text, std::size_t i) const;
  std::size_t next_by_words(std::string_view text, std::size_t from) const;
  std::size_t next_avx2(std::string_view text, std::size_t from) const;

  std::array<unsigned char, 256> byte_class_{};
  std::string ascii_initials_;  // the ASCII initials, once each
  bool avx2_ = false;
};

}  // namespace dossier
