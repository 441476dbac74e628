// Weighted ratings: the weight-sum tolerance, averages over complete rows, bands and comparison.
#include <doctest/doctest.h>

#include "core/calc/calc.h"

using namespace crb::calc;

namespace {
std::vector<WeightedRow> all_rated(const std::vector<double>& weights, int rating = 4) {
    std::vector<WeightedRow> rows;
    for (double w : weights) rows.push_back({rating, w});
    return rows;
}
// The CRM audit's bands, with the lowest one ours.
const std::vector<Band> kBands = {{4.1, 5.0}, {3.1, 4.1}, {2.1, 3.1}, {1.0, 2.1}};
}  // namespace

TEST_CASE("weights_ok tolerance") {
    CHECK_FALSE(weighted(all_rated({0.5, 0.49})).weights_ok);     // 0.99
    CHECK(weighted(all_rated({0.5, 0.5})).weights_ok);            // 1.0
    CHECK_FALSE(weighted(all_rated({0.5, 0.51})).weights_ok);     // 1.01
    CHECK(weighted(all_rated({0.5, 0.495})).weights_ok);          // 0.995, the edge
    CHECK(weighted(all_rated({0.5, 0.505})).weights_ok);          // 1.005, the other edge
    CHECK_FALSE(weighted(all_rated({0.5, 0.5051})).weights_ok);   // 1.0051
    CHECK_FALSE(weighted(all_rated({0.5, 0.4949})).weights_ok);   // 0.9949
    CHECK(weighted(all_rated({0.1, 0.2, 0.3, 0.4})).weights_ok);  // sums to 0.99999... in binary
    CHECK(weighted(all_rated({0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1})).weights_ok);
    CHECK(weighted(all_rated({0.15, 0.15, 0.15, 0.15, 0.15, 0.25})).weights_ok);
}

TEST_CASE("weighted empty") {
    const WeightedSummary s = weighted({});
    CHECK(s.rows == 0);
    CHECK(s.rated == 0);
    CHECK(s.weight_sum == 0);
    CHECK_FALSE(s.weights_ok);
    CHECK_FALSE(s.average.has_value());
    CHECK_FALSE(s.complete);
    CHECK(s.products.empty());
}

TEST_CASE("weighted average over complete rows") {
    const WeightedSummary s = weighted({{5, 0.4}, {3, 0.3}, {2, 0.3}});
    CHECK(s.rows == 3);
    CHECK(s.rated == 3);
    CHECK(s.weights_ok);
    CHECK(s.complete);
    REQUIRE(s.products.size() == 3);
    CHECK(*s.products[0] == doctest::Approx(2.0));
    CHECK(*s.products[1] == doctest::Approx(0.9));
    CHECK(*s.products[2] == doctest::Approx(0.6));
    REQUIRE(s.average);
    CHECK(*s.average == doctest::Approx(3.5));
}

TEST_CASE("weighted with incomplete rows") {
    const WeightedSummary s = weighted({{4, 0.5}, {std::nullopt, 0.3}, {2, std::nullopt}, {2, 0.2}});
    CHECK(s.rows == 4);
    CHECK(s.rated == 2);
    CHECK(s.weight_sum == doctest::Approx(1.0));  // every entered weight counts in the sum
    CHECK(s.weights_ok);
    CHECK_FALSE(s.complete);
    CHECK_FALSE(s.products[1].has_value());
    CHECK_FALSE(s.products[2].has_value());
    REQUIRE(s.average);
    CHECK(*s.average == doctest::Approx((4 * 0.5 + 2 * 0.2) / 0.7));  // divided by complete weights

    const WeightedSummary none = weighted({{std::nullopt, 0.5}, {3, std::nullopt}});
    CHECK_FALSE(none.average.has_value());
    CHECK(none.rated == 0);

    const WeightedSummary bad_weights = weighted({{4, 0.5}, {4, 0.4}});
    CHECK(bad_weights.rated == 2);
    CHECK_FALSE(bad_weights.weights_ok);
    CHECK_FALSE(bad_weights.complete);
    REQUIRE(bad_weights.average);
    CHECK(*bad_weights.average == doctest::Approx(4.0));

    const WeightedSummary off_scale = weighted({{0, 0.5}, {6, 0.5}});
    CHECK(off_scale.rated == 0);
}

TEST_CASE("band edges") {
    CHECK(band_index(kBands, 5.0) == 0u);
    CHECK(band_index(kBands, 4.1) == 0u);
    CHECK(band_index(kBands, 4.0999) == 1u);
    CHECK(band_index(kBands, 3.1) == 1u);
    CHECK(band_index(kBands, 3.0999) == 2u);
    CHECK(band_index(kBands, 2.1) == 2u);
    CHECK(band_index(kBands, 2.0999) == 3u);
    CHECK(band_index(kBands, 1.0) == 3u);
    CHECK_FALSE(band_index(kBands, 0.9999).has_value());
    CHECK_FALSE(band_index(kBands, 5.0001).has_value());
    CHECK_FALSE(band_index({}, 3.0).has_value());
    // Order of bands in the content does not matter.
    const std::vector<Band> ascending = {{1.0, 2.1}, {2.1, 3.1}, {3.1, 4.1}, {4.1, 5.0}};
    CHECK(band_index(ascending, 5.0) == 3u);
    CHECK(band_index(ascending, 2.1) == 1u);
}

TEST_CASE("band edge reached by a computed average") {
    // Averages that are 4.1 up to the last bit land in the top band.
    const double computed = (5 * 0.1 + 4 * 0.9) / (0.1 + 0.9);  // 4.1 with binary noise
    CHECK(band_index(kBands, computed) == 0u);
    const double also = 0.1 * 41;  // 4.1000000000000005
    CHECK(band_index(kBands, also) == 0u);
    const WeightedSummary s = weighted({{5, 0.3}, {4, 0.5}, {3, 0.2}});  // 1.5+2.0+0.6 = 4.1
    REQUIRE(s.average);
    CHECK(band_index(kBands, *s.average) == 0u);
}

TEST_CASE("compare_averages") {
    CHECK(compare_averages(3.5, 3.0) == 1);
    CHECK(compare_averages(3.0, 3.5) == -1);
    CHECK(compare_averages(3.0, 3.004) == 0);
    CHECK(compare_averages(3.0, 3.006) == -1);
    CHECK(compare_averages(4.0, 4.0) == 0);
    CHECK_FALSE(compare_averages(std::nullopt, 3.0).has_value());
    CHECK_FALSE(compare_averages(3.0, std::nullopt).has_value());
    CHECK_FALSE(compare_averages(std::nullopt, std::nullopt).has_value());
}
