// Screens: home, and a unit's pages (overview, read, listen, exercises, summary).
//
// [SECTION] Home
// [SECTION] Unit frame and navigation
// [SECTION] Overview and Read
// [SECTION] Listen
// [SECTION] Exercise and Summary
#include <algorithm>
#include <cmath>

#include "app/platform/platform.h"
#include "app/ui/app.h"
#include "app/ui/kit.h"
#include "app/ui/text_fit.h"
#include "app/ui/theme.h"
#include "app/widgets/widget.h"
#include "core/report.h"
#include "core/text.h"

namespace ui {
namespace {

const char* kRoman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII"};

// Reading width: about 70 characters per line, centred text column.
float reading_width() { return std::min(ImGui::GetContentRegionAvail().x, em() * 38.0f); }

}  // namespace

std::string App::unit_label(const crb::Unit& u) const {
    const char* roman = (u.number >= 1 && u.number <= 8) ? kRoman[u.number - 1] : "?";
    return trf("unit.label", {roman});
}

// [SECTION] Home ------------------------------------------------------------------------------

void App::home() {
    float w = ImGui::GetContentRegionAvail().x;
    float col = std::min(w, em() * 52.0f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (w - col) / 2));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + col);
    heading(tr("app.title"), fonts().title);
    ImGui::Spacing();
    para(tr("app.intro"));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (have_last_place_ && last_place_.page != Route::Page::home) {
        if (primary_button(tr("home.continue"))) navigate(last_place_);
        tid("home/continue");
        ImGui::Spacing();
    }
    bool two = col > em() * 34;
    float card_w = two ? (col - ImGui::GetStyle().ItemSpacing.x) / 2 : col;
    for (size_t i = 0; i < course_.units.size(); ++i) {
        const crb::Unit& u = course_.units[i];
        if (two && i % 2 == 1) ImGui::SameLine();
        ImGui::PushID(static_cast<int>(i));
        ImGui::BeginGroup();
        ImVec2 p0 = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->ChannelsSplit(2);
        dl->ChannelsSetCurrent(1);
        float pad = em() * 0.9f;
        ImGui::SetCursorScreenPos(ImVec2(p0.x + pad, p0.y + pad));
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + card_w - pad * 2);
        ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
        ImGui::PushFont(fonts().bold);
        ImGui::TextUnformatted(unit_label(u).c_str());
        ImGui::PopFont();
        ImGui::PopStyleColor();
        heading(T(u.title));
        muted(T(u.description));
        crb::UnitProgress pr = crb::unit_progress(course_, wb_, u.id);
        ImGui::Spacing();
        std::string done = trf("home.exercises_done", {std::to_string(pr.done), std::to_string(pr.total)});
        progress_bar(pr.total ? static_cast<float>(pr.done) / pr.total : 0.0f, nullptr, card_w - pad * 2);
        ImGui::TextUnformatted(done.c_str());
        tid("home/unit" + std::to_string(u.number) + "/progress");
        if (pr.quiz_total > 0 && pr.quiz_answered == pr.quiz_total)
            ImGui::TextUnformatted(
                trf("home.quiz_score", {std::to_string(pr.quiz_score), std::to_string(pr.quiz_total)})
                    .c_str());
        else
            ImGui::TextDisabled("%s", tr("home.quiz_not_taken"));
        ImGui::Spacing();
        if (primary_button((std::string(tr("home.open")) + "  \xE2\x86\x92").c_str())) {
            Route r;
            r.page = Route::Page::overview;
            r.unit = static_cast<int>(i);
            navigate(r);
        }
        tid("home/unit" + std::to_string(u.number));
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        // The two cards of a row are drawn as tall as the taller one: each card's own height is
        // kept from this frame, and the row's other card uses it from the next (the app always
        // draws a few frames after any change, so the row settles before it goes idle).
        if (home_card_h_.size() != course_.units.size()) home_card_h_.assign(course_.units.size(), 0.0f);
        const float own_h = ImGui::GetItemRectMax().y + pad - p0.y;
        home_card_h_[i] = own_h;
        const size_t other = i ^ 1u;
        const float row_h = two && other < home_card_h_.size() ? std::max(own_h, home_card_h_[other]) : own_h;
        ImVec2 p1(p0.x + card_w, p0.y + row_h);
        dl->ChannelsSetCurrent(0);
        dl->AddRectFilled(p0, p1, ImGui::GetColorU32(palette().card), ImGui::GetStyle().ChildRounding);
        dl->AddRect(p0, p1, ImGui::GetColorU32(palette().card_border), ImGui::GetStyle().ChildRounding);
        dl->ChannelsMerge();
        ImGui::SetCursorScreenPos(p0);
        ImGui::Dummy(ImVec2(card_w, p1.y - p0.y));
        ImGui::EndGroup();
        ImGui::PopID();
        // Keep the two cards of a row the same height by starting the next row below both.
        if (!two || i % 2 == 1) ImGui::Spacing();
    }
    ImGui::Spacing();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + col);
    muted(tr("wb.storage_note"));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

