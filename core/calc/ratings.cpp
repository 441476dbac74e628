// Rating tables: per-row averages over rated criteria and the best-first ranking.
#include <algorithm>
#include <numeric>

#include "core/calc/calc.h"
#include "core/small_sort.h"

namespace crb::calc {

RowAverage row_average(const std::vector<std::optional<int>>& ratings) {
    RowAverage r;
    int sum = 0;
    for (const auto& v : ratings) {
        // Out-of-scale values (a hand-edited workbook) count as unrated rather than skewing the mean.
        if (!v || *v < 1 || *v > 5) continue;
        sum += *v;
        ++r.rated;
    }
    if (r.rated > 0) r.average = static_cast<double>(sum) / r.rated;
    return r;
}

std::vector<size_t> ranking(const std::vector<RowAverage>& rows) {
    std::vector<size_t> order(rows.size());
    std::iota(order.begin(), order.end(), size_t{0});
    small_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const auto& x = rows[a].average;
        const auto& y = rows[b].average;
        if (x && y) return *x > *y;
        return x.has_value() && !y.has_value();
    });
    return order;
}

}  // namespace crb::calc
