// Native services for the UI (see native_platform.h): storage, time, the "address bar" and the
// environment's language are real; what only a browser page has (host page, speech synthesis,
// service worker, accessible HTML mirror, print dialog, file picker) does nothing and says so.
#include <chrono>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <string>

#include "platform/native_platform.h"
#include "platform/platform.h"

namespace platform {
namespace {

struct State {
    crb::MemoryKeyValue memory;
    crb::KeyValue* storage = nullptr;  // nullptr: memory
    bool persistent = false;
    std::string hash;
    std::deque<std::string> hash_queue;
    std::string download_dir;
    std::string clipboard;
    std::string title;
    std::string document_lang = "en";
    int frames_requested = 0;
    bool animating = false;
};
State& state() {
    static State s;
    return s;
}

// "pl_PL.UTF-8" -> "pl-PL", from the first of LC_ALL, LC_MESSAGES, LANG that is set.
std::string environment_language() {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(var);
        if (!v || !*v) continue;
        std::string s(v);
        s = s.substr(0, s.find_first_of(".@"));
        for (char& c : s)
            if (c == '_') c = '-';
        if (s == "C" || s == "POSIX") return "";
        return s;
    }
    return "";
}

}  // namespace

// [SECTION] Render on demand: recorded for the caller's loop.
void request_frames(int n) {
    if (n > state().frames_requested) state().frames_requested = n;
}
// The benchmark's loop has no clock of its own to wait on: the frame is simply owed at once.
void request_frame_after(int) { request_frames(1); }
void keep_animating(bool on) { state().animating = on; }

// [SECTION] Language and title
Lang initial_language() {
    static const Lang lang = environment_language().rfind("pl", 0) == 0 ? Lang::pl : Lang::en;
    return lang;
}
void set_page_language(Lang lang) { state().document_lang = lang_code(lang); }
void set_page_title(const char* utf8) { state().title = utf8 ? utf8 : ""; }

// [SECTION] Clipboard: kept in the process (no system clipboard without a windowing library).
void copy_to_clipboard(const char* utf8) { state().clipboard = utf8 ? utf8 : ""; }

// [SECTION] Time
double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

// [SECTION] Storage
crb::KeyValue& storage() { return state().storage ? *state().storage : state().memory; }
bool storage_available() { return state().persistent; }
int storage_persisted() { return state().persistent ? 1 : 0; }
bool take_storage_changed(std::string*) { return false; }  // one process, no other tabs

// [SECTION] Files
void download(const std::string& filename, const std::string&, const std::string& data) {
    if (state().download_dir.empty() || filename.find('/') != std::string::npos) return;
    std::ofstream(state().download_dir + "/" + filename, std::ios::binary) << data;
}
void open_file_picker() {}
bool take_opened_file(std::string*, std::string*) { return false; }
void print_html(const std::string&) {}
void open_html(const std::string&) {}

// [SECTION] Address bar and embedding
std::string location_hash() { return state().hash; }
void set_location_hash(const std::string& hash, bool) { state().hash = hash; }
bool take_hash_changed(std::string* hash) {
    if (state().hash_queue.empty()) return false;
    state().hash = state().hash_queue.front();
    state().hash_queue.pop_front();
    if (hash) *hash = state().hash;
    return true;
}
std::string query_param(const char*) { return ""; }
std::string browser_language() { return environment_language(); }
void set_document_language(const char* code) { state().document_lang = code ? code : "en"; }
bool embedded() { return false; }
void post_to_host(const std::string&) {}
bool take_host_command(std::string*) { return false; }
bool update_available() { return false; }
void reload_page() {}

// [SECTION] Narration: no speech synthesis natively.
SpeechState speech_state(const char*) { return SpeechState::unavailable; }
void speak(const std::string&, const char*, float) {}
void speech_pause() {}
void speech_resume() {}
void speech_cancel() {}
bool take_speech_finished() { return false; }

// [SECTION] Accessible mirror: an HTML page feature; nothing to mirror into natively.
void mirror_render(const std::string&, const char*, const std::string&) {}
void mirror_set_part(const char*, const std::string&, bool) {}
void mirror_set_current(const char*, int) {}
void mirror_field_error(const std::string&, const std::string&) {}
bool take_mirror_event(std::string*) { return false; }
bool mirror_shown() { return false; }  // there is no HTML view to show instead of the UI
void set_mirror_shown(bool) {}
bool take_html_focus() { return false; }
bool prefers_reduced_motion() { return false; }

// [SECTION] Test hooks (browser tests only)
bool test_mode() { return false; }
void publish_test_state(const std::string&) {}

namespace native {

void set_storage(crb::KeyValue* kv, bool persistent) {
    state().storage = kv;
    state().persistent = kv && persistent;
}
void navigate(const std::string& hash) { state().hash_queue.push_back(hash); }
int take_frames_requested() {
    int n = state().frames_requested;
    state().frames_requested = 0;
    return n;
}
bool animating() { return state().animating; }
void set_download_dir(const std::string& dir) { state().download_dir = dir; }

}  // namespace native
}  // namespace platform
