// workbook.h — the learner's saved answers ("zeszyt ćwiczeń"), keyed by stable exercise keys.
//
// A workbook holds one answer object per exercise key ("unit2/nps"), in the answer shape of the
// exercise's kind (docs/content-format.md). Every way in validates: parse_workbook() for stored or
// imported text, set_answer()/set_value() for edits. Nothing invalid is ever stored, and results and
// progress are derived from the answers, never saved.
//
// Serialised form, schema 2 (current):
//   {"schema": 2, "id": "wb-k3j9x2a1", "name": "My firm", "created": "2024-05-01T10:00:00Z",
//    "updated": "2024-05-02T08:30:00Z", "content_version": "9f0c...", "rev": 7,
//    "answers": {"unit2/nps": {"respondents": [{"name": "Anna", "score": 9}]}}}
//   `rev` counts saves; the store uses it to detect a newer save from another tab.
// Schema 1 (the first format, read and migrated, never written):
//   {"schema": 1, "id": ..., "name": ..., "created": ..., "updated": ..., "content_version": ...,
//    "answers": {"unit2": {"nps": {...}}}}
//   Answers are nested per unit and there is no `rev` (migrates to rev 0). Answer shapes are the same.
// Newer schemas (> 2) are rejected: an older app must not guess at a newer format.
//
// Answers whose key names no exercise of the course (content removed or renamed) are kept untouched
// and reported as orphaned; so are sub-entries (rows, steps, strategies) whose id the exercise no
// longer has. Their shape is still checked.
//
// Error messages name the JSON path with the exercise key written as is, e.g.
//   /answers/unit2/nps/respondents/3/score: expected an integer 0-10 or null
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/content.h"

namespace crb {

constexpr int kWorkbookSchema = 2;

struct Workbook {
    std::string id;               // [a-z0-9][a-z0-9_-]{0,63}; also part of storage keys
    std::string name;             // the learner's name for it, at most 200 bytes
    std::string created, updated;  // ISO 8601 UTC, e.g. "2024-05-01T10:00:00Z"
    std::string content_version;  // Course::version when last saved (informational)
    int64_t rev = 0;              // number of saves
    nlohmann::json answers = nlohmann::json::object();  // "unit2/nps" -> answer object
};

bool is_workbook_id(std::string_view id);
std::string now_utc_iso8601();

// [SECTION] Reading and writing whole workbooks

struct WorkbookParse {
    std::optional<Workbook> workbook;   // set only when the whole input is valid
    std::vector<std::string> errors;    // each "<path>: <problem>" (or a whole-input problem)
    std::vector<std::string> orphaned;  // "unit9/old" or "unit2/audit/rows/old_row"
    int schema = 0;                     // schema of the input (0 when unreadable)
    bool future_schema = false;         // schema > kWorkbookSchema: keep the raw text, do not load
    bool migrated() const { return workbook && schema < kWorkbookSchema; }
    std::string error() const { return errors.empty() ? std::string() : errors.front(); }
};

// Size (5 MB) and nesting depth (64) are checked before parsing; then everything is validated.
WorkbookParse parse_workbook(std::string_view text, const Course& course);
nlohmann::json workbook_to_json(const Workbook& wb);                     // schema 2
std::string serialize_workbook(const Workbook& wb, bool pretty = false);  // schema 2

// [SECTION] Answers

struct AnswerResult {
    std::string error;  // empty: stored
    bool ok() const { return error.empty(); }
};

// Validates `answer` against the exercise's kind and stores it (normalised: 3.0 -> 3, -0 -> 0).
// The key must name an exercise of the course. On error the workbook is unchanged.
AnswerResult set_answer(Workbook& wb, const Course& course, std::string_view key, nlohmann::json answer);

// Sets one value inside an answer by JSON pointer ("/respondents/2/score", "/rows/guide/time"),
// creating missing objects on the way ("-" or an index equal to the size appends to an array), then
// validates the whole answer as set_answer does.
AnswerResult set_value(Workbook& wb, const Course& course, std::string_view key, std::string_view pointer,
                       nlohmann::json value);
// Removes one value (object member or array element). Removing "" clears the whole answer.
AnswerResult remove_value(Workbook& wb, const Course& course, std::string_view key, std::string_view pointer);
void clear_answer(Workbook& wb, std::string_view key);

// The stored answer, or nullptr.
const nlohmann::json* answer(const Workbook& wb, std::string_view key);
// A value inside an answer by JSON pointer, or nullptr (never throws, never asserts).
const nlohmann::json* answer_at(const Workbook& wb, std::string_view key, std::string_view pointer);
std::optional<int64_t> answer_int(const Workbook& wb, std::string_view key, std::string_view pointer);
std::optional<double> answer_number(const Workbook& wb, std::string_view key, std::string_view pointer);
std::optional<bool> answer_bool(const Workbook& wb, std::string_view key, std::string_view pointer);
std::string answer_string(const Workbook& wb, std::string_view key, std::string_view pointer);

// A fresh answer for an exercise: nps gets default_respondents empty rows, a repeated reflection its
// default number of entries, other kinds an empty object.
nlohmann::json initial_answer(const Exercise& ex);

// Validation alone: errors for `answer` as the answer of `ex` (paths start at `path`).
std::vector<std::string> validate_answer(const Exercise& ex, const nlohmann::json& answer,
                                         const std::string& path = "");

// Keys (and sub-entries) the course no longer has; see the banner.
std::vector<std::string> orphaned_answers(const Course& course, const Workbook& wb);

// [SECTION] Progress (derived, never stored)

// Kind-specific "done": quadrant_map an item with both scores; reflection a non-empty answer;
// checklist_table every row answered; pair_table a row with both sides; preference_scale every row;
// rating_table every row in every criterion; nps_survey a scored respondent; weighted_rating every row
// rated and weighted with weights adding up to 1; weighted_comparison both blocks so; step_plan any
// field or tick; survey every statement; quiz every question; roi cost and benefit entered;
// risk_register a risk with text, likelihood and impact.
bool exercise_done(const Course& course, const Workbook& wb, std::string_view key);

struct UnitProgress {
    int done = 0, total = 0;                            // exercises
    int quiz_score = 0, quiz_total = 0, quiz_answered = 0;  // questions of the unit's quiz
};
UnitProgress unit_progress(const Course& course, const Workbook& wb, std::string_view unit_id);

}  // namespace crb
