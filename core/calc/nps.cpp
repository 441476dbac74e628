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


int parse_score_lines(std::string_view text, std::vector<int>& scores) {
    scores.clear();
    int line_no = 0;
    for (size_t start = 0; start <= text.size();) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        ++line_no;
        int digits = 0, value = 0;
        bool bad = false;
        for (size_t i = start; i < end && !bad; ++i) {
            const char ch = text[i];
            if (ch == ' ' || ch == '\t' || ch == '\r') continue;
            bad = ch < '0' || ch > '9' || ++digits > 2;
            if (!bad) value = value * 10 + (ch - '0');
        }
        start = end + 1;
        if (!bad && digits == 0) continue;
        if (bad || value > 10) {
            scores.clear();
            return line_no;
        }
        scores.push_back(value);
    }
    return 0;
}

}  // namespace crb::calc
