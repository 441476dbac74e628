// App: start-up, the frame, navigation (with the address bar), saving, and the top bar with the
// workbook and settings menus. Screens are in screens.cpp, exercise widgets in app/widgets/.
//
// [SECTION] Start-up
// [SECTION] Navigation and deep links
// [SECTION] Answers and saving
// [SECTION] Frame
// [SECTION] Top bar, menus and dialogs
#include "app/ui/app.h"

#include <algorithm>
#include <cmath>

#include "app/platform/embedded.h"
#include "app/platform/platform.h"
#include "app/ui/kit.h"
#include "app/ui/theme.h"
#include "core/course_pack.h"
#include "core/json_checks.h"
#include "core/report.h"
#include "core/results.h"
#include "imgui_internal.h"

namespace ui {
namespace {

constexpr double kSaveDelayMs = 250;    // answers reach storage within this after a change
constexpr double kRetryDelayMs = 3000;  // after a failed save

// Three-way merge of one answer after a save conflict: `before` is what both tabs started from.
// Object members, and elements of arrays whose length neither tab changed, merge one by one; where
// both tabs changed the same value differently, ours wins and `clash` is set.
nlohmann::json merge_answer(const nlohmann::json& before, const nlohmann::json& mine, const nlohmann::json& theirs,
                            bool& clash) {
    if (mine == theirs || theirs == before) return mine;
    if (mine == before) return theirs;
    if (mine.is_object() && theirs.is_object()) {
        const nlohmann::json base = before.is_object() ? before : nlohmann::json::object();
        nlohmann::json out = theirs;
        for (auto it = mine.begin(); it != mine.end(); ++it) {
            const auto b = base.find(it.key());
            const auto t = theirs.find(it.key());
            out[it.key()] = merge_answer(b != base.end() ? *b : nlohmann::json(), it.value(),
                                         t != theirs.end() ? *t : nlohmann::json(), clash);
        }
        for (auto it = base.begin(); it != base.end(); ++it) {  // members we removed
            const auto t = theirs.find(it.key());
            if (mine.contains(it.key()) || t == theirs.end()) continue;
            if (*t != it.value()) clash = true;
            out.erase(it.key());
        }
        return out;
    }
    if (mine.is_array() && theirs.is_array() && before.is_array() && mine.size() == before.size() &&
        theirs.size() == before.size()) {
        nlohmann::json out = nlohmann::json::array();
        for (size_t i = 0; i < mine.size(); ++i) out.push_back(merge_answer(before[i], mine[i], theirs[i], clash));
        return out;
    }
    clash = true;
    return mine;
}

// The kit's tr() looks strings up through the one running app.
const App* g_app = nullptr;
const char* translate(const char* key) { return g_app ? g_app->tr(key) : key; }

Theme theme_of(const std::string& name) {
    if (name == "dark") return Theme::dark;
    if (name == "high_contrast") return Theme::contrast;
    return Theme::light;
}

}  // namespace

// [SECTION] Start-up ----------------------------------------------------------------------------

bool read_embedded_content(const EmbeddedFile* files, unsigned count, crb::Course& course,
                           std::vector<crb::SourceFile>& strings, std::vector<std::string>& errors) {
    bool have_course = false;
    for (unsigned i = 0; i < count; ++i) {
        const EmbeddedFile& f = files[i];
        const std::string_view bytes(reinterpret_cast<const char*>(f.data), f.size);
        const std::string_view name(f.name);
        if (name == "content/course.bin") {
            std::string error;
            have_course = crb::read_course_pack(bytes, course, error);
            if (!have_course) errors.push_back("content/course.bin: " + error);
        } else if (name.rfind("content/i18n/", 0) == 0) {
            strings.push_back(crb::SourceFile{f.name, std::string(bytes)});
        }
    }
    if (!have_course && errors.empty())
        errors.push_back("the course (content/course.bin) is missing from this build");
    return have_course;
}

void App::init(crb::Course course, const std::vector<crb::SourceFile>& strings,
               std::vector<std::string>& errors) {
    course_ = std::move(course);
    g_app = this;
    set_translator(translate);
    for (const auto& f : strings) {
        auto lang = f.name.find("/pl.json") != std::string::npos ? crb::Lang::pl : crb::Lang::en;
        strings_.load(lang, f.name, f.text, errors);
    }
    embedded_ = platform::embedded();
    store_ = std::make_unique<crb::WorkbookStore>(platform::storage(), course_);
    bool had_settings = platform::storage().get(crb::WorkbookStore::kSettingsKey).has_value();
    settings_ = store_->settings();
    // Language: the address wins, then ?lang=, then what the learner chose last, then the browser.
    std::string hash = platform::location_hash();
    std::string qlang = platform::query_param("lang");
    if (auto l = crb::parse_lang(qlang))
        settings_.lang = *l;
    else if (!had_settings) {
        std::string bl = platform::browser_language();
        settings_.lang = bl.rfind("pl", 0) == 0 ? crb::Lang::pl : crb::Lang::en;
    }
    if (!hash.empty() && hash != "#" && hash != "#/") {
        apply_hash(hash);
    } else if (!settings_.last_place.empty()) {
        // Remembered place: offered as "Continue", not forced on the learner.
        crb::Lang keep = settings_.lang;
        apply_hash(settings_.last_place);
        last_place_ = route_;
        have_last_place_ = route_.page != Route::Page::home;
        route_ = Route{};
        settings_.lang = keep;
    }
    open_store();  // after the language is known: a first workbook gets a name in that language
    platform::set_document_language(crb::lang_code(settings_.lang));
    platform::set_location_hash(hash_of(route_), false);
    if (embedded_)
        platform::post_to_host(
            nlohmann::json{{"type", "crb:ready"}, {"lang", crb::lang_code(settings_.lang)}}.dump());
}

void App::note_store_message(const crb::StoreMessage& m) {
    if (m.status == crb::StoreStatus::corrupt_backed_up || m.status == crb::StoreStatus::future_schema ||
        m.status == crb::StoreStatus::corrupt_kept)
        storage_warnings_.push_back(std::string(tr(crb::status_key(m.status))) + (m.id.empty() ? "" : " (" + m.id + ")"));
    else if (m.status == crb::StoreStatus::migrated || m.status == crb::StoreStatus::deleted_elsewhere)
        notice_ = tr(crb::status_key(m.status));
}

void App::open_store() {
    storage_warnings_.clear();
    for (const auto& m : store_->open()) note_store_message(m);
    if (store_->current_id().empty()) {
        auto c = store_->create(tr("wb.default_name"));
        if (c.status != crb::StoreStatus::ok) save_error_ = tr(crb::status_key(c.status));
    }
    if (auto cur = store_->current()) {
        wb_ = *cur;
    } else {
        // Storage refuses everything (private mode, blocked in an iframe): work in memory.
        wb_ = crb::Workbook();
        wb_.id = "wb-memory";
        wb_.name = tr("wb.default_name");
        wb_.created = wb_.updated = crb::now_utc_iso8601();
    }
}

// [SECTION] Navigation and deep links -----------------------------------------------------------

std::string App::hash_of(const Route& r) const {
    std::string h = std::string("#/") + crb::lang_code(settings_.lang);
    if (r.page == Route::Page::home || r.unit < 0 || r.unit >= static_cast<int>(course_.units.size()))
        return h;
    h += "/unit/" + std::to_string(course_.units[r.unit].number);
    switch (r.page) {
        case Route::Page::read:
            h += "/read";
            break;
        case Route::Page::listen:
            h += "/listen";
            break;
        case Route::Page::summary:
            h += "/summary";
            break;
        case Route::Page::exercise:
            h += "/" + r.exercise;
            break;
        default:
            break;
    }
    return h;
}

void App::apply_hash(const std::string& hash) {
    // "#/pl/unit/2/nps" -> language, unit 2, exercise nps. Anything unknown falls back to home.
    std::vector<std::string> parts;
    std::string cur;
    for (char ch : hash) {
        if (ch == '#') continue;
        if (ch == '/') {
            if (!cur.empty()) parts.push_back(cur);
            cur.clear();
        } else {
            cur += ch;
        }
    }
    if (!cur.empty()) parts.push_back(cur);
    size_t i = 0;
    if (i < parts.size())
        if (auto l = crb::parse_lang(parts[i])) {
            settings_.lang = *l;
            ++i;
        }
    Route r;
    if (i + 1 < parts.size() && parts[i] == "unit") {
        int n = std::atoi(parts[i + 1].c_str());
        for (size_t u = 0; u < course_.units.size(); ++u)
            if (course_.units[u].number == n) {
                r.unit = static_cast<int>(u);
                r.page = Route::Page::overview;
            }
        if (r.page == Route::Page::overview && i + 2 < parts.size()) {
            const std::string& p = parts[i + 2];
            if (p == "read")
                r.page = Route::Page::read;
            else if (p == "listen")
                r.page = Route::Page::listen;
            else if (p == "summary")
                r.page = Route::Page::summary;
            else if (course_.units[r.unit].exercise(p)) {
                r.page = Route::Page::exercise;
                r.exercise = p;
            }
        }
    }
    route_ = r;
}

void App::navigate(const Route& r, bool push_history) {
    bool unit_changed = r.unit != route_.unit || route_.page == Route::Page::home;
    if (r.page != Route::Page::listen && listen_playing_) {
        platform::speech_cancel();
        listen_playing_ = false;
    }
    route_ = r;
    if (unit_changed) listen_section_ = 0;
    platform::set_location_hash(hash_of(route_), push_history);
    remember_place();
    if (embedded_ && r.page != Route::Page::home && unit_changed)
        platform::post_to_host(nlohmann::json{{"type", "crb:unit-opened"},
                                              {"unit", course_.units[r.unit].number},
                                              {"lang", crb::lang_code(settings_.lang)}}
                                   .dump());
    ImGui::SetScrollY(0);
    platform::request_frames(2);
}

void App::set_language(crb::Lang lang) {
    if (lang == settings_.lang) return;
    settings_.lang = lang;
    platform::set_document_language(crb::lang_code(lang));
    set_decimal_comma(lang == crb::Lang::pl);
    if (listen_playing_) {
        platform::speech_cancel();
        listen_playing_ = false;
    }
    platform::set_location_hash(hash_of(route_), false);
    remember_place();
}

void App::remember_place() {
    if (route_.page != Route::Page::home) {
        last_place_ = route_;
        have_last_place_ = true;
    }
    settings_.last_place = hash_of(last_place_);
    persist_settings();
}

void App::persist_settings() {
    if (store_) store_->save_settings(settings_);
}

const char* App::tr(const char* key) const { return strings_.get(settings_.lang, key).c_str(); }

// [SECTION] Answers and saving ------------------------------------------------------------------

bool App::commit_answer(const std::string& key, nlohmann::json answer, std::string* error) {
    bool was_done = crb::exercise_done(course_, wb_, key);
    const nlohmann::json* previous = crb::answer(wb_, key);
    nlohmann::json before = previous ? *previous : nlohmann::json();
    crb::AnswerResult r = crb::set_answer(wb_, course_, key, std::move(answer));
    if (!r.ok()) {
        if (error) *error = r.error;
        notice_ = trf("err.rejected", {r.error});
        return false;
    }
    track_unsaved();
    unsaved_before_.emplace(key, std::move(before));  // keeps the value from before the first edit
    if (!dirty_) dirty_since_ = platform::now_ms();
    dirty_ = true;
    ++answers_gen_;
    platform::request_frames(2);
    if (embedded_ && !was_done && crb::exercise_done(course_, wb_, key)) {
        platform::post_to_host(nlohmann::json{{"type", "crb:exercise-completed"}, {"key", key}}.dump());
        const crb::Exercise* ex = course_.exercise(key);
        if (ex && ex->kind == crb::Kind::quiz) {
            std::string unit_id, ex_id;
            crb::split_exercise_key(key, unit_id, ex_id);
            crb::UnitProgress p = crb::unit_progress(course_, wb_, unit_id);
            platform::post_to_host(nlohmann::json{
                {"type", "crb:quiz-scored"}, {"key", key}, {"score", p.quiz_score}, {"total", p.quiz_total}}
                                       .dump());
        }
    }
    return true;
}

void App::save_if_due(bool force) {
    if (!dirty_ || !store_) return;
    double now = platform::now_ms();
    if (!force && (now - dirty_since_ < kSaveDelayMs || now < retry_at_)) {
        // While a failed save waits for its retry no frames are drawn (see wants_frames): a timer
        // brings the retry, and is set again if it fired early.
        if (now < retry_at_ && retry_scheduled_for_ != retry_at_) {
            platform::request_frame_after(static_cast<int>(retry_at_ - now) + 20);
            retry_scheduled_for_ = retry_at_;
        }
        return;
    }
    std::string detail;
    crb::StoreStatus st = store_->save(wb_, &detail);
    if (st == crb::StoreStatus::conflict) {
        // Save the merge at once: this may be the last chance (page being hidden or closed).
        resolve_conflict();
        st = store_->save(wb_, &detail);
    }
    if (st == crb::StoreStatus::ok) {
        dirty_ = false;
        save_error_.clear();
        unsaved_before_.clear();
        unsaved_name_ = false;
        return;
    }
    save_error_ = trf("save.failed", {tr(crb::status_key(st))});
    retry_at_ = now + kRetryDelayMs;
    platform::request_frame_after(static_cast<int>(kRetryDelayMs) + 20);
    retry_scheduled_for_ = retry_at_;
}

void App::track_unsaved() {
    if (unsaved_id_ == wb_.id) return;
    unsaved_before_.clear();  // edits of the previously open workbook went with it
    unsaved_name_ = false;
    unsaved_id_ = wb_.id;
}

void App::note_edit(const std::string& key) {
    track_unsaved();
    if (unsaved_before_.count(key)) return;
    const nlohmann::json* a = crb::answer(wb_, key);
    unsaved_before_[key] = a ? *a : nlohmann::json();
}

// Another tab saved this workbook after we loaded it. Replacing ours by theirs would silently drop
// our unsaved edits, so: take their version and merge in each answer we changed. Where both tabs
// changed the same value, ours (the tab in use) stays and theirs is kept as a backup, named in the notice.
void App::resolve_conflict() {
    auto rl = store_->reload(wb_.id);
    if (!rl.workbook) return;  // theirs is unreadable (now a backup) or gone: ours is saved as it is
    crb::Workbook merged = *rl.workbook;
    std::vector<std::string> both;
    if (unsaved_id_ == wb_.id) {
        for (auto& [key, before] : unsaved_before_) {
            const nlohmann::json* mine = crb::answer(wb_, key);
            const nlohmann::json* theirs = crb::answer(merged, key);
            const nlohmann::json mine_value = mine ? *mine : nlohmann::json();
            const nlohmann::json theirs_value = theirs ? *theirs : nlohmann::json();
            // Both tabs' widgets started an unanswered exercise from its initial answer.
            const crb::Exercise* ex = course_.exercise(key);
            const nlohmann::json base =
                before.is_null() && !theirs_value.is_null() && ex ? crb::initial_answer(*ex) : before;
            bool clash = false;
            const nlohmann::json value = merge_answer(base, mine_value, theirs_value, clash);
            if (value.is_null()) {
                crb::clear_answer(merged, key);
            } else if (!crb::set_answer(merged, course_, key, value).ok()) {
                clash = true;  // the combination is not a valid answer: keep ours whole
                crb::set_answer(merged, course_, key, mine_value);
            }
            if (clash) both.push_back(key);
            before = theirs_value;  // the base of any later conflict
        }
        if (unsaved_name_) merged.name = wb_.name;
    }
    notice_backup_.clear();
    if (!both.empty())
        if (auto key = store_->keep_backup(merged.id, crb::serialize_workbook(*rl.workbook)))
            notice_backup_ = *key;
    wb_ = std::move(merged);
    ++answers_gen_;
    if (both.empty())
        notice_ = tr("save.conflict_merged");
    else if (!notice_backup_.empty())
        notice_ = trf("save.conflict_backup", {notice_backup_});
    else
        notice_ = trf("save.conflict_overwritten", {both.front()});
}

void App::flush() { save_if_due(true); }

// `base`, or "base 2", "base 3"... when a workbook already has that name: two workbooks called
// "My workbook" in the menu could not be told apart.
std::string App::unused_name(const std::string& base) const {
    auto taken = [&](const std::string& name) {
        for (const auto& info : store_->list())
            if (info.name == name) return true;
        return false;
    };
    std::string name = base;
    for (int n = 2; taken(name); ++n) name = base + " " + std::to_string(n);
    return name;
}

// Before another workbook replaces this one in memory: its edits must be saved first. When they
// cannot be (storage full or failing), this workbook stays open with its edits, and the save error
// banner (with Export) stays up; the learner is told why nothing else happened.
bool App::can_leave_workbook() {
    flush();
    if (!dirty_) return true;
    notice_ = tr("wb.unsaved_blocked");
    return false;
}

// Frames keep coming while an edit waits for its save (a short delay), not while a failed save
// waits for its retry (a timer wakes the loop then: a full storage must not cost CPU for hours).
bool App::wants_frames() const { return (dirty_ && save_error_.empty()) || listen_playing_; }

void App::poll_platform() {
    std::string s;
    if (platform::take_hash_changed(&s)) {
        crb::Lang before = settings_.lang;
        apply_hash(s);
        if (settings_.lang != before) {
            crb::Lang now = settings_.lang;
            settings_.lang = before;
            set_language(now);
        }
        remember_place();
    }
    std::string key;
    while (platform::take_storage_changed(&key)) {
        // Another tab saved: pick up its version of our workbook unless we have unsaved edits
        // (then our save will report the conflict and load theirs).
        if (key == crb::WorkbookStore::kWorkbookPrefix + wb_.id) {
            auto rl = dirty_ ? crb::WorkbookStore::Reloaded{} : store_->reload(wb_.id);
            if (rl.workbook && rl.workbook->rev > wb_.rev) {
                wb_ = *rl.workbook;
                ++answers_gen_;
            } else if (rl.status == crb::StoreStatus::not_found || dirty_) {
                // Removed there (or we have edits of our own): the store says whether it was deleted.
                for (const auto& m : store_->sync_list()) note_store_message(m);
            }
        } else if (key == crb::WorkbookStore::kIndexKey ||
                   (key.rfind(crb::WorkbookStore::kWorkbookPrefix, 0) == 0 &&
                    key != crb::WorkbookStore::kWorkbookPrefix + wb_.id)) {
            // Another tab created, renamed or deleted a workbook: the menu lists what is stored.
            for (const auto& m : store_->sync_list()) note_store_message(m);
        }
    }
    std::string name, text;
    if (platform::take_opened_file(&name, &text)) {
        import_error_.clear();
        crb::WorkbookParse p = crb::parse_workbook(text, course_);
        if (p.workbook) {
            import_candidate_ = *p.workbook;
        } else {
            import_error_ = trf("wb.import_failed", {p.error().empty() ? std::string("?") : p.error()});
            import_candidate_ = crb::Workbook();
        }
        pending_import_text_ = text;
        open_import_ = true;
    }
    while (platform::take_host_command(&s)) {
        auto j = crb::json_checks::parse_or_discarded(s);
        if (j.is_discarded() || !j.is_object()) continue;
        auto type = j.find("type");
        if (type == j.end() || !type->is_string()) continue;
        if (*type == "crb:set-language") {
            auto l = j.find("lang");
            if (l != j.end() && l->is_string())
                if (auto lang = crb::parse_lang(l->get<std::string>())) set_language(*lang);
        } else if (*type == "crb:open") {
            auto h = j.find("hash");
            if (h != j.end() && h->is_string()) {
                // Like a deep link, but through navigate() from the current page, so a language in
                // the hash is applied properly and the host hears crb:unit-opened.
                Route from = route_;
                crb::Lang before = settings_.lang;
                apply_hash(h->get<std::string>());
                Route to = route_;
                route_ = from;
                crb::Lang now = settings_.lang;
                settings_.lang = before;
                set_language(now);
                navigate(to);
            }
        }
    }
}

// [SECTION] Frame -------------------------------------------------------------------------------

void App::frame() {
    set_decimal_comma(settings_.lang == crb::Lang::pl);
    tid_begin_frame(platform::test_mode());
    poll_platform();
    apply_theme(theme_of(settings_.theme), 1.0f);

    // While the accessible view covers the canvas nothing is drawn (frames stay cheap); state,
    // saving and the mirror go on below.
    if (!platform::mirror_shown()) {
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(vp->WorkPos);
        ImGui::SetNextWindowSize(vp->WorkSize);
        ImGui::Begin("##root", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar);
        top_bar();
        banners();
        ImGui::BeginChild("body", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
        if (route_.page == Route::Page::home) {
            ImGui::BeginChild("home", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
            home();
            scroll_end_clearance();
            ImGui::EndChild();
        } else {
            unit_page();
        }
        ImGui::EndChild();
        dialogs();
        ImGui::End();
        drag_to_scroll();
    }

    save_if_due(false);
    // The accessible view follows one frame after the canvas at start-up: building it costs about as
    // much as drawing the first screen, and the canvas is what most people see first.
    if (ImGui::GetFrameCount() > 1)
        sync_mirror();
    else
        platform::request_frames(1);
    if (wants_frames()) platform::request_frames(1);
    if (platform::test_mode()) {
        nlohmann::json st{{"hash", hash_of(route_)}, {"lang", crb::lang_code(settings_.lang)},
                          {"workbook", wb_.id},      {"workbookName", wb_.name},
                          {"dirty", dirty_},         {"saveError", save_error_},
                          {"notice", notice_},       {"warnings", storage_warnings_}};
        if (route_.page == Route::Page::exercise && route_.unit >= 0 &&
            route_.unit < static_cast<int>(course_.units.size())) {
            std::string key = crb::exercise_key(course_.units[route_.unit].id, route_.exercise);
            nlohmann::json r = crb::exercise_result(course_, wb_, key, settings_.lang);
            st["result"] = r.is_object() && r.contains("result") ? r["result"] : nlohmann::json();
            const auto* a = crb::answer(wb_, key);
            st["answer"] = a ? *a : nlohmann::json();
        }
        platform::publish_test_state(st.dump() + "\n" + tid_dump_json(1.0f));
    }
}

// Touch (and mouse) drag on an empty part of a scrollable area scrolls it, as on a phone: SDL turns
// touches into mouse events, and ImGui itself only scrolls with the wheel or the scrollbar.
void App::drag_to_scroll() {
    ImGuiIO& io = ImGui::GetIO();
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (ImGui::IsMouseClicked(0)) {
        drag_window_ = nullptr;
        // Start only on empty space: not on a widget, not on a scrollbar, and no popup open.
        if (!ImGui::IsAnyItemHovered() && !ImGui::IsAnyItemActive() && g.HoveredWindow &&
            !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
            for (ImGuiWindow* w = g.HoveredWindow; w; w = w->ParentWindow)
                if (w->ScrollMax.y > 0.0f) {
                    drag_window_ = w;
                    break;
                }
        }
    }
    if (!io.MouseDown[0]) drag_window_ = nullptr;
    // Pressing on empty space makes ImGui "hold" the window (its move id is active): that counts
    // as empty space too; any other active item (a slider, a text field) keeps the drag.
    bool holding_window = g.ActiveId == 0 || (g.ActiveIdWindow && g.ActiveId == g.ActiveIdWindow->MoveId);
    if (drag_window_ && io.MouseDelta.y != 0.0f && holding_window) {
        ImGui::SetScrollY(drag_window_, drag_window_->Scroll.y - io.MouseDelta.y);
        platform::request_frames(2);
    }
}

// [SECTION] Top bar, menus and dialogs ------------------------------------------------------------

void App::top_bar() {
    float w = ImGui::GetContentRegionAvail().x;
    bool narrow = w < em() * 44;
    ImGui::PushFont(fonts().bold);
    if (ImGui::Selectable(tr("app.title"), false, 0, ImVec2(ImGui::CalcTextSize(tr("app.title")).x, 0)))
        navigate(Route{});
    ImGui::PopFont();
    tid("top/home");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("nav.home"));

    // Right-aligned controls: language, workbook, settings, print.
    const char* en_pl[2] = {"EN", "PL"};
    float btn = ImGui::CalcTextSize("EN").x + ImGui::GetStyle().FramePadding.x * 2;
    std::string wb_label = narrow || embedded_ ? std::string(tr("top.menu"))
                                               : std::string(tr("top.workbook")) + ": " + wb_.name;
    if (wb_label.size() > 40) wb_label = wb_label.substr(0, 37) + "...";
    float wb_w = ImGui::CalcTextSize(wb_label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2 + em();
    float settings_w =
        narrow ? 0 : ImGui::CalcTextSize(tr("top.settings")).x + ImGui::GetStyle().FramePadding.x * 2;
    float total = btn * 2 + 4 + wb_w + settings_w + ImGui::GetStyle().ItemSpacing.x * 3;
    // Beside the title when there is room, else on a row of their own.
    float title_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    float right_start = ImGui::GetWindowContentRegionMax().x - total;
    if (right_start > title_end + em()) ImGui::SameLine(right_start);
    for (int i = 0; i < 2; ++i) {
        if (i) ImGui::SameLine(0, 4);
        if (toggle_button(en_pl[i], static_cast<int>(settings_.lang) == i))
            set_language(i == 0 ? crb::Lang::en : crb::Lang::pl);
        tid(std::string("top/lang/") + (i == 0 ? "en" : "pl"));
    }
    ImGui::SameLine();
    {
        if (ImGui::Button((wb_label + " \xE2\x96\xBE").c_str())) ImGui::OpenPopup("wbmenu");
        tid("top/workbook");
        workbook_menu();
    }
    if (!narrow) {
        ImGui::SameLine();
        if (ImGui::Button(tr("top.settings"))) ImGui::OpenPopup("settings");
        tid("top/settings");
        settings_menu();
    }
    ImGui::Separator();
}

void App::workbook_menu() {
    if (!ImGui::BeginPopup("wbmenu")) return;
    bool narrow = ImGui::GetMainViewport()->WorkSize.x < em() * 44;
    ImGui::TextDisabled("%s: %s", tr("top.workbook"), wb_.name.c_str());
    ImGui::Separator();
    // Embedded (compact chrome): no workbook manager, but export/import/print stay, since they are
    // how answers move in and out of a partitioned iframe storage.
    if (!embedded_) {
        if (ImGui::MenuItem(tr("wb.new")) && can_leave_workbook()) {
            auto c = store_->create(unused_name(tr("wb.default_name")));
            if (c.status == crb::StoreStatus::ok) {
                if (auto cur = store_->current()) wb_ = *cur;
            } else {
                save_error_ = trf("save.failed", {tr(crb::status_key(c.status))});
            }
        }
        tid("wb/new");
        if (ImGui::MenuItem(tr("wb.rename"))) {
            rename_buf_ = wb_.name;
            open_rename_ = true;
        }
        tid("wb/rename");
        if (ImGui::MenuItem(tr("wb.duplicate")) && can_leave_workbook()) {
            auto c = store_->duplicate(wb_.id, wb_.name + " " + tr("wb.copy_suffix"));
            if (c.status == crb::StoreStatus::ok)
                if (auto cur = store_->current()) wb_ = *cur;
        }
        tid("wb/duplicate");
        if (ImGui::MenuItem(tr("wb.delete"))) open_delete_ = true;
        tid("wb/delete");
        auto list = store_->list();
        if (list.size() > 1) {
            ImGui::Separator();
            ImGui::TextDisabled("%s", tr("wb.switch"));
            int n = 0;
            for (const auto& info : list) {
                ++n;
                ImGui::PushID(info.id.c_str());
                if (ImGui::MenuItem(info.name.c_str(), nullptr, info.id == wb_.id) && info.id != wb_.id &&
                    can_leave_workbook()) {
                    if (store_->select(info.id) == crb::StoreStatus::ok)
                        if (auto cur = store_->current()) wb_ = *cur;
                }
                tid("wb/switch/" + std::to_string(n));
                ImGui::PopID();
            }
        }
    }
    ImGui::Separator();
    if (ImGui::MenuItem(tr("wb.export"))) export_workbook();
    tid("wb/export");
    if (ImGui::MenuItem(tr("wb.import"))) platform::open_file_picker();
    tid("wb/import");
    if (ImGui::MenuItem(tr("top.print"))) print_report();
    tid("wb/print");
    if (narrow) {
        ImGui::Separator();
        const bool open = ImGui::BeginMenu(tr("top.settings"));
        tid("wb/settings");
        if (open) {
            settings_contents();
            ImGui::EndMenu();
        }
    }
    ImGui::EndPopup();
}

void App::settings_menu() {
    if (!ImGui::BeginPopup("settings")) return;
    settings_contents();
    ImGui::EndPopup();
}

void App::settings_contents() {
    ImGui::TextUnformatted(tr("settings.text_size"));
    int step = static_cast<int>(std::lround(settings_.text_scale * 10)) - 8;  // 80 % ... 200 % by 10
    ImGui::SetNextItemWidth(em() * 12);
    const std::string percent = std::to_string((std::clamp(step, 0, 12) + 8) * 10) + "%";
    if (step_slider("##scale", step, 12, percent.c_str())) {
        settings_.text_scale = (step + 8) / 10.0;
        persist_settings();
    }
    tid("settings/scale");
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("settings.theme"));
    const char* names[3] = {"light", "dark", "high_contrast"};
    const char* labels[3] = {"theme.light", "theme.dark", "theme.contrast"};
    for (int i = 0; i < 3; ++i) {
        if (ImGui::RadioButton(tr(labels[i]), settings_.theme == names[i])) {
            settings_.theme = names[i];
            persist_settings();
        }
        tid(std::string("settings/theme/") + names[i]);
    }
    ImGui::Spacing();
    if (ImGui::Button(tr("settings.accessible"))) platform::set_mirror_shown(true);
    tid("settings/accessible");
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("settings.storage"));
    int persisted = platform::storage_persisted();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + popup_content_width(24));
    muted(tr(persisted > 0    ? "settings.persistent_yes"
             : persisted == 0 ? "settings.persistent_no"
                              : "settings.persistent_unknown"));
    muted(tr("wb.storage_note"));
    ImGui::PopTextWrapPos();
}

