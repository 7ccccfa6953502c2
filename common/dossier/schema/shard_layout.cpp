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

unsigned shard_of(std::string_view id_term, unsigned shards, unsigned partitions) {
  return static_cast<unsigned>(fnv1a64(id_term) / partitions % shards);
}

std::optional<Partition> parse_partition(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == text.npos) return std::nullopt;
  const auto number = [](std::string_view digits) -> std::optional<unsigned> {
    unsigned n = 0;
    if (digits.empty() || digits.size() > 5) return std::nullopt;
    for (const char c : digits) {
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + static_cast<unsigned>(c - '0');
    }
    return n;
  };
  const auto k = number(text.substr(0, slash)), n = number(text.substr(slash + 1));
  if (!k || !n || *n == 0 || *n > kMaxPartitions || *k >= *n) return std::nullopt;
  return Partition{*k, *n};
}

std::string partition_text(Partition partition) {
  return std::to_string(partition.index) + "/" + std::to_string(partition.count);
}

bool in_partition(std::string_view id_term, Partition partition) {
  return fnv1a64(id_term) % partition.count == partition.index;
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

namespace {

// The shard of one stub line (its keyword and the rest), or nothing when the line is not
// one Dossier opens.
std::optional<StubShard> stub_line_shard(std::string_view keyword, std::string_view rest,
                                         const fs::path& stub_dir) {
  StubShard shard;
  if (keyword == "auto" || keyword == "glass" || keyword == "chert") {
    if (rest.empty()) return std::nullopt;
    const fs::path path(rest);
    shard.path = (path.is_absolute() ? path : stub_dir / path).lexically_normal().string();
    return shard;
  }
  if (keyword != "remote" || rest.empty()) return std::nullopt;
  if (rest.front() == ':') {
    shard.kind = StubShard::Kind::kRemoteProgram;
    const auto space = rest.find(' ');
    shard.program = std::string(rest.substr(1, space == rest.npos ? rest.npos : space - 1));
    if (space != rest.npos) shard.args = std::string(rest.substr(space + 1));
    return shard.program.empty() ? std::nullopt : std::optional(shard);
  }
  const auto colon = rest.rfind(':');
  if (colon == rest.npos || colon == 0 || colon + 1 == rest.size()) return std::nullopt;
  unsigned port = 0;
  for (const char c : rest.substr(colon + 1)) {
    if (c < '0' || c > '9' || port > 65535) return std::nullopt;
    port = port * 10 + static_cast<unsigned>(c - '0');
  }
  if (port == 0 || port > 65535) return std::nullopt;
  std::string_view host = rest.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  shard.kind = StubShard::Kind::kRemoteTcp;
  shard.host = std::string(host);
  shard.port = port;
  return shard;
}

bool is_stub_keyword(std::string_view word) {
  return word == "auto" || word == "glass" || word == "chert" || word == "remote" ||
         word == "inmemory";
}

}  // namespace

std::vector<StubShard> parse_stub_shards(std::string_view text, const std::string& stub_dir,
                                         const std::string& stub_name) {
  std::vector<StubShard> shards;
  unsigned line_no = 0;
  while (!text.empty()) {
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == text.npos ? text.size() : end + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const auto space = line.find(' ');
    const std::string_view keyword = line.substr(0, space);
    const std::string_view rest = space == line.npos ? std::string_view() : line.substr(space + 1);
    auto shard = stub_line_shard(keyword, rest, fs::path(stub_dir));
    if (!shard) {
      throw Error(ErrorKind::kUsage, stub_name + ":" + std::to_string(line_no) +
                                         ": not a database Dossier can search (expected "
                                         "'auto|glass PATH', 'remote HOST:PORT' or "
                                         "'remote :PROGRAM ARGS')");
    }
    shard->line = std::string(line);
    shards.push_back(std::move(*shard));
  }
  if (shards.empty()) throw Error(ErrorKind::kUsage, stub_name + " lists no database");
  return shards;
}

std::optional<std::string> stub_file_of(const std::string& db_path) {
  std::error_code ignored;
  if (fs::is_directory(db_path, ignored)) {
    return has_stub(db_path) ? std::optional(stub_path(db_path)) : std::nullopt;
  }
  if (!fs::is_regular_file(db_path, ignored)) return std::nullopt;
  std::ifstream in(db_path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#') continue;
    return is_stub_keyword(line.substr(0, line.find(' '))) ? std::optional(db_path) : std::nullopt;
  }
  return std::nullopt;
}

std::vector<StubShard> read_stub_shards(const std::string& stub_path) {
  std::ifstream in(stub_path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) throw Error(ErrorKind::kUsage, "cannot read " + stub_path);
  const fs::path dir = fs::absolute(fs::path(stub_path)).parent_path();
  return parse_stub_shards(text.str(), dir.string(), stub_path);
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
