// UTF-8 repair: every byte sequence becomes valid UTF-8, never an exception.
#pragma once

#include <string>
#include <string_view>

namespace dossier {

// Returns `bytes` as valid UTF-8. Well-formed sequences are copied unchanged; each byte
// that is not part of one is decoded as Windows-1252 (the usual culprit in scraped news:
// a raw Latin-1 "£" or "ü"), so nothing is silently lost. NUL bytes become spaces.
// `repaired`, when given, counts the bytes that had to be reinterpreted.
std::string repair_utf8(std::string_view bytes, std::size_t* repaired = nullptr);

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

// Length of the well-formed UTF-8 sequence starting at s[i] (1 for ASCII), or 0 when
// it is not one (overlong forms, surrogates, code points above U+10FFFF, cut short).
std::size_t valid_sequence_length(std::string_view s, std::size_t i);

// The UTF-8 byte-order mark (U+FEFF), which Windows editors put at the start of files.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// `text` without a leading byte-order mark. Each entry point of text (an article file, the
// first line of a JSONL, CSV or batch file) calls this once, at the start of its input.
inline std::string_view without_bom(std::string_view text) {
  return text.starts_with(kUtf8Bom) ? text.substr(kUtf8Bom.size()) : text;
}
inline void strip_bom(std::string& text) {
  if (text.starts_with(kUtf8Bom)) text.erase(0, kUtf8Bom.size());
}

// Appends the UTF-8 encoding of code point `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

}  // namespace dossier
