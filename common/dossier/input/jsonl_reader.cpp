#include "dossier/input/jsonl_reader.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "dossier/base/utf8.h"
#include "dossier/input/bounded_line.h"
#include "dossier/input/json_line.h"

namespace dossier {

namespace {

LineIssue issue(std::size_t line, std::string reason) {
  return {line, std::move(reason)};
}

// An optional string field: absent or null -> nullopt; a non-string -> `error` set.
std::optional<std::string> string_field(const nlohmann::json& object, const char* name,
                                        std::string& error) {
  const auto field = object.find(name);
  if (field == object.end() || field->is_null()) return std::nullopt;
  if (!field->is_string()) {
    error = std::string("\"") + name + "\" must be a string";
    return std::nullopt;
  }
  return field->get<std::string>();
}

}  // namespace

JsonlRecord parse_jsonl_article(std::size_t line, std::string_view text) {
  auto parsed = parse_json_object_line(text);
  if (auto* reason = std::get_if<std::string>(&parsed)) return issue(line, std::move(*reason));
  const nlohmann::json& object = std::get<nlohmann::json>(parsed);

  JsonlArticle article;
  article.line = line;
  const auto id = object.find("id");
  if (id == object.end() || id->is_null()) return issue(line, "missing \"id\"");
  if (id->is_string()) {
    article.id = id->get<std::string>();
  } else if (id->is_number_integer()) {
    article.id = id->dump();
  } else {
    return issue(line, "\"id\" must be a string or an integer");
  }
  if (article.id.empty()) return issue(line, "empty \"id\"");

  std::string error;
  auto text_field = string_field(object, "text", error);
  auto body_field = string_field(object, "body", error);
  const auto title_field = string_field(object, "title", error);
  const auto date_field = string_field(object, "date", error);
  const auto source_field = string_field(object, "source", error);
  const auto url_field = string_field(object, "url", error);
  if (!error.empty()) return issue(line, error);

  if (text_field && body_field) return issue(line, "both \"text\" and \"body\": give one");
  auto& content = text_field ? text_field : body_field;
  if (!content) return issue(line, "no \"text\" (nor \"body\")");
  article.text = std::move(*content);  // moved: a record's text may be megabytes
  article.title = title_field.value_or("");
  if (article.text.empty() && article.title.empty()) return issue(line, "empty text and title");

  if (date_field && !date_field->empty()) {
    article.date = Date::parse_iso(*date_field, &error);
    if (!article.date) return issue(line, "bad \"date\": " + error);
  }
  article.source = source_field.value_or("");
  article.url = url_field.value_or("");
  return article;
}

JsonlArticleReader::JsonlArticleReader(const std::filesystem::path& path)
    : owned_(std::make_unique<std::ifstream>(path, std::ios::binary)), in_(owned_.get()) {
  if (!*owned_) throw std::runtime_error("cannot open " + path.string());
}

std::optional<JsonlRecord> JsonlArticleReader::next() {
  for (LineRead read; (read = read_line_within(*in_, raw_)) != LineRead::kEnd;) {
    ++line_;
    if (read == LineRead::kTooLong) return issue(line_, "line is " + record_too_long_reason());
    if (line_ == 1) strip_bom(raw_);
    if (raw_.find_first_not_of(" \t\r") == std::string::npos) continue;
    // A valid line (the usual case) is parsed in place, not copied.
    if (is_valid_utf8(raw_)) return parse_jsonl_article(line_, raw_);
    return parse_jsonl_article(line_, repair_utf8(raw_));
  }
  return std::nullopt;
}

}  // namespace dossier
