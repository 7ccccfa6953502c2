#include "dossier/input/bounded_line.h"

#include <array>
#include <limits>

namespace dossier {

std::string record_too_long_reason() {
  return "longer than " + std::to_string(kMaxRecordBytes >> 20) + " MiB: not read";
}

std::string json_too_deep_reason() {
  return "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels: not read";
}

LineRead read_line_within(std::istream& in, std::string& line, std::size_t max_bytes) {
  line.clear();
  // istream::getline into a chunk scans the stream's buffer for '\n' as std::getline does,
  // but stops when the chunk is full, so the line can be refused before it is held whole.
  std::array<char, 1 << 16> chunk;
  bool extracted_any = false;
  for (;;) {
    in.getline(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto extracted = static_cast<std::size_t>(in.gcount());
    extracted_any = extracted_any || extracted > 0;
    const bool chunk_full = in.fail() && !in.eof() && !in.bad();
    if (chunk_full) {
      in.clear();  // the line goes on: read its next chunk
    } else if (in.eof() || in.bad()) {
      line.append(chunk.data(), extracted);
      if (!extracted_any) return LineRead::kEnd;
      return line.size() > max_bytes ? (line.clear(), LineRead::kTooLong) : LineRead::kLine;
    } else {  // the '\n' was extracted (and counted) but not stored
      line.append(chunk.data(), extracted - 1);
      return line.size() > max_bytes ? (line.clear(), LineRead::kTooLong) : LineRead::kLine;
    }
    line.append(chunk.data(), extracted);
    if (line.size() > max_bytes) {
      line.clear();
      in.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
      return LineRead::kTooLong;
    }
  }
}

bool json_nested_deeper_than(std::string_view text, std::size_t max_depth) {
  std::size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

}  // namespace dossier
