// quadrant_map: the learner's customers with interest and influence scores (0-10), placed on a
// 2x2 influence x interest board where they can also be dragged; then each quadrant's strategies
// are rated 1-5. Results: who is in which quadrant and the top-rated strategies.
#include <algorithm>
#include <cmath>

#include "app/ui/kit.h"
#include "app/ui/theme.h"
#include "app/widgets/widget.h"
#include "core/calc/calc.h"

namespace widgets {
namespace {

bool high(int score, int threshold) { return score >= threshold; }

// The board: x = interest 0..10 left to right, y = influence 0..10 bottom to top.
bool board(Ctx& ctx, const crb::QuadrantMap& s, json& items) {
    bool changed = false;
    float fs = ImGui::GetFontSize();
    // The board starts fs * 1.6 in (room for the y axis arrow) and ends at the available width.
    float w = std::min(ImGui::GetContentRegionAvail().x - fs * 1.6f, fs * 34);
    float h = w * 0.62f;
    ImGui::Dummy(ImVec2(0, fs * 1.2f));  // room for the y axis label above the board
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    p0.x += fs * 1.6f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ui::Palette& pal = ui::palette();
    float t = static_cast<float>(s.threshold) / 10.5f;
    auto to_screen = [&](double interest, double influence) {
        return ImVec2(p0.x + static_cast<float>((interest + 0.25) / 10.5) * w,
                      p0.y + h - static_cast<float>((influence + 0.25) / 10.5) * h);
    };
    float split_x = p0.x + t * w, split_y = p0.y + h - t * h;
    ImU32 bg[4] = {ImGui::GetColorU32(pal.heat_low), ImGui::GetColorU32(pal.heat_medium),
                   ImGui::GetColorU32(pal.heat_high), ImGui::GetColorU32(pal.highlight_row)};
    dl->AddRectFilled(p0, ImVec2(split_x, split_y), bg[1]);                          // keep satisfied
    dl->AddRectFilled(ImVec2(split_x, p0.y), ImVec2(p0.x + w, split_y), bg[2]);      // key
    dl->AddRectFilled(ImVec2(p0.x, split_y), ImVec2(split_x, p0.y + h), bg[3]);      // monitor
    dl->AddRectFilled(ImVec2(split_x, split_y), ImVec2(p0.x + w, p0.y + h), bg[0]);  // keep informed
    dl->AddRect(p0, ImVec2(p0.x + w, p0.y + h), ImGui::GetColorU32(pal.card_border));
    // Each fill's text colour (dark, or white on the dark fills of the dark and high-contrast themes).
    const ImU32 text_on[4] = {ImGui::GetColorU32(pal.board_text_low), ImGui::GetColorU32(pal.board_text_medium),
                              ImGui::GetColorU32(pal.board_text_high), ImGui::GetColorU32(pal.board_text_row)};
    // Which fill is under a point: 1 keep satisfied, 2 key, 3 monitor, 0 keep informed (as drawn).
    auto fill_at = [&](ImVec2 at) { return at.y < split_y ? (at.x < split_x ? 1 : 2) : (at.x < split_x ? 3 : 0); };
    struct Corner {
        bool infl, inter;
        ImVec2 at;
    };
    Corner corners[4] = {{true, false, ImVec2(p0.x + 6, p0.y + 4)},
                         {true, true, ImVec2(split_x + 6, p0.y + 4)},
                         {false, false, ImVec2(p0.x + 6, split_y + 4)},
                         {false, true, ImVec2(split_x + 6, split_y + 4)}};
    // Each quadrant's name wraps inside its own fill (a narrow board would run it into the next one).
    ImGui::PushFont(ui::fonts().bold);
    for (const auto& c : corners) {
        const float right = c.at.x < split_x ? split_x : p0.x + w;
        if (const auto* q = s.find(c.infl, c.inter))
            dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), c.at, text_on[fill_at(c.at)], ctx.t(q->name), nullptr,
                        std::max(right - c.at.x - 6.0f, fs * 3.0f));
    }
    ImGui::PopFont();
    // Axis labels.
    std::string xl = std::string(ctx.t(s.axis_x)) + " \xE2\x86\x92";
    dl->AddText(ImVec2(p0.x + w - ImGui::CalcTextSize(xl.c_str()).x, p0.y + h + 2),
                ImGui::GetColorU32(pal.text_muted), xl.c_str());
    std::string yl = std::string(ctx.t(s.axis_y)) + " \xE2\x86\x91";
    dl->AddText(ImVec2(p0.x - fs * 1.5f, p0.y - fs * 1.3f), ImGui::GetColorU32(pal.text_muted), yl.c_str());
    // Items: drag to move; the scores follow.
    for (size_t i = 0; i < items.size(); ++i) {
        json& it = items[i];
        int interest = opt_int(it, "interest").value_or(0), influence = opt_int(it, "influence").value_or(0);
        ImVec2 c = to_screen(interest, influence);
        float rad = fs * 0.45f;
        ImGui::SetCursorScreenPos(ImVec2(c.x - rad, c.y - rad));
        ImGui::PushID(static_cast<int>(i));
        ImGui::InvisibleButton("dot", ImVec2(rad * 2, rad * 2));
        if (ImGui::IsItemActive() && ImGui::IsMouseDragging(0, 1.0f)) {
            ImVec2 m = ImGui::GetIO().MousePos;
            int ni = std::clamp(static_cast<int>(std::lround((m.x - p0.x) / w * 10.5 - 0.25)), 0, 10);
            int nf = std::clamp(static_cast<int>(std::lround((p0.y + h - m.y) / h * 10.5 - 0.25)), 0, 10);
            if (ni != interest || nf != influence) {
                it["interest"] = ni;
                it["influence"] = nf;
                changed = true;
            }
        }
        ui::tid(ctx.id("board/" + std::to_string(i + 1)));
        ImGui::PopID();
        dl->AddCircleFilled(c, rad, ImGui::GetColorU32(pal.accent));
        std::string label = str(it, "name");
        if (label.empty()) label = std::to_string(i + 1);
        // Right of the dot, or left of it when it would run past the board's right edge.
        const float lw = ImGui::CalcTextSize(label.c_str()).x;
        const float lx = c.x + rad + 3 + lw <= p0.x + w ? c.x + rad + 3 : c.x - rad - 3 - lw;
        dl->AddText(ImVec2(lx, c.y - fs * 0.5f), text_on[fill_at(ImVec2(lx, c.y))], label.c_str());
    }
    ImGui::SetCursorScreenPos(p0);
    ImGui::Dummy(ImVec2(w, h));  // the board as one item, for tests (not interactive)
    ui::tid(ctx.id("board"));
    ImGui::SetCursorScreenPos(ImVec2(p0.x - fs * 1.6f, p0.y + h + fs * 1.5f));
    ImGui::Dummy(ImVec2(w, 1));
    return changed;
}

}  // namespace

