// reflection: free-text answers to guiding questions, once or per entry (e.g. per situation).
#include "app/ui/kit.h"
#include "app/ui/theme.h"
#include "app/widgets/widget.h"

namespace widgets {
namespace {

json entries_of(const Ctx& ctx, const crb::Reflection& s) {
    json entries = array_or_empty(field(ctx.answer, "entries"));
    size_t want = s.repeat ? static_cast<size_t>(std::max(1, s.repeat_default)) : 1;
    while (entries.size() < want) entries.push_back(json{{"title", ""}, {"answers", json::object()}});
    return entries;
}

}  // namespace

void reflection_inputs(Ctx& ctx, const crb::Reflection& s) {
    json entries = entries_of(ctx, s);
    bool changed = false;
    int remove = -1;
    for (size_t e = 0; e < entries.size(); ++e) {
        json& entry = entries[e];
        ImGui::PushID(static_cast<int>(e));
        ui::card_begin("entry");
        std::string prefix = "e" + std::to_string(e + 1);
        if (s.repeat) {
            ui::heading((std::string(ctx.t(s.repeat_label)) + " " + std::to_string(e + 1)).c_str(),
                        ui::fonts().bold);
            std::string title = str(entry, "title");
            if (ui::text_field("##title", title, false, ui::tr("rf.title"), -ImGui::GetFontSize() * 6)) {
                entry["title"] = title;
                changed = true;
            }
            ui::tid(ctx.id(prefix + "/title"));
            ImGui::SameLine();
            if (entries.size() > 1 && ImGui::Button(ui::tr("ui.remove"))) remove = static_cast<int>(e);
        }
        json answers = object_or_empty(field(entry, "answers"));
        for (const auto& q : s.questions) {
            ImGui::PushID(q.id.c_str());
            ui::para(ctx.t(q.text));
            std::string text = str(answers, q.id.c_str());
            if (ui::text_field("##a", text, true, nullptr,
                               ui::table_width() == 0 ? -1.0f : -ImGui::GetFontSize())) {
                if (text.empty())
                    answers.erase(q.id);
                else
                    answers[q.id] = text;
                entry["answers"] = answers;
                changed = true;
            }
            ui::tid(ctx.id(prefix + "/" + q.id));
            ImGui::PopID();
        }
        ui::card_end();
        ImGui::PopID();
    }
    if (remove >= 0) {
        entries.erase(entries.begin() + remove);
        changed = true;
    }
    if (s.repeat) {
        if (ImGui::Button(ui::tr("rf.add"))) {
            entries.push_back(json{{"title", ""}, {"answers", json::object()}});
            changed = true;
        }
        ui::tid(ctx.id("add"));
    }
    if (changed) ctx.commit(json{{"entries", entries}});
}

void reflection_results(Ctx& ctx, const crb::Reflection& s) {
    int written = 0, total = 0;
    for (const json& entry : array_or_empty(field(ctx.answer, "entries")))
        for (const auto& q : s.questions) {
            ++total;
            if (!str(field(entry, "answers"), q.id.c_str()).empty()) ++written;
        }
    if (total == 0) total = static_cast<int>(s.questions.size());
    ui::para(ui::trf("rf.answered", {std::to_string(written), std::to_string(total)}).c_str());
    ui::tid(ctx.id("result/count"));
}

}  // namespace widgets
