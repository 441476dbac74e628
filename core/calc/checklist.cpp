// Checklist tables: yes/no/unanswered counts.
#include "core/calc/calc.h"

namespace crb::calc {

YesCount yes_count(const std::vector<std::optional<bool>>& answers) {
    YesCount c;
    c.total = static_cast<int>(answers.size());
    for (const auto& a : answers) {
        if (!a)
            ++c.unanswered;
        else if (*a)
            ++c.yes;
        else
            ++c.no;
    }
    return c;
}

}  // namespace crb::calc
