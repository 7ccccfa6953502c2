// The analysis step of indexing, run by each worker thread: read the source, check it, and
// turn it into a Xapian::Document (or decide it is unchanged or must be skipped).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "dossier/extract/actors/lexicon.h"
#include "dossier/extract/article_analyzer.h"
#include "dossier/index/change_detector.h"
#include "dossier/index/index_report.h"
#include "dossier/input/input_source.h"
#include "dossier/schema/record_codec.h"

namespace dossier {

// One article on its way from the reader to a worker.
struct IndexJob {
  std::uint64_t seq = 0;  // writing order
  InputItem item;
  std::string id_term;
  const std::string* input_term = nullptr;  // owned by the InputSource, which outlives jobs
  std::optional<StoredArticle> stored;      // what the database holds under id_term
};

// What the writer must do for one job.
struct IndexOutcome {
  enum class Kind {
    kDocument,  // replace (or add) the document under id_term
    kRestamp,   // the content is unchanged, only its stamp (mtime) is new: update the value
    kSkipped,   // nothing: already reported
  };
  Kind kind = Kind::kSkipped;
  std::string id_term;
  bool existed = false;  // the database had a document under id_term
  Xapian::Document document;
  std::vector<std::string> spelling;  // kDocument: its spelling_words() (spelling_data.h)
  std::string stamp;                  // kRestamp: the new kSlotSourceStamp value
  std::uint64_t bytes = 0;
};

// Holds what a thread needs to analyse articles. Not thread-safe: one per worker thread.
class ArticleWorker {
 public:
  // `lexicon` is shared (read-only) by all workers; the rest is this worker's own.
  ArticleWorker(const ActorLexicon& lexicon, const ExtractionOptions& extraction,
                std::uint64_t max_file_size, IndexReport& report);

  // Never throws: an unexpected error becomes a skipped source in the report.
  IndexOutcome process(IndexJob& job);

 private:
  IndexOutcome analyse(IndexJob& job);

  std::uint64_t max_file_size_;
  // With --date-fallback file-mtime the document depends on the mtime: a touched file
  // must be re-analysed, not just re-stamped.
  bool document_uses_mtime_;
  IndexReport& report_;
  ArticleAnalyzer analyzer_;
  schema::RecordCodec records_;
  std::string bytes_;  // reused read buffer
};

}  // namespace dossier
