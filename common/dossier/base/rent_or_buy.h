// Rent or buy, for the per-revision tables a batch loads (actors, dates, document lengths
// by docid): a table is loaded once the lookups it replaces have read as many entries as
// the database has documents, so a single search never pays for reading them all, and a
// batch pays at most twice what the table costs.
#pragma once

#include <cstddef>
#include <cstdint>

#include <xapian.h>

namespace dossier {

// The most memory one such table may take (document lengths: some 64 million documents;
// actor codes: some 2 million articles); beyond it, entries are looked up one by one.
inline constexpr std::size_t kMaxTableBytes = std::size_t{256} << 20;

class RentOrBuy {
 public:
  // `entries` looked up one by one (rent).
  void rent(std::uint64_t entries) { rented_ += entries; }
  // Whether to load the table now, for a database of `documents`: true once, when enough
  // has been rented; never again until reset().
  bool buy_now(Xapian::doccount documents) {
    if (bought_ || rented_ < documents) return false;
    bought_ = true;
    return true;
  }
  // After a reopen: the new revision starts over.
  void reset() {
    rented_ = 0;
    bought_ = false;
  }

 private:
  std::uint64_t rented_ = 0;
  bool bought_ = false;
};

}  // namespace dossier
