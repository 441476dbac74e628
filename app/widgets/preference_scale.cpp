// preference_scale: five positions between a left and a right description per row, and a bar
// showing which side predominates and by how much.
#include "app/ui/kit.h"
#include "app/ui/theme.h"
#include "app/widgets/widget.h"
#include "core/calc/calc.h"

namespace widgets {

void preference_scale_inputs(Ctx& ctx, const crb::PreferenceScale& s) {
    json rows = object_or_empty(field(ctx.answer, "rows"));
    bool changed = false;
    float fs = ImGui::GetFontSize();
    for (const auto& r : s.rows) {
        ImGui::PushID(r.id.c_str());
        ui::card_begin("pref");
        ui::heading(ctx.t(r.feature), ui::fonts().bold);
        std::optional<int> v = opt_int(rows, r.id.c_str());
        float avail = ImGui::GetContentRegionAvail().x - fs;
        bool narrow = avail < fs * 30;
        float side_w = narrow ? avail : (avail - fs * 13.5f) / 2;
        // Left description, five choices, right description in three aligned columns (stacked on
        // narrow screens).
        float x0 = ImGui::GetCursorPosX();
        float buttons_w = fs * 2.1f * 5 + 3 * 4;
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(x0 + side_w);
        ImGui::TextUnformatted(ctx.t(r.left));
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        if (!narrow) ImGui::SameLine(x0 + side_w + fs * 0.5f);
        ImGui::BeginGroup();
        static const char* kMarks[5] = {"\xC2\xAB", "\xE2\x80\xB9", "=", "\xE2\x80\xBA",
                                        "\xC2\xBB"};  // « ‹ = › »
        for (int pos = 1; pos <= 5; ++pos) {
            if (pos > 1) ImGui::SameLine(0, 3);
            bool on = v && *v == pos;
            char lbl[32];
            std::snprintf(lbl, sizeof lbl, "%s##p%d", on ? "\xE2\x9C\x93" : kMarks[pos - 1], pos);
            if (on) {
                ImGui::PushStyleColor(ImGuiCol_Button, ui::palette().accent);
                ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().accent_text);
            }
            if (ImGui::Button(lbl, ImVec2(fs * 2.1f, ImGui::GetFrameHeight()))) {
                if (on)
                    rows.erase(r.id);
                else
                    rows[r.id] = pos;
                changed = true;
            }
            if (on) ImGui::PopStyleColor(2);
            if (ImGui::IsItemHovered()) {
                const char* where = pos == 3  ? ui::tr("ps.neutral")
                                    : pos < 3 ? ctx.t(s.col_left)
                                              : ctx.t(s.col_right);
                ImGui::SetTooltip("%d/5: %s", pos, where);
            }
            ui::tid(ctx.id(r.id + "/" + std::to_string(pos)));
        }
        ImGui::EndGroup();
        if (!narrow) ImGui::SameLine(x0 + side_w + fs + buttons_w);
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + side_w);
        ImGui::TextUnformatted(ctx.t(r.right));
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        ui::card_end();
        ImGui::PopID();
    }
    if (changed) ctx.commit(json{{"rows", rows}});
}

void preference_scale_results(Ctx& ctx, const crb::PreferenceScale& s) {
    std::vector<std::optional<int>> choices;
    for (const auto& r : s.rows) choices.push_back(opt_int(field(ctx.answer, "rows"), r.id.c_str()));
    crb::calc::PreferenceSummary p = crb::calc::preference(choices);
    if (p.answered == 0) {
        ui::muted(ui::tr("ui.none_yet"));
        return;
    }
    const ui::Palette& pal = ui::palette();
    ui::stacked_bar({{static_cast<float>(p.left), pal.promoter, std::string(ctx.t(s.col_left))},
                     {static_cast<float>(p.neutral), pal.card_border, "="},
                     {static_cast<float>(p.right), pal.passive, std::string(ctx.t(s.col_right))}},
                    ImGui::GetFontSize() * 1.6f);
    if (p.side == 0)
        ui::para(ui::tr("ps.balanced"));
    else
        ui::para(ui::trf("ps.left_wins",
                         {p.side < 0 ? ctx.t(s.col_left) : ctx.t(s.col_right),
                          std::to_string(p.side < 0 ? p.left : p.right), std::to_string(p.answered)})
                     .c_str());
    ui::tid(ctx.id("result/side"));
    ui::para(ui::trf("ps.strength", {ui::num(p.strength, 0)}).c_str());
}

}  // namespace widgets
