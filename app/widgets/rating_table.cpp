// rating_table: each row rated 1-5 per criterion; live row average (unrated criteria excluded)
// and the best row highlighted, with its rank as text so colour is not the only signal.
#include "app/ui/kit.h"
#include "app/ui/theme.h"
#include "app/widgets/widget.h"
#include "core/calc/calc.h"

namespace widgets {
namespace {

std::vector<crb::calc::RowAverage> averages(const Ctx& ctx, const crb::RatingTable& s) {
    std::vector<crb::calc::RowAverage> out;
    const json& rows = field(ctx.answer, "rows");
    for (const auto& r : s.rows) {
        std::vector<std::optional<int>> ratings;
        for (const auto& c : s.criteria) ratings.push_back(opt_int(field(rows, r.id.c_str()), c.id.c_str()));
        out.push_back(crb::calc::row_average(ratings));
    }
    return out;
}

}  // namespace

void rating_table_inputs(Ctx& ctx, const crb::RatingTable& s) {
    json rows = object_or_empty(field(ctx.answer, "rows"));
    auto avg = averages(ctx, s);
    auto rank = crb::calc::ranking(avg);
    std::optional<size_t> best;
    if (!rank.empty() && avg[rank[0]].average) best = rank[0];
    bool changed = false;
    for (size_t i = 0; i < s.rows.size(); ++i) {
        const auto& r = s.rows[i];
        ImGui::PushID(r.id.c_str());
        bool is_best = best && *best == i;
        if (is_best) ImGui::PushStyleColor(ImGuiCol_ChildBg, ui::palette().highlight_row);
        ui::card_begin("row");
        ui::heading(ctx.t(r.label), ui::fonts().bold);
        if (is_best) {
            ImGui::SameLine();
            ui::badge(ui::tr("rt.best"), ui::palette().accent, ui::palette().accent_text);
        }
        ui::muted(ctx.t(r.description));
        json a = object_or_empty(field(rows, r.id.c_str()));
        for (const auto& c : s.criteria) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(ctx.t(c.text));
            ImGui::SameLine(ImGui::GetFontSize() * 9);
            std::optional<int> v = opt_int(a, c.id.c_str());
            std::string id = ctx.id(r.id + "/" + c.id);
            if (ui::rating_buttons(id.c_str(), v, 1, 5)) {
                if (v)
                    a[c.id] = *v;
                else
                    a.erase(c.id);
                changed = true;
            }
        }
        ui::label_value(ui::tr("rt.average"),
                        avg[i].average ? ui::num(*avg[i].average, 2) : ui::tr("rt.unrated"));
        ui::tid(ctx.id(r.id + "/average"));
        if (changed && a.empty())
            rows.erase(r.id);
        else if (changed)
            rows[r.id] = a;
        ui::card_end();
        if (is_best) ImGui::PopStyleColor();
        ImGui::PopID();
    }
    if (changed) ctx.commit(json{{"rows", rows}});
}

void rating_table_results(Ctx& ctx, const crb::RatingTable& s) {
    auto avg = averages(ctx, s);
    auto rank = crb::calc::ranking(avg);
    ui::heading(ui::tr("rt.ranking"), ui::fonts().bold);
    int n = 0;
    for (size_t idx : rank) {
        std::string avg_text = avg[idx].average ? ui::num(*avg[idx].average, 2) : ui::tr("rt.unrated");
        ImGui::Text("%d. %s \xE2\x80\x94 %s", ++n, ctx.t(s.rows[idx].label), avg_text.c_str());
    }
}

}  // namespace widgets
