// Reading records of text nobody controls in bounded memory: a line (of a JSONL corpus, a
// sidecar, a batch) or a CSV record longer than kMaxRecordBytes is skipped with a reason
// instead of growing a buffer without end, and a JSON value nested deeper than
// kMaxJsonDepth is refused before the JSON library builds it (each level costs it a node
// and a stack entry, so a line of a million '[' would cost gigabytes).
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>

namespace dossier {

// An article's text is cut at kMaxArticleBytes (4 MiB); a JSON line holding one may be
// several times longer when its text is escaped ("\u00e9" is 6 bytes for 2).
inline constexpr std::size_t kMaxRecordBytes = std::size_t{32} << 20;
// Articles, sidecar records and batch lines are flat objects; 64 levels leave room for any
// structure a producer adds around them.
inline constexpr std::size_t kMaxJsonDepth = 64;

// The one-line reason given for a record over kMaxRecordBytes.
std::string record_too_long_reason();
// The one-line reason given for a JSON value nested deeper than kMaxJsonDepth.
std::string json_too_deep_reason();

enum class LineRead {
  kLine,     // `line` holds the next line, without its '\n'
  kTooLong,  // the next line was longer than `max_bytes`: skipped up to its '\n', `line` empty
  kEnd,      // no more input
};

// std::getline that never holds more than `max_bytes` (plus one read chunk) of a line. The
// last line may lack its '\n'.
LineRead read_line_within(std::istream& in, std::string& line,
                          std::size_t max_bytes = kMaxRecordBytes);

// Whether the JSON text opens more than `max_depth` arrays and objects inside each other.
// Brackets inside strings do not count. Malformed text is left to the parser to report.
bool json_nested_deeper_than(std::string_view text, std::size_t max_depth = kMaxJsonDepth);

}  // namespace dossier