// [SECTION] Unit frame and navigation -----------------------------------------------------------

void App::unit_nav(const crb::Unit& u, bool narrow) {
    struct Item {
        Route r;
        std::string label;
        std::string id;
        bool done;
    };
    std::vector<Item> items;
    auto add = [&](Route::Page p, const char* key, const char* id) {
        Route r;
        r.page = p;
        r.unit = route_.unit;
        items.push_back({r, tr(key), id, false});
    };
    add(Route::Page::overview, "nav.overview", "overview");
    add(Route::Page::read, "nav.read", "read");
    add(Route::Page::listen, "nav.listen", "listen");
    for (const auto& ex : u.exercises) {
        Route r;
        r.page = Route::Page::exercise;
        r.unit = route_.unit;
        r.exercise = ex.id;
        bool done = crb::exercise_done(course_, wb_, crb::exercise_key(u.id, ex.id));
        items.push_back({r, ex.kind == crb::Kind::quiz ? tr("nav.quiz") : T(ex.title), ex.id, done});
    }
    add(Route::Page::summary, "nav.summary", "summary");

    if (narrow) {
        std::string current;
        for (const auto& it : items)
            if (it.r == route_) current = it.label;
        // A long exercise title is shortened with "…" in the closed drop-down (the page's own
        // heading below shows it whole) and wraps in the open list, which is as wide as the box.
        const ImGuiStyle& style = ImGui::GetStyle();
        const float box = ImGui::GetContentRegionAvail().x;
        const std::string preview =
            ellipsize(current, box - ImGui::GetFrameHeight() - style.FramePadding.x * 2.0f, text_width);
        ImGui::SetNextItemWidth(-1);
        if (ImGui::BeginCombo("##nav", preview.c_str())) {
            ImGui::PushTextWrapPos(box - style.WindowPadding.x - style.ScrollbarSize);
            for (const auto& it : items) {
                ImGui::PushID(it.id.c_str());
                const std::string label = (it.done ? "\xE2\x9C\x93 " : "") + it.label;
                if (wrapped_selectable(label.c_str(), it.r == route_)) navigate(it.r);
                tid("nav/item/" + it.id);
                ImGui::PopID();
            }
            ImGui::PopTextWrapPos();
            ImGui::EndCombo();
        }
        tid("nav/combo");
        return;
    }
    bool in_exercises = false;
    for (const auto& it : items) {
        if (it.r.page == Route::Page::exercise && !in_exercises) {
            in_exercises = true;
            ImGui::Spacing();
            ImGui::TextDisabled("%s", tr("nav.exercises"));
        }
        if (it.r.page == Route::Page::summary) ImGui::Spacing();
        ImGui::PushID(it.id.c_str());
        // Wrapped labels, and room at the right end for the done mark.
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        if (wrapped_selectable(it.label.c_str(), it.r == route_, em() * 1.6f)) navigate(it.r);
        tid("nav/" + it.id);
        if (it.done) {
            ImGui::GetWindowDrawList()->AddText(ImVec2(ImGui::GetItemRectMax().x - em() * 1.2f, pos.y + 3),
                                                ImGui::GetColorU32(palette().ok), "\xE2\x9C\x93");
        }
        ImGui::PopID();
    }
}

