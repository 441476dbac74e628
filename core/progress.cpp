// progress.cpp — "is this exercise done?" per kind, and unit progress (see workbook.h).
// Derived from the answers on every call; nothing here is stored.
#include "core/answer_read.h"
#include "core/workbook.h"

namespace crb {

using answers::member;
using nlohmann::json;

namespace {

template <class T>
bool all_answered(const std::vector<std::optional<T>>& v) {
    for (const auto& x : v) {
        if (!x) return false;
    }
    return !v.empty();
}

bool any_entry(const json* list, bool (*pred)(const json&)) {
    if (!list || !list->is_array()) return false;
    for (const auto& e : *list) {
        if (pred(e)) return true;
    }
    return false;
}

bool done(const Exercise& ex, const json* a) {
    if (!a) return false;
    switch (ex.kind) {
        case Kind::quadrant_map:
            return any_entry(member(a, "items"), [](const json& it) {
                return answers::int_of(member(&it, "interest")) && answers::int_of(member(&it, "influence"));
            });
        case Kind::reflection: {
            const json* es = member(a, "entries");
            if (!es || !es->is_array()) return false;
            for (const auto& e : *es) {
                const json* ans = member(&e, "answers");
                if (!ans || !ans->is_object()) continue;
                for (const auto& v : *ans) {
                    if (answers::has_text(&v)) return true;
                }
            }
            return false;
        }
        case Kind::checklist_table: {
            const auto* s = ex.as<ChecklistTable>();
            for (const auto& g : s->groups) {
                if (!all_answered(answers::checklist_answers(g, a))) return false;
            }
            return true;
        }
        case Kind::pair_table:
            return any_entry(member(a, "rows"), [](const json& r) {
                return answers::has_text(member(&r, "left")) && answers::has_text(member(&r, "right"));
            });
        case Kind::preference_scale:
            return all_answered(answers::preference_choices(*ex.as<PreferenceScale>(), a));
        case Kind::rating_table: {
            const auto* t = ex.as<RatingTable>();
            for (const auto& row : t->rows) {
                if (!all_answered(answers::rating_row(*t, row, a))) return false;
            }
            return true;
        }
        case Kind::nps_survey:
            return calc::nps(answers::nps_scores(a)).answered > 0;
        case Kind::weighted_rating:
            return calc::weighted(answers::weighted_rows(ex.as<WeightedRating>()->rows, member(a, "rows"))).complete;
        case Kind::weighted_comparison: {
            const auto* w = ex.as<WeightedComparison>();
            const json* blocks = member(a, "blocks");
            for (const auto& b : w->blocks) {
                const auto rows = answers::weighted_rows(b.rows, member(member(blocks, b.id), "rows"));
                if (!calc::weighted(rows).complete) return false;
            }
            return true;
        }
        case Kind::step_plan: {
            const json* steps = member(a, "steps");
            if (!steps || !steps->is_object()) return false;
            for (const auto& s : *steps) {
                if (const json* f = member(&s, "fields"); f && f->is_object()) {
                    for (const auto& v : *f) {
                        if (answers::has_text(&v)) return true;
                    }
                }
                if (const json* c = member(&s, "checks"); c && c->is_object()) {
                    for (const auto& v : *c) {
                        if (answers::bool_of(&v).value_or(false)) return true;
                    }
                }
            }
            return false;
        }
        case Kind::survey:
            return all_answered(answers::survey_answers(*ex.as<Survey>(), a));
        case Kind::quiz: {
            const auto t = answers::quiz_tally(*ex.as<Quiz>(), a);
            return t.total > 0 && t.answered == t.total;
        }
        case Kind::roi:
            return answers::number_of(member(a, "cost")) && answers::number_of(member(a, "benefit"));
        case Kind::risk_register:
            return any_entry(member(a, "risks"), [](const json& r) {
                return answers::has_text(member(&r, "risk")) && answers::int_of(member(&r, "likelihood")) &&
                       answers::int_of(member(&r, "impact"));
            });
    }
    return false;
}

}  // namespace

bool exercise_done(const Course& course, const Workbook& wb, std::string_view key) {
    const Exercise* ex = course.exercise(key);
    return ex && done(*ex, answer(wb, key));
}

UnitProgress unit_progress(const Course& course, const Workbook& wb, std::string_view unit_id) {
    UnitProgress p;
    const Unit* u = course.unit(unit_id);
    if (!u) return p;
    for (const auto& ex : u->exercises) {
        const json* a = answer(wb, exercise_key(u->id, ex.id));
        ++p.total;
        if (done(ex, a)) ++p.done;
        if (const auto* q = ex.as<Quiz>()) {
            const auto t = answers::quiz_tally(*q, a);
            p.quiz_score += t.correct;
            p.quiz_total += t.total;
            p.quiz_answered += t.answered;
        }
    }
    return p;
}

}  // namespace crb
