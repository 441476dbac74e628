// small_sort.h — a stable insertion sort for the short lists the core orders (units, rows, risks,
// backups: tens of items). std::sort / std::stable_sort instantiate several kilobytes of wasm per
// comparator; this is a few dozen bytes each, and stable, so equal items keep their order.
#pragma once

#include <iterator>
#include <utility>

namespace crb {

template <typename It, typename Less>
void small_sort(It first, It last, Less less) {
    if (first == last) return;
    for (It i = std::next(first); i != last; ++i) {
        auto value = std::move(*i);
        It j = i;
        while (j != first && less(value, *std::prev(j))) {
            *j = std::move(*std::prev(j));
            --j;
        }
        *j = std::move(value);
    }
}

template <typename It>
void small_sort(It first, It last) {
    small_sort(first, last, [](const auto& a, const auto& b) { return a < b; });
}

}  // namespace crb
