// The accessible mirror in the page: the container beside the canvas, the "Accessible view" toggle
// and the skip link (web/index.html), event delegation that queues edits for the app, and the
// keyboard hand-over between the page and the canvas.
//
// Keyboard: SDL listens for keys on window and cancels Tab, Backspace, the arrows and Ctrl
// combinations, which would make the page's own controls unusable and trap Tab inside the canvas.
// A capture listener on window therefore keeps key events away from SDL when they belong to the
// page: whenever the target is a page element (a mirror control, the toggle, the skip link),
// always while the accessible view is shown, and for Tab unless ImGui is editing text (the text
// agent has focus; Tab then moves between ImGui's fields and Escape ends the edit). So Tab from the
// canvas reaches the page, and a pointer press on the canvas gives it the keyboard back.
//
// The mirror is visually hidden, never display:none: screen readers read it and Tab reaches it,
// and it appears as a page over the canvas while focus is inside it (CSS :focus-within) or while
// the toggle is pressed (<html class="crb-a11y">). web/mirror.css has the rules.
#include <emscripten.h>

#include <cstdlib>
#include <string>

#include "platform/platform.h"

// [SECTION] JavaScript (bracket names: closure renames dotted ones; no regex or backslashes)

// clang-format off
EM_JS(void, crb_js_mirror_install, (), {
    var doc = document;
    var byId = function(id) { return doc["getElementById"](id); };
    var m = byId("crb-mirror");
    if (!m) {
        m = doc["createElement"]("div");
        m["id"] = "crb-mirror";
        doc["body"]["appendChild"](m);
    }
    m["classList"]["add"]("crb-mirror");
    var canvas = byId("canvas");
    var toggle = byId("crb-view-toggle");
    var skip = byId("crb-skip");
    var st = window["crbMirror"] = {"queue": [], "focus": 0, "shown": false, "screen": ""};
    var wake = function() { _crb_platform_wake(); };
    var push = function(ev) { st["queue"]["push"](JSON["stringify"](ev)); wake(); };
    var agent = function() { return byId("crb-text-agent"); };
    var attr = function(el, name) { return el["getAttribute"] ? (el["getAttribute"](name) || "") : ""; };

    var setShown = function(on, focusMain) {
        st["shown"] = on;
        var was = doc["documentElement"]["classList"]["contains"]("crb-a11y");
        doc["documentElement"]["classList"]["toggle"]("crb-a11y", on);
        // The canvas shrinks while covered (mirror.css): SDL re-reads its size on a resize.
        if (was !== on) window["dispatchEvent"](new Event("resize"));
        if (toggle) toggle["setAttribute"]("aria-pressed", on ? "true" : "false");
        try {
            if (on) window["localStorage"]["setItem"]("crb-view", "html");
            else window["localStorage"]["removeItem"]("crb-view");
        } catch (e) {}
        if (on && focusMain) {
            var h = byId("m-h1");
            if (h) h["focus"]();
        }
        wake();
    };
    st["setShown"] = setShown;
    var wanted = false;
    try { wanted = window["localStorage"]["getItem"]("crb-view") === "html"; } catch (e) {}
    if (new URLSearchParams(location["search"])["get"]("view") === "html") wanted = true;
    if (wanted) setShown(true, false);
    if (toggle) toggle["addEventListener"]("click", function() { setShown(!st["shown"], true); });
    if (skip) skip["addEventListener"]("click", function(e) { e["preventDefault"](); setShown(true, true); });

    // Edits: typed text and numbers on input, choices on change, buttons on click.
    var send = function(el) {
        var type = attr(el, "data-type");
        var ev = {"op": "set", "key": attr(el, "data-key"), "ptr": attr(el, "data-ptr"), "type": type,
                  "id": el["id"], "empty": attr(el, "data-empty"), "min": attr(el, "data-min"),
                  "max": attr(el, "data-max")};
        if (type === "text" || type === "int" || type === "number") {
            ev["text"] = el["value"];
            ev["orig"] = attr(el, "data-orig");
        } else if (type === "bool") {
            ev["checked"] = !!el["checked"];
        } else if (type === "choice") {
            if (el["type"] === "radio" && !el["checked"]) return;
            ev["text"] = el["value"];
        } else if (type === "multi") {
            var values = [];
            var all = m["querySelectorAll"]("input[data-type=multi]");
            for (var i = 0; i < all["length"]; i++) {
                var o = all[i];
                if (o["checked"] && attr(o, "data-key") === ev["key"] && attr(o, "data-ptr") === ev["ptr"]) values["push"](o["value"]);
            }
            ev["values"] = values;
        } else {
            return;
        }
        push(ev);
    };
    m["addEventListener"]("input", function(e) {
        var type = attr(e["target"], "data-type");
        if (type === "text" || type === "int" || type === "number") send(e["target"]);
    });
    m["addEventListener"]("change", function(e) {
        var type = attr(e["target"], "data-type");
        if (type === "choice" || type === "bool" || type === "multi") send(e["target"]);
    });
    m["addEventListener"]("focusin", function(e) {
        var t = e["target"];
        var type = attr(t, "data-type");
        if (type === "int" || type === "number") t["setAttribute"]("data-orig", t["value"]);
    });
    m["addEventListener"]("click", function(e) {
        var b = e["target"]["closest"] ? e["target"]["closest"]("button[data-action]") : null;
        if (!b || !m["contains"](b)) return;
        var action = attr(b, "data-action");
        if (action === "reset" && !window["confirm"](attr(b, "data-confirm"))) return;
        var ev = {"op": action, "key": attr(b, "data-key"), "ptr": attr(b, "data-ptr"), "value": attr(b, "data-value"),
                  "index": Number(attr(b, "data-index") || "0"), "id": b["id"]};
        var source = attr(b, "data-source");  // a text area whose text goes with the action (paste)
        if (source) {
            var area = doc["getElementById"](source);
            ev["source"] = source;
            ev["text"] = area ? String(area["value"]) : "";
        }
        push(ev);
    });

    // Keys that belong to the page never reach SDL (see the banner).
    var keyFilter = function(e) {
        var t = e["target"];
        var ta = agent();
        if (st["shown"]) {
            if (t !== ta) e["stopImmediatePropagation"]();
            return;
        }
        if (t === ta) return;
        var pageOwned = t && t !== doc["body"] && t !== doc["documentElement"] && t !== canvas && t !== doc && t !== window;
        if (pageOwned || e["key"] === "Tab") e["stopImmediatePropagation"]();
    };
    window["addEventListener"]("keydown", keyFilter, true);
    window["addEventListener"]("keyup", keyFilter, true);
    // Focus entering the page's HTML: the canvas must let go of the keyboard (the app checks).
    doc["addEventListener"]("focusin", function(e) {
        var t = e["target"];
        if (t !== agent() && t !== canvas && t !== doc["body"]) {
            st["focus"] = 1;
            wake();
        }
    }, true);
    // A press on the canvas takes the keyboard back from a page control.
    if (canvas) {
        canvas["addEventListener"]("pointerdown", function() {
            var ae = doc["activeElement"];
            if (ae && ae !== doc["body"] && ae !== canvas && ae !== agent()) canvas["focus"]({"preventScroll": true});
        }, true);
    }
});
// clang-format on

