#include "dossier/index/article_worker.h"

#include <chrono>

#include "dossier/article.h"
#include "dossier/corpus_reader.h"
#include "dossier/document_builder.h"
#include "dossier/hash.h"
#include "dossier/index/source_file.h"
#include "dossier/schema.h"

namespace dossier {
namespace {

Article article_from_record(JsonlArticle& record) {
  // Without a separate title the text is read like a scraped page (headline detection).
  Article article = record.title.empty() ? parse_article(record.id, record.text)
                                         : make_article(record.id, record.title, record.text);
  article.metadata_date = record.date;
  article.source = std::move(record.source);
  article.url = std::move(record.url);
  return article;
}

// The day (UTC) of a modification time.
Date modification_day(std::int64_t mtime_ns) {
  const std::chrono::sys_time<std::chrono::nanoseconds> t{std::chrono::nanoseconds(mtime_ns)};
  const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(t)};
  return Date::of_day(static_cast<int>(ymd.year()),
                      static_cast<int>(static_cast<unsigned>(ymd.month())),
                      static_cast<int>(static_cast<unsigned>(ymd.day())));
}

Article article_from_file(const InputItem& item, std::string_view bytes) {
  Article article = parse_article(item.id, bytes);
  if (item.stamp.mtime_ns != 0) article.file_date = modification_day(item.stamp.mtime_ns);
  if (item.metadata) apply_metadata(article, *item.metadata);
  return article;
}

}  // namespace

ArticleWorker::ArticleWorker(const ActorLexicon& lexicon, const ExtractionOptions& extraction,
                             std::uint64_t max_file_size, IndexReport& report)
    : max_file_size_(max_file_size),
      document_uses_mtime_(extraction.date_fallback == DateFallback::FileMtime),
      report_(report),
      analyzer_(lexicon, extraction) {}

IndexOutcome ArticleWorker::process(IndexJob& job) {
  try {
    return analyse(job);
  } catch (const std::exception& e) {
    report_.skipped(job.item.origin, std::string("internal error: ") + e.what());
  } catch (const Xapian::Error& e) {
    report_.skipped(job.item.origin, "internal error: " + e.get_description());
  }
  IndexOutcome skipped;
  skipped.bytes = job.item.stamp.size;
  return skipped;
}

IndexOutcome ArticleWorker::analyse(IndexJob& job) {
  IndexOutcome out;
  out.id_term = job.id_term;
  out.existed = job.stored.has_value();
  out.replace = out.existed || job.repeated;
  out.bytes = job.item.stamp.size;
  SourceStamp stamp = job.item.stamp;

  Article article;
  if (job.item.record) {
    article = article_from_record(*job.item.record);
  } else {
    if (const auto why = read_source_file(job.item.file, max_file_size_, bytes_)) {
      report_.skipped(job.item.origin, *why);
      return out;
    }
    stamp.size = bytes_.size();
    stamp.content_hash = fnv1a64(bytes_);
    const auto& stored = job.stored ? job.stored->stamp : std::nullopt;
    if (stored && stored->same_content(stamp) && !document_uses_mtime_) {
      out.kind = IndexOutcome::Kind::kRestamp;
      out.stamp = stamp.encode();
      return out;
    }
    article = article_from_file(job.item, bytes_);
  }
  out.document = build_document(article, analyzer_.analyse(article), analyzer_.analyzer());
  out.document.add_value(schema::kSlotSourceStamp, stamp.encode());
  out.document.add_boolean_term(*job.input_term);
  out.kind = IndexOutcome::Kind::kDocument;
  return out;
}

}  // namespace dossier
