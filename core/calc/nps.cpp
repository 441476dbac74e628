// Net Promoter Score: categories per score and the summary over answered rows.
#include "core/calc/calc.h"

namespace crb::calc {

NpsCategory nps_category(std::optional<int> score) {
    if (!score || *score < 0 || *score > 10) return NpsCategory::none;
    if (*score >= 9) return NpsCategory::promoter;
    if (*score >= 7) return NpsCategory::passive;
    return NpsCategory::detractor;
}

NpsSummary nps(const std::vector<std::optional<int>>& scores) {
    NpsSummary s;
    for (const auto& score : scores) {
        switch (nps_category(score)) {
            case NpsCategory::promoter:
                ++s.promoters;
                break;
            case NpsCategory::passive:
                ++s.passives;
                break;
            case NpsCategory::detractor:
                ++s.detractors;
                break;
            case NpsCategory::none:
                continue;
        }
        ++s.answered;
    }
    if (s.answered == 0) return s;
    const double n = s.answered;
    s.pct_promoters = s.promoters * 100.0 / n;
    s.pct_passives = s.passives * 100.0 / n;
    s.pct_detractors = s.detractors * 100.0 / n;
    // From the counts rather than the two rounded-looking percentages, so mixed n=3 gives 33.33...
    s.nps = (s.promoters - s.detractors) * 100.0 / n;
    return s;
}

}  // namespace crb::calc
