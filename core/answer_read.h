// answer_read.h — internal: reading validated answers into calculator inputs.
//
// Shared by progress (workbook) and results so both see the same numbers. Every accessor tolerates a
// missing answer or member (nullptr in, "unanswered" out).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/calc/calc.h"
#include "core/content.h"

namespace crb::answers {

using nlohmann::json;

const json* member(const json* obj, std::string_view key);
std::optional<int> int_of(const json* j);
std::optional<double> number_of(const json* j);
std::optional<bool> bool_of(const json* j);
const std::string& string_of(const json* j);  // "" when absent
bool has_text(const json* j);                  // a string with something besides spaces

std::vector<calc::WeightedRow> weighted_rows(const std::vector<IdText>& rows, const json* rows_obj);
std::vector<std::optional<int>> nps_scores(const json* answer);
std::vector<std::optional<bool>> checklist_answers(const ChecklistTable::Group& g, const json* answer);
std::vector<std::optional<int>> preference_choices(const PreferenceScale& s, const json* answer);
std::vector<std::optional<int>> rating_row(const RatingTable& t, const RatingTable::Row& row, const json* answer);
std::vector<std::optional<bool>> survey_answers(const Survey& s, const json* answer);
std::vector<std::string> quiz_chosen(const Quiz::Question& q, const json* answer);
std::vector<calc::RiskInput> risk_inputs(const json* answer);

struct QuizTally {
    int answered = 0, correct = 0, total = 0;
};
QuizTally quiz_tally(const Quiz& quiz, const json* answer);

}  // namespace crb::answers
