#include "dossier/input/input_source.h"

#include "dossier/base/errors.h"
#include "dossier/base/hash.h"
#include "dossier/schema/schema.h"

namespace fs = std::filesystem;

namespace dossier {
namespace {

// Paths read as JSON Lines of articles.
bool is_jsonl_path(const std::string& path) {
  const auto ext = std::filesystem::path(path).extension();
  return ext == ".jsonl" || ext == ".ndjson";
}

std::string canonical_string(const fs::path& p) {
  std::error_code ec;
  const auto canonical = fs::weakly_canonical(fs::absolute(p), ec);
  return (ec ? fs::absolute(p) : canonical).string();
}

// A corpus folder, or a single article file: listed (and stat'ed) up front, sorted by id.
class FileListSource : public InputSource {
 public:
  FileListSource(const fs::path& input, bool is_folder, std::uint64_t settings_hash,
                 const ProblemSink& problem, const ProblemSink& note)
      : term_(schema::input_term(canonical_string(input))), settings_hash_(settings_hash) {
    files_ = is_folder ? list_folder(input, problem, note)
                       : list_corpus_files({input.string()}, problem, note);
    for (const auto& f : files_) total_bytes_ += f.size;
    if (!is_folder) return;
    try {
      metadata_ = load_metadata(input);
    } catch (const std::exception& e) {
      throw Error(ErrorKind::kInput, e.what());
    }
    for (const auto& w : metadata_.warnings)
      problem(metadata_.file.string() + ":" + std::to_string(w.line), w.reason);
  }

  const std::string& input_term() const override { return term_; }
  std::uint64_t total_bytes() const override { return total_bytes_; }
  std::uint64_t total_articles() const override { return files_.size(); }

  bool next(InputItem& item) override {
    if (next_ == files_.size()) return false;
    // Moved out: the list is only walked once, and the strings go with the item.
    CorpusFile& f = files_[next_++];
    item = InputItem{};
    item.id = std::move(f.id);
    item.origin = f.path.string();
    item.metadata = metadata_.find(item.id);
    item.stamp = SourceStamp{f.size, f.mtime_ns, 0, context_hash(settings_hash_, item.metadata)};
    item.file = std::move(f.path);
    return true;
  }

 private:
  std::string term_;
  std::uint64_t settings_hash_;
  MetadataTable metadata_;
  std::vector<CorpusFile> files_;
  std::size_t next_ = 0;
  std::uint64_t total_bytes_ = 0;
};

// Records of a JSONL file, read as a stream.
class JsonlSource : public InputSource {
 public:
  JsonlSource(const fs::path& input, std::uint64_t settings_hash, const ProblemSink& problem)
      : term_(schema::input_term(canonical_string(input))),
        settings_hash_(settings_hash),
        path_(input.string()),
        problem_(problem) {
    try {
      reader_.emplace(input);
    } catch (const std::exception& e) {
      throw Error(ErrorKind::kInput, e.what());
    }
    std::error_code ec;
    total_bytes_ = fs::file_size(input, ec);
  }

  const std::string& input_term() const override { return term_; }
  std::uint64_t total_bytes() const override { return total_bytes_; }
  std::uint64_t total_articles() const override { return 0; }

  bool next(InputItem& item) override {
    while (auto record = reader_->next()) {
      if (const auto* issue = std::get_if<LineIssue>(&*record)) {
        problem_(path_ + ":" + std::to_string(issue->line), issue->reason);
        continue;
      }
      auto& article = std::get<JsonlArticle>(*record);
      item = InputItem{};
      item.id = article.id;
      item.origin = path_ + ":" + std::to_string(article.line);
      // +1: the line end, so progress reaches the file size.
      item.stamp = SourceStamp{article.title.size() + article.text.size() + 1, 0,
                               record_hash(article), context_hash(settings_hash_, nullptr)};
      item.hash_known = true;
      item.record = std::move(article);
      return true;
    }
    return false;
  }

 private:
  std::string term_;
  std::uint64_t settings_hash_;
  std::string path_;
  ProblemSink problem_;
  std::optional<JsonlArticleReader> reader_;
  std::uint64_t total_bytes_ = 0;
};

}  // namespace

std::uint64_t record_hash(const JsonlArticle& record) {
  // Each field prefixed with its length, so no two different records join to one string.
  std::string all;
  for (const std::string* field :
       {&record.id, &record.title, &record.text, &record.source, &record.url}) {
    all.append(std::to_string(field->size())).append(":").append(*field);
  }
  if (record.date) all.append(record.date->iso());
  return fnv1a64(all);
}

void check_inputs_exist(const std::vector<std::string>& inputs) {
  for (const auto& input : inputs) {
    std::error_code ec;
    if (!fs::exists(fs::status(input, ec)))
      throw Error(ErrorKind::kInput, "no such file or folder: " + input);
  }
}

std::uint64_t context_hash(std::uint64_t settings_hash, const ArticleMetadata* metadata) {
  std::string all = std::to_string(settings_hash);
  if (metadata) {
    for (const std::string* field : {&metadata->title, &metadata->source, &metadata->url})
      all.append(":").append(std::to_string(field->size())).append(":").append(*field);
    if (metadata->date) all.append(":").append(metadata->date->iso());
  }
  return fnv1a64(all);
}

std::vector<std::unique_ptr<InputSource>> open_input_sources(const std::vector<std::string>& inputs,
                                                             std::uint64_t settings_hash,
                                                             const ProblemSink& problem,
                                                             const ProblemSink& note) {
  std::vector<std::unique_ptr<InputSource>> sources;
  for (const auto& input : inputs) {
    const fs::path p(input);
    check_inputs_exist({input});
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      sources.push_back(std::make_unique<FileListSource>(p, true, settings_hash, problem, note));
    } else if (is_jsonl_path(input)) {
      sources.push_back(std::make_unique<JsonlSource>(p, settings_hash, problem));
    } else {
      sources.push_back(std::make_unique<FileListSource>(p, false, settings_hash, problem, note));
    }
  }
  return sources;
}

}  // namespace dossier
