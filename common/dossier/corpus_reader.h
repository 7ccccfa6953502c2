// Reads a corpus as a stream of Articles, whatever its shape: folders of .txt files (with an
// optional metadata sidecar per folder), single .txt files, and JSON Lines files of
// articles. Problems with single items (unreadable file, bad JSONL line, bad sidecar line)
// are reported and skipped; the rest keeps coming.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dossier/article.h"
#include "dossier/corpus_walker.h"
#include "dossier/input/jsonl_reader.h"
#include "dossier/input/metadata.h"

namespace dossier {

class CorpusReader {
 public:
  // Lists the inputs (folders are walked, sidecars loaded). Throws dossier::Error (kInput)
  // when an input does not exist or a sidecar cannot be read.
  CorpusReader(const std::vector<std::string>& inputs, ProblemSink problem);
  ~CorpusReader();

  // The next article, or nothing at the end of the corpus.
  std::optional<Article> next();

  // Items that could not be turned into an article so far.
  std::size_t problems() const { return problems_; }

 private:
  struct Input {
    std::vector<CorpusFile> files;  // a folder's articles, or one .txt file
    std::string jsonl_path;         // or a JSON Lines file
    std::shared_ptr<MetadataTable> metadata;
  };

  std::optional<Article> next_file(Input& input);
  std::optional<Article> next_jsonl(Input& input);
  void report(const std::string& path, const std::string& reason);

  ProblemSink problem_;
  std::vector<Input> inputs_;
  std::size_t input_index_ = 0;
  std::size_t file_index_ = 0;
  std::unique_ptr<JsonlArticleReader> jsonl_;
  std::size_t problems_ = 0;
};

// True for paths the reader takes as JSON Lines (".jsonl", ".ndjson").
bool is_jsonl_path(const std::string& path);

// Applies a sidecar entry: given fields win over what the text says.
void apply_metadata(Article& article, const ArticleMetadata& metadata);

}  // namespace dossier
