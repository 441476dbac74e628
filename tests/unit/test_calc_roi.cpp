// Return on investment: normal case, zero cost and a benefit that never pays back.
#include <doctest/doctest.h>

#include "core/calc/calc.h"

using namespace crb::calc;

TEST_CASE("roi normal") {
    const RoiResult r = roi(12000, 10000, 4000, 3);
    CHECK(r.total_cost == doctest::Approx(24000));
    CHECK(r.total_gain == doctest::Approx(30000));
    CHECK(r.net == doctest::Approx(6000));
    REQUIRE(r.roi_pct);
    CHECK(*r.roi_pct == doctest::Approx(25));
    REQUIRE(r.payback_months);
    CHECK(*r.payback_months == doctest::Approx(24));  // 12000 / (6000/12)
}

TEST_CASE("roi loss") {
    const RoiResult r = roi(50000, 10000, 2000, 2);
    CHECK(r.net == doctest::Approx(20000 - 54000));
    CHECK(*r.roi_pct == doctest::Approx(-34000.0 / 54000 * 100));
    CHECK(*r.payback_months == doctest::Approx(75));
}

TEST_CASE("roi zero cost") {
    const RoiResult r = roi(0, 1000, 0, 3);
    CHECK(r.total_cost == 0);
    CHECK_FALSE(r.roi_pct.has_value());
    REQUIRE(r.payback_months);
    CHECK(*r.payback_months == doctest::Approx(0));

    const RoiResult nothing = roi(0, 0, 0, 3);
    CHECK_FALSE(nothing.roi_pct.has_value());
    CHECK_FALSE(nothing.payback_months.has_value());
    CHECK(nothing.net == 0);
}

TEST_CASE("roi benefit not above running cost never pays back") {
    CHECK_FALSE(roi(1000, 500, 500, 3).payback_months.has_value());
    CHECK_FALSE(roi(1000, 400, 500, 3).payback_months.has_value());
    REQUIRE(roi(1000, 500, 500, 3).roi_pct);
}

TEST_CASE("roi zero years") {
    const RoiResult r = roi(1000, 500, 100, 0);
    CHECK(r.total_cost == doctest::Approx(1000));
    CHECK(r.total_gain == 0);
    CHECK(*r.roi_pct == doctest::Approx(-100));
}
