#include "dossier/input/input_article.h"

#include <chrono>

#include "dossier/base/utf8.h"
#include "dossier/input/html_text.h"

namespace dossier {
namespace {

// The day (UTC) of a modification time.
Date modification_day(std::int64_t mtime_ns) {
  const std::chrono::sys_time<std::chrono::nanoseconds> t{std::chrono::nanoseconds(mtime_ns)};
  const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(t)};
  return Date::of_day(static_cast<int>(ymd.year()),
                      static_cast<int>(static_cast<unsigned>(ymd.month())),
                      static_cast<int>(static_cast<unsigned>(ymd.day())));
}

// A file's article: an .html page read with the HTML parser, any other file as text.
Article parse_file_article(const InputItem& item, std::string_view text) {
  if (is_html_path(item.file)) {
    const HtmlPage page = read_html_page(text);
    return page.title.empty() ? parse_article(item.id, page.text)
                              : make_article(item.id, page.title, page.text);
  }
  // Most articles have no '&': they are not copied.
  if (text.find('&') == std::string_view::npos) return parse_article(item.id, text);
  return parse_article(item.id, decode_character_references(text));
}

}  // namespace

void apply_metadata(Article& article, const ArticleMetadata& metadata) {
  if (metadata.date) article.metadata_date = metadata.date;
  if (!metadata.title.empty()) article.title = decode_character_references(metadata.title);
  if (!metadata.source.empty()) article.source = metadata.source;
  if (!metadata.url.empty()) article.url = metadata.url;
}

Article article_from_record(JsonlArticle& record) {
  record.title = decode_character_references(record.title);
  record.text = decode_character_references(record.text);
  // Without a separate title the text is read like a scraped page (headline detection).
  Article article = record.title.empty() ? parse_article(record.id, record.text)
                                         : make_article(record.id, record.title, record.text);
  article.metadata_date = record.date;
  article.source = std::move(record.source);
  article.url = std::move(record.url);
  return article;
}

Article article_from_file(const InputItem& item, std::string_view bytes) {
  Article article = parse_file_article(item, without_bom(bytes));
  if (item.stamp.mtime_ns != 0) article.file_date = modification_day(item.stamp.mtime_ns);
  if (item.metadata) apply_metadata(article, *item.metadata);
  return article;
}

}  // namespace dossier
