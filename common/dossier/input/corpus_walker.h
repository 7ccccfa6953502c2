// Finds the article files of a corpus: every regular `.txt`, `.html` or `.htm` file below
// the given folders.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

struct CorpusFile {
  std::filesystem::path path;  // where to read it
  std::string id;              // path relative to the folder it was found under ('/'-separated)
  std::uint64_t size = 0;      // bytes, from the stat made while listing
  std::int64_t mtime_ns = 0;   // modification time, nanoseconds since the epoch
};

// Called once per file or folder that cannot be listed, with its path and the reason.
using ProblemSink = std::function<void(const std::string& path, const std::string& reason)>;

// Lists article files below each input, sorted by id. An input that is itself a file is
// listed under its file name. Directory symlinks are not followed (no loops) and are
// reported to `note`; unreadable folders and article entries that cannot be stat'ed (a
// symlink loop, a dangling link) are reported to `problem` and skipped. Throws
// dossier::Error (kInput) if an input does not exist.
std::vector<CorpusFile> list_corpus_files(const std::vector<std::string>& inputs,
                                          const ProblemSink& problem, const ProblemSink& note = {});

// Same for one folder: its files with ids relative to it, sorted by id.
std::vector<CorpusFile> list_folder(const std::filesystem::path& root, const ProblemSink& problem,
                                    const ProblemSink& note = {});

// An article id from a relative path that need not be valid UTF-8 (Linux file names are
// bytes): every byte that is not part of a well-formed UTF-8 sequence, and every '%', is
// written as %XX (upper-case hex), so ids are valid UTF-8 and distinct names stay distinct
// ids. Valid names other than '%' are unchanged: "caf\xE9.txt" -> "caf%E9.txt".
std::string id_from_path_bytes(std::string_view bytes);

}  // namespace dossier
