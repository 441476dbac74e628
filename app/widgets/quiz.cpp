// quiz: single or multiple choice; after "Check answers" every chosen option shows its feedback
// and the question shows Correct / Not quite as text (not only colour).
#include <algorithm>

#include "app/ui/kit.h"
#include "app/ui/theme.h"
#include "app/widgets/widget.h"
#include "core/calc/calc.h"

namespace widgets {
namespace {

std::vector<std::string> chosen_of(const json& questions, const std::string& qid) {
    std::vector<std::string> out;
    for (const json& v : array_or_empty(field(questions, qid.c_str())))
        if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

struct Score {
    int answered = 0, correct = 0, total = 0;
};

Score score_of(const Ctx& ctx, const crb::Quiz& s) {
    Score sc;
    const json& qs = field(ctx.answer, "questions");
    for (const auto& q : s.questions) {
        ++sc.total;
        auto chosen = chosen_of(qs, q.id);
        if (chosen.empty()) continue;
        ++sc.answered;
        if (crb::calc::quiz_correct(chosen, q.correct_ids())) ++sc.correct;
    }
    return sc;
}

}  // namespace

void quiz_inputs(Ctx& ctx, const crb::Quiz& s) {
    json qs = object_or_empty(field(ctx.answer, "questions"));
    bool changed = false;
    Score sc = score_of(ctx, s);
    bool reveal = sc.answered == sc.total;
    int n = 0;
    for (const auto& q : s.questions) {
        ImGui::PushID(q.id.c_str());
        ui::card_begin("q");
        ImGui::PushFont(ui::fonts().bold);
        ui::para((std::to_string(++n) + ". " + ctx.t(q.text)).c_str());
        ImGui::PopFont();
        ui::muted(ui::tr(q.multiple ? "qz.choose_many" : "qz.choose_one"));
        auto chosen = chosen_of(qs, q.id);
        for (const auto& o : q.options) {
            bool on = std::find(chosen.begin(), chosen.end(), o.id) != chosen.end();
            ImGui::PushID(o.id.c_str());
            bool clicked = q.multiple ? ImGui::Checkbox("##o", &on) : ImGui::RadioButton("##o", on);
            ui::tid(ctx.id(q.id + "/" + o.id));
            if (clicked) {
                if (q.multiple) {
                    if (on)
                        chosen.push_back(o.id);
                    else
                        chosen.erase(std::remove(chosen.begin(), chosen.end(), o.id), chosen.end());
                } else {
                    chosen = {o.id};
                    on = true;
                }
                json arr = json::array();
                for (const auto& c : chosen) arr.push_back(c);
                if (arr.empty())
                    qs.erase(q.id);
                else
                    qs[q.id] = arr;
                changed = true;
            }
            ImGui::SameLine();
            ui::para(ctx.t(o.text));
            if (reveal && on) {
                ImGui::Indent();
                ui::para_colored(o.correct ? ui::palette().ok : ui::palette().danger, ctx.t(o.feedback));
                ImGui::Unindent();
            }
            ImGui::PopID();
        }
        if (reveal) {
            bool ok = crb::calc::quiz_correct(chosen, q.correct_ids());
            ui::para_colored(ok ? ui::palette().ok : ui::palette().danger,
                             (std::string(ok ? "\xE2\x9C\x93 " : "\xE2\x9C\x95 ") +
                              ui::tr(ok ? "qz.correct" : "qz.incorrect"))
                                 .c_str());
        }
        ui::card_end();
        ImGui::PopID();
    }
    if (changed) ctx.commit(json{{"questions", qs}});
}

void quiz_results(Ctx& ctx, const crb::Quiz& s) {
    Score sc = score_of(ctx, s);
    if (sc.answered < sc.total) {
        ui::muted(ui::trf("qz.unanswered", {std::to_string(sc.answered), std::to_string(sc.total)}).c_str());
        return;
    }
    ImGui::PushFont(ui::fonts().heading);
    ImGui::TextUnformatted(
        ui::trf("qz.score", {std::to_string(sc.correct), std::to_string(sc.total)}).c_str());
    ImGui::PopFont();
    ui::tid(ctx.id("result/score"));
}

}  // namespace widgets
