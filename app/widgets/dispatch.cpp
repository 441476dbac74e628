// Kind dispatch and the tolerant answer readers shared by every widget.
#include "app/widgets/widget.h"

namespace widgets {
namespace {

const json& null_json() {
    static const json n;
    return n;
}

template <class Fn>
void visit_kind(Ctx& ctx, Fn&& fn) {
    std::visit([&](const auto& spec) { fn(spec); }, ctx.ex->spec);
}

}  // namespace

#define CRB_DISPATCH(name, Spec)                               \
    void dispatch(Ctx& ctx, const crb::Spec& s, bool inputs) { \
        if (inputs)                                            \
            name##_inputs(ctx, s);                             \
        else                                                   \
            name##_results(ctx, s);                            \
    }
CRB_DISPATCH(quadrant_map, QuadrantMap)
CRB_DISPATCH(reflection, Reflection)
CRB_DISPATCH(checklist_table, ChecklistTable)
CRB_DISPATCH(pair_table, PairTable)
CRB_DISPATCH(preference_scale, PreferenceScale)
CRB_DISPATCH(rating_table, RatingTable)
CRB_DISPATCH(nps_survey, NpsSurvey)
CRB_DISPATCH(weighted_rating, WeightedRating)
CRB_DISPATCH(weighted_comparison, WeightedComparison)
CRB_DISPATCH(step_plan, StepPlan)
CRB_DISPATCH(survey, Survey)
CRB_DISPATCH(quiz, Quiz)
CRB_DISPATCH(roi, Roi)
CRB_DISPATCH(risk_register, RiskRegister)
#undef CRB_DISPATCH

void draw_inputs(Ctx& ctx) {
    visit_kind(ctx, [&](const auto& s) { dispatch(ctx, s, true); });
}

void draw_results(Ctx& ctx) {
    visit_kind(ctx, [&](const auto& s) { dispatch(ctx, s, false); });
}

const json& field(const json& obj, const char* name) {
    if (!obj.is_object()) return null_json();
    auto it = obj.find(name);
    return it == obj.end() ? null_json() : *it;
}

std::optional<int> opt_int(const json& obj, const char* name) {
    const json& v = field(obj, name);
    if (!v.is_number_integer()) return std::nullopt;
    return v.get<int>();
}

std::optional<double> opt_num(const json& obj, const char* name) {
    const json& v = field(obj, name);
    if (!v.is_number()) return std::nullopt;
    return v.get<double>();
}

std::optional<bool> opt_bool(const json& obj, const char* name) {
    const json& v = field(obj, name);
    if (!v.is_boolean()) return std::nullopt;
    return v.get<bool>();
}

std::string str(const json& obj, const char* name) {
    const json& v = field(obj, name);
    return v.is_string() ? v.get<std::string>() : std::string();
}

json object_or_empty(const json& j) { return j.is_object() ? j : json::object(); }
json array_or_empty(const json& j) { return j.is_array() ? j : json::array(); }

}  // namespace widgets
