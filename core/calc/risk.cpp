// Risk register: levels, the score-ordered list and the 5x5 heat map.
#include <algorithm>
#include <numeric>

#include "core/calc/calc.h"
#include "core/small_sort.h"

namespace crb::calc {
namespace {

bool on_scale(const std::optional<int>& v) { return v && *v >= 1 && *v <= 5; }
bool scored(const RiskInput& r) { return on_scale(r.likelihood) && on_scale(r.impact); }
int score(const RiskInput& r) { return *r.likelihood * *r.impact; }

}  // namespace

RiskLevel risk_level(int s) {
    if (s <= 4) return RiskLevel::low;
    if (s <= 9) return RiskLevel::medium;
    if (s <= 16) return RiskLevel::high;
    return RiskLevel::critical;
}

std::vector<size_t> risk_order(const std::vector<RiskInput>& risks) {
    std::vector<size_t> order(risks.size());
    std::iota(order.begin(), order.end(), size_t{0});
    small_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const bool sa = scored(risks[a]), sb = scored(risks[b]);
        if (sa && sb) return score(risks[a]) > score(risks[b]);
        return sa && !sb;
    });
    return order;
}

std::array<std::array<int, 5>, 5> risk_heat(const std::vector<RiskInput>& risks) {
    std::array<std::array<int, 5>, 5> heat{};
    for (const auto& r : risks)
        if (scored(r)) ++heat[*r.likelihood - 1][*r.impact - 1];
    return heat;
}

}  // namespace crb::calc
