// The application: state, navigation and screens. It owns the course (read once from the embedded
// content), the strings, the workbook store and the current workbook; widgets draw exercises and
// hand back answers, which go through core's validation before they are kept and saved.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/content.h"
#include "core/i18n.h"
#include "core/store.h"
#include "core/text.h"
#include "core/workbook.h"

struct ImGuiWindow;   // imgui_internal.h
struct EmbeddedFile;  // platform/embedded.h

namespace ui {

struct Route {
    enum class Page { home, overview, read, listen, exercise, summary };
    Page page = Page::home;
    int unit = 0;          // index into course.units (unused on home)
    std::string exercise;  // exercise id when page == exercise
    bool operator==(const Route& o) const {
        return page == o.page && unit == o.unit && exercise == o.exercise;
    }
    bool operator!=(const Route& o) const { return !(*this == o); }
};

// Screens, dialogs and the other large steps of a frame stay functions of their own in the wasm
// instead of being inlined into App::frame: every function called from one place would be, by LLVM
// (link-time optimisation) and again by Binaryen (limited in CMakeLists.txt). The build's split
// (tools/split_wasm.mjs) works per function, so only what the first frame runs goes into the first
// module, and the browser compiles each screen's code when it is first shown. Inlined, the whole UI
// was one ~84 KB function, compiled (~16 ms) before the first frame could be drawn.
#define CRB_SCREEN [[gnu::noinline]]

class App {
public:
    // Starts with the course and the UI strings (read_embedded_content). Problems in the strings
    // are added to errors (tests catch them long before a learner could see one).
    void init(crb::Course course, const std::vector<crb::SourceFile>& strings,
              std::vector<std::string>& errors);
    void frame();  // one ImGui frame (between NewFrame and Render)
    void flush();  // save now (page hidden / closing)
    bool can_leave_workbook();  // saves first; false (and says why) when the edits cannot be saved
    std::string unused_name(const std::string& base) const;  // "My workbook 2" when "My workbook" is taken
    void note_store_message(const crb::StoreMessage& m);  // a store message as a banner or notice
    float text_scale() const { return static_cast<float>(settings_.text_scale); }
    const std::string& theme() const { return settings_.theme; }
    bool wants_frames() const;  // a save is pending or speech is playing

    // Used by the accessible mirror and the host bridge.
    const crb::Course& course() const { return course_; }
    const crb::Strings& strings() const { return strings_; }
    crb::Lang lang() const { return settings_.lang; }
    const Route& route() const { return route_; }
    const crb::Workbook& workbook() const { return wb_; }
    void navigate(const Route& r, bool push_history = true);
    void set_language(crb::Lang lang);
    bool commit_answer(const std::string& key, nlohmann::json answer, std::string* error);
    const char* tr(const char* key) const;

private:
    // Accessible HTML mirror of the current screen (app/ui/mirror_bridge.cpp): called once per
    // drawn frame after the canvas UI; re-renders the mirror when the screen, the language, the
    // workbook or (from the canvas) an answer changed, and applies edits made in the mirror.
    CRB_SCREEN void sync_mirror();
    void sync_mirror_page();
    std::vector<crb::NarrationChunk> route_narration() const;
    void speak_section(const std::vector<crb::NarrationChunk>& chunks);  // reads chunks[listen_section_]
    void read_on(const std::vector<crb::NarrationChunk>& chunks);  // after a section ends (listen page)
    CRB_SCREEN void drag_to_scroll();
    ImGuiWindow* drag_window_ = nullptr;  // the area being dragged, while the pointer is down

    // [SECTION] helpers, defined in app.cpp and screens.cpp
    CRB_SCREEN void open_store();
    CRB_SCREEN void save_if_due(bool force);
    void track_unsaved();                    // start tracking edits of the open workbook
    void note_edit(const std::string& key);  // call before changing the answer of `key`
    CRB_SCREEN void resolve_conflict();      // another tab saved first: rebase our edits on its version
    CRB_SCREEN void apply_hash(const std::string& hash);
    std::string hash_of(const Route& r) const;
    CRB_SCREEN void poll_platform();
    CRB_SCREEN void top_bar();
    CRB_SCREEN void workbook_menu();
    CRB_SCREEN void settings_menu();
    CRB_SCREEN void settings_contents();
    CRB_SCREEN void dialogs();
    CRB_SCREEN void banners();
    CRB_SCREEN void home();
    CRB_SCREEN void unit_page();
    CRB_SCREEN void unit_nav(const crb::Unit& u, bool narrow);
    CRB_SCREEN void overview(const crb::Unit& u);
    CRB_SCREEN void read(const crb::Unit& u);
    CRB_SCREEN void listen(const crb::Unit& u);
    CRB_SCREEN void exercise(const crb::Unit& u, const crb::Exercise& ex);
    CRB_SCREEN void summary(const crb::Unit& u);
    CRB_SCREEN void exercise_results(const crb::Unit& u, const crb::Exercise& ex);
    void remember_place();
    void persist_settings();
    CRB_SCREEN void export_workbook();
    CRB_SCREEN void print_report();
    std::string unit_label(const crb::Unit& u) const;
    const char* T(const crb::Text& t) const { return t.get(settings_.lang).c_str(); }

    crb::Course course_;
    crb::Strings strings_;
    std::unique_ptr<crb::WorkbookStore> store_;
    crb::Workbook wb_;
    crb::Settings settings_;
    Route route_;
    Route last_place_;
    bool have_last_place_ = false;

    // saving
    bool dirty_ = false;
    double dirty_since_ = 0, retry_at_ = 0, retry_scheduled_for_ = 0;
    std::vector<float> home_card_h_;  // Home: each unit card's content height (last frame)
    std::string save_error_;
    std::vector<std::string> storage_warnings_;  // corrupt entries kept as backups
    std::vector<std::string> backup_keys_;
    std::string notice_;         // one-line info (conflict reloaded, imported)
    std::string notice_backup_;  // backup key the notice offers for download
    // Edits since the last successful save: exercise key -> its answer before them (null: none), for
    // the workbook unsaved_id_; re-applied over another tab's newer version after a save conflict.
    std::map<std::string, nlohmann::json> unsaved_before_;
    std::string unsaved_id_;
    bool unsaved_name_ = false;

    // dialogs
    std::string rename_buf_;
    bool open_rename_ = false, open_delete_ = false, open_reset_ = false, open_import_ = false;
    std::string reset_key_;
    crb::Workbook import_candidate_;
    std::string pending_import_text_;
    std::string import_error_;

    // narration
    int listen_section_ = 0;
    float listen_rate_ = 1.0f;
    bool listen_playing_ = false;

    bool embedded_ = false;

    // mirror bookkeeping (mirror_bridge.cpp)
    uint64_t answers_gen_ = 0;  // bumped on every stored answer change
    uint64_t mirror_answers_gen_ = ~0ull;
    std::string mirror_screen_;  // hash + lang + workbook id the mirror was built for
    bool applying_mirror_edit_ = false;
};

// Start-up data from the files compiled into the app: the course pack ("content/course.bin", see
// core/course_pack.h) and the UI strings (content/i18n/*.json). False with a message in errors when
// the course pack is missing or cannot be read (a broken build: the app says so on screen).
bool read_embedded_content(const EmbeddedFile* files, unsigned count, crb::Course& course,
                           std::vector<crb::SourceFile>& strings, std::vector<std::string>& errors);

}  // namespace ui
