// Reading one article file for indexing, with the checks that keep bad input out: too big,
// empty, binary. Each refusal is a reason for the report, never an exception.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace dossier {

// Bytes scanned for a NUL to call a file binary (like grep and git do).
inline constexpr std::size_t kBinaryProbeBytes = 8192;

// Why a file of `size` bytes is not read at all, or nothing when it should be read. A
// size of 0 is read anyway: files of /proc and pipes say 0 and still have content.
std::optional<std::string> refuse_by_size(std::uint64_t size, std::uint64_t max_file_size);

// Why these bytes are not an article (empty, only blanks, binary), or nothing.
std::optional<std::string> refuse_content(std::string_view bytes);

// Reads `path` whole into `bytes`, refusing (returns the reason) when it cannot be read,
// has grown past `max_file_size` since it was listed, or its content is refused.
std::optional<std::string> read_source_file(const std::filesystem::path& path,
                                            std::uint64_t max_file_size, std::string& bytes);

}  // namespace dossier
