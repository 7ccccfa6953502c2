#include "dossier/input/source_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace dossier {

std::optional<std::string> refuse_by_size(std::uint64_t size, std::uint64_t max_file_size) {
  if (size > max_file_size) {
    return "file of " + std::to_string(size) + " bytes is larger than --max-file-size (" +
           std::to_string(max_file_size) + " bytes)";
  }
  return std::nullopt;
}

std::optional<std::string> refuse_content(std::string_view bytes) {
  if (bytes.find('\0') < kBinaryProbeBytes) return "binary file (NUL byte in the first 8 KB)";
  if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos)
    return bytes.empty() ? "empty file" : "empty file (only blanks)";
  return std::nullopt;
}

std::optional<std::string> read_source_file(const std::filesystem::path& path,
                                            std::uint64_t max_file_size, std::string& bytes) {
  bytes.clear();
  const std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return std::string("cannot open file: ") + std::strerror(errno);
  char buffer[1 << 16];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f.get())) > 0) {
    bytes.append(buffer, n);
    if (bytes.size() > max_file_size) return refuse_by_size(bytes.size(), max_file_size);
  }
  if (std::ferror(f.get())) return std::string("read error: ") + std::strerror(errno);
  return refuse_content(bytes);
}

}  // namespace dossier
