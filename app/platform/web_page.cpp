// The page around the app: language from the URL or the browser, <html lang>, document title.
#include <emscripten.h>

#include "platform/platform.h"

// 1 for Polish, 0 for English: `?lang=pl` wins, then a deep link `#/pl...`, then navigator.language.
// (No regex or backslash escapes in EM_JS bodies: they become C strings.)
// clang-format off
EM_JS(int, crb_js_initial_language, (), {
    var pick = function(code) {
        code = String(code || "")["toLowerCase"]();
        if (code["indexOf"]("pl") === 0) return 1;
        if (code["indexOf"]("en") === 0) return 0;
        return -1;
    };
    var fromQuery = pick(new URLSearchParams(location["search"])["get"]("lang"));
    if (fromQuery >= 0) return fromQuery;
    var hash = String(location["hash"]);
    var fromHash = -1;
    if (hash["substring"](0, 2) === "#/" && (hash["length"] === 4 || hash["charAt"](4) === "/")) {
        fromHash = pick(hash["substring"](2, 4));
    }
    if (fromHash >= 0) return fromHash;
    var langs = navigator["languages"] || [navigator["language"]];
    for (var i = 0; i < langs["length"]; i++) {
        var l = pick(langs[i]);
        if (l >= 0) return l;
    }
    return 0;
});
// clang-format on

// clang-format off
EM_JS(void, crb_js_set_page_language, (const char* code),
      { document["documentElement"]["lang"] = UTF8ToString(code); });
// clang-format on

// clang-format off
EM_JS(void, crb_js_set_page_title, (const char* title), { document["title"] = UTF8ToString(title); });
// clang-format on

namespace platform {

Lang initial_language() {
    static const Lang lang = crb_js_initial_language() == 1 ? Lang::pl : Lang::en;
    return lang;
}

void set_page_language(Lang lang) { crb_js_set_page_language(lang_code(lang)); }

void set_page_title(const char* utf8) { crb_js_set_page_title(utf8 ? utf8 : ""); }

}  // namespace platform
