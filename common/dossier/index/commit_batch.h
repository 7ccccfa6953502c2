// How many articles (and source bytes) a shard writer takes between two commits.
//
// Small batches are fastest while a shard is small: Xapian 1.4 buffers a batch in
// std::maps whose cost per insertion grows with their size. In a large shard they are
// slow for another reason: a commit rewrites every B-tree block its batch touches, and the
// posting and position tables are keyed by term first, so a batch touches about one block
// per distinct term wherever the shard's size puts them, and small commits into a large
// shard write the database over many times. So unless the user fixes the size, the batch
// grows with the shard: kShardPercent of its documents, between kMinArticles and
// kMaxArticles; the larger cap was faster on a million articles with the same peak memory, which is
// not the batch's (all figures: docs/BENCHMARKS.md, "Figures behind the code").
#pragma once

#include <cstddef>
#include <cstdint>

namespace dossier {

class CommitBatch {
 public:
  static constexpr std::size_t kMinArticles = 250;
  static constexpr std::size_t kMaxArticles = 5000;
  static constexpr std::size_t kShardPercent = 1;
  static constexpr std::uint64_t kBytesPerArticle = 4096;  // 250 articles: 1 MiB

  // `articles` / `bytes`: the user's fixed sizes, 0 for the growing default. Without a
  // byte limit, a batch also ends after kBytesPerArticle source bytes per article of its
  // size, so a few very large files do not make a huge batch.
  CommitBatch(std::size_t articles, std::uint64_t bytes)
      : fixed_articles_(articles), fixed_bytes_(bytes) {
    resize(0);
  }

  // Call after each commit with the shard's document count.
  void resize(std::uint64_t shard_documents);

  // True once the batch written since the last commit has reached its size.
  bool full(std::size_t articles, std::uint64_t bytes) const {
    return articles >= articles_ || bytes >= bytes_;
  }

  std::size_t articles() const { return articles_; }
  std::uint64_t bytes() const { return bytes_; }

 private:
  std::size_t fixed_articles_;
  std::uint64_t fixed_bytes_;
  std::size_t articles_ = kMinArticles;
  std::uint64_t bytes_ = kMinArticles * kBytesPerArticle;
};

}  // namespace dossier
