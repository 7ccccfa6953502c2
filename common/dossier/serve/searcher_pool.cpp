#include "dossier/serve/searcher_pool.h"

namespace dossier {

SearcherPool::SearcherPool(const std::string& db_path, std::size_t count, const OpenOptions& open)
    : tables_(std::make_shared<RevisionTableCache>()) {
  for (std::size_t i = 0; i < count; ++i)
    free_.push_back(std::make_unique<Searcher>(db_path, open, tables_));
}

SearcherPool::Lease::~Lease() {
  if (searcher_) pool_->give_back(std::move(searcher_));
}

SearcherPool::Lease SearcherPool::borrow() {
  std::unique_ptr<Searcher> searcher;
  {
    std::unique_lock lock(mutex_);
    returned_.wait(lock, [this] { return !free_.empty(); });
    searcher = std::move(free_.back());
    free_.pop_back();
  }
  Lease lease(*this, std::move(searcher));
  lease->refresh();  // outside the lock: reopening reads the disk
  return lease;
}

void SearcherPool::give_back(std::unique_ptr<Searcher> searcher) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(std::move(searcher));
  }
  returned_.notify_one();
}

}  // namespace dossier
