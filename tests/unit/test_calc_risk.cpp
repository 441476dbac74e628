// Risk register: level boundaries, ordering with ties and unscored risks, and the heat map.
#include <doctest/doctest.h>

#include "core/calc/calc.h"

using namespace crb::calc;

TEST_CASE("risk_level boundaries") {
    CHECK(risk_level(1) == RiskLevel::low);
    CHECK(risk_level(4) == RiskLevel::low);
    CHECK(risk_level(5) == RiskLevel::medium);
    CHECK(risk_level(9) == RiskLevel::medium);
    CHECK(risk_level(10) == RiskLevel::high);
    CHECK(risk_level(16) == RiskLevel::high);
    CHECK(risk_level(17) == RiskLevel::critical);
    CHECK(risk_level(25) == RiskLevel::critical);
}

TEST_CASE("risk_order by score, ties keep entry order, unscored last") {
    const std::vector<RiskInput> risks = {
        {2, 2},             // 4
        {std::nullopt, 5},  // unscored
        {3, 4},             // 12
        {4, 3},             // 12, tie with #2
        {5, 5},             // 25
        {2, std::nullopt},  // unscored
        {6, 2},             // off scale: unscored
    };
    CHECK(risk_order(risks) == std::vector<size_t>{4, 2, 3, 0, 1, 5, 6});
    CHECK(risk_order({}).empty());
}

TEST_CASE("risk_heat") {
    const auto heat = risk_heat({{1, 1}, {5, 5}, {5, 5}, {3, 4}, {std::nullopt, 2}, {0, 3}});
    CHECK(heat[0][0] == 1);
    CHECK(heat[4][4] == 2);
    CHECK(heat[2][3] == 1);
    CHECK(heat[3][2] == 0);
    int total = 0;
    for (const auto& row : heat)
        for (int c : row) total += c;
    CHECK(total == 4);
    const auto empty = risk_heat({});
    for (const auto& row : empty)
        for (int c : row) CHECK(c == 0);
}