void App::banners() {
    const Palette& p = palette();
    if (!platform::storage_available()) {
        // The one way to keep answers here, so it is offered right next to the warning.
        para_colored(p.warning, tr("save.unavailable"));
        tid("banner/unavailable");
        if (ImGui::SmallButton(tr("wb.export"))) export_workbook();
        tid("banner/unavailable/export");
    }
    if (!save_error_.empty()) {
        para_colored(p.danger, save_error_.c_str());
        if (ImGui::SmallButton(tr("wb.export"))) export_workbook();
        tid("banner/save_error/export");
    }
    if (!storage_warnings_.empty()) {
        para_colored(p.warning, tr("save.recovered"));
        for (const auto& w : storage_warnings_) bullet_para(w.c_str());
        for (const auto& b : store_->backups()) {
            ImGui::PushID(b.key.c_str());
            if (ImGui::SmallButton(tr("save.download_backup"))) {
                if (auto text = store_->backup_text(b.key))
                    platform::download(b.id + "-backup-" + std::to_string(b.n) + ".json", "application/json",
                                       *text);
            }
            tid("banner/backup/" + std::to_string(b.n));
            ImGui::SameLine();
            ImGui::TextUnformatted(b.key.c_str());
            ImGui::PopID();
        }
        if (ImGui::SmallButton(tr("ui.close"))) storage_warnings_.clear();
    }
    if (platform::update_available()) {
        para_colored(p.accent, tr("update.available"));
        same_line_if_fits(tr("update.reload"));
        if (ImGui::SmallButton(tr("update.reload"))) {
            flush();
            platform::reload_page();
        }
        tid("banner/update");
    }
    if (!notice_.empty()) {
        para_colored(p.accent, notice_.c_str());
        if (!notice_backup_.empty()) {
            same_line_if_fits(tr("save.download_backup"));
            if (ImGui::SmallButton(tr("save.download_backup"))) {
                std::string name =
                    notice_backup_.substr(std::string_view(crb::WorkbookStore::kBackupPrefix).size());
                std::replace(name.begin(), name.end(), ':', '-');
                if (auto text = store_->backup_text(notice_backup_))
                    platform::download(name + ".json", "application/json", *text);
            }
            tid("banner/notice/backup");
        }
        same_line_if_fits(tr("ui.ok"));
        if (ImGui::SmallButton(tr("ui.ok"))) {
            notice_.clear();
            notice_backup_.clear();
        }
        tid("banner/notice");
    }
}

