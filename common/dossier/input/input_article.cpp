#include "dossier/input/input_article.h"

#include <chrono>

#include "dossier/base/utf8.h"

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

}  // namespace

void apply_metadata(Article& article, const ArticleMetadata& metadata) {
  if (metadata.date) article.metadata_date = metadata.date;
  if (!metadata.title.empty()) article.title = metadata.title;
  if (!metadata.source.empty()) article.source = metadata.source;
  if (!metadata.url.empty()) article.url = metadata.url;
}

Article article_from_record(JsonlArticle& record) {
  // Without a separate title the text is read like a scraped page (headline detection).
  Article article = record.title.empty() ? parse_article(record.id, record.text)
                                         : make_article(record.id, record.title, record.text);
  article.metadata_date = record.date;
  article.source = std::move(record.source);
  article.url = std::move(record.url);
  return article;
}

Article article_from_file(const InputItem& item, std::string_view bytes) {
  Article article = parse_article(item.id, without_bom(bytes));
  if (item.stamp.mtime_ns != 0) article.file_date = modification_day(item.stamp.mtime_ns);
  if (item.metadata) apply_metadata(article, *item.metadata);
  return article;
}

}  // namespace dossier
