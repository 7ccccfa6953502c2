#include "dossier/input/input_source.h"

#include <functional>

#include "dossier/base/errors.h"
#include "dossier/base/hash.h"
#include "dossier/input/csv_articles.h"
#include "dossier/schema/schema.h"

namespace fs = std::filesystem;

namespace dossier {
namespace {

// Paths read as JSON Lines of articles.
bool is_jsonl_path(const std::string& path) {
  const auto ext = std::filesystem::path(path).extension();
  return ext == ".jsonl" || ext == ".ndjson";
}

bool is_csv_path(const std::string& path) {
  return std::filesystem::path(path).extension() == ".csv";
}

// What leads the ids of a folder's files: its name and a '/' under IdScheme::kFolder.
std::string id_prefix(const fs::path& canonical_folder, schema::IdScheme ids) {
  const std::string name = canonical_folder.filename().string();
  if (ids == schema::IdScheme::kRelative || name.empty()) return {};
  return id_from_path_bytes(name) + "/";
}

// The top folder of a file below a folder input (schema.h, kFolderPrefix): the first
// component of its id relative to the folder, or the folder's own name for a file directly
// in it.
std::string top_folder(const std::string& relative_id, const fs::path& canonical_folder) {
  const auto slash = relative_id.find('/');
  if (slash != std::string::npos) return relative_id.substr(0, slash);
  return id_from_path_bytes(canonical_folder.filename().string());
}

// A corpus folder, or a single article file: listed (and stat'ed) up front, sorted by id.
// A single file is named and described as when its folder is the input: its folder's
// name, its file name, its folder's sidecar entry.
class FileListSource : public InputSource {
 public:
  FileListSource(const fs::path& input, bool is_folder, schema::IdScheme ids,
                 std::uint64_t settings_hash, const ProblemSink& problem, const ProblemSink& note)
      : name_(input.string()),
        is_folder_(is_folder),
        root_(canonical_string(input)),
        term_(schema::input_term(root_.string())),
        settings_hash_(settings_hash) {
    files_ = is_folder ? list_folder(input, problem, note)
                       : list_corpus_files({input.string()}, problem, note);
    if (is_folder && files_.empty()) {
      problem(name_,
              "no article in this folder (articles are .txt, .html and .htm files; .jsonl and "
              ".csv files are read when named as inputs themselves)");
    }
    for (const auto& f : files_) total_bytes_ += f.size;
    const fs::path folder = is_folder ? root_ : root_.parent_path();
    id_prefix_ = id_prefix(folder, ids);
    folder_ = folder;
    if (!is_folder) root_ = folder;
    try {
      metadata_ = load_metadata(folder);
    } catch (const std::exception& e) {
      throw Error(ErrorKind::kInput, e.what());
    }
    for (const auto& w : metadata_.warnings) {
      if (w.line == 0) {
        note(metadata_.file.string(), w.reason);  // about the file: no article is skipped
      } else {
        problem(metadata_.file.string() + ":" + std::to_string(w.line), w.reason);
      }
    }
  }

  const std::string& input_term() const override { return term_; }
  const std::string& name() const override { return name_; }
  std::uint64_t total_bytes() const override { return total_bytes_; }
  std::uint64_t total_articles() const override { return files_.size(); }

  bool next(InputItem& item) override {
    if (next_ == files_.size()) return false;
    // Moved out: the list is only walked once, and the strings go with the item.
    CorpusFile& f = files_[next_++];
    item = InputItem{};
    item.metadata = metadata_.find(f.id);  // sidecar ids are relative to the folder
    item.id = id_prefix_ + f.id;
    item.folder = top_folder(f.id, folder_);
    item.origin = f.path.string();
    item.source_path = source_path(f);
    item.stamp = SourceStamp{f.size, f.mtime_ns, 0, context_hash(settings_hash_, item.metadata)};
    item.file = std::move(f.path);
    return true;
  }