// clang-format off
EM_JS(void, crb_js_mirror_render, (const char* html, const char* lang, const char* ui), {
    var doc = document;
    var byId = function(id) { return doc["getElementById"](id); };
    var m = byId("crb-mirror");
    var st = window["crbMirror"];
    if (!m || !st) return;
    var ae = doc["activeElement"];
    var hadFocus = !!(ae && ae !== m && m["contains"](ae));
    var focusId = hadFocus ? ae["id"] : "";
    var selStart = -1, selEnd = -1;
    if (hadFocus && (ae["tagName"] === "INPUT" || ae["tagName"] === "TEXTAREA")) {
        try { selStart = ae["selectionStart"]; selEnd = ae["selectionEnd"]; } catch (e) {}
    }
    m["innerHTML"] = UTF8ToString(html);
    m["setAttribute"]("lang", UTF8ToString(lang));
    var page = m["firstElementChild"];
    var screen = page ? page["getAttribute"]("data-screen") : "";
    var newScreen = screen !== st["screen"];
    st["screen"] = screen;
    if (hadFocus) {
        // The same control when it is still there; on a new screen (or when it went away) the
        // page's heading, so a screen reader starts reading the new page.
        var target = !newScreen && focusId ? byId(focusId) : null;
        if (!target) target = byId("m-h1");
        if (target) {
            target["focus"]({"preventScroll": !newScreen});
            if (target === byId(focusId) && selStart >= 0) {
                try { target["setSelectionRange"](selStart, selEnd); } catch (e) {}
            }
        }
    } else if (newScreen) {
        m["scrollTop"] = 0;
    }
    var labels = {};
    try { labels = JSON["parse"](UTF8ToString(ui)); } catch (e) {}
    var toggle = byId("crb-view-toggle"), skip = byId("crb-skip"), canvas = byId("canvas");
    if (toggle && labels["toggle"]) toggle["textContent"] = labels["toggle"];
    if (skip && labels["skip"]) skip["textContent"] = labels["skip"];
    if (canvas && labels["canvas"]) canvas["setAttribute"]("aria-label", labels["canvas"]);
    if (toggle) toggle["setAttribute"]("lang", UTF8ToString(lang));
    if (skip) skip["setAttribute"]("lang", UTF8ToString(lang));
});
// clang-format on

