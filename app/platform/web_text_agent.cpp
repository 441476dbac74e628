// Text agent and clipboard for the browser.
//
// SDL2's Emscripten backend makes text only from `keypress`, which loses IME, dead-key and phone
// keyboard input ("łódź" arrives as "d"). Instead a hidden <textarea> is focused while ImGui wants
// text; its `input` (outside composition) and `compositionend` events carry the text, which is
// pushed into SDL's queue as SDL_TEXTINPUT events, so it reaches ImGui in order with the key events.
// Keys (Backspace, Enter, arrows, shortcuts) still come through SDL's keydown/keyup, and
// web_main_loop.cpp swallows `keypress` so nothing is typed twice. The textarea is emptied after
// every event and follows the ImGui caret so an IME shows its candidates next to it.
//
// Clipboard: ImGui's copy goes to navigator.clipboard (and a local copy). Paste is the page's
// `paste` event: Ctrl/Cmd+V is kept away from SDL (whose keydown handler would cancel the event)
// and the pasted text is typed in through the same path as other text.
#include <SDL.h>
#include <emscripten.h>

#include <string>
#include <string_view>

#include "imgui.h"
#include "platform/platform.h"
#include "platform/utf8_chunks.h"
#include "platform/web_internal.h"

// [SECTION] JavaScript

// clang-format off
EM_JS(void, crb_js_text_agent_install, (), {
    var ta = document["createElement"]("textarea");
    ta["id"] = "crb-text-agent";
    ta["setAttribute"]("autocomplete", "off");
    ta["setAttribute"]("autocorrect", "off");
    ta["setAttribute"]("autocapitalize", "off");
    ta["setAttribute"]("spellcheck", "false");
    ta["setAttribute"]("tabindex", "-1");
    ta["setAttribute"]("aria-hidden", "true");
    var s = ta["style"];  // CSSOM, allowed by the page's CSP (no inline style attribute)
    s["position"] = "fixed";
    s["left"] = "0px";
    s["top"] = "0px";
    s["width"] = "1px";
    s["height"] = "1px";
    s["opacity"] = "0";
    s["padding"] = "0";
    s["border"] = "0";
    s["margin"] = "0";
    s["resize"] = "none";
    s["overflow"] = "hidden";
    s["pointerEvents"] = "none";
    s["zIndex"] = "-1";
    s["fontSize"] = "16px";  // 16px: no iOS zoom
    document["body"]["appendChild"](ta);

    var send = function(text) {
        if (!text) return;
        var n = lengthBytesUTF8(text) + 1;
        var p = _malloc(n);
        stringToUTF8(text, p, n);
        _crb_text_agent_text(p);
        _free(p);
    };
    // Drops control characters; line feeds only where `keepLineFeeds` (a paste). No regex or
    // backslash escapes here: EM_JS bodies become C strings.
    var clean = function(text, keepLineFeeds) {
        var out = "";
        for (var i = 0; i < text["length"]; i++) {
            var c = text["charCodeAt"](i);
            if (c >= 32 || (c === 10 && keepLineFeeds)) out += text["charAt"](i);
        }
        return out;
    };
    var flush = function() {
        var v = ta["value"];
        ta["value"] = "";
        // Line breaks and tabs arrive as key events (Enter, Tab) through SDL already.
        send(clean(v, false));
    };
    ta["addEventListener"]("input", function(e) { if (!e["isComposing"]) flush(); });
    ta["addEventListener"]("compositionend", function() { flush(); });

    // Ctrl/Cmd+V: keep SDL's keydown handler away (it would cancel the event), so `paste` fires.
    window["addEventListener"]("keydown", function(e) {
        if ((e["ctrlKey"] || e["metaKey"]) && !e["altKey"] &&
            (e["code"] === "KeyV" || e["key"] === "v" || e["key"] === "V")) {
            e["stopImmediatePropagation"]();
        }
    }, true);
    window["addEventListener"]("paste", function(e) {
        // A paste into a page control (the accessible view) is the page's own.
        var ae = document["activeElement"];
        if (ae && ae !== ta && (ae["tagName"] === "INPUT" || ae["tagName"] === "TEXTAREA")) return;
        var data = e["clipboardData"];
        var text = data ? data["getData"]("text/plain") : "";
        e["preventDefault"]();
        ta["value"] = "";
        if (text && document["activeElement"] === ta) send(clean(text, true));
    }, true);
    Module["crbTextAgent"] = ta;
});
// clang-format on

// clang-format off
EM_JS(void, crb_js_text_agent_focus, (int want), {
    var ta = Module["crbTextAgent"];
    if (!ta) return;
    Module["crbTextAgentWanted"] = want;
    if (want) {
        if (document["activeElement"] !== ta) ta["focus"]({"preventScroll" : true});
    } else if (document["activeElement"] === ta) {
        ta["blur"]();
    }
});
// clang-format on

// clang-format off
EM_JS(void, crb_js_text_agent_move, (int x, int y), {
    var ta = Module["crbTextAgent"];
    if (!ta) return;
    ta["style"]["left"] = x + "px";
    ta["style"]["top"] = y + "px";
});
// clang-format on

// clang-format off
EM_JS(void, crb_js_clipboard_write, (const char* text), {
    var c = navigator["clipboard"];
    if (c && c["writeText"]) c["writeText"](UTF8ToString(text))["catch"](function(){});
});
// clang-format on

namespace platform {
namespace {

std::string g_clipboard;  // last text copied from the app (kept for the UI's own use)

void set_clipboard(void*, const char* text) {
    g_clipboard = text ? text : "";
    crb_js_clipboard_write(g_clipboard.c_str());
}

// Paste comes from the `paste` event as typed text; returning nothing here keeps ImGui's own
// Ctrl+V / Shift+Insert from pasting a second time.
const char* get_clipboard(void*) { return nullptr; }

void ime_position(int x, int y) { crb_js_text_agent_move(x, y); }

}  // namespace

void copy_to_clipboard(const char* utf8) { set_clipboard(nullptr, utf8); }

namespace web {

void text_agent_install(ImGuiIO& io) {
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;
    io.ClipboardUserData = nullptr;
    io.ImeSetInputScreenPosFn = ime_position;
    crb_js_text_agent_install();
}

void text_agent_sync(bool want_text_input) { crb_js_text_agent_focus(want_text_input ? 1 : 0); }

}  // namespace web
}  // namespace platform

// Text from the agent: queued as SDL_TEXTINPUT events of at most 31 bytes (SDL's limit), cut on
// character boundaries.
extern "C" EMSCRIPTEN_KEEPALIVE void crb_text_agent_text(const char* utf8) {
    if (!utf8) return;
    constexpr std::size_t kMaxBytes = sizeof(SDL_TextInputEvent::text) - 1;
    for (std::string_view chunk : platform::utf8_chunks(utf8, kMaxBytes)) {
        SDL_Event event{};
        event.type = SDL_TEXTINPUT;
        event.text.timestamp = SDL_GetTicks();
        event.text.windowID = 0;
        chunk.copy(event.text.text, chunk.size());
        event.text.text[chunk.size()] = '\0';
        SDL_PushEvent(&event);
    }
    platform::web::wake(platform::web::kFramesAfterInput);
}
