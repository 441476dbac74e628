// step_plan: ordered steps, each with its description, guidance bullets, free-text fields and a
// checklist. A step may point to another exercise of the unit (e.g. the ROI calculator).
#include "app/ui/kit.h"
#include "app/ui/theme.h"
#include "app/widgets/widget.h"

namespace widgets {

void step_plan_inputs(Ctx& ctx, const crb::StepPlan& s) {
    json steps = object_or_empty(field(ctx.answer, "steps"));
    bool changed = false;
    int n = 0;
    for (const auto& st : s.steps) {
        ++n;
        ImGui::PushID(st.id.c_str());
        ui::card_begin("step");
        ImGui::PushFont(ui::fonts().bold);
        ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().accent);
        ImGui::TextUnformatted(ui::trf("sp.step", {std::to_string(n)}).c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ui::heading(ctx.t(st.name), ui::fonts().bold);
        ui::para(ctx.t(st.description));
        for (const auto& b : st.bullets) ui::bullet_para(ctx.t(b));
        json a = object_or_empty(field(steps, st.id.c_str()));
        json fields = object_or_empty(field(a, "fields"));
        json checks = object_or_empty(field(a, "checks"));
        bool step_changed = false;
        for (const auto& f : st.fields) {
            ImGui::PushID(f.id.c_str());
            ImGui::Spacing();
            ui::para(ctx.t(f.text));
            std::string v = str(fields, f.id.c_str());
            if (ui::text_field("##f", v, true, nullptr, -ImGui::GetFontSize())) {
                if (v.empty())
                    fields.erase(f.id);
                else
                    fields[f.id] = v;
                step_changed = true;
            }
            ui::tid(ctx.id(st.id + "/" + f.id));
            ImGui::PopID();
        }
        if (!st.checklist.empty()) {
            ImGui::Spacing();
            ImGui::PushFont(ui::fonts().bold);
            ImGui::TextUnformatted(ui::tr("sp.checklist"));
            ImGui::PopFont();
            for (const auto& c : st.checklist) {
                bool on = opt_bool(checks, c.id.c_str()).value_or(false);
                if (ui::checkbox(ctx.id(st.id + "/check/" + c.id).c_str(), ctx.t(c.text), on)) {
                    if (on)
                        checks[c.id] = true;
                    else
                        checks.erase(c.id);
                    step_changed = true;
                }
            }
        }
        if (!st.tool.empty() && ctx.open_exercise) {
            if (ui::link_button((std::string(ui::tr("sp.open_tool")) + " \xE2\x86\x92").c_str()))
                ctx.open_exercise(st.tool);
            ui::tid(ctx.id(st.id + "/tool"));
        }
        if (step_changed) {
            json na = json::object();
            if (!fields.empty()) na["fields"] = fields;
            if (!checks.empty()) na["checks"] = checks;
            if (na.empty())
                steps.erase(st.id);
            else
                steps[st.id] = na;
            changed = true;
        }
        ui::card_end();
        ImGui::PopID();
    }
    if (changed) ctx.commit(json{{"steps", steps}});
}

void step_plan_results(Ctx& ctx, const crb::StepPlan& s) {
    const json& steps = field(ctx.answer, "steps");
    int filled = 0, fields = 0, ticked = 0, items = 0;
    for (const auto& st : s.steps) {
        const json& a = field(steps, st.id.c_str());
        for (const auto& f : st.fields) {
            ++fields;
            if (!str(field(a, "fields"), f.id.c_str()).empty()) ++filled;
        }
        for (const auto& c : st.checklist) {
            ++items;
            if (opt_bool(field(a, "checks"), c.id.c_str()).value_or(false)) ++ticked;
        }
    }
    ui::para(ui::trf("sp.progress", {std::to_string(filled), std::to_string(fields), std::to_string(ticked),
                                     std::to_string(items)})
                 .c_str());
    ui::tid(ctx.id("result/progress"));
    float frac =
        (fields + items) ? static_cast<float>(filled + ticked) / static_cast<float>(fields + items) : 0.0f;
    ui::progress_bar(frac, "");
}

}  // namespace widgets
