// The accessible mirror's bridge: keeps the page's HTML copy of the screen (core/mirror.h) in step
// with the canvas and applies the edits made in it.
//
// Once per drawn frame, after the canvas UI: edits queued by the page are applied through the same
// path as the canvas's (validated by core, marked dirty, saved by the debounced save), then the
// mirror is pushed when something changed. A new screen, language or workbook, or an answer changed
// by the canvas (or another tab), re-renders the whole fragment; an edit made in the mirror itself
// replaces only the results and the navigation, so the control being edited keeps its focus, its
// text and its caret, and the aria-live region announces only the new results.
#include <algorithm>

#include "app/platform/platform.h"
#include "app/ui/app.h"
#include "app/ui/kit.h"
#include "core/json_checks.h"
#include "core/mirror.h"
#include "core/report.h"
#include "core/results.h"
#include "core/text.h"
#include "imgui.h"
#include "imgui_internal.h"

namespace ui {
namespace {

// What was pushed last, so unchanged parts are not replaced (and not announced again).
struct Pushed {
    std::string live, detail, nav;
};
Pushed g_pushed;

constexpr double kThrottleMs = 600;
double g_last_full_ms = -1e9;  // when the whole fragment was last rendered
int g_marked_reading = -1;     // the Listen section marked in the mirror (-1: none)

std::string str_of(const nlohmann::json& j, const char* k) {
    auto it = j.find(k);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

// The narration of the unit in the route (the accessible view's Listen page reads it too).
std::vector<crb::NarrationChunk> App::route_narration() const {
    return crb::narration(course_.units[std::clamp(route_.unit, 0, static_cast<int>(course_.units.size()) - 1)],
                          settings_.lang, strings_);
}

// The page, then the mark on the Listen page's section being read: set on its own (a re-render of
// the list would take focus off its Play button), again after every full render.
void App::sync_mirror() {
    sync_mirror_page();
    const int reading = route_.page == Route::Page::listen && listen_playing_ ? listen_section_ : -1;
    if (reading != g_marked_reading) platform::mirror_set_current("m-sections", reading);
    g_marked_reading = reading;
}

void App::sync_mirror_page() {
    ImGuiIO& io = ImGui::GetIO();
    io.ConfigInputTextCursorBlink = !platform::prefers_reduced_motion();
    // The keyboard went to the page, or the canvas is covered: ImGui lets go of its text field,
    // otherwise the text agent would take focus back after this frame.
    if ((platform::take_html_focus() || platform::mirror_shown()) && io.WantTextInput) {
        ImGui::ClearActiveID();
        io.WantTextInput = false;
    }

    // The canvas's listen page, which reads the next section when one ends, is not drawn while the
    // accessible view covers it: here the next section follows in the same way.
    if (listen_playing_ && platform::mirror_shown() && platform::take_speech_finished()) {
        if (route_.page == Route::Page::listen) read_on(route_narration());
        else listen_playing_ = false;
    }

    const bool canvas_changed = answers_gen_ != mirror_answers_gen_;
    bool structural = false;
    std::string text;
    while (platform::take_mirror_event(&text)) {
        nlohmann::json ev = crb::json_checks::parse_or_discarded(text);
        if (ev.is_discarded() || !ev.is_object()) continue;
        const std::string op = str_of(ev, "op");
        if (op == "print") {
            print_report();
            continue;
        }
        if (op == "export") {
            export_workbook();
            continue;
        }
        if (op == "book") {  // the unit's printable book, as the canvas's overview button
            const std::string unit = str_of(ev, "key");
            if (course_.unit(unit)) platform::open_html(crb::render_book(course_, unit, settings_.lang, strings_));
            continue;
        }
        if (op == "csv" || op == "paste") {
            const std::string key = str_of(ev, "key");
            const crb::Exercise* ex = course_.exercise(key);
            if (!ex) continue;
            auto found = wb_.answers.find(key);
            nlohmann::json answer = found != wb_.answers.end() ? *found : nlohmann::json();
            if (op == "csv") {
                platform::download(ex->id + ".csv", "text/csv", crb::table_csv(*ex, answer));
                continue;
            }
            const auto* nps = ex->as<crb::NpsSurvey>();
            const std::string source = str_of(ev, "source");
            if (!nps || source.empty()) continue;
            std::string message;
            const int bad = crb::paste_nps_scores(answer, str_of(ev, "text"));
            std::string err;
            if (bad) message = trf("nps.paste_bad", {std::to_string(bad)});
            else if (commit_answer(key, std::move(answer), &err)) structural = true;
            else message = trf("err.rejected", {err});
            platform::mirror_field_error(source, message);
            continue;
        }
        if (op == "listen" || op == "stop") {
            const auto chunks = route_narration();
            auto idx = ev.find("index");
            int i = idx != ev.end() && idx->is_number_integer() ? idx->get<int>() : -1;
            if (op == "listen" && route_.page == Route::Page::listen && i >= 0 &&
                i < static_cast<int>(chunks.size())) {
                listen_section_ = i;
                speak_section(chunks);
            } else {
                platform::speech_cancel();
                listen_playing_ = false;
            }
            platform::request_frames(2);
            continue;
        }
        crb::MirrorEdit e = crb::mirror_edit(course_, wb_, strings_, settings_.lang, ev);
        if (e.key.empty()) continue;
        structural = structural || e.structural;
        std::string message = e.error;
        if (e.clear) {
            crb::clear_answer(wb_, e.key);
            ++answers_gen_;
            if (!dirty_) dirty_since_ = platform::now_ms();
            dirty_ = true;
            applying_mirror_edit_ = true;
            platform::request_frames(2);
        } else if (e.changed) {
            // Checked first so a refused value gets the control's own message, not a banner.
            const crb::Exercise* ex = course_.exercise(e.key);
            std::vector<std::string> problems =
                ex ? crb::validate_answer(*ex, e.answer) : std::vector<std::string>{"?"};
            std::string err;
            if (problems.empty() && commit_answer(e.key, std::move(e.answer), &err)) {
                applying_mirror_edit_ = true;
            } else {
                if (err.empty() && !problems.empty()) err = problems.front();
                message = e.invalid.empty() ? trf("err.rejected", {err}) : e.invalid;
            }
        }
        if (op == "set" && !e.control.empty()) platform::mirror_field_error(e.control, message);
    }

    std::string screen = hash_of(route_) + "\n" + wb_.id + "\n" + wb_.name;
    std::vector<std::string> alerts;
    if (!platform::storage_available()) alerts.push_back(tr("save.unavailable"));
    if (!save_error_.empty()) alerts.push_back(save_error_);
    if (!storage_warnings_.empty()) alerts.push_back(tr("save.recovered"));
    for (const auto& a : alerts) screen += "\n" + a;
    if (screen == mirror_screen_ && answers_gen_ == mirror_answers_gen_) {
        applying_mirror_edit_ = false;
        return;
    }

    // Typing in the canvas changes the answer on every key: while the accessible view is hidden, the
    // same screen is rendered again at most every kThrottleMs (frames keep coming until it is), so
    // the canvas stays responsive.
    const double now = platform::now_ms();
    if (canvas_changed && !structural && screen == mirror_screen_ && !platform::mirror_shown() &&
        now - g_last_full_ms < kThrottleMs) {
        platform::request_frames(1);
        applying_mirror_edit_ = false;
        return;
    }

    crb::MirrorRoute mr;
    const bool in_unit = route_.page != Route::Page::home && route_.unit >= 0 &&
                         route_.unit < static_cast<int>(course_.units.size());
    if (in_unit) {
        mr.unit_id = course_.units[route_.unit].id;
        switch (route_.page) {
            case Route::Page::overview:
                mr.page = crb::MirrorRoute::Page::overview;
                break;
            case Route::Page::read:
                mr.page = crb::MirrorRoute::Page::read;
                break;
            case Route::Page::listen:
                mr.page = crb::MirrorRoute::Page::listen;
                break;
            case Route::Page::summary:
                mr.page = crb::MirrorRoute::Page::summary;
                break;
            case Route::Page::exercise:
                mr.page = crb::MirrorRoute::Page::exercise;
                mr.exercise_id = route_.exercise;
                break;
            case Route::Page::home:
                break;
        }
    }
    const bool is_exercise = mr.page == crb::MirrorRoute::Page::exercise;
    const std::string key = is_exercise ? crb::exercise_key(mr.unit_id, mr.exercise_id) : std::string();
    crb::MirrorResults results;
    if (is_exercise) results = crb::render_mirror_results(course_, wb_, strings_, settings_.lang, key);
    const std::string nav = crb::render_mirror_nav(course_, wb_, strings_, settings_.lang, mr);

    const bool partial =
        screen == mirror_screen_ && applying_mirror_edit_ && !canvas_changed && !structural && is_exercise;
    if (partial) {
        if (results.live != g_pushed.live) platform::mirror_set_part("crb-mirror-live", results.live, false);
        if (results.detail != g_pushed.detail)
            platform::mirror_set_part("crb-mirror-detail", results.detail, false);
        if (nav != g_pushed.nav) platform::mirror_set_part("crb-mirror-nav", nav, true);
    } else {
        const nlohmann::json labels = {
            {"skip", tr("a11y.skip")}, {"toggle", tr("a11y.toggle")}, {"canvas", tr("a11y.canvas")}};
        platform::mirror_render(crb::render_mirror(course_, wb_, strings_, settings_.lang, mr, alerts),
                                crb::lang_code(settings_.lang), labels.dump());
        g_last_full_ms = now;
        g_marked_reading = -1;  // a fresh page has no mark
    }
    g_pushed = {results.live, results.detail, nav};
    mirror_screen_ = screen;
    mirror_answers_gen_ = answers_gen_;
    applying_mirror_edit_ = false;
}

}  // namespace ui
