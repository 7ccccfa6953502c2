// Byte tests on eight bytes at once in a 64-bit word ("SWAR"), for the loops that pass
// over long runs of ordinary text: the snippet scan, snippet whitespace and UTF-8 repair.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace dossier::swar {

inline constexpr std::uint64_t kOnes = 0x0101010101010101;
inline constexpr std::uint64_t kHigh = 0x8080808080808080;  // the top bit of each byte

// The eight bytes at `p`, unaligned.
inline std::uint64_t load8(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, 8);
  return word;
}

inline constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7F;

// The top bit of each byte of `word` that is zero, exactly (no carries between bytes).
constexpr std::uint64_t zero_bytes(std::uint64_t word) {
  return ~(((word & kLow7) + kLow7) | word | kLow7);
}

// Whether any byte of `word` is below `n` (n <= 0x80). A borrow can only start at such
// a byte, so the answer is exact even where single bits are not.
constexpr bool any_byte_below(std::uint64_t word, unsigned char n) {
  return ((word - kOnes * n) & ~word & kHigh) != 0;
}

// Whether any byte of `word` equals `c`.
constexpr bool any_byte_is(std::uint64_t word, unsigned char c) {
  return any_byte_below(word ^ (kOnes * c), 1);
}

// Whether any byte of `word` is 0x80 or above (not ASCII).
constexpr bool any_non_ascii(std::uint64_t word) {
  return (word & kHigh) != 0;
}

}  // namespace dossier::swar
