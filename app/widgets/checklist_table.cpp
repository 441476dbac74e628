// checklist_table: optional free-text questions, then grouped rows answered yes/no with a note.
// Results: yes-count per group and overall.
#include "app/ui/kit.h"
#include "app/ui/theme.h"
#include "app/widgets/widget.h"
#include "core/calc/calc.h"

namespace widgets {
namespace {

crb::calc::YesCount count_group(const json& rows, const crb::ChecklistTable::Group& g) {
    std::vector<std::optional<bool>> v;
    for (const auto& r : g.rows) v.push_back(opt_bool(field(rows, r.id.c_str()), "yes"));
    return crb::calc::yes_count(v);
}

}  // namespace

void checklist_table_inputs(Ctx& ctx, const crb::ChecklistTable& s) {
    json ans = object_or_empty(ctx.answer);
    json questions = object_or_empty(field(ans, "questions"));
    json rows = object_or_empty(field(ans, "rows"));
    bool changed = false;
    for (const auto& q : s.questions) {
        ImGui::PushID(q.id.c_str());
        ui::para(ctx.t(q.text));
        std::string text = str(questions, q.id.c_str());
        if (ui::text_field("##q", text, true, nullptr, -1)) {
            if (text.empty())
                questions.erase(q.id);
            else
                questions[q.id] = text;
            changed = true;
        }
        ui::tid(ctx.id("q/" + q.id));
        ImGui::PopID();
    }
    float fs = ImGui::GetFontSize();
    bool stacked = ui::narrow();
    // One row's answer: yes/no and a note. Returns true when it changed `rows`.
    auto answer_cell = [&](const crb::ChecklistTable::Row& r) {
        json a = object_or_empty(field(rows, r.id.c_str()));
        std::optional<bool> yes = opt_bool(a, "yes");
        bool row_changed = false;
        if (ui::yes_no(ctx.id(r.id).c_str(), yes)) {
            if (yes)
                a["yes"] = *yes;
            else
                a.erase("yes");
            row_changed = true;
        }
        std::string note = str(a, "note");
        if (ui::text_field("##note", note, false, ui::tr("cl.note"), -1)) {
            if (note.empty())
                a.erase("note");
            else
                a["note"] = note;
            row_changed = true;
        }
        ui::tid(ctx.id(r.id + "/note"));
        if (row_changed) {
            if (a.empty())
                rows.erase(r.id);
            else
                rows[r.id] = a;
        }
        return row_changed;
    };
    for (const auto& g : s.groups) {
        ImGui::Spacing();
        ui::heading(ctx.t(g.title), ui::fonts().bold);
        if (stacked) {
            for (const auto& r : g.rows) {
                ImGui::PushID(r.id.c_str());
                ImGui::Separator();
                ImGui::PushFont(ui::fonts().bold);
                ui::para(ctx.t(r.dimension));
                ImGui::PopFont();
                ui::para(ctx.t(r.description));
                for (const auto& item : r.items) ui::bullet_para(ctx.t(item));
                changed |= answer_cell(r);
                ImGui::PopID();
            }
            continue;
        }
        if (!ImGui::BeginTable(g.id.c_str(), 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH,
                               ImVec2(ui::table_width(), 0)))
            continue;
        ImGui::TableSetupColumn(ctx.t(s.col_dimension), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(ctx.t(s.col_description), ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableSetupColumn(ctx.t(s.col_answer), ImGuiTableColumnFlags_WidthFixed, fs * 10);
        ImGui::TableHeadersRow();
        for (const auto& r : g.rows) {
            ImGui::PushID(r.id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ui::para(ctx.t(r.dimension));
            ImGui::TableNextColumn();
            ui::para(ctx.t(r.description));
            for (const auto& item : r.items) ui::bullet_para(ctx.t(item));
            ImGui::TableNextColumn();
            changed |= answer_cell(r);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (changed) ctx.commit(json{{"questions", questions}, {"rows", rows}});
}

void checklist_table_results(Ctx& ctx, const crb::ChecklistTable& s) {
    const json& rows = field(ctx.answer, "rows");
    crb::calc::YesCount all;
    for (const auto& g : s.groups) {
        crb::calc::YesCount c = count_group(rows, g);
        all.yes += c.yes;
        all.no += c.no;
        all.unanswered += c.unanswered;
        all.total += c.total;
        ui::label_value((std::string(ctx.t(g.title)) + ":").c_str(),
                        ui::trf("cl.yes_count", {std::to_string(c.yes), std::to_string(c.total)}));
    }
    ui::label_value((std::string(ui::tr("cl.overall")) + ":").c_str(),
                    ui::trf("cl.yes_count", {std::to_string(all.yes), std::to_string(all.total)}));
    ui::tid(ctx.id("result/overall"));
}

}  // namespace widgets
