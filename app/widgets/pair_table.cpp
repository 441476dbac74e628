// pair_table: editable rows of two texts (e.g. customer action -> our reaction) with the content's
// examples shown above; rows can be added, edited, removed and reordered.
#include "app/ui/kit.h"
#include "app/ui/theme.h"
#include "app/widgets/widget.h"

namespace widgets {

void pair_table_inputs(Ctx& ctx, const crb::PairTable& s) {
    json rows = array_or_empty(field(ctx.answer, "rows"));
    bool changed = false;
    ui::heading(ui::tr("pt.examples"), ui::fonts().bold);
    for (const auto& ex : s.examples)
        ui::bullet_para((std::string(ctx.t(ex.left)) + "  \xE2\x86\x92  " + ctx.t(ex.right)).c_str());
    if (rows.empty()) {
        if (ImGui::Button(ui::tr("pt.use_examples"))) {
            for (const auto& ex : s.examples)
                rows.push_back(json{{"left", ctx.t(ex.left)}, {"right", ctx.t(ex.right)}});
            changed = true;
        }
        ui::tid(ctx.id("use_examples"));
    }
    ImGui::Spacing();
    float fs = ImGui::GetFontSize();
    int remove = -1, up = -1, down = -1;
    bool stacked = ui::narrow();
    int columns = stacked ? 1 : 3;
    if (ImGui::BeginTable("pairs", columns, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH,
                          ImVec2(ui::table_width(), 0))) {
        if (!stacked) {
            ImGui::TableSetupColumn(ctx.t(s.col_left), ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableSetupColumn(ctx.t(s.col_right), ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableSetupColumn("##tools", ImGuiTableColumnFlags_WidthFixed, fs * 5.2f);
            ImGui::TableHeadersRow();
        }
        for (size_t i = 0; i < rows.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            const char* sides[2] = {"left", "right"};
            if (stacked) ImGui::TableNextColumn();
            for (const char* side : sides) {
                if (stacked)
                    ImGui::TextDisabled("%s", ctx.t(side[0] == 'l' ? s.col_left : s.col_right));
                else
                    ImGui::TableNextColumn();
                std::string v = str(rows[i], side);
                if (ui::text_field((std::string("##") + side).c_str(), v, true, nullptr, -1)) {
                    rows[i][side] = v;
                    changed = true;
                }
                ui::tid(ctx.id("r" + std::to_string(i + 1) + "/" + side));
            }
            if (!stacked) ImGui::TableNextColumn();
            if (ImGui::ArrowButton("up", ImGuiDir_Up) && i > 0) up = static_cast<int>(i);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui::tr("ui.move_up"));
            ImGui::SameLine(0, 2);
            if (ImGui::ArrowButton("down", ImGuiDir_Down) && i + 1 < rows.size()) down = static_cast<int>(i);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui::tr("ui.move_down"));
            ImGui::SameLine(0, 2);
            if (ImGui::SmallButton("\xC3\x97")) remove = static_cast<int>(i);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui::tr("ui.remove"));
            ui::tid(ctx.id("r" + std::to_string(i + 1) + "/remove"));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (up > 0) std::swap(rows[up], rows[up - 1]);
    if (down >= 0) std::swap(rows[down], rows[down + 1]);
    if (remove >= 0) rows.erase(rows.begin() + remove);
    changed |= up > 0 || down >= 0 || remove >= 0;
    if (ImGui::Button(ui::tr("ui.add_row"))) {
        rows.push_back(json{{"left", ""}, {"right", ""}});
        changed = true;
    }
    ui::tid(ctx.id("add"));
    if (changed) ctx.commit(json{{"rows", rows}});
}

void pair_table_results(Ctx& ctx, const crb::PairTable& s) {
    (void)s;
    int n = 0;
    for (const json& r : array_or_empty(field(ctx.answer, "rows")))
        if (!str(r, "left").empty() || !str(r, "right").empty()) ++n;
    ui::para(ui::trf("pt.rows", {std::to_string(n)}).c_str());
}

}  // namespace widgets
