// Exercise widgets: one per exercise kind, never one per exercise. A widget draws the kind's
// inputs from the content spec and the learner's current answer, and hands a whole new answer to
// ctx.commit(); the app validates it through core before it is stored. Results panels read only
// derived data (core's results), so the numbers match the report and the command-line tool.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/content.h"

namespace widgets {

using json = nlohmann::json;

struct Ctx {
    crb::Lang lang = crb::Lang::en;
    const crb::Unit* unit = nullptr;
    const crb::Exercise* ex = nullptr;
    std::string key;                   // "unit2/nps"
    json answer;                       // the current answer (null when none)
    json result;                       // core's derived result for this exercise
    std::function<void(json)> commit;  // validated + saved by the app
    std::function<void(const std::string& exercise_id)> open_exercise;  // links between exercises
    std::function<void(const std::string& name, const std::string& csv)> download_csv;

    const char* t(const crb::Text& text) const { return text.get(lang).c_str(); }
    std::string id(const std::string& suffix) const { return key + "/" + suffix; }  // test ids
};

void draw_inputs(Ctx& ctx);   // dispatches on ctx.ex->kind
void draw_results(Ctx& ctx);  // the live results panel

// One pair per kind, defined in app/widgets/<kind>.cpp.
// Each widget is a function of its own in the wasm (see CRB_SCREEN in app/ui/app.h).
#define CRB_WIDGET(name, Spec)                                          \
    [[gnu::noinline]] void name##_inputs(Ctx& ctx, const crb::Spec& s); \
    [[gnu::noinline]] void name##_results(Ctx& ctx, const crb::Spec& s);
CRB_WIDGET(quadrant_map, QuadrantMap)
CRB_WIDGET(reflection, Reflection)
CRB_WIDGET(checklist_table, ChecklistTable)
CRB_WIDGET(pair_table, PairTable)
CRB_WIDGET(preference_scale, PreferenceScale)
CRB_WIDGET(rating_table, RatingTable)
CRB_WIDGET(nps_survey, NpsSurvey)
CRB_WIDGET(weighted_rating, WeightedRating)
CRB_WIDGET(weighted_comparison, WeightedComparison)
CRB_WIDGET(step_plan, StepPlan)
CRB_WIDGET(survey, Survey)
CRB_WIDGET(quiz, Quiz)
CRB_WIDGET(roi, Roi)
CRB_WIDGET(risk_register, RiskRegister)
#undef CRB_WIDGET

// --- answer access helpers: tolerant reads (a missing or odd value reads as "unanswered") ---
const json& field(const json& obj, const char* name);  // null json when absent
std::optional<int> opt_int(const json& obj, const char* name);
std::optional<double> opt_num(const json& obj, const char* name);
std::optional<bool> opt_bool(const json& obj, const char* name);
std::string str(const json& obj, const char* name);
json object_or_empty(const json& j);
json array_or_empty(const json& j);

}  // namespace widgets
