// Finds the article files of a corpus: every regular `.txt` file below the given folders.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace dossier {

struct CorpusFile {
  std::filesystem::path path;  // where to read it
  std::string id;              // path relative to the folder it was found under ('/'-separated)
};

// Called once per file or folder that cannot be listed, with its path and the reason.
using ProblemSink = std::function<void(const std::string& path, const std::string& reason)>;

// Lists `.txt` files below each input, sorted by id. An input that is itself a file is
// listed under its file name. Directory symlinks are not followed (no loops); unreadable
// folders are reported and skipped. Throws dossier::Error (kInput) if an input does not
// exist.
std::vector<CorpusFile> list_corpus_files(const std::vector<std::string>& inputs,
                                          const ProblemSink& problem);

}  // namespace dossier