void quadrant_map_inputs(Ctx& ctx, const crb::QuadrantMap& s) {
    json ans = object_or_empty(ctx.answer);
    json items = array_or_empty(field(ans, "items"));
    json ratings = object_or_empty(field(ans, "ratings"));
    bool changed = false;
    float fs = ImGui::GetFontSize();

    ui::heading(ui::tr("qm.items"), ui::fonts().bold);
    int remove = -1;
    bool stacked = ui::narrow();
    if (ImGui::BeginTable("items", stacked ? 1 : 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH,
                          ImVec2(ui::table_width(), 0))) {
        if (!stacked) {
            ImGui::TableSetupColumn(ctx.t(s.item_label), ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableSetupColumn(ctx.t(s.axis_x), ImGuiTableColumnFlags_WidthFixed, fs * 9);
            ImGui::TableSetupColumn(ctx.t(s.axis_y), ImGuiTableColumnFlags_WidthFixed, fs * 9);
            ImGui::TableSetupColumn("##rm", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFrameHeight());
            ImGui::TableHeadersRow();
        }
        for (size_t i = 0; i < items.size(); ++i) {
            json& it = items[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            std::string name = str(it, "name");
            if (ui::text_field("##name", name, false, ctx.t(s.item_label), -1)) {
                it["name"] = name;
                changed = true;
            }
            ui::tid(ctx.id("item" + std::to_string(i + 1) + "/name"));
            const char* axes[2] = {"interest", "influence"};
            for (const char* axis : axes) {
                if (stacked)
                    ImGui::TextDisabled("%s", ctx.t(std::string(axis) == "interest" ? s.axis_x : s.axis_y));
                else
                    ImGui::TableNextColumn();
                int v = opt_int(it, axis).value_or(0);
                ImGui::SetNextItemWidth(-1);
                v = std::clamp(v, 0, 10);
                if (ui::step_slider((std::string("##") + axis).c_str(), v, 10, std::to_string(v).c_str())) {
                    it[axis] = v;
                    changed = true;
                }
                ui::tid(ctx.id("item" + std::to_string(i + 1) + "/" + axis));
            }
            if (!stacked) ImGui::TableNextColumn();
            if (ImGui::SmallButton("\xC3\x97")) remove = static_cast<int>(i);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui::tr("ui.remove"));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (remove >= 0) {
        items.erase(items.begin() + remove);
        changed = true;
    }
    if (ImGui::Button(ui::tr("qm.add"))) {
        items.push_back(json{{"name", ""}, {"interest", 5}, {"influence", 5}});
        changed = true;
    }
    ui::tid(ctx.id("add"));
    ImGui::Spacing();
    ui::heading(ui::tr("qm.board"), ui::fonts().bold);
    changed |= board(ctx, s, items);

    ImGui::Spacing();
    ui::heading(ui::tr("qm.strategies"), ui::fonts().bold);
    // Quadrants in reading order: key, keep satisfied, keep informed, monitor.
    const bool order[4][2] = {{true, true}, {true, false}, {false, true}, {false, false}};
    for (const auto& o : order) {
        const auto* q = s.find(o[0], o[1]);
        if (!q) continue;
        ui::card_begin(q->id.c_str());
        ui::heading(ctx.t(q->name), ui::fonts().bold);
        for (const auto& st : q->strategies) {
            std::optional<int> v = opt_int(ratings, st.id.c_str());
            ImGui::PushID(st.id.c_str());
            std::string rid = ctx.id("rate/" + st.id);
            if (ui::rating_buttons(rid.c_str(), v, 1, 5)) {
                if (v)
                    ratings[st.id] = *v;
                else
                    ratings.erase(st.id);
                changed = true;
            }
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            ui::para(ctx.t(st.text));
            ImGui::PopID();
        }
        ui::card_end();
    }
    if (changed) ctx.commit(json{{"items", items}, {"ratings", ratings}});
}

void quadrant_map_results(Ctx& ctx, const crb::QuadrantMap& s) {
    json items = array_or_empty(field(ctx.answer, "items"));
    const json& ratings = field(ctx.answer, "ratings");
    const bool order[4][2] = {{true, true}, {true, false}, {false, true}, {false, false}};
    for (const auto& o : order) {
        const auto* q = s.find(o[0], o[1]);
        if (!q) continue;
        std::string names;
        for (const json& it : items) {
            int inter = opt_int(it, "interest").value_or(0), infl = opt_int(it, "influence").value_or(0);
            if (high(infl, s.threshold) == o[0] && high(inter, s.threshold) == o[1]) {
                if (!names.empty()) names += ", ";
                std::string n = str(it, "name");
                names += n.empty() ? "?" : n;
            }
        }
        ui::label_value((std::string(ctx.t(q->name)) + ":").c_str(),
                        names.empty() ? ui::tr("qm.empty_quadrant") : names);
        ui::tid(ctx.id("result/" + q->id));
    }
    // Top-rated strategies: every strategy sharing the highest rating given.
    int best = 0;
    for (const auto& q : s.quadrants)
        for (const auto& st : q.strategies)
            best = std::max(best, opt_int(ratings, st.id.c_str()).value_or(0));
    if (best == 0) return;
    ImGui::Spacing();
    ui::heading(ui::tr("qm.top"), ui::fonts().bold);
    for (const auto& q : s.quadrants)
        for (const auto& st : q.strategies)
            if (opt_int(ratings, st.id.c_str()).value_or(0) == best)
                ui::bullet_para(
                    (std::string(ctx.t(st.text)) + " (" + ctx.t(q.name) + ", " + std::to_string(best) + "/5)")
                        .c_str());
}

}  // namespace widgets
