// Net Promoter Score: categories at every boundary and summaries for empty, uniform and mixed input.
#include <doctest/doctest.h>

#include "core/calc/calc.h"

using namespace crb::calc;

TEST_CASE("nps_category boundaries") {
    CHECK(nps_category(0) == NpsCategory::detractor);
    CHECK(nps_category(1) == NpsCategory::detractor);
    CHECK(nps_category(6) == NpsCategory::detractor);
    CHECK(nps_category(7) == NpsCategory::passive);
    CHECK(nps_category(8) == NpsCategory::passive);
    CHECK(nps_category(9) == NpsCategory::promoter);
    CHECK(nps_category(10) == NpsCategory::promoter);
    CHECK(nps_category(11) == NpsCategory::none);
    CHECK(nps_category(-1) == NpsCategory::none);
    CHECK(nps_category(std::nullopt) == NpsCategory::none);
}

TEST_CASE("nps with no answers is all zero") {
    for (const auto& scores : {std::vector<std::optional<int>>{},
                               std::vector<std::optional<int>>{std::nullopt, std::nullopt, 11, -1}}) {
        const NpsSummary s = nps(scores);
        CHECK(s.answered == 0);
        CHECK(s.promoters == 0);
        CHECK(s.passives == 0);
        CHECK(s.detractors == 0);
        CHECK(s.pct_promoters == 0);
        CHECK(s.pct_passives == 0);
        CHECK(s.pct_detractors == 0);
        CHECK(s.nps == 0);
    }
}

TEST_CASE("nps all promoters and all detractors") {
    const NpsSummary p = nps({9, 10, 10});
    CHECK(p.answered == 3);
    CHECK(p.promoters == 3);
    CHECK(p.pct_promoters == doctest::Approx(100));
    CHECK(p.nps == doctest::Approx(100));

    const NpsSummary d = nps({0, 6, 3, 1});
    CHECK(d.detractors == 4);
    CHECK(d.pct_detractors == doctest::Approx(100));
    CHECK(d.nps == doctest::Approx(-100));

    const NpsSummary q = nps({7, 8});
    CHECK(q.passives == 2);
    CHECK(q.nps == doctest::Approx(0));
}

TEST_CASE("nps mixed counts only answered rows and stays unrounded") {
    const NpsSummary s = nps({10, 8, 3, std::nullopt, 12});
    CHECK(s.answered == 3);
    CHECK(s.promoters == 1);
    CHECK(s.passives == 1);
    CHECK(s.detractors == 1);
    CHECK(s.pct_promoters == doctest::Approx(100.0 / 3));
    CHECK(s.pct_passives == doctest::Approx(33.333333333));
    CHECK(s.pct_detractors == doctest::Approx(33.333333333));
    CHECK(s.nps == doctest::Approx(0));
    CHECK(format_number(s.pct_promoters, 1, false) == "33.3");
    CHECK(format_number(s.pct_promoters, 1, true) == "33,3");

    const NpsSummary t = nps({9, 10, 5});
    CHECK(t.nps == doctest::Approx(100.0 / 3));
    CHECK(format_number(t.nps, 1, false) == "33.3");

    const NpsSummary u = nps({9, 7, 7, 5, 0, 2});  // 1 P, 2 Pa, 3 D of 6
    CHECK(u.pct_promoters == doctest::Approx(16.6666667));
    CHECK(u.pct_detractors == doctest::Approx(50));
    CHECK(u.nps == doctest::Approx(-33.3333333));
    CHECK(u.pct_promoters + u.pct_passives + u.pct_detractors == doctest::Approx(100));
}

TEST_CASE("pasted score lines: one per line, blanks and spaces ignored") {
    std::vector<int> scores;
    CHECK(parse_score_lines("10\n9\r\n\n 0 \n\t7\n", scores) == 0);
    CHECK(scores == std::vector<int>{10, 9, 0, 7});
    CHECK(parse_score_lines("", scores) == 0);
    CHECK(scores.empty());
    CHECK(parse_score_lines("1 0", scores) == 0);  // spaces inside are dropped, as a spreadsheet might split
    CHECK(scores == std::vector<int>{10});
}

TEST_CASE("pasted score lines: the first bad line is named and nothing is kept") {
    std::vector<int> scores{1, 2};
    CHECK(parse_score_lines("8\n11\nx", scores) == 2);
    CHECK(scores.empty());
    CHECK(parse_score_lines("8\n\n7.5", scores) == 3);
    CHECK(parse_score_lines("-1", scores) == 1);
    CHECK(parse_score_lines("010", scores) == 1);  // three digits
    CHECK(parse_score_lines("99999999999999999999", scores) == 1);
    CHECK(scores.empty());
}
