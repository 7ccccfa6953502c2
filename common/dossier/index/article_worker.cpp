#include "dossier/index/article_worker.h"

#include "dossier/base/hash.h"
#include "dossier/extract/article.h"
#include "dossier/index/document_builder.h"
#include "dossier/index/spelling_data.h"
#include "dossier/input/input_article.h"
#include "dossier/input/source_file.h"
#include "dossier/schema/schema.h"

namespace dossier {

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
  out.bytes = job.item.stamp.size;
  SourceStamp stamp = job.item.stamp;

  Article article;
  if (job.item.record) {
    if (const auto warning = article_limit_warning(job.item.record->text.size()))
      report_.warning(job.item.origin, *warning);
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
    if (const auto warning = article_limit_warning(bytes_.size()))
      report_.warning(job.item.origin, *warning);
    article = article_from_file(job.item, bytes_);
  }
  const ArticleWords words = analyzer_.words(article);
  out.document = build_document(article, words, analyzer_.analyse(article, words),
                                analyzer_.analyzer(), records_);
  out.document.add_value(schema::kSlotSourceStamp, stamp.encode());
  out.document.add_boolean_term(*job.input_term);
  out.document.add_value(schema::kSlotOrigin, job.item.source_path);
  add_folder(out.document, job.item.folder, analyzer_.analyzer());
  out.spelling = spelling_words(out.document);  // here, in parallel: the writer is one thread
  out.kind = IndexOutcome::Kind::kDocument;
  return out;
}

}  // namespace dossier
