// summary.h — a class at a glance: many learners' exported workbooks aggregated per exercise.
//
// A trainer collects the learners' exported .json workbooks and runs `crb summary *.json`. For each
// exercise the summary counts the learners who entered anything and those who completed it, averages
// the ratings (per row and criterion of a rating table, per row of weighted ratings and comparisons,
// per strategy of the influence x interest map), counts yes/agree answers, pools every respondent of
// every NPS survey into one combined NPS and averages the quiz scores. Unanswered values are left out
// of averages, never counted as 0 (as in calc.h).
//
// Keys of ExerciseSummary::averages and ::counts are slash-separated ids, listed per kind below.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/calc/calc.h"
#include "core/content.h"
#include "core/workbook.h"

namespace crb {

// True when an answer holds anything the learner entered: a non-blank string, a number, a boolean
// (at any depth). The blank rows of a fresh answer (initial_answer) do not count.
bool answer_has_content(const nlohmann::json& answer);

struct Mean {
    double sum = 0;
    int count = 0;
    void add(double v) {
        sum += v;
        ++count;
    }
    std::optional<double> value() const { return count ? std::optional<double>(sum / count) : std::nullopt; }
};

struct ExerciseSummary {
    std::string key;  // "unit2/nps"
    const Unit* unit = nullptr;
    const Exercise* exercise = nullptr;
    int answered = 0;  // learners with anything entered (answer_has_content)
    int done = 0;      // learners for whom exercise_done() holds

    // Averages over the learners who gave the value:
    //   rating_table         "<row>/<criterion>" each rating, "<row>" every rating of the row
    //   weighted_rating      "<row>/rating", "<row>/weight", "average" (the learners' weighted averages)
    //   weighted_comparison  "<block>/<row>/rating", "<block>/<row>/weight", "<block>/average"
    //   quadrant_map         "<strategy>" its importance rating
    //   preference_scale     "<row>" the 1-5 choice
    //   quiz                 "score" correct answers of the learners who answered any question
    std::map<std::string, Mean> averages;
    // Counts:
    //   survey           "agree/<statement>", "answered/<statement>", "positive", "negative"
    //   checklist_table  "yes/<row>", "answered/<row>"
    //   quadrant_map     "items/<quadrantId>" customers placed in each quadrant, over all learners
    //   quiz             "correct/<question>", "answered/<question>"
    std::map<std::string, int> counts;
    calc::NpsSummary nps;  // nps_survey: every respondent of every learner pooled
};

struct ClassSummary {
    int learners = 0;                        // workbooks aggregated
    std::vector<ExerciseSummary> exercises;  // every exercise of the course, in course order
    const ExerciseSummary* find(const std::string& key) const;
};

ClassSummary summarize(const Course& course, const std::vector<Workbook>& workbooks);

// Readable text (titles and labels from the content in `lang`; figures with format_number).
std::string summary_text(const ClassSummary& summary, Lang lang);
// The same as JSON: {"learners": n, "exercises": [{"key", "kind", "title", "answered", "done",
//   "averages": {"<key>": {"mean": x | null, "n": k}}, "counts": {...}, "nps": {...} (nps_survey)}]}
// Both refer to the course the summary was made from (it must outlive the summary).
nlohmann::json summary_json(const ClassSummary& summary, Lang lang);

// Reads and validates workbook files against the course. A file that cannot be read or is not a
// valid workbook is skipped with one message "<path>: <reason>" in `errors`; `names` holds the paths
// of the loaded ones, parallel to `workbooks`.
struct LoadedWorkbooks {
    std::vector<Workbook> workbooks;
    std::vector<std::string> names;
    std::vector<std::string> errors;
};
LoadedWorkbooks load_workbook_files(const std::vector<std::string>& paths, const Course& course);

}  // namespace crb
