// survey: statements answered agree/disagree; the recommendation appears once all are answered.
#include "app/ui/kit.h"
#include "app/ui/theme.h"
#include "app/widgets/widget.h"
#include "core/calc/calc.h"

namespace widgets {
namespace {

std::vector<std::optional<bool>> answers(const Ctx& ctx, const crb::Survey& s) {
    std::vector<std::optional<bool>> v;
    for (const auto& st : s.statements) v.push_back(opt_bool(field(ctx.answer, "statements"), st.id.c_str()));
    return v;
}

}  // namespace

void survey_inputs(Ctx& ctx, const crb::Survey& s) {
    json st_ans = object_or_empty(field(ctx.answer, "statements"));
    bool changed = false;
    int n = 0;
    for (const auto& st : s.statements) {
        ImGui::PushID(st.id.c_str());
        ui::card_begin("st");
        ui::para((std::to_string(++n) + ". " + ctx.t(st.text)).c_str());
        std::optional<bool> v = opt_bool(st_ans, st.id.c_str());
        const char* labels[2] = {ui::tr("sv.agree"), ui::tr("sv.disagree")};
        for (int i = 0; i < 2; ++i) {
            if (i) ImGui::SameLine();
            bool on = v && *v == (i == 0);
            if (ImGui::RadioButton(labels[i], on)) {
                st_ans[st.id] = (i == 0);
                changed = true;
            }
            ui::tid(ctx.id(st.id + (i == 0 ? "/agree" : "/disagree")));
        }
        ui::card_end();
        ImGui::PopID();
    }
    if (changed) ctx.commit(json{{"statements", st_ans}});
}

void survey_results(Ctx& ctx, const crb::Survey& s) {
    crb::calc::SurveySummary sum = crb::calc::survey(answers(ctx, s), s.threshold);
    ui::para(ui::trf("sv.count", {std::to_string(sum.agree), std::to_string(s.statements.size())}).c_str());
    if (!sum.positive) {
        ui::muted(ui::tr("sv.answer_all"));
        return;
    }
    ui::para_colored(ui::palette().accent, ctx.t(*sum.positive ? s.positive : s.negative));
    ui::tid(ctx.id("result/recommendation"));
}

}  // namespace widgets