void App::unit_page() {
    if (route_.unit < 0 || route_.unit >= static_cast<int>(course_.units.size())) {
        navigate(Route{});
        return;
    }
    const crb::Unit& u = course_.units[route_.unit];
    float w = ImGui::GetContentRegionAvail().x;
    bool narrow = w < em() * 40;
    if (narrow) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
        ImGui::TextUnformatted(unit_label(u).c_str());
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::PushFont(fonts().bold);
        para(T(u.title));
        ImGui::PopFont();
        unit_nav(u, true);
        ImGui::Separator();
    } else {
        ImGui::BeginChild("nav", ImVec2(em() * 15, 0), false, ImGuiWindowFlags_NavFlattened);
        ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
        ImGui::PushFont(fonts().bold);
        ImGui::TextUnformatted(unit_label(u).c_str());
        ImGui::PopFont();
        ImGui::PopStyleColor();
        para(T(u.title));
        ImGui::Separator();
        unit_nav(u, false);
        ImGui::EndChild();
        ImGui::SameLine(0, em());
    }
    ImGui::BeginChild("page", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
    switch (route_.page) {
        case Route::Page::overview:
            overview(u);
            break;
        case Route::Page::read:
            read(u);
            break;
        case Route::Page::listen:
            listen(u);
            break;
        case Route::Page::summary:
            summary(u);
            break;
        case Route::Page::exercise:
            if (const crb::Exercise* ex = u.exercise(route_.exercise))
                exercise(u, *ex);
            else
                overview(u);
            break;
        case Route::Page::home:
            break;
    }
    scroll_end_clearance();
    ImGui::EndChild();
}

// [SECTION] Overview and Read ------------------------------------------------------------------

void App::overview(const crb::Unit& u) {
    float rw = reading_width();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + rw);
    heading(T(u.title), fonts().title);
    para(T(u.description));
    ImGui::Spacing();
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(tr("overview.outcomes"));
    ImGui::PopFont();
    for (const auto& o : u.outcomes) {
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::TextUnformatted(T(o));
    }
    ImGui::Spacing();
    if (primary_button(tr("overview.start_reading"))) {
        Route r = route_;
        r.page = Route::Page::read;
        navigate(r);
    }
    tid("overview/read");
    same_line_if_fits(tr("overview.book"));
    if (ImGui::Button(tr("overview.book")))
        platform::open_html(crb::render_book(course_, u.id, settings_.lang, strings_));
    tid("overview/book");
    ImGui::Spacing();
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(tr("nav.exercises"));
    ImGui::PopFont();
    for (const auto& ex : u.exercises) {
        bool done = crb::exercise_done(course_, wb_, crb::exercise_key(u.id, ex.id));
        std::string label =
            std::string(done ? "\xE2\x9C\x93 " : "\xE2\x80\xA2 ") + T(ex.title) + "##" + ex.id;
        if (link_button(label.c_str())) {
            Route r = route_;
            r.page = Route::Page::exercise;
            r.exercise = ex.id;
            navigate(r);
        }
        tid("overview/ex/" + ex.id);
    }
    ImGui::PopTextWrapPos();
}

void App::read(const crb::Unit& u) {
    float rw = reading_width();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + rw);
    heading(T(u.title), fonts().title);
    for (const auto& s : u.sections) {
        ImGui::Spacing();
        heading(T(s.heading));
        for (const auto& b : s.blocks) {
            if (b.type == crb::Block::Type::paragraph) {
                ImGui::TextUnformatted(T(b.text));
                ImGui::Spacing();
            } else {
                for (const auto& item : b.items) {
                    ImGui::Bullet();
                    ImGui::SameLine();
                    ImGui::TextUnformatted(T(item));
                }
                ImGui::Spacing();
            }
        }
    }
    ImGui::PopTextWrapPos();
}