void App::dialogs() {
    if (open_rename_) ImGui::OpenPopup("rename");
    if (open_delete_) ImGui::OpenPopup("delete");
    if (open_reset_) ImGui::OpenPopup("reset");
    if (open_import_) ImGui::OpenPopup("import");
    open_rename_ = open_delete_ = open_reset_ = open_import_ = false;
    ImVec2 center = ImGui::GetMainViewport()->GetCenter();
    auto modal = [&](const char* id) {
        ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(std::min(em() * 28, ImGui::GetMainViewport()->WorkSize.x - 20), 0));
        return ImGui::BeginPopupModal(id, nullptr,
                                      ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize);
    };
    auto escape = [] { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)); };
    if (modal("rename")) {
        ImGui::TextUnformatted(tr("wb.name_label"));
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        text_field("##name", rename_buf_, false, nullptr, -1);
        tid("dlg/rename/name");
        bool valid = crb::WorkbookStore::valid_name(rename_buf_);
        ImGui::BeginDisabled(!valid);
        if (primary_button(tr("wb.save"))) {
            track_unsaved();
            unsaved_name_ = true;
            wb_.name = rename_buf_;
            if (!dirty_) dirty_since_ = platform::now_ms();
            dirty_ = true;
            flush();
            ImGui::CloseCurrentPopup();
        }
        tid("dlg/rename/save");
        ImGui::EndDisabled();
        same_line_if_fits(tr("ui.cancel"));
        if (ImGui::Button(tr("ui.cancel")) || escape()) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (modal("delete")) {
        para(trf("wb.delete_confirm", {wb_.name}).c_str());
        if (primary_button(tr("wb.delete_yes"))) {
            dirty_ = false;
            store_->remove(wb_.id);
            if (store_->current_id().empty()) store_->create(tr("wb.default_name"));
            if (auto cur = store_->current()) wb_ = *cur;
            ImGui::CloseCurrentPopup();
        }
        tid("dlg/delete/yes");
        same_line_if_fits(tr("ui.cancel"));
        if (ImGui::Button(tr("ui.cancel")) || escape()) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (modal("reset")) {
        para(tr("ex.reset_confirm"));
        if (primary_button(tr("ui.confirm"))) {
            note_edit(reset_key_);
            crb::clear_answer(wb_, reset_key_);
            ++answers_gen_;
            if (!dirty_) dirty_since_ = platform::now_ms();
            dirty_ = true;
            ImGui::CloseCurrentPopup();
        }
        tid("dlg/reset/yes");
        same_line_if_fits(tr("ui.cancel"));
        if (ImGui::Button(tr("ui.cancel")) || escape()) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (modal("import")) {
        if (!import_error_.empty()) {
            para_colored(palette().danger, import_error_.c_str());
            if (primary_button(tr("ui.ok")) || escape()) ImGui::CloseCurrentPopup();
            tid("dlg/import/ok");
        } else {
            para(tr("wb.import_preview"));
            int answered = 0;
            std::vector<std::string> units;
            for (auto it = import_candidate_.answers.begin(); it != import_candidate_.answers.end(); ++it) {
                if (!course_.exercise(it.key())) continue;
                ++answered;
                std::string u, e;
                crb::split_exercise_key(it.key(), u, e);
                if (std::find(units.begin(), units.end(), u) == units.end()) units.push_back(u);
            }
            para(trf("wb.import_details",
                     {import_candidate_.name, std::to_string(answered), std::to_string(units.size())})
                     .c_str());
            if (primary_button(tr("wb.import_do")) && can_leave_workbook()) {
                auto c = store_->import(pending_import_text_);
                if (c.status == crb::StoreStatus::ok) {
                    if (auto cur = store_->current()) wb_ = *cur;
                    notice_ = tr("wb.imported");
                } else {
                    notice_ = trf("wb.import_failed",
                                  {c.errors.empty() ? tr(crb::status_key(c.status)) : c.errors.front()});
                }
                ImGui::CloseCurrentPopup();
            }
            tid("dlg/import/do");
            same_line_if_fits(tr("ui.cancel"));
            if (ImGui::Button(tr("ui.cancel")) || escape()) ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

void App::export_workbook() {
    flush();
    std::string name = wb_.name;
    for (char& ch : name)
        if (ch == '/' || ch == '\\' || ch == ':' || ch == '"' || ch == '*' || ch == '?' || ch == '<' ||
            ch == '>' || ch == '|')
            ch = '-';
    platform::download(name + ".crb.json", "application/json", crb::serialize_workbook(wb_, true));
}

void App::print_report() {
    flush();
    platform::print_html(crb::render_report(course_, wb_, settings_.lang, strings_));
}

}  // namespace ui
