// Calculators: pure functions behind every exercise's live results.
// They take plain values (no JSON, no content model) so that the app, the report, the command-line
// tool and the tests all get the same numbers from one place. Unanswered inputs are std::nullopt and
// are excluded from averages and counts, never treated as 0.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crb::calc {

// ---------------------------------------------------------------------------------------------
// Net Promoter Score. Scores 0-10 (the seed's 1-10 is a subset). 9-10 promoter, 7-8 passive,
// 0-6 detractor. Percentages over answered rows only, unrounded; nps = %P - %D in [-100, 100].
enum class NpsCategory { none, detractor, passive, promoter };
NpsCategory nps_category(std::optional<int> score);  // none for nullopt or out of range
struct NpsSummary {
    int answered = 0, promoters = 0, passives = 0, detractors = 0;
    double pct_promoters = 0, pct_passives = 0, pct_detractors = 0, nps = 0;  // 0 when answered==0
};
NpsSummary nps(const std::vector<std::optional<int>>& scores);
// Scores pasted one per line (e.g. a spreadsheet column): spaces, tabs and CR are ignored and blank
// lines skipped. Returns 0 and fills `scores` when every other line is a whole number 0-10; otherwise
// the 1-based number of the first bad line, and `scores` is left empty.
int parse_score_lines(std::string_view text, std::vector<int>& scores);

// ---------------------------------------------------------------------------------------------
// Weighted rating (CRM audit, voicebot blocks). rating 1-5, weight 0.1-0.9.
struct WeightedRow { std::optional<int> rating; std::optional<double> weight; };
struct WeightedSummary {
    double weight_sum = 0;        // sum of all entered weights
    bool weights_ok = false;      // |weight_sum - 1.0| <= 0.005
    int rows = 0, rated = 0;      // rows in total; rows with both rating and weight
    std::vector<std::optional<double>> products;  // rating*weight per row (nullopt if incomplete)
    std::optional<double> average;  // sum(r*w)/sum(w) over complete rows; nullopt if none
    bool complete = false;        // every row rated and weighted, and weights_ok
};
WeightedSummary weighted(const std::vector<WeightedRow>& rows);
constexpr double kWeightTolerance = 0.005;

// Bands are closed at the lower bound; the top band also includes its max.
struct Band { double min = 0, max = 0; };
std::optional<size_t> band_index(const std::vector<Band>& bands, double value);

// Two weighted blocks compared: +1 first higher, -1 second higher, 0 equal (|diff| < 0.005).
// nullopt when either block has no average.
std::optional<int> compare_averages(std::optional<double> first, std::optional<double> second);

// ---------------------------------------------------------------------------------------------
// Rating table: each row rated 1-5 in several criteria; unrated criteria are excluded.
struct RowAverage { std::optional<double> average; int rated = 0; };
RowAverage row_average(const std::vector<std::optional<int>>& ratings);
// Indices of rows ordered best first (by average desc, then by original index); unrated rows last.
std::vector<size_t> ranking(const std::vector<RowAverage>& rows);

// ---------------------------------------------------------------------------------------------
// Preference scale: per row 1..5 (1 fully left, 3 neutral, 5 fully right).
struct PreferenceSummary {
    int answered = 0, left = 0, right = 0, neutral = 0;
    double lean = 0;   // mean of (v-3) over answered rows, in [-2, 2]; <0 left, >0 right
    int side = 0;      // -1 left predominates, +1 right, 0 balanced or nothing answered
    double strength = 0;  // |lean| / 2 * 100, percent
};
PreferenceSummary preference(const std::vector<std::optional<int>>& choices);

// ---------------------------------------------------------------------------------------------
// Influence x interest map. Scores 0-10; >= threshold is "high".
enum class Quadrant { monitor, keep_informed, keep_satisfied, key };  // (infl,int): LL, LH, HL, HH
Quadrant quadrant(int influence, int interest, int threshold);

// ---------------------------------------------------------------------------------------------
// Checklist: yes-count of answered rows.
struct YesCount { int yes = 0, no = 0, unanswered = 0, total = 0; };
YesCount yes_count(const std::vector<std::optional<bool>>& answers);

// ---------------------------------------------------------------------------------------------
// Survey (agree/disagree): recommendation once every statement is answered.
struct SurveySummary { int agree = 0, disagree = 0, unanswered = 0; std::optional<bool> positive; };
SurveySummary survey(const std::vector<std::optional<bool>>& answers, int threshold);

// ---------------------------------------------------------------------------------------------
// Quiz: a question is correct when the chosen set equals the correct set exactly.
bool quiz_correct(const std::vector<std::string>& chosen, const std::vector<std::string>& correct);

// ---------------------------------------------------------------------------------------------
// Return on investment over `years`:
//   total_cost = cost + running*years, total_gain = benefit*years,
//   roi_pct = (total_gain - total_cost) / total_cost * 100 (nullopt when total_cost == 0),
//   payback_months = cost / ((benefit - running) / 12) (nullopt when benefit <= running).
struct RoiResult {
    double total_cost = 0, total_gain = 0, net = 0;
    std::optional<double> roi_pct, payback_months;
};
RoiResult roi(double cost, double benefit, double running, int years);

// ---------------------------------------------------------------------------------------------
// Risk register: score = likelihood x impact (1..25). Level: low 1-4, medium 5-9, high 10-16,
// critical 17-25.
enum class RiskLevel { low, medium, high, critical };
RiskLevel risk_level(int score);
struct RiskInput { std::optional<int> likelihood, impact; };
// Indices of risks by score desc (ties keep entry order); risks without both values last.
std::vector<size_t> risk_order(const std::vector<RiskInput>& risks);
// heat[likelihood-1][impact-1] = number of risks in that cell.
std::array<std::array<int, 5>, 5> risk_heat(const std::vector<RiskInput>& risks);

// ---------------------------------------------------------------------------------------------
// Formatting shared by UI and report: fixed decimals with '.' (en) or ',' (pl) as separator.
std::string format_number(double v, int decimals, bool comma);

}  // namespace crb::calc
