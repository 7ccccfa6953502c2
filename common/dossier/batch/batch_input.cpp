#include "dossier/batch/batch_input.h"

#include <map>
#include <string_view>

#include "dossier/base/utf8.h"
#include "dossier/input/bounded_line.h"
#include "dossier/text/ascii_words.h"

namespace dossier {
namespace {

// Drops a label such as "Number:" or "Topic:" that TREC topic files put after a tag.
std::string_view drop_label(std::string_view s, std::string_view label) {
  s = trim(s, kLineSpaces);
  if (starts_with_ascii_ci(s, label)) s = trim(s.substr(label.size()), kLineSpaces);
  return s;
}

// A JSON id must be a string or an integer: anything else cannot name a query in a run.
bool valid_id(const nlohmann::json& id) {
  return id.is_string() || id.is_number_integer() || id.is_number_unsigned();
}

BatchQuery json_line_query(const std::string& line, std::size_t line_no) {
  BatchQuery q;
  q.line = line_no;
  q.id = line_no;
  if (json_nested_deeper_than(line)) {
    q.error = json_too_deep_reason();
    return q;
  }
  auto object = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded() || !object.is_object()) {
    q.error = "not a valid JSON object";
    return q;
  }
  if (const auto id = object.find("id"); id != object.end()) {
    if (!valid_id(*id)) {
      q.error = "\"id\" must be a string or an integer";
      return q;
    }
    q.id = *id;
  }
  q.object = std::move(object);
  return q;
}

}  // namespace

std::string id_text(const nlohmann::json& id) {
  return id.is_string() ? id.get<std::string>() : id.dump();
}

BatchQuery parse_batch_line(const std::string& line, std::size_t line_no) {
  const std::string_view body = trim(line, kLineSpaces);
  if (body.starts_with("{")) return json_line_query(std::string(body), line_no);
  BatchQuery q;
  q.line = line_no;
  if (const auto tab = line.find('\t'); tab != std::string::npos) {
    q.id = std::string(trim(std::string_view(line).substr(0, tab), kLineSpaces));
    q.text = std::string(trim(std::string_view(line).substr(tab + 1), kLineSpaces));
    if (q.id.get_ref<const std::string&>().empty()) {
      q.id = line_no;
      q.error = "empty query id before the tab";
    }
  } else {
    q.id = line_no;
    q.text = std::string(body);
  }
  return q;
}

bool BatchReader::read_line(std::string& line) {
  if (held_) {
    line = std::move(*held_);
    held_.reset();
    line_too_long_ = held_too_long_;
    return true;
  }
  const LineRead read = read_line_within(in_, line);
  if (read == LineRead::kEnd) return false;
  line_too_long_ = read == LineRead::kTooLong;
  if (++line_no_ == 1) strip_bom(line);
  return true;
}

BatchQuery BatchReader::too_long_line_query() const {
  BatchQuery q;
  q.line = line_no_;
  q.id = line_no_;
  q.error = "line " + record_too_long_reason();
  return q;
}

bool BatchReader::input_buffered() const {
  return held_.has_value() || in_.rdbuf()->in_avail() > 0;
}

std::optional<BatchQuery> BatchReader::next() {
  if (kind_ == Kind::kUndecided) {
    std::string line;
    while (read_line(line)) {
      if (!line_too_long_ && trim(line, kLineSpaces).empty()) continue;
      kind_ = trim(line, kLineSpaces).starts_with("<top>") ? Kind::kTrecTopics : Kind::kLines;
      held_ = std::move(line);
      held_too_long_ = line_too_long_;
      break;
    }
    if (kind_ == Kind::kUndecided) return std::nullopt;
  }
  return kind_ == Kind::kTrecTopics ? next_trec_topic() : next_line_query();
}

std::optional<BatchQuery> BatchReader::next_line_query() {
  std::string line;
  while (read_line(line)) {
    if (line_too_long_) return too_long_line_query();
    if (!trim(line, kLineSpaces).empty()) return parse_batch_line(line, line_no_);
  }
  return std::nullopt;
}

std::optional<BatchQuery> BatchReader::next_trec_topic() {
  std::string line;
  // Find the next <top>; text between topics is ignored.
  std::size_t start = 0;
  while (read_line(line)) {
    if (trim(line, kLineSpaces).starts_with("<top>")) {
      start = line_no_;
      break;
    }
  }
  if (start == 0) return std::nullopt;

  // Each section's text by tag name ("num", "title", "desc", "narr").
  std::map<std::string, std::string, std::less<>> sections;
  std::string current;
  // Adds one line of the topic; returns true at "</top>".
  const auto add = [&](std::string_view text) {
    text = trim(text, kLineSpaces);
    if (text.starts_with("</top>")) return true;
    if (text.starts_with("<") && !text.starts_with("</")) {
      const auto close = text.find('>');
      if (close != std::string_view::npos) {
        current = std::string(text.substr(1, close - 1));
        text = text.substr(close + 1);
      }
    }
    // Closing tags of the XML-like variants ("<title> x </title>") end the text.
    if (const auto end_tag = text.find("</"); end_tag != std::string_view::npos)
      text = text.substr(0, end_tag);
    text = trim(text, kLineSpaces);
    if (current.empty() || text.empty()) return false;
    auto& section = sections[current];
    if (!section.empty()) section += ' ';
    section += text;
    return false;
  };
  bool closed = add(trim(line, kLineSpaces).substr(5));
  bool any_too_long = false;
  while (!closed && read_line(line)) {
    any_too_long = any_too_long || line_too_long_;
    closed = add(line);
  }

  BatchQuery q;
  q.line = start;
  q.id = start;
  const std::string number(drop_label(sections["num"], "number:"));
  if (any_too_long) {
    q.error = "a line of the topic is " + record_too_long_reason();
  } else if (!closed) {
    q.error = "topic without a closing </top>";
  } else if (number.empty()) {
    q.error = "topic without <num>";
  } else {
    q.id = number;
    q.text = std::string(drop_label(sections["title"], "topic:"));
    if (q.text.empty()) q.error = "topic without <title>";
  }
  return q;
}

}  // namespace dossier
