#include "dossier/snippets/word_start_scan.h"

#include <bit>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define DOSSIER_HAVE_AVX2_PATH 1
#endif

#include "dossier/base/swar.h"
#include "dossier/text/ascii_words.h"

namespace dossier {
namespace {

using swar::kHigh;
using swar::kLow7;
using swar::kOnes;
using swar::zero_bytes;

// The top bit of each byte of `word` (whose bytes are all below 0x80) that is at least `low`
// and at most `high`: adding 0x80 - low sets the top bit from `low` up, without carries.
std::uint64_t in_range(std::uint64_t word, unsigned char low, unsigned char high) {
  return (word + (0x80 - low) * kOnes) & ~(word + (0x80 - high - 1) * kOnes) & kHigh;
}

}  // namespace

WordStartScan::WordStartScan(std::string_view initials, bool vectors) {
  for (int c = 0; c < 256; ++c) {
    if (c >= 0x80) byte_class_[c] = kNonAscii;
    if (is_ascii_alnum(static_cast<char>(c))) byte_class_[c] = kAlnum;
  }
  for (const char initial : initials) {
    const auto c = static_cast<unsigned char>(initial);
    byte_class_[c] |= kInitial;
    if (c >= 'a' && c <= 'z') byte_class_[c - 'a' + 'A'] |= kInitial;
    if (is_ascii_alnum(initial) && ascii_initials_.find(initial) == std::string::npos)
      ascii_initials_ += initial;
  }
#ifdef DOSSIER_HAVE_AVX2_PATH
  avx2_ = vectors && __builtin_cpu_supports("avx2");
#else
  (void)vectors;
#endif
}

bool WordStartScan::stops_at(std::string_view text, std::size_t i) const {
  const unsigned c = byte_class_[static_cast<unsigned char>(text[i])];
  const unsigned before = i > 0 ? byte_class_[static_cast<unsigned char>(text[i - 1])] : 0;
  static_assert(kInitial == kAlnum << 1);  // a letter or digit before masks an initial
  return c & (kInitial | kNonAscii) & ~((before & kAlnum) << 1);
}

std::size_t WordStartScan::next(std::string_view text, std::size_t from) const {
  return avx2_ ? next_avx2(text, from) : next_by_words(text, from);
}

#ifdef DOSSIER_HAVE_AVX2_PATH
namespace {

// The bytes of `v` that are ASCII letters or digits, one bit each. Exact: setting 0x20
// maps only 'A'-'Z' and 'a'-'z' into 'a'-'z', and unsigned "x - low <= high - low" is a
// range test.
__attribute__((target("avx2"))) __m256i at_most(__m256i x, char limit) {
  const __m256i l = _mm256_set1_epi8(limit);
  return _mm256_cmpeq_epi8(_mm256_max_epu8(x, l), l);
}

__attribute__((target("avx2"))) std::uint32_t alnum_bits(__m256i v) {
  const __m256i lower = _mm256_or_si256(v, _mm256_set1_epi8(0x20));
  const __m256i letter = at_most(_mm256_sub_epi8(lower, _mm256_set1_epi8('a')), 'z' - 'a');
  const __m256i digit = at_most(_mm256_sub_epi8(v, _mm256_set1_epi8('0')), 9);
  return static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_or_si256(letter, digit)));
}

}  // namespace

// The same test as next_by_words(), 32 bytes at a time: the byte before each is read by
// a second load one byte earlier, so the first byte of a text is tested on its own.
__attribute__((target("avx2"))) std::size_t WordStartScan::next_avx2(std::string_view text,
                                                                     std::size_t from) const {
  std::size_t i = from;
  if (i == 0 && !text.empty()) {
    if (stops_at(text, 0)) return 0;
    i = 1;
  }
  const char* p = text.data();
  for (; i + 32 <= text.size(); i += 32) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    const __m256i before = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i - 1));
    const auto non_ascii = static_cast<std::uint32_t>(_mm256_movemask_epi8(v));
    // Lower-cased by setting 0x20, which lets some control bytes through as digits:
    // stops_at() checks each candidate.
    const __m256i lower = _mm256_or_si256(v, _mm256_set1_epi8(0x20));
    __m256i initial = _mm256_setzero_si256();
    for (const char c : ascii_initials_)
      initial = _mm256_or_si256(initial, _mm256_cmpeq_epi8(lower, _mm256_set1_epi8(c)));
    std::uint32_t stops =
        (static_cast<std::uint32_t>(_mm256_movemask_epi8(initial)) & ~alnum_bits(before)) |
        non_ascii;
    for (; stops != 0; stops &= stops - 1) {
      const std::size_t at = i + static_cast<std::size_t>(std::countr_zero(stops));
      if (stops_at(text, at)) return at;
    }
  }
  return next_by_words(text, i);
}
#else
std::size_t WordStartScan::next_avx2(std::string_view text, std::size_t from) const {
  return next_by_words(text, from);
}
#endif

std::size_t WordStartScan::next_by_words(std::string_view text, std::size_t from) const {
  std::size_t i = from;
  if constexpr (std::endian::native == std::endian::little) {
    // Eight bytes at a time: the top bit of each byte says whether it is a letter or digit,
    // an initial (lower-cased by setting 0x20, which also turns some control characters
    // into digits: stops_at() checks each hit), or not ASCII. A byte is a word start when
    // the byte before it is no letter or digit: the flags shifted up by one byte, with the
    // last byte of the previous eight.
    std::uint64_t alnum_before =
        i > 0 && is_ascii_alnum(text[i - 1]) ? std::uint64_t{0x80} << 56 : 0;
    for (; i + 8 <= text.size(); i += 8) {
      const std::uint64_t word = swar::load8(text.data() + i);
      const std::uint64_t non_ascii = word & kHigh;
      const std::uint64_t ascii = word & kLow7;
      const std::uint64_t lower = ascii | 0x20 * kOnes;
      const std::uint64_t alnum =
          (in_range(lower, 'a', 'z') | in_range(ascii, '0', '9')) & ~non_ascii;
      std::uint64_t initial = 0;
      for (const char c : ascii_initials_)
        initial |= zero_bytes(lower ^ kOnes * static_cast<unsigned char>(c));
      const std::uint64_t after_alnum = alnum << 8 | alnum_before >> 56;
      std::uint64_t stops = (initial & ~non_ascii & ~after_alnum) | non_ascii;
      alnum_before = alnum;
      for (; stops != 0; stops &= stops - 1) {
        const std::size_t at = i + static_cast<std::size_t>(std::countr_zero(stops)) / 8;
        if (stops_at(text, at)) return at;
      }
    }
  }
  for (; i < text.size(); ++i) {
    if (stops_at(text, i)) return i;
  }
  return text.size();
}

}  // namespace dossier
