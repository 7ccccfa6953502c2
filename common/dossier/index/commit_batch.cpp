#include "dossier/index/commit_batch.h"

#include <algorithm>

namespace dossier {

void CommitBatch::resize(std::uint64_t shard_documents) {
  if (fixed_articles_ != 0) {
    articles_ = fixed_articles_;
  } else {
    const auto share = shard_documents * kShardPercent / 100;
    articles_ =
        static_cast<std::size_t>(std::clamp<std::uint64_t>(share, kMinArticles, kMaxArticles));
  }
  bytes_ = fixed_bytes_ != 0 ? fixed_bytes_ : articles_ * kBytesPerArticle;
}

}  // namespace dossier
