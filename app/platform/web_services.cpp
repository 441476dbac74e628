// Browser services for the UI: localStorage, downloads and file import, printing, the address bar,
// the host page (postMessage), speech synthesis and test hooks. Each JS piece queues what arrives
// asynchronously and wakes the main loop; the UI polls the queues once per frame (take_*()).
#include <emscripten.h>

#include <cstdlib>
#include <string>

#include "platform/platform.h"
#include "platform/web_internal.h"

// [SECTION] JavaScript (bracket names: closure would rename dotted ones)

EM_JS(void, crb_js_services_install, (), {
    var q = window["crbQueues"] = {"storage": [], "hash": [], "file": [], "host": [], "speechEnd": 0};
    var wake = function() { _crb_platform_wake(); };
    window["addEventListener"]("storage", function(e) {
        if (e["key"] && e["key"]["indexOf"]("crb:") === 0) { q["storage"]["push"](e["key"]); wake(); }
    });
    window["addEventListener"]("hashchange", function() { q["hash"]["push"](String(location["hash"])); wake(); });
    // Messages from the embedding page: only from origins listed in crb-config.js (default none).
    window["addEventListener"]("message", function(e) {
        var allowed = (window["crbConfig"] && window["crbConfig"]["allowedOrigins"]) || [];
        if (e["source"] !== window["parent"] || allowed["indexOf"](e["origin"]) < 0) return;
        if (typeof e["data"] !== "object" || e["data"] === null) return;
        try { q["host"]["push"](JSON["stringify"](e["data"])); } catch (err) { return; }
        wake();
    });
    // Import: a hidden file input and drag-and-drop anywhere on the page.
    var input = document["createElement"]("input");
    input["type"] = "file";
    input["accept"] = ".json,application/json";
    input["style"]["display"] = "none";
    input["id"] = "crb-file-input";
    document["body"]["appendChild"](input);
    var readFile = function(file) {
        if (!file) return;
        if (file["size"] > 6 * 1024 * 1024) { q["file"]["push"]([file["name"], "{\"error\": \"file too large\"}"]); wake(); return; }
        var reader = new FileReader();
        reader["onload"] = function() { q["file"]["push"]([file["name"], String(reader["result"])]); wake(); };
        reader["readAsText"](file);
    };
    input["addEventListener"]("change", function() { readFile(input["files"][0]); input["value"] = ""; });
    window["addEventListener"]("dragover", function(e) { e["preventDefault"](); });
    window["addEventListener"]("drop", function(e) {
        e["preventDefault"]();
        var f = e["dataTransfer"] && e["dataTransfer"]["files"] && e["dataTransfer"]["files"][0];
        readFile(f);
    });
    // Save when the page is hidden or closed: the last edits must reach storage.
    var flush = function() { _crb_app_flush(); };
    document["addEventListener"]("visibilitychange", function() { if (document["visibilityState"] === "hidden") flush(); });
    window["addEventListener"]("pagehide", flush);
    // Persistent storage: ask once, remember the answer for the settings panel.
    window["crbPersisted"] = -1;
    var st = navigator["storage"];
    if (st && st["persist"]) {
        st["persist"]()["then"](function(p) { window["crbPersisted"] = p ? 1 : 0; wake(); },
                               function() { window["crbPersisted"] = 0; wake(); });
    } else {
        window["crbPersisted"] = 0;
    }
    // Speech voices load asynchronously in Chromium.
    if (window["speechSynthesis"]) {
        window["speechSynthesis"]["addEventListener"]("voiceschanged", wake);
    }
});