// [SECTION] Listen ----------------------------------------------------------------------------

// The current section, read aloud in the current language and speed (the canvas and the accessible
// view's Listen both start reading here).
void App::speak_section(const std::vector<crb::NarrationChunk>& chunks) {
    platform::speak(chunks[listen_section_].text, crb::lang_code(settings_.lang), listen_rate_);
    listen_playing_ = true;
}

// A section finished while reading: the next one follows, or the reading ends after the last.
void App::read_on(const std::vector<crb::NarrationChunk>& chunks) {
    if (listen_section_ + 1 < static_cast<int>(chunks.size())) {
        ++listen_section_;
        speak_section(chunks);
    } else {
        listen_playing_ = false;
    }
}

void App::listen(const crb::Unit& u) {
    std::vector<crb::NarrationChunk> chunks = crb::narration(u, settings_.lang, strings_);
    float rw = reading_width();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + rw);
    heading(T(u.title), fonts().title);
    muted(tr("listen.synth"));
    const char* code = crb::lang_code(settings_.lang);
    platform::SpeechState st = platform::speech_state(code);
    if (st == platform::SpeechState::unavailable) {
        para_colored(palette().warning, tr("listen.no_speech"));
        tid("listen/no_speech");
    } else if (st == platform::SpeechState::no_voice) {
        para_colored(palette().warning, tr("listen.no_voice"));
        tid("listen/no_voice");
    }
    int n = static_cast<int>(chunks.size());
    listen_section_ = std::clamp(listen_section_, 0, std::max(0, n - 1));
    bool can = st != platform::SpeechState::unavailable && st != platform::SpeechState::no_voice && n > 0;
    auto speak_current = [&]() { speak_section(chunks); };
    if (platform::take_speech_finished() && listen_playing_) read_on(chunks);
    ImGui::BeginDisabled(!can);
    if (ImGui::Button(tr("listen.prev")) && listen_section_ > 0) {
        --listen_section_;
        if (listen_playing_) speak_current();
    }
    tid("listen/prev");
    ImGui::SameLine();
    const char* play_label = st == platform::SpeechState::speaking ? tr("listen.pause")
                             : st == platform::SpeechState::paused ? tr("listen.resume")
                                                                   : tr("listen.play");
    if (primary_button(play_label)) {
        if (st == platform::SpeechState::speaking)
            platform::speech_pause();
        else if (st == platform::SpeechState::paused)
            platform::speech_resume();
        else
            speak_current();
    }
    tid("listen/play");
    same_line_if_fits(tr("listen.stop"));
    if (ImGui::Button(tr("listen.stop"))) {
        platform::speech_cancel();
        listen_playing_ = false;
    }
    same_line_if_fits(tr("listen.next"));
    if (ImGui::Button(tr("listen.next")) && listen_section_ + 1 < n) {
        ++listen_section_;
        if (listen_playing_) speak_current();
    }
    tid("listen/next");
    ImGui::EndDisabled();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("listen.speed"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em() * 10);
    int rate_step = static_cast<int>(std::lround((listen_rate_ - 0.75f) * 20));  // 0.75x ... 1.5x by 0.05
    if (step_slider("##rate", rate_step, 15, (num(listen_rate_, 2) + "\xC3\x97").c_str())) {
        listen_rate_ = 0.75f + static_cast<float>(rate_step) / 20.0f;
        if (listen_playing_ && st == platform::SpeechState::speaking) speak_current();
    }
    if (n > 0) {
        progress_bar(
            static_cast<float>(listen_section_ + 1) / n,
            trf("listen.section_of", {std::to_string(listen_section_ + 1), std::to_string(n)}).c_str(),
            em() * 14);
        // The sections as a list: the one being read is selected; choosing another jumps there.
        ImGui::Spacing();
        for (int i = 0; i < n; ++i) {
            ImGui::PushID(i);
            bool current = i == listen_section_;
            if (current) ImGui::PushFont(fonts().bold);
            std::string label = std::to_string(i + 1) + ". " + chunks[i].heading;
            if (wrapped_selectable(label.c_str(), current)) {
                listen_section_ = i;
                if (listen_playing_) speak_current();
            }
            if (current) ImGui::PopFont();
            tid("listen/section/" + std::to_string(i + 1));
            ImGui::PopID();
        }
        ImGui::Spacing();
        ImGui::PushFont(fonts().bold);
        ImGui::TextUnformatted(tr("listen.now_reading"));
        ImGui::PopFont();
        ImGui::TextUnformatted(chunks[listen_section_].text.c_str());
    }
    ImGui::PopTextWrapPos();
}

