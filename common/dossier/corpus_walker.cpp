#include "dossier/corpus_walker.h"

#include <algorithm>

#include "dossier/errors.h"

namespace fs = std::filesystem;

namespace dossier {
namespace {

bool is_article_file(const fs::path& p) {
  return p.extension() == ".txt";
}

// Depth-first walk with one directory_iterator per folder, so an unreadable folder is
// reported and skipped without losing its siblings. Directory symlinks are not followed,
// which rules out loops; file symlinks are read.
void walk_folder(const fs::path& root, std::vector<CorpusFile>& out, const ProblemSink& problem) {
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
      if (entry.is_symlink(type_ec) && entry.is_directory(type_ec)) continue;
      if (entry.is_directory(type_ec)) {
        pending.push_back(entry.path());
      } else if (is_article_file(entry.path()) && entry.is_regular_file(type_ec)) {
        out.push_back({entry.path(), entry.path().lexically_relative(root).generic_string()});
      }
    }
    if (ec) problem(dir.string(), "listing stopped: " + ec.message());
  }
}

}  // namespace

std::vector<CorpusFile> list_corpus_files(const std::vector<std::string>& inputs,
                                          const ProblemSink& problem) {
  std::vector<CorpusFile> files;
  for (const auto& input : inputs) {
    const fs::path p(input);
    std::error_code ec;
    const auto status = fs::status(p, ec);
    if (ec || !fs::exists(status))
      throw Error(ErrorKind::kInput, "no such file or folder: " + input);
    if (fs::is_directory(status)) {
      walk_folder(p, files, problem);
    } else {
      files.push_back({p, p.filename().generic_string()});
    }
  }
  std::stable_sort(files.begin(), files.end(),
                   [](const auto& a, const auto& b) { return a.id < b.id; });
  return files;
}

}  // namespace dossier
