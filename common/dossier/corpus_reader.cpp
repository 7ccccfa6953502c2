#include "dossier/corpus_reader.h"

#include <chrono>
#include <filesystem>

#include "dossier/article_source.h"
#include "dossier/errors.h"

namespace fs = std::filesystem;

namespace dossier {
namespace {

std::optional<Date> modification_day(const fs::path& path) {
  std::error_code ec;
  const auto t = fs::last_write_time(path, ec);
  if (ec) return std::nullopt;
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::file_clock::to_sys(t));
  const std::chrono::year_month_day ymd{days};
  return Date::of_day(static_cast<int>(ymd.year()),
                      static_cast<int>(static_cast<unsigned>(ymd.month())),
                      static_cast<int>(static_cast<unsigned>(ymd.day())));
}

}  // namespace

bool is_jsonl_path(const std::string& path) {
  const auto ext = fs::path(path).extension();
  return ext == ".jsonl" || ext == ".ndjson";
}

void apply_metadata(Article& article, const ArticleMetadata& metadata) {
  if (metadata.date) article.metadata_date = metadata.date;
  if (!metadata.title.empty()) article.title = metadata.title;
  if (!metadata.source.empty()) article.source = metadata.source;
  if (!metadata.url.empty()) article.url = metadata.url;
}

CorpusReader::CorpusReader(const std::vector<std::string>& inputs, ProblemSink problem)
    : problem_(std::move(problem)) {
  for (const auto& path : inputs) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status))
      throw Error(ErrorKind::kInput, "no such file or folder: " + path);
    Input input;
    if (fs::is_directory(status)) {
      input.files = list_corpus_files({path}, problem_);
      try {
        input.metadata = std::make_shared<MetadataTable>(load_metadata(path));
      } catch (const std::exception& e) {
        throw Error(ErrorKind::kInput, e.what());
      }
      for (const auto& w : input.metadata->warnings) {
        report(input.metadata->file.string() + ":" + std::to_string(w.line), w.reason);
      }
    } else if (is_jsonl_path(path)) {
      input.jsonl_path = path;
    } else {
      input.files = list_corpus_files({path}, problem_);
    }
    inputs_.push_back(std::move(input));
  }
}

CorpusReader::~CorpusReader() = default;

void CorpusReader::report(const std::string& path, const std::string& reason) {
  ++problems_;
  problem_(path, reason);
}

std::optional<Article> CorpusReader::next_file(Input& input) {
  while (file_index_ < input.files.size()) {
    const CorpusFile& file = input.files[file_index_++];
    std::string why;
    auto article = load_article(file, why);
    if (!article) {
      report(file.path.string(), why);
      continue;
    }
    article->file_date = modification_day(file.path);
    if (input.metadata) {
      if (const auto* m = input.metadata->find(article->id)) apply_metadata(*article, *m);
    }
    return article;
  }
  return std::nullopt;
}

std::optional<Article> CorpusReader::next_jsonl(Input& input) {
  if (!jsonl_) {
    try {
      jsonl_ = std::make_unique<JsonlArticleReader>(fs::path(input.jsonl_path));
    } catch (const std::exception& e) {
      report(input.jsonl_path, e.what());
      return std::nullopt;
    }
  }
  while (auto record = jsonl_->next()) {
    if (const auto* issue = std::get_if<LineIssue>(&*record)) {
      report(input.jsonl_path + ":" + std::to_string(issue->line), issue->reason);
      continue;
    }
    auto& r = std::get<JsonlArticle>(*record);
    Article article =
        r.title.empty() ? parse_article(r.id, r.text) : make_article(r.id, r.title, r.text);
    article.metadata_date = r.date;
    article.source = std::move(r.source);
    article.url = std::move(r.url);
    return article;
  }
  jsonl_.reset();
  return std::nullopt;
}

std::optional<Article> CorpusReader::next() {
  while (input_index_ < inputs_.size()) {
    Input& input = inputs_[input_index_];
    auto article = input.jsonl_path.empty() ? next_file(input) : next_jsonl(input);
    if (article) return article;
    ++input_index_;
    file_index_ = 0;
  }
  return std::nullopt;
}

}  // namespace dossier
