// The platform layer: what the UI may ask of the browser (or, later, a native shell).
// Only files in app/platform/ know SDL, Emscripten or the DOM; UI code includes this header and
// imgui.h and nothing else from the platform.
//
// The UI itself is one function, called once per drawn frame between ImGui::NewFrame() and
// ImGui::Render(): `void ui_frame();` (declared in app/ui.h). Frames are drawn on demand — after
// input, a resize, or while the UI asks for more (request_frames / keep_animating) — so a UI that
// changes over time without input (an animation, a timer, a value arriving later) must say so.
#pragma once

#include <optional>
#include <string>

#include "core/store.h"

struct ImFont;

namespace platform {

using FrameFn = void (*)();

// Runs the app: creates the window and the GL context, loads the fonts and calls `frame` for every
// drawn frame. Never returns in the browser (the main loop belongs to the page).
int run(FrameFn frame);

// ---- Render on demand ------------------------------------------------------------------------
// Draw at least `n` more frames even without input (e.g. after changing state outside a frame).
void request_frames(int n = 1);
// Draw one frame after `ms` milliseconds without input (a retry, a deadline).
void request_frame_after(int ms);
// While true, draw every display frame (animations). Call with false when the animation ends.
void keep_animating(bool on);

// ---- Language --------------------------------------------------------------------------------
enum class Lang { en, pl };
// The language chosen at start: `?lang=pl|en` or `#/pl|en...` in the URL, else navigator.language
// ("pl*" -> pl), else en. Also written to <html lang>.
Lang initial_language();
// Tell the page which language is shown (<html lang>), e.g. after a language switch in the UI.
void set_page_language(Lang lang);
// The document title (tab, bookmarks, screen readers).
void set_page_title(const char* utf8);
inline const char* lang_code(Lang lang) { return lang == Lang::pl ? "pl" : "en"; }

// ---- Fonts -----------------------------------------------------------------------------------
// Noto Sans (subset), rasterised at the device pixel ratio; sizes are in CSS pixels.
// `regular` is the default font (17 px). Valid inside ui_frame(); the atlas is rebuilt (and these
// pointers change) between frames when the device pixel ratio changes.
struct Fonts {
    ImFont* regular = nullptr;  // 17 px
    ImFont* bold = nullptr;     // 17 px bold
    ImFont* heading = nullptr;  // 22 px bold
    ImFont* title = nullptr;    // 28 px bold
    // All four faces were added (a face is null when its font file is missing from the build).
    bool complete() const { return regular && bold && heading && title; }
};
const Fonts& fonts();
// The learner's text size (0.8-2.0): fonts are rebuilt at size x scale x device pixel ratio before
// the next frame when it changes.
void set_text_scale(float scale);

// ---- Clipboard -------------------------------------------------------------------------------
// ImGui's Ctrl+C / Ctrl+X go to the browser clipboard, Ctrl+V comes from the page's `paste` event;
// nothing to call. This copies arbitrary text (e.g. a "Copy" button).
void copy_to_clipboard(const char* utf8);

// ---- Time -------------------------------------------------------------------------------------
double now_ms();  // monotonic milliseconds

// --- storage -----------------------------------------------------------------------------------
crb::KeyValue& storage();     // localStorage in the browser, a folder natively
bool storage_available();     // false: private mode / blocked; answers will not survive a reload
int storage_persisted();      // navigator.storage.persisted(): 1 yes, 0 no, -1 unknown yet
bool take_storage_changed(std::string* key);  // another tab changed a key (storage event)

// --- files -------------------------------------------------------------------------------------
void download(const std::string& filename, const std::string& mime, const std::string& data);
void open_file_picker();  // the chosen or dropped file arrives through take_opened_file
bool take_opened_file(std::string* name, std::string* text);
void print_html(const std::string& html);  // opens the document and the print dialog
void open_html(const std::string& html);   // opens the document in a new tab (the unit "book")

// --- address bar and embedding -----------------------------------------------------------------
std::string location_hash();                        // "#/pl/unit/2/nps" or ""
void set_location_hash(const std::string& hash, bool push);
bool take_hash_changed(std::string* hash);          // back/forward or a parent's navigation
std::string query_param(const char* name);          // ?lang=pl&embed=1
std::string browser_language();                     // "pl-PL"
void set_document_language(const char* code);       // <html lang>
bool embedded();                                    // inside an iframe
void post_to_host(const std::string& json_message); // only when embedded
bool take_host_command(std::string* json_message);  // from an allowed origin only
bool update_available();                            // a new service worker is waiting
void reload_page();

// --- narration -----------------------------------------------------------------------------------
enum class SpeechState { unavailable, no_voice, idle, speaking, paused };
SpeechState speech_state(const char* lang);
void speak(const std::string& text, const char* lang, float rate);  // replaces what is playing
void speech_pause();
void speech_resume();
void speech_cancel();
bool take_speech_finished();  // the last utterance ended by itself

// --- accessible mirror (web_mirror.cpp) ----------------------------------------------------------
// An HTML copy of the current screen beside the canvas (rendered by core/mirror.h), shown instead of
// the canvas by the page's "Accessible view" toggle or skip link, and reachable by Tab and screen
// readers even when hidden. `ui_json` holds the page's own labels in the current language:
// {"skip": ..., "toggle": ..., "canvas": ...}. Focus stays on the same control when it still exists.
void mirror_render(const std::string& html, const char* lang, const std::string& ui_json);
// Replaces the content of one element of the mirror (the results, the unit navigation) without
// touching the rest; with `unless_focused` nothing happens while focus is inside it.
void mirror_set_part(const char* element_id, const std::string& html, bool unless_focused);
// Marks item `index` of the mirror's list `list_id` with aria-current="true" and clears the mark on
// its other items (index -1: none); nothing else changes, so focus stays where it is.
void mirror_set_current(const char* list_id, int index);
// A message next to a mirror control, with aria-invalid; an empty message clears both.
void mirror_field_error(const std::string& control_id, const std::string& message);
bool take_mirror_event(std::string* json);  // edits and actions from the mirror, one JSON object each
bool mirror_shown();                        // the accessible view replaces the canvas
void set_mirror_shown(bool shown);
bool take_html_focus();        // keyboard focus moved into the page's HTML since the last call
bool prefers_reduced_motion();  // prefers-reduced-motion: reduce

// --- test hooks ----------------------------------------------------------------------------------
bool test_mode();                                  // ?test=1
void publish_test_state(const std::string& json);  // window.crbTest for browser tests

}  // namespace platform