EM_JS(char*, crb_js_take, (const char* queue), {
    var q = window["crbQueues"][UTF8ToString(queue)];
    if (!q || !q["length"]) return 0;
    var v = q["shift"]();
    var s = typeof v === "string" ? v : v[0] + "\n" + v[1];
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

EM_JS(char*, crb_js_ls_get, (const char* key), {
    try {
        var v = window["localStorage"]["getItem"](UTF8ToString(key));
        if (v === null) return 0;
        var n = lengthBytesUTF8(v) + 1;
        var p = _malloc(n);
        stringToUTF8(v, p, n);
        return p;
    } catch (e) { return 0; }
});

EM_JS(int, crb_js_ls_set, (const char* key, const char* value), {
    try { window["localStorage"]["setItem"](UTF8ToString(key), UTF8ToString(value)); return 1; }
    catch (e) { return 0; }
});

EM_JS(void, crb_js_ls_remove, (const char* key), {
    try { window["localStorage"]["removeItem"](UTF8ToString(key)); } catch (e) {}
});

EM_JS(char*, crb_js_ls_keys, (), {
    var out = [];
    try {
        var ls = window["localStorage"];
        for (var i = 0; i < ls["length"]; i++) {
            var k = ls["key"](i);
            if (k !== null && k["indexOf"]("crb:") === 0) out["push"](k);
        }
    } catch (e) {}
    var s = out["join"]("\n");
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

// 1 when localStorage can be used. Storage that is merely full still holds the saved workbooks, so a
// quota error while writing the probe counts as available (saving then reports the quota and keeps the
// edits); only storage that cannot be read at all, or that refuses the first byte while empty (old
// private modes), counts as unavailable.
EM_JS(int, crb_js_ls_probe, (), {
    var ls;
    try {
        ls = window["localStorage"];
        if (!ls) return 0;
        ls["getItem"]("crb:index");
    } catch (e) { return 0; }
    try {
        ls["setItem"]("crb:probe", "1");
        ls["removeItem"]("crb:probe");
        return 1;
    } catch (e) {
        var quota = e && (e["name"] === "QuotaExceededError" || e["name"] === "NS_ERROR_DOM_QUOTA_REACHED" ||
                          e["code"] === 22 || e["code"] === 1014);
        return quota && ls["length"] > 0 ? 1 : 0;
    }
});

EM_JS(void, crb_js_download, (const char* name, const char* mime, const char* data), {
    var blob = new Blob([UTF8ToString(data)], {"type": UTF8ToString(mime) + ";charset=utf-8"});
    var a = document["createElement"]("a");
    a["href"] = URL["createObjectURL"](blob);
    a["download"] = UTF8ToString(name);
    document["body"]["appendChild"](a);
    a["click"]();
    setTimeout(function() { URL["revokeObjectURL"](a["href"]); a["remove"](); }, 1000);
});

EM_JS(void, crb_js_open_picker, (), { document["getElementById"]("crb-file-input")["click"](); });

// Reports open in a sandboxed iframe-free blob tab; printing uses a hidden iframe (no pop-up needed).
EM_JS(void, crb_js_show_html, (const char* html, int print), {
    var text = UTF8ToString(html);
    if (!print) {
        var url = URL["createObjectURL"](new Blob([text], {"type": "text/html;charset=utf-8"}));
        // Not the "noopener" feature: with it window.open always returns null, which looked like
        // a blocked pop-up and sent this page to the book too. Cut the opener link by hand.
        var w = window["open"](url, "_blank");
        if (w) { try { w["opener"] = null; } catch (e) {} }
        else location["href"] = url;
        return;
    }
    var old = document["getElementById"]("crb-print-frame");
    if (old) old["remove"]();
    var frame = document["createElement"]("iframe");
    frame["id"] = "crb-print-frame";
    frame["title"] = "report";
    frame["style"]["cssText"] = "position:fixed;right:0;bottom:0;width:0;height:0;border:0";
    frame["setAttribute"]("sandbox", "allow-modals allow-same-origin");
    frame["srcdoc"] = text;
    frame["onload"] = function() { try { frame["contentWindow"]["print"](); } catch (e) {} };
    document["body"]["appendChild"](frame);
    window["crbLastReport"] = text;
});

EM_JS(char*, crb_js_location, (int what), {
    var s = what === 0 ? String(location["hash"]) : what === 1 ? String(location["search"])
          : String(navigator["language"] || "");
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

EM_JS(void, crb_js_set_hash, (const char* hash, int push), {
    var h = UTF8ToString(hash);
    if (String(location["hash"]) === h) return;
    if (push) history["pushState"](null, "", h);
    else history["replaceState"](null, "", h);
});

EM_JS(int, crb_js_embedded, (), {
    try { return window["self"] !== window["top"] ? 1 : 0; } catch (e) { return 1; }
});

EM_JS(void, crb_js_post, (const char* json), {
    try { window["parent"]["postMessage"](JSON["parse"](UTF8ToString(json)), "*"); } catch (e) {}
});

EM_JS(int, crb_js_int, (int what), {
    if (what === 0) return window["crbPersisted"];
    if (what === 1) return window["crbUpdateReady"] ? 1 : 0;
    if (what === 2) { var e = window["crbQueues"]["speechEnd"]; window["crbQueues"]["speechEnd"] = 0; return e; }
    return 0;
});

// shell.js's crbReload lets a waiting service worker (a new build) take over before reloading.
EM_JS(void, crb_js_reload, (), {
    if (typeof window["crbReload"] === "function") window["crbReload"]();
    else location["reload"]();
});

// Speech: 0 unavailable, 1 no voice for the language, 2 idle, 3 speaking, 4 paused.
EM_JS(int, crb_js_speech_state, (const char* lang), {
    var s = window["speechSynthesis"];
    if (!s || !window["SpeechSynthesisUtterance"]) return 0;
    var code = UTF8ToString(lang);
    var voices = s["getVoices"]();
    var has = false;
    for (var i = 0; i < voices["length"]; i++)
        if (String(voices[i]["lang"])["toLowerCase"]()["indexOf"](code) === 0) has = true;
    if (!has) return 1;
    if (s["paused"]) return 4;
    if (s["speaking"] || s["pending"]) return 3;
    return 2;
});

EM_JS(void, crb_js_speak, (const char* text, const char* lang, float rate), {
    var s = window["speechSynthesis"];
    if (!s) return;
    s["cancel"]();
    var code = UTF8ToString(lang);
    var u = new SpeechSynthesisUtterance(UTF8ToString(text));
    u["lang"] = code === "pl" ? "pl-PL" : "en-GB";
    var voices = s["getVoices"]();
    for (var i = 0; i < voices["length"]; i++)
        if (String(voices[i]["lang"])["toLowerCase"]()["indexOf"](code) === 0) { u["voice"] = voices[i]; break; }
    u["rate"] = rate;
    u["onend"] = function() { if (window["crbSpeechCurrent"] === u) { window["crbQueues"]["speechEnd"] = 1; _crb_platform_wake(); } };
    window["crbSpeechCurrent"] = u;
    s["speak"](u);
});

EM_JS(void, crb_js_speech_ctl, (int what), {
    var s = window["speechSynthesis"];
    if (!s) return;
    if (what === 0) s["pause"]();
    else if (what === 1) s["resume"]();
    else { window["crbSpeechCurrent"] = null; s["cancel"](); }
});

EM_JS(void, crb_js_test_state, (const char* json), {
    var parts = UTF8ToString(json)["split"]("\n");
    window["crbTest"] = {"state": JSON["parse"](parts[0]), "rects": JSON["parse"](parts[1] || "{}")};
});

namespace platform {
namespace {

// Takes ownership of a malloc'd C string from JS.
bool take_string(char* p, std::string* out) {
    if (!p) return false;
    if (out) *out = p;
    std::free(p);
    return true;
}

class LocalStorage : public crb::KeyValue {
public:
    std::optional<std::string> get(const std::string& key) override {
        std::string v;
        if (!take_string(crb_js_ls_get(key.c_str()), &v)) return std::nullopt;
        return v;
    }
    bool set(const std::string& key, const std::string& value) override {
        return crb_js_ls_set(key.c_str(), value.c_str()) == 1;
    }
    void remove(const std::string& key) override { crb_js_ls_remove(key.c_str()); }
    std::vector<std::string> keys() override {
        std::string all;
        take_string(crb_js_ls_keys(), &all);
        std::vector<std::string> out;
        size_t start = 0;
        while (start < all.size()) {
            size_t end = all.find('\n', start);
            if (end == std::string::npos) end = all.size();
            out.push_back(all.substr(start, end - start));
            start = end + 1;
        }
        return out;
    }
};

bool g_installed = false;
void install() {
    if (!g_installed) {
        g_installed = true;
        crb_js_services_install();
    }
}

}  // namespace

double now_ms() { return emscripten_get_now(); }

crb::KeyValue& storage() {
    install();
    // Blocked storage (private mode, sandboxed iframe) gets an in-memory store: the app keeps
    // working, says answers will not be kept, and offers export.
    static LocalStorage local;
    static crb::MemoryKeyValue memory;
    static const bool available = crb_js_ls_probe() == 1;
    if (available) return local;
    return memory;
}

bool storage_available() {
    static const bool available = crb_js_ls_probe() == 1;
    return available;
}

int storage_persisted() { return crb_js_int(0); }

bool take_storage_changed(std::string* key) { return take_string(crb_js_take("storage"), key); }

void download(const std::string& filename, const std::string& mime, const std::string& data) {
    crb_js_download(filename.c_str(), mime.c_str(), data.c_str());
}

void open_file_picker() {
    install();
    crb_js_open_picker();
}

bool take_opened_file(std::string* name, std::string* text) {
    std::string both;
    if (!take_string(crb_js_take("file"), &both)) return false;
    size_t nl = both.find('\n');
    if (name) *name = both.substr(0, nl);
    if (text) *text = nl == std::string::npos ? std::string() : both.substr(nl + 1);
    return true;
}

void print_html(const std::string& html) { crb_js_show_html(html.c_str(), 1); }
void open_html(const std::string& html) { crb_js_show_html(html.c_str(), 0); }

std::string location_hash() {
    std::string s;
    take_string(crb_js_location(0), &s);
    return s;
}

void set_location_hash(const std::string& hash, bool push) { crb_js_set_hash(hash.c_str(), push ? 1 : 0); }

bool take_hash_changed(std::string* hash) { return take_string(crb_js_take("hash"), hash); }

std::string query_param(const char* name) {
    std::string search;
    take_string(crb_js_location(1), &search);
    std::string want = std::string(name) + "=";
    size_t pos = 0;
    while (pos < search.size()) {
        size_t start = pos + (search[pos] == '?' || search[pos] == '&' ? 1 : 0);
        size_t end = search.find('&', start);
        if (end == std::string::npos) end = search.size();
        if (search.compare(start, want.size(), want) == 0) return search.substr(start + want.size(), end - start - want.size());
        pos = end;
    }
    return "";
}

std::string browser_language() {
    std::string s;
    take_string(crb_js_location(2), &s);
    return s;
}

void set_document_language(const char* code) { set_page_language(std::string(code) == "pl" ? Lang::pl : Lang::en); }

bool embedded() {
    install();
    return crb_js_embedded() == 1 || query_param("embed") == "1";
}

void post_to_host(const std::string& json_message) {
    if (crb_js_embedded() == 1) crb_js_post(json_message.c_str());
}

bool take_host_command(std::string* json_message) { return take_string(crb_js_take("host"), json_message); }

bool update_available() { return crb_js_int(1) == 1; }

void reload_page() { crb_js_reload(); }

SpeechState speech_state(const char* lang) {
    switch (crb_js_speech_state(lang)) {
        case 0: return SpeechState::unavailable;
        case 1: return SpeechState::no_voice;
        case 3: return SpeechState::speaking;
        case 4: return SpeechState::paused;
        default: return SpeechState::idle;
    }
}

void speak(const std::string& text, const char* lang, float rate) { crb_js_speak(text.c_str(), lang, rate); }
void speech_pause() { crb_js_speech_ctl(0); }
void speech_resume() { crb_js_speech_ctl(1); }
void speech_cancel() { crb_js_speech_ctl(2); }
bool take_speech_finished() { return crb_js_int(2) == 1; }

bool test_mode() {
    static const bool on = query_param("test") == "1";
    return on;
}

void publish_test_state(const std::string& json) { crb_js_test_state(json.c_str()); }

}  // namespace platform
