// Keeping the best `size` of a stream of values: the actor facet's top counts and the
// walk's page of hits (term_union.cpp) each offer every candidate to a heap.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace dossier {

// Offers `value` to `heap`, which holds the best `size` values offered so far with the
// worst of them in front; before(a, b): a is better than b (a strict weak order).
template <class T, class Before>
void keep_best(std::vector<T>& heap, const T& value, std::size_t size, Before before) {
  if (heap.size() < size) {
    heap.push_back(value);
    std::push_heap(heap.begin(), heap.end(), before);
  } else if (size > 0 && before(value, heap.front())) {
    std::pop_heap(heap.begin(), heap.end(), before);
    heap.back() = value;
    std::push_heap(heap.begin(), heap.end(), before);
  }
}

}  // namespace dossier
