// results.h — every exercise's computed results as plain JSON data, from the calculators (calc.h).
//
// Results are derived from the course and the workbook on demand and never stored. Numbers are raw
// (unrounded doubles; format them with calc::format_number). Texts from the content (band texts,
// verdicts, quadrant names, ...) are given in the requested language; categories and levels are
// stable codes ("promoter", "high") whose labels are i18n keys ("nps.promoter", "risk.level.high").
//
// Shape of compute_results():
//   {"lang": "en", "content_version": "...", "workbook": {"id": ..., "name": ...},
//    "units": [{"id": "unit2", "number": 2, "title": "...",
//               "progress": {"done": 1, "total": 4, "quiz_score": 0, "quiz_total": 6, "quiz_answered": 0},
//               "exercises": [ExerciseResult, ...]}],
//    "orphaned": ["unit9/old", ...]}
// ExerciseResult (also what exercise_result() returns):
//   {"key": "unit2/nps", "id": "nps", "kind": "nps_survey", "title": "...", "done": true,
//    "result": {...kind-specific, see results.cpp...}}
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/content.h"
#include "core/workbook.h"

namespace crb {

nlohmann::json compute_results(const Course& course, const Workbook& wb, Lang lang);

// One exercise (the UI's live result panel). A null json when the key names no exercise.
nlohmann::json exercise_result(const Course& course, const Workbook& wb, std::string_view key, Lang lang);

// The learner's table as CSV (a header line, then one line per row) for the kinds that have an
// "Export table as CSV" button: nps_survey (no,respondent,score,category) and risk_register
// (risk,likelihood,impact,score,owner,response). Empty for other kinds. Text cells are quoted; one
// starting with = + - @ gets a leading apostrophe so that a spreadsheet shows it instead of running it.
std::string table_csv(const Exercise& ex, const nlohmann::json& answer);

// "Paste scores" into an NPS answer: the pasted lines (calc::parse_score_lines) fill the respondents
// without a score, in order, adding unnamed rows when they run out (an unnamed respondent is shown as
// "Respondent N" everywhere, in the language of the moment). Returns 0 and changes `answer` (an
// object, created when null), or the number of the first bad line and leaves it alone.
int paste_nps_scores(nlohmann::json& answer, std::string_view text);

}  // namespace crb