// [SECTION] Exercise and Summary ----------------------------------------------------------------

void App::exercise_results(const crb::Unit& u, const crb::Exercise& ex) {
    widgets::Ctx ctx;
    ctx.lang = settings_.lang;
    ctx.unit = &u;
    ctx.ex = &ex;
    ctx.key = crb::exercise_key(u.id, ex.id);
    if (const auto* a = crb::answer(wb_, ctx.key)) ctx.answer = *a;
    widgets::draw_results(ctx);
}

void App::exercise(const crb::Unit& u, const crb::Exercise& ex) {
    std::string key = crb::exercise_key(u.id, ex.id);
    widgets::Ctx ctx;
    ctx.lang = settings_.lang;
    ctx.unit = &u;
    ctx.ex = &ex;
    ctx.key = key;
    if (const auto* a = crb::answer(wb_, key)) ctx.answer = *a;
    ctx.commit = [this, key](nlohmann::json j) {
        std::string err;
        commit_answer(key, std::move(j), &err);
    };
    ctx.open_exercise = [this](const std::string& id) {
        Route r = route_;
        r.page = Route::Page::exercise;
        r.exercise = id;
        navigate(r);
    };
    ctx.download_csv = [](const std::string& name, const std::string& csv) {
        platform::download(name, "text/csv", csv);
    };

    float w = ImGui::GetContentRegionAvail().x;
    bool side = w > em() * 58 && ex.kind != crb::Kind::quiz;
    heading(T(ex.title), fonts().title);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(w, em() * 46));
    para(T(ex.instructions));
    ImGui::PopTextWrapPos();
    if (ImGui::Button(tr("ex.reset"))) {
        reset_key_ = key;
        open_reset_ = true;
    }
    tid(key + "/reset");
    ImGui::Separator();
    ImGui::Spacing();
    if (side) {
        float results_w = std::min(em() * 22, w * 0.34f);
        ImGui::BeginChild("inputs", ImVec2(w - results_w - em(), 0), false, ImGuiWindowFlags_NavFlattened);
        widgets::draw_inputs(ctx);
        scroll_end_clearance();
        ImGui::EndChild();
        ImGui::SameLine(0, em());
        ImGui::BeginChild("results", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
        card_begin("results");
        heading(tr("ex.results"));
        widgets::draw_results(ctx);
        card_end();
        scroll_end_clearance();
        ImGui::EndChild();
    } else {
        widgets::draw_inputs(ctx);
        ImGui::Spacing();
        card_begin("results");
        heading(tr("ex.results"));
        widgets::draw_results(ctx);
        card_end();
    }
}

void App::summary(const crb::Unit& u) {
    heading((std::string(tr("sum.title")) + " \xE2\x80\x94 " + unit_label(u)).c_str(), fonts().title);
    bool any = false;
    for (const auto& ex : u.exercises) {
        std::string key = crb::exercise_key(u.id, ex.id);
        if (!crb::answer(wb_, key)) continue;
        any = true;
        ImGui::PushID(ex.id.c_str());
        card_begin("sum");
        heading(T(ex.title));
        exercise_results(u, ex);
        card_end();
        ImGui::PopID();
    }
    if (!any) muted(tr("sum.nothing"));
}

}  // namespace ui