// clang-format off
EM_JS(void, crb_js_mirror_set_part, (const char* id, const char* html, int unless_focused), {
    var el = document["getElementById"](UTF8ToString(id));
    if (!el) return;
    if (unless_focused && el["contains"](document["activeElement"])) return;
    el["innerHTML"] = UTF8ToString(html);
});
// clang-format on

// clang-format off
EM_JS(void, crb_js_mirror_set_current, (const char* id, int index), {
    var list = document["getElementById"](UTF8ToString(id));
    if (!list) return;
    var items = list["children"];
    for (var k = 0; k < items["length"]; k++) {
        if (k === index) items[k]["setAttribute"]("aria-current", "true");
        else items[k]["removeAttribute"]("aria-current");
    }
});
// clang-format on

// clang-format off
EM_JS(void, crb_js_mirror_error, (const char* id, const char* message), {
    var doc = document;
    var el = doc["getElementById"](UTF8ToString(id));
    if (!el) return;
    var text = UTF8ToString(message);
    var errId = el["id"] + "-err";
    var box = doc["getElementById"](errId);
    var described = (el["getAttribute"]("aria-describedby") || "")["split"](" ")["filter"](function(x) { return x && x !== errId; });
    if (!text) {
        if (box) box["remove"]();
        el["removeAttribute"]("aria-invalid");
        if (described["length"]) el["setAttribute"]("aria-describedby", described["join"](" "));
        else el["removeAttribute"]("aria-describedby");
        return;
    }
    if (!box) {
        box = doc["createElement"]("span");
        box["id"] = errId;
        box["className"] = "m-error";
        box["setAttribute"]("role", "alert");
        el["insertAdjacentElement"]("afterend", box);
    }
    if (box["textContent"] !== text) box["textContent"] = text;
    el["setAttribute"]("aria-invalid", "true");
    described["push"](errId);
    el["setAttribute"]("aria-describedby", described["join"](" "));
});
// clang-format on

// clang-format off
EM_JS(char*, crb_js_mirror_take, (), {
    var st = window["crbMirror"];
    if (!st || !st["queue"]["length"]) return 0;
    var s = st["queue"]["shift"]();
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});
// clang-format on

// 0: shown, 1: focus moved into the page (and forget it), 2: reduced motion.
// clang-format off
EM_JS(int, crb_js_mirror_int, (int what), {
    var st = window["crbMirror"];
    if (!st) return 0;
    if (what === 0) return st["shown"] ? 1 : 0;
    if (what === 1) { var f = st["focus"]; st["focus"] = 0; return f; }
    if (what === 2) return window["matchMedia"] && window["matchMedia"]("(prefers-reduced-motion: reduce)")["matches"] ? 1 : 0;
    return 0;
});
// clang-format on

// clang-format off
EM_JS(void, crb_js_mirror_set_shown, (int on), {
    var st = window["crbMirror"];
    if (st) st["setShown"](!!on, !!on);
});
// clang-format on

namespace platform {
namespace {

void install() {
    static bool done = false;
    if (!done) {
        done = true;
        crb_js_mirror_install();
    }
}

}  // namespace

void mirror_render(const std::string& html, const char* lang, const std::string& ui_json) {
    install();
    crb_js_mirror_render(html.c_str(), lang, ui_json.c_str());
}

void mirror_set_part(const char* element_id, const std::string& html, bool unless_focused) {
    install();
    crb_js_mirror_set_part(element_id, html.c_str(), unless_focused ? 1 : 0);
}

void mirror_set_current(const char* list_id, int index) {
    install();
    crb_js_mirror_set_current(list_id, index);
}

void mirror_field_error(const std::string& control_id, const std::string& message) {
    install();
    crb_js_mirror_error(control_id.c_str(), message.c_str());
}

bool take_mirror_event(std::string* json) {
    install();
    char* p = crb_js_mirror_take();
    if (!p) return false;
    if (json) *json = p;
    std::free(p);
    return true;
}

bool mirror_shown() {
    install();
    return crb_js_mirror_int(0) == 1;
}

void set_mirror_shown(bool shown) {
    install();
    crb_js_mirror_set_shown(shown ? 1 : 0);
}

bool take_html_focus() {
    install();
    return crb_js_mirror_int(1) == 1;
}

bool prefers_reduced_motion() { return crb_js_mirror_int(2) == 1; }

}  // namespace platform
