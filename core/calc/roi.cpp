// Return on investment and payback period.
#include "core/calc/calc.h"

namespace crb::calc {

RoiResult roi(double cost, double benefit, double running, int years) {
    RoiResult r;
    if (years < 0) years = 0;
    r.total_cost = cost + running * years;
    r.total_gain = benefit * years;
    r.net = r.total_gain - r.total_cost;
    if (r.total_cost != 0) r.roi_pct = r.net / r.total_cost * 100.0;
    const double monthly_surplus = (benefit - running) / 12.0;
    if (benefit > running) r.payback_months = cost / monthly_surplus;
    return r;
}

}  // namespace crb::calc
