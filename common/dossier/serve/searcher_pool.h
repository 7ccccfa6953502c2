// Searchers shared by a server's worker threads: a request borrows one for its whole
// answer, so each answer comes from one revision of the database, and no two threads ever
// use one Searcher (Xapian objects are not thread-safe). The searchers on one revision
// share the tables they load whole (search/revision_tables.h): one copy, not one per
// worker. A searcher moves on to a new revision when next borrowed, so an idle one keeps
// its revision's tables alive until then.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "dossier/search/searcher.h"

namespace dossier {

class SearcherPool {
 public:
  // Opens `count` searchers on `db_path`. Throws dossier::Error like Searcher.
  SearcherPool(const std::string& db_path, std::size_t count, const OpenOptions& open = {});

  // A borrowed searcher, given back when the lease ends.
  class Lease {
   public:
    Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher)
        : pool_(&pool), searcher_(std::move(searcher)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    ~Lease();
    Searcher& operator*() { return *searcher_; }
    Searcher* operator->() { return searcher_.get(); }
    // The batch runner takes its searchers as owned pointers: the searcher may be moved
    // out to it and must be moved back before the lease ends (else the pool shrinks).
    std::unique_ptr<Searcher>& owned() { return searcher_; }

   private:
    SearcherPool* pool_;
    std::unique_ptr<Searcher> searcher_;
  };

  // Waits for a free searcher and moves it to the newest revision of the database
  // (Searcher::refresh), so a commit is seen by the next request. Throws dossier::Error
  // when the database cannot be reopened (the searcher goes back to the pool).
  Lease borrow();

 private:
  void give_back(std::unique_ptr<Searcher> searcher);

  std::shared_ptr<RevisionTableCache> tables_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Searcher>> free_;
};

}  // namespace dossier
