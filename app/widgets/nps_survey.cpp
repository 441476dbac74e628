// nps_survey: respondents with a 0-10 score; the category appears as a labelled badge (never by
// colour alone) and the summary shows a stacked bar and the NPS.

#include "app/ui/kit.h"
#include "app/ui/theme.h"
#include "app/widgets/widget.h"
#include "core/calc/calc.h"
#include "core/results.h"

namespace widgets {
namespace {

json respondents_of(Ctx& ctx, const crb::NpsSurvey& s) {
    json rows = array_or_empty(field(ctx.answer, "respondents"));
    while (rows.size() < static_cast<size_t>(s.default_respondents))
        rows.push_back(json{{"name", ""}, {"score", nullptr}});
    return rows;
}

void category_badge(crb::calc::NpsCategory c) {
    const ui::Palette& p = ui::palette();
    switch (c) {
        case crb::calc::NpsCategory::promoter:
            ui::badge(ui::tr("nps.promoter"), p.promoter, ImVec4(0, 0, 0, 1));
            break;
        case crb::calc::NpsCategory::passive:
            ui::badge(ui::tr("nps.passive"), p.passive, ImVec4(0, 0, 0, 1));
            break;
        case crb::calc::NpsCategory::detractor:
            ui::badge(ui::tr("nps.detractor"), p.detractor, ImVec4(0, 0, 0, 1));
            break;
        case crb::calc::NpsCategory::none:
            ImGui::TextDisabled("\xE2\x80\x94");
            break;
    }
}

// Pasted text: one score per line; the whole paste is refused if any line is not 0-10.
std::string g_paste_text;
std::string g_paste_error;

}  // namespace

void nps_survey_inputs(Ctx& ctx, const crb::NpsSurvey& s) {
    ui::para(ctx.t(s.question));
    ImGui::Spacing();
    json rows = respondents_of(ctx, s);
    bool changed = false;
    int remove = -1;
    // On narrow screens the row number column goes (the names say "Respondent N" anyway).
    bool compact = ui::narrow();
    if (ImGui::BeginTable(
            "nps", compact ? 4 : 5,
            ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp,
            ImVec2(ui::table_width(), 0))) {
        float fs = ImGui::GetFontSize();
        if (!compact) ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, fs * 1.5f);
        ImGui::TableSetupColumn(ui::tr("nps.respondent"), ImGuiTableColumnFlags_WidthStretch, 3);
        ImGui::TableSetupColumn(compact ? "0-10" : ui::tr("nps.score_col"), ImGuiTableColumnFlags_WidthFixed,
                                fs * (compact ? 3.2f : 8.0f));
        ImGui::TableSetupColumn(ui::tr("nps.category"), ImGuiTableColumnFlags_WidthFixed,
                                fs * (compact ? 5.6f : 7.0f));
        ImGui::TableSetupColumn("##rm", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFrameHeight());
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < rows.size(); ++i) {
            json& r = rows[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            if (!compact) {
                ImGui::TableNextColumn();
                ImGui::AlignTextToFramePadding();
                ImGui::Text("%d", static_cast<int>(i + 1));
            }
            ImGui::TableNextColumn();
            std::string name = str(r, "name");
            // Unnamed respondents show "Respondent N" as a hint, as results, CSV and report name them.
            if (ui::text_field("##name", name, false, s.respondent_label.numbered(i, ctx.lang).c_str(), -1)) {
                r["name"] = name;
                changed = true;
            }
            ui::tid(ctx.id("r" + std::to_string(i + 1) + "/name"));
            ImGui::TableNextColumn();
            std::optional<int> score = opt_int(r, "score");
            if (ui::int_field("##score", score, 0, 10, -1)) {
                r["score"] = score ? json(*score) : json(nullptr);
                changed = true;
            }
            ui::tid(ctx.id("r" + std::to_string(i + 1) + "/score"));
            ImGui::TableNextColumn();
            category_badge(crb::calc::nps_category(score));
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("\xC3\x97")) remove = static_cast<int>(i);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui::tr("ui.remove"));
            ui::tid(ctx.id("r" + std::to_string(i + 1) + "/remove"));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (remove >= 0) {
        rows.erase(rows.begin() + remove);
        changed = true;
    }
    if (ImGui::Button(ui::tr("nps.add"))) {
        rows.push_back(json{{"name", ""}, {"score", nullptr}});
        changed = true;
    }
    ui::tid(ctx.id("add"));
    ui::same_line_if_fits(ui::tr("nps.paste"));
    if (ImGui::Button(ui::tr("nps.paste"))) {
        g_paste_text.clear();
        g_paste_error.clear();
        ImGui::OpenPopup("paste");
    }
    ui::tid(ctx.id("paste"));
    if (ImGui::BeginPopup("paste")) {
        const float width = ui::popup_content_width(22);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::TextUnformatted(ui::tr("nps.paste_help"));
        ImGui::PopTextWrapPos();
        ui::text_field("##pastebox", g_paste_text, true, nullptr, width);
        ui::tid(ctx.id("paste/text"));
        if (!g_paste_error.empty()) ui::para_colored(ui::palette().warning, g_paste_error.c_str());
        if (ui::primary_button(ui::tr("nps.paste_do"))) {
            json pasted{{"respondents", rows}};
            const int bad_line = crb::paste_nps_scores(pasted, g_paste_text);
            g_paste_error = bad_line ? ui::trf("nps.paste_bad", {std::to_string(bad_line)}) : std::string();
            if (!bad_line) {
                changed = pasted["respondents"] != rows;
                rows = pasted["respondents"];
                ImGui::CloseCurrentPopup();
            }
        }
        ui::tid(ctx.id("paste/do"));
        ImGui::SameLine();  // a popup sized to its content: nothing to fit against
        if (ImGui::Button(ui::tr("ui.cancel"))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ui::same_line_if_fits(ui::tr("ex.csv"));
    if (ImGui::Button(ui::tr("ex.csv")) && ctx.download_csv)
        ctx.download_csv(ctx.ex->id + ".csv", crb::table_csv(*ctx.ex, json{{"respondents", rows}}));
    ui::tid(ctx.id("csv"));
    if (changed) ctx.commit(json{{"respondents", rows}});
}

void nps_survey_results(Ctx& ctx, const crb::NpsSurvey& s) {
    (void)s;
    std::vector<std::optional<int>> scores;
    for (const json& r : array_or_empty(field(ctx.answer, "respondents")))
        scores.push_back(opt_int(r, "score"));
    crb::calc::NpsSummary sum = crb::calc::nps(scores);
    if (sum.answered == 0) {
        ui::muted(ui::tr("nps.no_answers"));
        return;
    }
    const ui::Palette& p = ui::palette();
    ui::label_value(ui::tr("nps.nps"), ui::num(sum.nps, 1));
    ui::tid(ctx.id("result/nps"));
    ImGui::TextUnformatted(ui::trf("nps.answered_n", {std::to_string(sum.answered)}).c_str());
    ui::stacked_bar({{static_cast<float>(sum.promoters), p.promoter, ui::num(sum.pct_promoters, 1) + "%"},
                     {static_cast<float>(sum.passives), p.passive, ui::num(sum.pct_passives, 1) + "%"},
                     {static_cast<float>(sum.detractors), p.detractor, ui::num(sum.pct_detractors, 1) + "%"}},
                    ImGui::GetFontSize() * 1.6f);
    ImGui::Text("%s: %s%% (%d)", ui::tr("nps.promoters"), ui::num(sum.pct_promoters, 1).c_str(),
                sum.promoters);
    ImGui::Text("%s: %s%% (%d)", ui::tr("nps.passives"), ui::num(sum.pct_passives, 1).c_str(), sum.passives);
    ImGui::Text("%s: %s%% (%d)", ui::tr("nps.detractors"), ui::num(sum.pct_detractors, 1).c_str(),
                sum.detractors);
}

}  // namespace widgets
