// weighted_rating and weighted_comparison share one block editor: rating 1-5 and weight 0.1-0.9
// per row, the live "sum of weights" hint in the warning colour until it is 1.00, and the
// weighted average. The band verdict / comparison is shown only when everything is complete.
#include "app/ui/kit.h"
#include "app/ui/theme.h"
#include "app/widgets/widget.h"
#include "core/calc/calc.h"

namespace widgets {
namespace {

std::vector<crb::calc::WeightedRow> rows_of(const json& block, const std::vector<crb::IdText>& rows) {
    std::vector<crb::calc::WeightedRow> out;
    const json& answers = field(block, "rows");
    for (const auto& r : rows) {
        const json& a = field(answers, r.id.c_str());
        out.push_back({opt_int(a, "rating"), opt_num(a, "weight")});
    }
    return out;
}

// Draws one block's table; returns true and updates `block` when something changed.
bool block_editor(Ctx& ctx, const std::string& tid_prefix, const char* item_header,
                  const std::vector<crb::IdText>& rows, json& block) {
    bool changed = false;
    json answers = object_or_empty(field(block, "rows"));
    crb::calc::WeightedSummary sum = crb::calc::weighted(rows_of(block, rows));
    float fs = ImGui::GetFontSize();
    if (ui::narrow()) {
        // Stacked: the question, then its rating, then its weight and product.
        for (size_t i = 0; i < rows.size(); ++i) {
            const auto& r = rows[i];
            json a = object_or_empty(field(answers, r.id.c_str()));
            ImGui::PushID(r.id.c_str());
            ImGui::Separator();
            ui::para(ctx.t(r.text));
            bool row_changed = false;
            ImGui::TextDisabled("%s", ui::tr("w.rating"));
            std::optional<int> rating = opt_int(a, "rating");
            std::string rid = tid_prefix + "/" + r.id + "/rating";
            if (ui::rating_buttons(rid.c_str(), rating, 1, 5)) {
                if (rating)
                    a["rating"] = *rating;
                else
                    a.erase("rating");
                row_changed = true;
            }
            ImGui::TextDisabled("%s", ui::tr("w.weight"));
            std::optional<double> weight = opt_num(a, "weight");
            std::string wid = tid_prefix + "/" + r.id + "/weight";
            if (ui::weight_field(wid.c_str(), weight, fs * 3.6f)) {
                if (weight)
                    a["weight"] = *weight;
                else
                    a.erase("weight");
                row_changed = true;
            }
            if (i < sum.products.size() && sum.products[i]) {
                ImGui::SameLine();
                ImGui::Text("= %s", ui::num(*sum.products[i], 2).c_str());
            }
            if (row_changed) {
                if (a.empty())
                    answers.erase(r.id);
                else
                    answers[r.id] = a;
                changed = true;
            }
            ImGui::PopID();
        }
        if (changed) block["rows"] = answers;
        return changed;
    }
    if (ImGui::BeginTable(tid_prefix.c_str(), 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH,
                          ImVec2(ui::table_width(), 0))) {
        ImGui::TableSetupColumn(item_header, ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(ui::tr("w.rating"), ImGuiTableColumnFlags_WidthFixed, fs * 12.5f);  // 5 buttons and the clear button
        ImGui::TableSetupColumn(ui::tr("w.weight"), ImGuiTableColumnFlags_WidthFixed, fs * 9.5f);
        ImGui::TableSetupColumn(ui::tr("w.product"), ImGuiTableColumnFlags_WidthFixed, fs * 6.5f);
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < rows.size(); ++i) {
            const auto& r = rows[i];
            json a = object_or_empty(field(answers, r.id.c_str()));
            ImGui::PushID(r.id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ui::para(ctx.t(r.text));
            ImGui::TableNextColumn();
            std::optional<int> rating = opt_int(a, "rating");
            std::string rid = tid_prefix + "/" + r.id + "/rating";
            if (ui::rating_buttons(rid.c_str(), rating, 1, 5)) {
                if (rating)
                    a["rating"] = *rating;
                else
                    a.erase("rating");
                changed = true;
            }
            ImGui::TableNextColumn();
            std::optional<double> weight = opt_num(a, "weight");
            std::string wid = tid_prefix + "/" + r.id + "/weight";
            if (ui::weight_field(wid.c_str(), weight, fs * 3.6f)) {
                if (weight)
                    a["weight"] = *weight;
                else
                    a.erase("weight");
                changed = true;
            }
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            if (i < sum.products.size() && sum.products[i])
                ImGui::TextUnformatted(ui::num(*sum.products[i], 2).c_str());
            else
                ImGui::TextDisabled("\xE2\x80\x94");
            if (changed && !a.empty())
                answers[r.id] = a;
            else if (changed)
                answers.erase(r.id);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (changed) block["rows"] = answers;
    return changed;
}

// The per-block result lines; returns the block's summary for the verdicts.
crb::calc::WeightedSummary block_result(Ctx& ctx, const std::string& tid_prefix,
                                        const std::vector<crb::IdText>& rows, const json& block) {
    crb::calc::WeightedSummary sum = crb::calc::weighted(rows_of(block, rows));
    const ui::Palette& p = ui::palette();
    if (sum.weights_ok)
        ui::para_colored(p.ok, ui::trf("w.sum_ok", {ui::num(sum.weight_sum, 2)}).c_str());
    else
        ui::para_colored(p.warning, ui::trf("w.sum_bad", {ui::num(sum.weight_sum, 2)}).c_str());
    ui::tid(tid_prefix + "/sum");
    ui::label_value(ui::tr("w.average"),
                    sum.average ? ui::num(*sum.average, 2) : std::string("\xE2\x80\x94"));
    ui::tid(tid_prefix + "/average");
    if (!sum.complete)
        ui::muted(ui::trf("w.missing", {std::to_string(sum.rated), std::to_string(sum.rows)}).c_str());
    (void)ctx;
    return sum;
}

}  // namespace

void weighted_rating_inputs(Ctx& ctx, const crb::WeightedRating& s) {
    json block = object_or_empty(ctx.answer);
    if (block_editor(ctx, ctx.key, ctx.t(s.col_item), s.rows, block)) ctx.commit(block);
}

void weighted_rating_results(Ctx& ctx, const crb::WeightedRating& s) {
    crb::calc::WeightedSummary sum = block_result(ctx, ctx.key, s.rows, object_or_empty(ctx.answer));
    if (s.bands.empty() || !sum.complete || !sum.average) return;
    std::vector<crb::calc::Band> bands;
    for (const auto& b : s.bands) bands.push_back({b.min, b.max});
    if (auto i = crb::calc::band_index(bands, *sum.average)) {
        ImGui::Spacing();
        ui::label_value(ui::tr("w.verdict"), "");
        ui::para(ctx.t(s.bands[*i].text));
        ui::tid(ctx.id("verdict"));
    }
}

void weighted_comparison_inputs(Ctx& ctx, const crb::WeightedComparison& s) {
    json blocks = object_or_empty(field(ctx.answer, "blocks"));
    bool changed = false;
    for (const auto& b : s.blocks) {
        ImGui::Spacing();
        ui::heading(ctx.t(b.title), ui::fonts().bold);
        json block = object_or_empty(field(blocks, b.id.c_str()));
        if (block_editor(ctx, ctx.id(b.id), ui::tr("w.item"), b.rows, block)) {
            blocks[b.id] = block;
            changed = true;
        }
    }
    if (changed) ctx.commit(json{{"blocks", blocks}});
}

void weighted_comparison_results(Ctx& ctx, const crb::WeightedComparison& s) {
    const json& blocks = field(ctx.answer, "blocks");
    std::vector<crb::calc::WeightedSummary> sums;
    for (const auto& b : s.blocks) {
        ui::heading(ctx.t(b.title), ui::fonts().bold);
        sums.push_back(block_result(ctx, ctx.id(b.id), b.rows, field(blocks, b.id.c_str())));
        ImGui::Spacing();
    }
    if (sums.size() != 2 || !sums[0].complete || !sums[1].complete) return;
    auto cmp = crb::calc::compare_averages(sums[0].average, sums[1].average);
    if (!cmp) return;
    ui::label_value(ui::tr("w.verdict"), "");
    ui::para(ctx.t(*cmp > 0 ? s.verdict_first : *cmp < 0 ? s.verdict_second : s.verdict_equal));
    ui::tid(ctx.id("verdict"));
}

}  // namespace widgets