 private:
  // The file's canonical path: the folder's, then the file's path below it.
  std::string source_path(const CorpusFile& f) const {
    if (!is_folder_) return (root_ / f.path.filename()).string();
    return (root_ / f.path.lexically_relative(name_)).string();
  }

  std::string name_;
  bool is_folder_;
  fs::path root_;  // canonical; a single file's folder
  std::string term_;
  std::uint64_t settings_hash_;
  std::string id_prefix_;
  fs::path folder_;  // canonical: the input folder, or a single file's folder
  MetadataTable metadata_;
  std::vector<CorpusFile> files_;
  std::size_t next_ = 0;
  std::uint64_t total_bytes_ = 0;
};

// The next record of a file of records, nullopt at its end.
using RecordReader = std::function<std::optional<JsonlRecord>()>;

// A reader of `input` made by `open`, which throws on a file that cannot be read; its
// message becomes an input error.
template <typename Open>
RecordReader open_records(Open open) {
  try {
    return [reader = std::make_shared<decltype(open())>(open())] { return reader->next(); };
  } catch (const std::exception& e) {
    throw Error(ErrorKind::kInput, e.what());
  }
}

// Records of a JSONL or CSV file, read as a stream.
class RecordFileSource : public InputSource {
 public:
  RecordFileSource(const fs::path& input, RecordReader reader, std::uint64_t settings_hash,
                   const ProblemSink& problem)
      : source_path_(canonical_string(input)),
        term_(schema::input_term(source_path_)),
        settings_hash_(settings_hash),
        path_(input.string()),
        problem_(problem),
        reader_(std::move(reader)) {
    std::error_code ec;
    total_bytes_ = fs::file_size(input, ec);
  }

  const std::string& input_term() const override { return term_; }
  const std::string& name() const override { return path_; }
  std::uint64_t total_bytes() const override { return total_bytes_; }
  std::uint64_t total_articles() const override { return 0; }

  bool next(InputItem& item) override {
    while (auto record = reader_()) {
      if (const auto* issue = std::get_if<LineIssue>(&*record)) {
        problem_(path_ + ":" + std::to_string(issue->line), issue->reason);
        continue;
      }
      auto& article = std::get<JsonlArticle>(*record);
      item = InputItem{};
      item.id = article.id;
      item.origin = path_ + ":" + std::to_string(article.line);
      item.source_path = source_path_;
      item.line = article.line;
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
  std::string source_path_;
  std::string term_;
  std::uint64_t settings_hash_;
  std::string path_;
  ProblemSink problem_;
  RecordReader reader_;
  std::uint64_t total_bytes_ = 0;
};

}  // namespace

std::string canonical_string(const fs::path& p) {
  std::error_code ec;
  const auto canonical = fs::weakly_canonical(fs::absolute(p), ec);
  return (ec ? fs::absolute(p) : canonical).string();
}

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

std::vector<std::unique_ptr<InputSource>> open_input_sources(
    const std::vector<std::string>& inputs, schema::IdScheme ids, std::uint64_t settings_hash,
    const ProblemSink& problem, const ProblemSink& note,
    const std::vector<std::string>& csv_columns) {
  std::vector<std::unique_ptr<InputSource>> sources;
  for (const auto& input : inputs) {
    const fs::path p(input);
    check_inputs_exist({input});
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      sources.push_back(
          std::make_unique<FileListSource>(p, true, ids, settings_hash, problem, note));
    } else if (is_jsonl_path(input)) {
      auto reader = open_records([&] { return JsonlArticleReader(p); });
      sources.push_back(
          std::make_unique<RecordFileSource>(p, std::move(reader), settings_hash, problem));
    } else if (is_csv_path(input)) {
      auto reader = open_records([&] { return CsvArticleReader(p, csv_columns); });
      sources.push_back(
          std::make_unique<RecordFileSource>(p, std::move(reader), settings_hash, problem));
    } else {
      sources.push_back(
          std::make_unique<FileListSource>(p, false, ids, settings_hash, problem, note));
    }
  }
  return sources;
}

}  // namespace dossier
