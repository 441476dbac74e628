// Quiz scoring: exact set match between the chosen and the correct option ids.
#include <algorithm>

#include "core/calc/calc.h"
#include "core/small_sort.h"

namespace crb::calc {

bool quiz_correct(const std::vector<std::string>& chosen, const std::vector<std::string>& correct) {
    // Nothing chosen is an unanswered question, never a correct one.
    if (chosen.empty()) return false;
    // Compare as sets: the order of clicks and an accidental duplicate must not matter.
    auto as_set = [](std::vector<std::string> v) {
        small_sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
        return v;
    };
    return as_set(chosen) == as_set(correct);
}

}  // namespace crb::calc
