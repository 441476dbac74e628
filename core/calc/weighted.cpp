// Weighted ratings (CRM audit, voicebot blocks), interpretation bands and block comparison.
#include <algorithm>
#include <cmath>

#include "core/calc/calc.h"

namespace crb::calc {
namespace {

// Sums of weights in steps of 0.05 and averages near a band edge carry binary rounding noise of a
// few ulps; this slack keeps 0.995 inside the tolerance and 4.1 inside the band that starts at 4.1.
constexpr double kNoise = 1e-9;

bool valid_rating(const std::optional<int>& r) { return r && *r >= 1 && *r <= 5; }
bool valid_weight(const std::optional<double>& w) { return w && std::isfinite(*w); }

}  // namespace

WeightedSummary weighted(const std::vector<WeightedRow>& rows) {
    WeightedSummary s;
    s.rows = static_cast<int>(rows.size());
    s.products.reserve(rows.size());
    double sum_products = 0, sum_complete_weights = 0;
    for (const auto& row : rows) {
        if (valid_weight(row.weight)) s.weight_sum += *row.weight;
        if (valid_rating(row.rating) && valid_weight(row.weight)) {
            const double p = *row.rating * *row.weight;
            s.products.emplace_back(p);
            sum_products += p;
            sum_complete_weights += *row.weight;
            ++s.rated;
        } else {
            s.products.emplace_back(std::nullopt);
        }
    }
    s.weights_ok = std::fabs(s.weight_sum - 1.0) <= kWeightTolerance + kNoise;
    if (s.rated > 0 && sum_complete_weights > 0) s.average = sum_products / sum_complete_weights;
    s.complete = s.rows > 0 && s.rated == s.rows && s.weights_ok;
    return s;
}

std::optional<size_t> band_index(const std::vector<Band>& bands, double value) {
    if (bands.empty() || !std::isfinite(value)) return std::nullopt;
    double top = bands[0].max;
    for (const auto& b : bands) top = std::max(top, b.max);
    for (size_t i = 0; i < bands.size(); ++i) {
        const Band& b = bands[i];
        if (value < b.min - kNoise) continue;
        // A value within noise of a band's max belongs to the band above, unless this is the top.
        const bool below_max = value < b.max - kNoise;
        const bool top_inclusive = b.max == top && value <= b.max + kNoise;
        if (below_max || top_inclusive) return i;
    }
    return std::nullopt;
}

std::optional<int> compare_averages(std::optional<double> first, std::optional<double> second) {
    if (!first || !second) return std::nullopt;
    const double diff = *first - *second;
    if (std::fabs(diff) < 0.005) return 0;
    return diff > 0 ? 1 : -1;
}

}  // namespace crb::calc
