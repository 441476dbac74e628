// risk_register: risks with likelihood and impact 1-5, score = L x I with a level shown as text,
// the list sorted by score and a 5x5 heat map with the count of risks per cell.
#include <algorithm>

#include "app/ui/kit.h"
#include "app/ui/theme.h"
#include "app/widgets/widget.h"
#include "core/calc/calc.h"
#include "core/results.h"

namespace widgets {
namespace {

const char* level_key(crb::calc::RiskLevel l) {
    switch (l) {
        case crb::calc::RiskLevel::low:
            return "rr.low";
        case crb::calc::RiskLevel::medium:
            return "rr.medium";
        case crb::calc::RiskLevel::high:
            return "rr.high";
        case crb::calc::RiskLevel::critical:
            return "rr.critical";
    }
    return "rr.low";
}

ImVec4 level_colour(crb::calc::RiskLevel l) {
    const ui::Palette& p = ui::palette();
    switch (l) {
        case crb::calc::RiskLevel::low:
            return p.heat_low;
        case crb::calc::RiskLevel::medium:
            return p.heat_medium;
        case crb::calc::RiskLevel::high:
            return p.heat_high;
        case crb::calc::RiskLevel::critical:
            return p.heat_critical;
    }
    return p.heat_low;
}

std::vector<crb::calc::RiskInput> inputs_of(const json& risks) {
    std::vector<crb::calc::RiskInput> v;
    for (const json& r : risks) v.push_back({opt_int(r, "likelihood"), opt_int(r, "impact")});
    return v;
}

}  // namespace

void risk_register_inputs(Ctx& ctx, const crb::RiskRegister& s) {
    json risks = array_or_empty(field(ctx.answer, "risks"));
    bool changed = false;
    if (!s.examples.empty()) {
        ui::heading(ui::tr("rr.examples"), ui::fonts().bold);
        for (const auto& e : s.examples)
            ui::bullet_para((std::string(ctx.t(e.risk)) + " (" + std::to_string(e.likelihood) + " \xC3\x97 " +
                             std::to_string(e.impact) + " = " + std::to_string(e.likelihood * e.impact) + ")")
                                .c_str());
    }
    int remove = -1;
    for (size_t i = 0; i < risks.size(); ++i) {
        json& r = risks[i];
        ImGui::PushID(static_cast<int>(i));
        ui::card_begin("risk");
        std::string p = "r" + std::to_string(i + 1);
        const char* texts[3] = {"risk", "owner", "response"};
        const char* labels[3] = {"rr.risk", "rr.owner", "rr.response"};
        for (int k = 0; k < 3; ++k) {
            std::string v = str(r, texts[k]);
            if (ui::text_field((std::string("##") + texts[k]).c_str(), v, false, ui::tr(labels[k]),
                               -ImGui::GetFontSize())) {
                r[texts[k]] = v;
                changed = true;
            }
            ui::tid(ctx.id(p + "/" + texts[k]));
            if (k == 0) {
                for (const char* axis : {"likelihood", "impact"}) {
                    ImGui::AlignTextToFramePadding();
                    ImGui::TextUnformatted(ui::tr(axis[0] == 'l' ? "rr.likelihood" : "rr.impact"));
                    ImGui::SameLine(ImGui::GetFontSize() * 11);
                    std::optional<int> v2 = opt_int(r, axis);
                    if (ui::rating_buttons(ctx.id(p + "/" + axis).c_str(), v2, 1, 5)) {
                        if (v2)
                            r[axis] = *v2;
                        else
                            r.erase(axis);
                        changed = true;
                    }
                }
                auto l = opt_int(r, "likelihood"), im = opt_int(r, "impact");
                if (l && im) {
                    auto lvl = crb::calc::risk_level(*l * *im);
                    ImGui::Text("%s: %d", ui::tr("rr.score"), *l * *im);
                    ImGui::SameLine();
                    ui::badge(ui::tr(level_key(lvl)), level_colour(lvl), ImVec4(0, 0, 0, 1));
                }
            }
        }
        if (ImGui::Button(ui::tr("ui.remove"))) remove = static_cast<int>(i);
        ui::tid(ctx.id(p + "/remove"));
        ui::card_end();
        ImGui::PopID();
    }
    if (remove >= 0) {
        risks.erase(risks.begin() + remove);
        changed = true;
    }
    if (ImGui::Button(ui::tr("rr.add"))) {
        risks.push_back(json{{"risk", ""}, {"owner", ""}, {"response", ""}});
        changed = true;
    }
    ui::tid(ctx.id("add"));
    ui::same_line_if_fits(ui::tr("ex.csv"));
    if (ImGui::Button(ui::tr("ex.csv")) && ctx.download_csv)
        ctx.download_csv(ctx.ex->id + ".csv", crb::table_csv(*ctx.ex, json{{"risks", risks}}));
    if (changed) ctx.commit(json{{"risks", risks}});
}

void risk_register_results(Ctx& ctx, const crb::RiskRegister& s) {
    (void)s;
    json risks = array_or_empty(field(ctx.answer, "risks"));
    auto in = inputs_of(risks);
    ui::heading(ui::tr("rr.sorted"), ui::fonts().bold);
    int n = 0;
    for (size_t idx : crb::calc::risk_order(in)) {
        if (!in[idx].likelihood || !in[idx].impact) continue;
        int sc = *in[idx].likelihood * *in[idx].impact;
        std::string name = str(risks[idx], "risk");
        ImGui::Text("%d. %s \xE2\x80\x94 %d (%s)", ++n, name.empty() ? "?" : name.c_str(), sc,
                    ui::tr(level_key(crb::calc::risk_level(sc))));
    }
    if (n == 0) ui::muted(ui::tr("ui.none_yet"));
    ImGui::Spacing();
    ui::heading(ui::tr("rr.heat"), ui::fonts().bold);
    auto heat = crb::calc::risk_heat(in);
    float cell = ImGui::GetFontSize() * 2.2f;
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    p0.x += cell * 0.6f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int l = 5; l >= 1; --l) {
        float y = p0.y + (5 - l) * cell;
        dl->AddText(ImVec2(p0.x - cell * 0.5f, y + cell * 0.3f), ImGui::GetColorU32(ui::palette().text),
                    std::to_string(l).c_str());
        for (int im = 1; im <= 5; ++im) {
            ImVec2 a(p0.x + (im - 1) * cell, y), b(a.x + cell - 2, a.y + cell - 2);
            dl->AddRectFilled(a, b, ImGui::GetColorU32(level_colour(crb::calc::risk_level(l * im))), 3);
            int count = heat[l - 1][im - 1];
            if (count) {
                std::string t = std::to_string(count);
                ImVec2 ts = ImGui::CalcTextSize(t.c_str());
                dl->AddText(ImVec2(a.x + (cell - ts.x) / 2, a.y + (cell - ts.y) / 2), IM_COL32(0, 0, 0, 255),
                            t.c_str());
            }
        }
    }
    for (int im = 1; im <= 5; ++im)
        dl->AddText(ImVec2(p0.x + (im - 1) * cell + cell * 0.4f, p0.y + 5 * cell),
                    ImGui::GetColorU32(ui::palette().text), std::to_string(im).c_str());
    ImGui::Dummy(ImVec2(cell * 6, cell * 6));
    ui::muted(
        (std::string(ui::tr("rr.likelihood")) + " \xE2\x86\x91   " + ui::tr("rr.impact") + " \xE2\x86\x92")
            .c_str());
}

}  // namespace widgets
