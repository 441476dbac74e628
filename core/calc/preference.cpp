// Preference scale: which of two descriptions the learner's answers lean towards.
#include <cmath>

#include "core/calc/calc.h"

namespace crb::calc {

PreferenceSummary preference(const std::vector<std::optional<int>>& choices) {
    PreferenceSummary s;
    int sum = 0;
    for (const auto& c : choices) {
        if (!c || *c < 1 || *c > 5) continue;
        ++s.answered;
        if (*c < 3)
            ++s.left;
        else if (*c > 3)
            ++s.right;
        else
            ++s.neutral;
        sum += *c - 3;
    }
    if (s.answered == 0) return s;
    s.lean = static_cast<double>(sum) / s.answered;
    s.side = sum < 0 ? -1 : (sum > 0 ? 1 : 0);  // integer sum: no rounding noise around 0
    s.strength = std::fabs(s.lean) / 2.0 * 100.0;
    return s;
}

}  // namespace crb::calc
