// Preference scale, influence x interest quadrants, checklists, surveys and quiz scoring.
#include <doctest/doctest.h>

#include "core/calc/calc.h"

using namespace crb::calc;

TEST_CASE("preference balanced, left, right, empty") {
    const PreferenceSummary balanced = preference({1, 5, 3});
    CHECK(balanced.answered == 3);
    CHECK(balanced.left == 1);
    CHECK(balanced.right == 1);
    CHECK(balanced.neutral == 1);
    CHECK(balanced.lean == doctest::Approx(0));
    CHECK(balanced.side == 0);
    CHECK(balanced.strength == doctest::Approx(0));

    const PreferenceSummary left = preference({1, 2, 3, std::nullopt});
    CHECK(left.answered == 3);
    CHECK(left.lean == doctest::Approx(-1.0));
    CHECK(left.side == -1);
    CHECK(left.strength == doctest::Approx(50));

    const PreferenceSummary right = preference({5, 5});
    CHECK(right.lean == doctest::Approx(2.0));
    CHECK(right.side == 1);
    CHECK(right.strength == doctest::Approx(100));

    const PreferenceSummary slight = preference({4, 3, 3});
    CHECK(slight.side == 1);
    CHECK(slight.lean == doctest::Approx(1.0 / 3));

    const PreferenceSummary empty = preference({std::nullopt, 0, 6});
    CHECK(empty.answered == 0);
    CHECK(empty.side == 0);
    CHECK(empty.lean == 0);
    CHECK(empty.strength == 0);
}

TEST_CASE("quadrant") {
    CHECK(quadrant(7, 7, 5) == Quadrant::key);
    CHECK(quadrant(5, 5, 5) == Quadrant::key);  // the threshold itself is high
    CHECK(quadrant(4, 4, 5) == Quadrant::monitor);
    CHECK(quadrant(4, 5, 5) == Quadrant::keep_informed);
    CHECK(quadrant(5, 4, 5) == Quadrant::keep_satisfied);
    CHECK(quadrant(0, 10, 5) == Quadrant::keep_informed);
    CHECK(quadrant(10, 0, 5) == Quadrant::keep_satisfied);
    CHECK(quadrant(0, 0, 0) == Quadrant::key);
}

TEST_CASE("yes_count") {
    const YesCount c = yes_count({true, false, std::nullopt, true});
    CHECK(c.yes == 2);
    CHECK(c.no == 1);
    CHECK(c.unanswered == 1);
    CHECK(c.total == 4);
    const YesCount e = yes_count({});
    CHECK(e.total == 0);
    CHECK(e.yes == 0);
    CHECK(e.no == 0);
    CHECK(e.unanswered == 0);
}

TEST_CASE("survey recommendation only when complete") {
    const SurveySummary partial = survey({true, true, true, std::nullopt}, 3);
    CHECK(partial.agree == 3);
    CHECK(partial.unanswered == 1);
    CHECK_FALSE(partial.positive.has_value());

    const SurveySummary at = survey({true, true, true, false}, 3);
    REQUIRE(at.positive);
    CHECK(*at.positive);
    CHECK(at.disagree == 1);

    const SurveySummary below = survey({true, true, false, false}, 3);
    REQUIRE(below.positive);
    CHECK_FALSE(*below.positive);

    const SurveySummary empty = survey({}, 3);
    CHECK_FALSE(empty.positive.has_value());
    CHECK(empty.agree == 0);
}

TEST_CASE("quiz_correct is an exact set match") {
    CHECK(quiz_correct({"a"}, {"a"}));
    CHECK_FALSE(quiz_correct({"b"}, {"a"}));
    CHECK(quiz_correct({"c", "a"}, {"a", "c"}));
    CHECK(quiz_correct({"a", "a", "c"}, {"a", "c"}));
    CHECK_FALSE(quiz_correct({"a"}, {"a", "c"}));            // missing one
    CHECK_FALSE(quiz_correct({"a", "b", "c"}, {"a", "c"}));  // one too many
    CHECK_FALSE(quiz_correct({}, {"a"}));
    CHECK_FALSE(quiz_correct({}, {}));
}
