// answer_read.cpp — see answer_read.h.
#include "core/answer_read.h"

#include <cmath>

#include "core/json_checks.h"

namespace crb::answers {

const json* member(const json* obj, std::string_view key) {
    if (!obj || !obj->is_object()) return nullptr;
    const auto it = obj->find(key);
    return it == obj->end() ? nullptr : &*it;
}

std::optional<int> int_of(const json* j) {
    if (!j) return std::nullopt;
    const auto v = json_checks::as_integer(*j);
    if (!v || *v < -1000000000 || *v > 1000000000) return std::nullopt;
    return static_cast<int>(*v);
}

std::optional<double> number_of(const json* j) {
    if (!j || !j->is_number()) return std::nullopt;
    const double d = j->get<double>();
    if (!std::isfinite(d)) return std::nullopt;
    return d;
}

std::optional<bool> bool_of(const json* j) {
    if (!j || !j->is_boolean()) return std::nullopt;
    return j->get<bool>();
}

const std::string& string_of(const json* j) {
    static const std::string empty;
    return j && j->is_string() ? j->get_ref<const std::string&>() : empty;
}

bool has_text(const json* j) {
    for (const char c : string_of(j)) {
        if (c != ' ' && c != '\n' && c != '\t') return true;
    }
    return false;
}

std::vector<calc::WeightedRow> weighted_rows(const std::vector<IdText>& rows, const json* rows_obj) {
    std::vector<calc::WeightedRow> out;
    for (const auto& r : rows) {
        const json* cell = member(rows_obj, r.id);
        out.push_back({int_of(member(cell, "rating")), number_of(member(cell, "weight"))});
    }
    return out;
}

std::vector<std::optional<int>> nps_scores(const json* answer) {
    std::vector<std::optional<int>> out;
    const json* rs = member(answer, "respondents");
    if (!rs || !rs->is_array()) return out;
    for (const auto& r : *rs) out.push_back(int_of(member(&r, "score")));
    return out;
}

std::vector<std::optional<bool>> checklist_answers(const ChecklistTable::Group& g, const json* answer) {
    std::vector<std::optional<bool>> out;
    const json* rows = member(answer, "rows");
    for (const auto& r : g.rows) out.push_back(bool_of(member(member(rows, r.id), "yes")));
    return out;
}

std::vector<std::optional<int>> preference_choices(const PreferenceScale& s, const json* answer) {
    std::vector<std::optional<int>> out;
    const json* rows = member(answer, "rows");
    for (const auto& r : s.rows) out.push_back(int_of(member(rows, r.id)));
    return out;
}

std::vector<std::optional<int>> rating_row(const RatingTable& t, const RatingTable::Row& row, const json* answer) {
    std::vector<std::optional<int>> out;
    const json* cells = member(member(answer, "rows"), row.id);
    for (const auto& c : t.criteria) out.push_back(int_of(member(cells, c.id)));
    return out;
}

std::vector<std::optional<bool>> survey_answers(const Survey& s, const json* answer) {
    std::vector<std::optional<bool>> out;
    const json* st = member(answer, "statements");
    for (const auto& x : s.statements) out.push_back(bool_of(member(st, x.id)));
    return out;
}

std::vector<std::string> quiz_chosen(const Quiz::Question& q, const json* answer) {
    std::vector<std::string> out;
    const json* chosen = member(member(answer, "questions"), q.id);
    if (!chosen || !chosen->is_array()) return out;
    for (const auto& c : *chosen) {
        if (c.is_string()) out.push_back(c.get<std::string>());
    }
    return out;
}

std::vector<calc::RiskInput> risk_inputs(const json* answer) {
    std::vector<calc::RiskInput> out;
    const json* rs = member(answer, "risks");
    if (!rs || !rs->is_array()) return out;
    for (const auto& r : *rs) out.push_back({int_of(member(&r, "likelihood")), int_of(member(&r, "impact"))});
    return out;
}

QuizTally quiz_tally(const Quiz& quiz, const json* answer) {
    QuizTally t;
    t.total = static_cast<int>(quiz.questions.size());
    for (const auto& q : quiz.questions) {
        const auto chosen = quiz_chosen(q, answer);
        if (chosen.empty()) continue;
        ++t.answered;
        if (calc::quiz_correct(chosen, q.correct_ids())) ++t.correct;
    }
    return t;
}

}  // namespace crb::answers
