#include "dossier/schema/shard_layout.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dossier/base/errors.h"
#include "dossier/base/hash.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kShardBackend = "glass ";

std::string stub_path(const std::string& db_path) {
  return (fs::path(db_path) / kStubFileName).string();
}

// Writes all of `text` to `fd` and syncs it; false with errno set on failure.
bool write_and_sync(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return ::fsync(fd) == 0;
}

[[noreturn]] void stub_error(const std::string& path, const char* what) {
  throw Error(ErrorKind::kInternal,
              std::string("cannot ") + what + " " + path + ": " + std::strerror(errno));
}

}  // namespace

std::string shard_folder_name(unsigned index) {
  return std::string(kShardFolderPrefix) + std::to_string(index);
}

std::string stub_text(unsigned shards) {
  std::string text;
  for (unsigned i = 0; i < shards; ++i)
    text.append(kShardBackend).append(shard_folder_name(i)).append("\n");
  return text;
}

std::optional<unsigned> parse_stub(std::string_view text) {
  // Count the lines, then demand the exact text: any other stub would route differently.
  unsigned lines = 0;
  for (const char c : text) lines += (c == '\n');
  if (lines == 0 || text != stub_text(lines)) return std::nullopt;
  return lines;
}

unsigned shard_of(std::string_view id_term, unsigned shards) {
  return static_cast<unsigned>(fnv1a64(id_term) % shards);
}

bool has_stub(const std::string& db_path) {
  std::error_code ignored;
  return fs::is_directory(db_path, ignored) && fs::exists(stub_path(db_path), ignored);
}

std::optional<unsigned> read_stub(const std::string& db_path) {
  std::ifstream in(stub_path(db_path), std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) throw Error(ErrorKind::kUsage, "cannot read " + stub_path(db_path));
  return parse_stub(text.str());
}

std::string shard_path(const std::string& db_path, unsigned index) {
  return (fs::path(db_path) / shard_folder_name(index)).string();
}

void write_stub(const std::string& db_path, unsigned shards) {
  const std::string final_path = stub_path(db_path);
  const std::string temp_path = final_path + ".tmp";
  const int fd = ::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) stub_error(temp_path, "create");
  const bool written = write_and_sync(fd, stub_text(shards));
  const int saved_errno = errno;
  ::close(fd);
  errno = saved_errno;
  if (!written) stub_error(temp_path, "write");
  if (::rename(temp_path.c_str(), final_path.c_str()) != 0) stub_error(final_path, "create");
  // Sync the folder too, so the rename itself survives a power cut.
  const int dir = ::open(db_path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

}  // namespace dossier
