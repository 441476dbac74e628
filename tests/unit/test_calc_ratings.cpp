// Rating tables: row averages that skip unrated criteria, and the best-first ranking.
#include <doctest/doctest.h>

#include "core/calc/calc.h"

using namespace crb::calc;

TEST_CASE("row_average") {
    const RowAverage full = row_average({5, 4, 3});
    CHECK(full.rated == 3);
    REQUIRE(full.average);
    CHECK(*full.average == doctest::Approx(4.0));

    const RowAverage partial = row_average({5, std::nullopt, 2});
    CHECK(partial.rated == 2);
    CHECK(*partial.average == doctest::Approx(3.5));

    const RowAverage none = row_average({std::nullopt, std::nullopt});
    CHECK(none.rated == 0);
    CHECK_FALSE(none.average.has_value());

    const RowAverage empty = row_average({});
    CHECK(empty.rated == 0);
    CHECK_FALSE(empty.average.has_value());

    const RowAverage off_scale = row_average({0, 6, 4});
    CHECK(off_scale.rated == 1);
    CHECK(*off_scale.average == doctest::Approx(4.0));

    CHECK(*row_average({1, 2, 2}).average == doctest::Approx(5.0 / 3));
}

TEST_CASE("ranking best first, ties by index, unrated last") {
    const std::vector<RowAverage> rows = {{std::nullopt, 0}, {3.0, 2},          {4.5, 2},
                                          {3.0, 1},          {std::nullopt, 0}, {5.0, 3}};
    CHECK(ranking(rows) == std::vector<size_t>{5, 2, 1, 3, 0, 4});
    CHECK(ranking({}).empty());
    CHECK(ranking({{std::nullopt, 0}, {std::nullopt, 0}}) == std::vector<size_t>{0, 1});
    CHECK(ranking({{2.0, 1}}) == std::vector<size_t>{0});
}
