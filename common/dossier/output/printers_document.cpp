#include "dossier/output/printers_document.h"

#include <string>

#include "dossier/output/printers_batch.h"

namespace dossier {
namespace {

using ojson = nlohmann::ordered_json;

ojson string_or_null(const std::string& s) {
  return s.empty() ? ojson(nullptr) : ojson(s);
}

std::string actors_text(const DocumentRecord& record) {
  std::string out;
  const auto& actors = record.data.actors;
  for (std::size_t i = 0; i < actors.size(); ++i) {
    out += (i ? "; " : "") + record.display_names[i] + " (" + actors[i].type + ", " +
           std::to_string(actors[i].mentions) +
           (actors[i].mentions == 1 ? " mention)" : " mentions)");
  }
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

void labelled(std::ostream& out, std::string_view label, const std::string& value,
              const TextLayout& layout) {
  if (value.empty()) return;
  out << label << ": " << wrap_text(value, layout.width, label.size() + 2);
}

}  // namespace

ojson document_json(const Searcher& searcher, const DocumentRecord& record) {
  const DocumentData& data = record.data;
  ojson actors = ojson::array();
  for (std::size_t i = 0; i < data.actors.size(); ++i) {
    const auto& a = data.actors[i];
    actors.push_back({{"id", a.id},
                      {"name", a.name},
                      {"display_name", record.display_names[i]},
                      {"type", a.type},
                      {"mentions", a.mentions}});
  }
  return ojson{
      {"database", database_header_json(searcher.database(), searcher.revision())["database"]},
      {"document",
       {{"id", data.id},
        {"title", data.title},
        {"date", string_or_null(data.date)},
        {"date_source", string_or_null(data.date_source)},
        {"dates_mentioned", data.dates_mentioned},
        {"source", string_or_null(data.source)},
        {"url", string_or_null(data.url)},
        {"text", data.text},
        {"actors", std::move(actors)},
        {"forms", record.forms}}}};
}

void print_document_text(std::ostream& out, const DocumentRecord& record,
                         const TextLayout& layout) {
  const DocumentData& data = record.data;
  out << wrap_text(data.title.empty() ? "(untitled)" : data.title, layout.width, 0);
  out << "id: " << data.id << "\n";
  out << "date: "
      << (data.date.empty() ? std::string("undated") : data.date + " (" + data.date_source + ")")
      << "\n";
  labelled(out, "source", data.source, layout);
  if (!data.url.empty()) out << "url: " << data.url << "\n";
  labelled(out, "actors", actors_text(record), layout);
  labelled(out, "mentioned", joined(data.dates_mentioned), layout);
  out << "\n";
  std::size_t start = 0;
  while (start < data.text.size()) {
    std::size_t end = data.text.find('\n', start);
    if (end == std::string::npos) end = data.text.size();
    const std::string_view line(data.text.data() + start, end - start);
    out << (line.empty() ? "\n" : wrap_text(line, layout.width, 0));
    start = end + 1;
  }
}

}  // namespace dossier
