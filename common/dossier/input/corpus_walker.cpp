#include "dossier/input/corpus_walker.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "dossier/base/errors.h"
#include "dossier/base/utf8.h"
#include "dossier/input/html_text.h"

namespace fs = std::filesystem;

namespace dossier {
namespace {

bool is_article_file(const fs::path& p) {
  return p.extension() == ".txt" || is_html_path(p);
}

// Stats `path` (following symlinks) into `file`; false with `why` set on failure.
bool stat_file(const fs::path& path, CorpusFile& file, std::string& why) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    why = std::strerror(errno);
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    why = "not a regular file";
    return false;
  }
  file.size = static_cast<std::uint64_t>(st.st_size);
  file.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  return true;
}

void add_file(const fs::path& path, std::string id, std::vector<CorpusFile>& out,
              const ProblemSink& problem, const ProblemSink& note) {
  CorpusFile file{path, id_from_path_bytes(id)};
  std::string why;
  if (!stat_file(path, file, why)) {
    problem(path.string(), why);
    return;
  }
  if (file.id != id && note) {
    // A valid name differs from its id only by its '%' signs, written %25.
    note(path.string(), (is_valid_utf8(id) ? "'%' in the file name is written %25 in its id \""
                                           : "file name is not valid UTF-8, indexed with id \"") +
                            file.id + "\"");
  }
  out.push_back(std::move(file));
}

// Depth-first walk with one directory_iterator per folder, so an unreadable folder is
// reported and skipped without losing its siblings. Directory symlinks are not followed,
// which rules out loops; file symlinks are read.
void walk_folder(const fs::path& root, std::vector<CorpusFile>& out, const ProblemSink& problem,
                 const ProblemSink& note) {
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    const fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      problem(dir.string(), ec.message());
      continue;
    }
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
      const fs::directory_entry& entry = *it;
      std::error_code type_ec;
      const bool is_link = entry.is_symlink(type_ec);
      if (!is_link && entry.is_directory(type_ec)) {
        pending.push_back(entry.path());
      } else if (is_article_file(entry.path())) {
        add_file(entry.path(), entry.path().lexically_relative(root).generic_string(), out, problem,
                 note);
      } else if (is_link && entry.is_directory(type_ec) && note) {
        note(entry.path().string(), "symbolic link to a folder, not followed");
      }
    }
    if (ec) problem(dir.string(), "listing stopped: " + ec.message());
  }
}

void sort_by_id(std::vector<CorpusFile>& files) {
  std::stable_sort(files.begin(), files.end(),
                   [](const auto& a, const auto& b) { return a.id < b.id; });
}

}  // namespace

std::string id_from_path_bytes(std::string_view bytes) {
  std::string id;
  id.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t n = bytes[i] == '%' ? 0 : valid_sequence_length(bytes, i);
    if (n > 0) {
      id.append(bytes.substr(i, n));
      i += n;
      continue;
    }
    static constexpr char kHex[] = "0123456789ABCDEF";
    const auto byte = static_cast<unsigned char>(bytes[i++]);
    id += '%';
    id += kHex[byte >> 4];
    id += kHex[byte & 0xF];
  }
  return id;
}

std::vector<CorpusFile> list_folder(const fs::path& root, const ProblemSink& problem,
                                    const ProblemSink& note) {
  std::vector<CorpusFile> files;
  walk_folder(root, files, problem, note);
  sort_by_id(files);
  return files;
}

std::vector<CorpusFile> list_corpus_files(const std::vector<std::string>& inputs,
                                          const ProblemSink& problem, const ProblemSink& note) {
  std::vector<CorpusFile> files;
  for (const auto& input : inputs) {
    const fs::path p(input);
    std::error_code ec;
    const auto status = fs::status(p, ec);
    if (ec || !fs::exists(status))
      throw Error(ErrorKind::kInput, "no such file or folder: " + input);
    if (fs::is_directory(status)) {
      walk_folder(p, files, problem, note);
    } else {
      add_file(p, p.filename().string(), files, problem, note);
    }
  }
  sort_by_id(files);
  return files;
}

}  // namespace dossier
