// Agree/disagree survey: counts and the recommendation, given only once all statements are answered.
#include "core/calc/calc.h"

namespace crb::calc {

SurveySummary survey(const std::vector<std::optional<bool>>& answers, int threshold) {
    SurveySummary s;
    for (const auto& a : answers) {
        if (!a)
            ++s.unanswered;
        else if (*a)
            ++s.agree;
        else
            ++s.disagree;
    }
    if (s.unanswered == 0 && !answers.empty()) s.positive = s.agree >= threshold;
    return s;
}

}  // namespace crb::calc
