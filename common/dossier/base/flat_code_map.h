// A hash map from 64-bit codes that are hashes already (actor codes, schema.h) to small
// values, laid out flat: linear probing over a power-of-two table kept at most half full,
// code 0 marking an empty cell. A lookup touches one cache line where std::unordered_map
// chases a node; the actor facet and the display-name cache make one per actor per match
// or per hit.
#pragma once

#include <cstdint>
#include <vector>

namespace dossier {

template <class Value>
class FlatCodeMap {
 public:
  // The value of `code` (never 0), value-initialised when new.
  Value& operator[](std::uint64_t code) {
    if (2 * (used_ + 1) > cells_.size()) grow();
    Cell& c = cells_[slot_of(code)];
    if (c.code == 0) {
      c.code = code;
      ++used_;
    }
    return c.value;
  }

  // The value of `code`, or nullptr.
  Value* find(std::uint64_t code) {
    return const_cast<Value*>(static_cast<const FlatCodeMap&>(*this).find(code));
  }
  const Value* find(std::uint64_t code) const {
    if (cells_.empty()) return nullptr;
    const Cell& c = cells_[slot_of(code)];
    return c.code == code ? &c.value : nullptr;
  }

  std::size_t size() const { return used_; }
  // Calls f(code, value) for every entry, in no particular order.
  template <class F>
  void for_each(F&& f) const {
    for (const Cell& c : cells_) {
      if (c.code != 0) f(c.code, c.value);
    }
  }
  void clear() {
    cells_.clear();
    used_ = 0;
  }

 private:
  struct Cell {
    std::uint64_t code = 0;
    Value value{};
  };

  std::size_t slot_of(std::uint64_t code) const {
    const std::size_t mask = cells_.size() - 1;
    // Codes are hashes already; the multiplication spreads their low bits anyway.
    std::size_t slot = static_cast<std::size_t>((code * 0x9E3779B97F4A7C15ULL) >> 20) & mask;
    while (cells_[slot].code != 0 && cells_[slot].code != code) slot = (slot + 1) & mask;
    return slot;
  }

  void grow() {
    std::vector<Cell> old(cells_.empty() ? 1024 : cells_.size() * 2);
    old.swap(cells_);
    for (Cell& c : old) {
      if (c.code != 0) cells_[slot_of(c.code)] = std::move(c);
    }
  }

  std::vector<Cell> cells_;
  std::size_t used_ = 0;
};

}  // namespace dossier
