// Influence x interest map (Mendelow): which quadrant a customer falls into.
#include "core/calc/calc.h"

namespace crb::calc {

Quadrant quadrant(int influence, int interest, int threshold) {
    const bool high_influence = influence >= threshold;
    const bool high_interest = interest >= threshold;
    if (high_influence) return high_interest ? Quadrant::key : Quadrant::keep_satisfied;
    return high_interest ? Quadrant::keep_informed : Quadrant::monitor;
}

}  // namespace crb::calc
