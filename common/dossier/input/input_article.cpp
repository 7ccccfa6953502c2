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

std::string_view within_article_limit(std::string_view text) {
  if (text.size() <= kMaxArticleBytes) return text;
  const std::string_view head = text.substr(0, kMaxArticleBytes);
  if (const auto line_end = head.rfind('\n'); line_end != std::string_view::npos)
    return head.substr(0, line_end + 1);
  std::size_t end = head.size();
  // Back over continuation bytes (10xxxxxx) to the start of the character cut in two.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return head.substr(0, end);
}

std::optional<std::string> article_limit_warning(std::size_t bytes) {
  if (bytes <= kMaxArticleBytes) return std::nullopt;
  return "article of " + std::to_string(bytes) + " bytes: only its first " +
         std::to_string(kMaxArticleBytes) + " bytes are indexed (see docs/INPUT.md)";
}

void apply_metadata(Article& article, const ArticleMetadata& metadata) {
  if (metadata.date) article.metadata_date = metadata.date;
  if (!metadata.title.empty()) article.title = decode_character_references(metadata.title);
  if (!metadata.source.empty()) article.source = metadata.source;
  if (!metadata.url.empty()) article.url = metadata.url;
}

Article article_from_record(JsonlArticle& record) {
  record.title = decode_character_references(record.title);
  record.text = decode_character_references(within_article_limit(record.text));
  // Without a separate title the text is read like a scraped page (headline detection).
  Article article = record.title.empty() ? parse_article(record.id, record.text)
                                         : make_article(record.id, record.title, record.text);
  article.metadata_date = record.date;
  article.source = std::move(record.source);
  article.url = std::move(record.url);
  return article;
}

Article article_from_file(const InputItem& item, std::string_view bytes) {
  Article article = parse_file_article(item, within_article_limit(without_bom(bytes)));
  if (item.stamp.mtime_ns != 0) article.file_date = modification_day(item.stamp.mtime_ns);
  if (item.metadata) apply_metadata(article, *item.metadata);
  return article;
}

}  // namespace dossier
