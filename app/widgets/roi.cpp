// roi: implementation cost, yearly benefit, yearly running cost and years -> ROI % and payback.
#include "app/ui/kit.h"
#include "app/ui/theme.h"
#include "app/widgets/widget.h"
#include "core/calc/calc.h"

namespace widgets {

void roi_inputs(Ctx& ctx, const crb::Roi& s) {
    json a = object_or_empty(ctx.answer);
    bool changed = false;
    float fs = ImGui::GetFontSize();
    // Labels beside the fields, or above them on narrow screens.
    auto label = [&](const char* text) {
        if (ui::narrow()) {
            ImGui::TextUnformatted(text);
        } else {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(text);
            ImGui::SameLine(fs * 13);
        }
    };
    const char* keys[3] = {"cost", "benefit", "running"};
    const char* labels[3] = {"roi.cost", "roi.benefit", "roi.running"};
    for (int i = 0; i < 3; ++i) {
        label(ui::tr(labels[i]));
        double v = opt_num(a, keys[i]).value_or(0.0);
        if (ui::money_field(ctx.id(keys[i]).c_str(), v, fs * 9)) {
            a[keys[i]] = v;
            changed = true;
        }
        ui::tid(ctx.id(keys[i]));
        ImGui::SameLine();
        ImGui::TextUnformatted(s.currency.c_str());
    }
    label(ui::tr("roi.years"));
    int years = opt_int(a, "years").value_or(s.default_years);
    ImGui::SetNextItemWidth(fs * 9);
    int year_step = std::clamp(years, 1, 10) - 1;
    if (ui::step_slider("##years", year_step, 9, std::to_string(year_step + 1).c_str())) {
        a["years"] = year_step + 1;
        changed = true;
    }
    ui::tid(ctx.id("years"));
    if (changed) {
        if (!a.contains("years")) a["years"] = s.default_years;
        ctx.commit(a);
    }
}

void roi_results(Ctx& ctx, const crb::Roi& s) {
    const json& a = ctx.answer;
    double cost = opt_num(a, "cost").value_or(0), benefit = opt_num(a, "benefit").value_or(0),
           running = opt_num(a, "running").value_or(0);
    int years = opt_int(a, "years").value_or(s.default_years);
    crb::calc::RoiResult r = crb::calc::roi(cost, benefit, running, years);
    if (!r.roi_pct) {
        ui::muted(ui::tr("roi.no_cost"));
        return;
    }
    std::string cur = " " + s.currency;
    ui::label_value(ui::tr("roi.total_cost"), ui::num(r.total_cost, 2) + cur);
    ui::label_value(ui::tr("roi.total_gain"), ui::num(r.total_gain, 2) + cur);
    ui::label_value(ui::tr("roi.net"), ui::num(r.net, 2) + cur);
    ImGui::PushFont(ui::fonts().heading);
    ImGui::Text("%s: %s%%", ui::tr("roi.roi"), ui::num(*r.roi_pct, 1).c_str());
    ImGui::PopFont();
    ui::tid(ctx.id("result/roi"));
    ui::label_value(ui::tr("roi.payback"), r.payback_months
                                               ? ui::trf("roi.months", {ui::num(*r.payback_months, 1)})
                                               : std::string(ui::tr("roi.never")));
}

}  // namespace widgets
