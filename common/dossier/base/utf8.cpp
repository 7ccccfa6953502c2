#include "dossier/base/utf8.h"

#include <array>
#include <cstdint>

#include "dossier/base/swar.h"

namespace dossier {

std::size_t valid_sequence_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  const std::size_t left = s.size() - i;
  auto cont = [&](std::size_t k) { return k < left && (b(k) & 0xC0) == 0x80; };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && b(1) < 0xA0) return 0;  // overlong
    if (c == 0xED && b(1) > 0x9F) return 0;  // UTF-16 surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && b(1) < 0x90) return 0;  // overlong
    if (c == 0xF4 && b(1) > 0x8F) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

namespace {

// Windows-1252 for 0x80-0x9F (where Latin-1 has only control characters); unmapped
// positions become U+FFFD.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_valid_utf8(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t n = valid_sequence_length(bytes, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string repair_utf8(std::string_view bytes, std::size_t* repaired) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t bad = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    // News text is mostly ASCII: copy each run of ordinary bytes (no NUL, no high bit) in
    // one append, found eight bytes at a time (a byte at a time showed in an index build's
    // profile: docs/BENCHMARKS.md).
    std::size_t run = i;
    while (run + 8 <= bytes.size()) {
      const std::uint64_t word = swar::load8(bytes.data() + run);
      if (swar::any_non_ascii(word) || swar::any_byte_below(word, 1)) break;
      run += 8;
    }
    while (run < bytes.size() && bytes[run] != '\0' &&
           static_cast<unsigned char>(bytes[run]) < 0x80)
      ++run;
    if (run > i) {
      out.append(bytes.substr(i, run - i));
      i = run;
      if (i == bytes.size()) break;
    }
    const std::size_t n = valid_sequence_length(bytes, i);
    if (n == 1 && bytes[i] == '\0') {
      out += ' ';
      i += 1;
    } else if (n > 0) {
      out.append(bytes.substr(i, n));
      i += n;
    } else {
      const auto c = static_cast<unsigned char>(bytes[i]);
      append_utf8(out, c < 0xA0 ? kCp1252High[c - 0x80] : static_cast<char32_t>(c));
      ++bad;
      ++i;
    }
  }
  if (repaired) *repaired = bad;
  return out;
}

}  // namespace dossier
