// mirror.h — the accessible HTML mirror of the app's current screen, and the edits coming back from it.
//
// The canvas drawn by Dear ImGui is invisible to screen readers, cannot be searched and ignores the
// browser's text size. The app therefore keeps an HTML fragment beside the canvas with the same
// screen made of real elements: headings, the reading text, each exercise's instructions and a form
// of labelled controls (inputs, selects, radio groups, checkboxes, tables with header cells) bound
// to the same workbook, and the live results (the numbers of exercise_result(), written as text).
//
// Controls carry what the page script needs to send an edit back, and nothing else:
//   data-key="unit2/nps"             the exercise key
//   data-ptr="/respondents/3/score"  a JSON pointer into that exercise's answer
//   data-type="int|number|text|bool|choice|multi"
//       int, number  typed text, parsed and range-checked here (data-min, data-max)
//       text         a string as typed
//       bool         a checkbox: checked -> true, unchecked -> removed
//       choice       a select or radio whose value is a JSON literal ("4", "true"); "" -> removed
//       multi        checkboxes/radios sharing a pointer: the array of checked values (quiz)
//   data-empty="null"               an emptied control stores null instead of removing the member
// Buttons carry data-action (add, remove, up, down, fill, reset, print, export, listen, stop) and,
// for add/fill, data-value (the JSON to insert).
//
// Everything is HTML-escaped. No inline style or script (the page's Content-Security-Policy forbids
// both): the look comes from web/mirror.css.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/content.h"
#include "core/i18n.h"
#include "core/workbook.h"

namespace crb {

struct MirrorRoute {
    enum class Page { home, overview, read, listen, exercise, summary };
    Page page = Page::home;
    std::string unit_id;      // "unit2" (unused on home)
    std::string exercise_id;  // when page == exercise
};

// "#/pl/unit/2/nps" for a route (the app's deep links).
std::string mirror_hash(const Course& course, const MirrorRoute& route, Lang lang);

// The whole fragment (the innerHTML of the mirror container): a header with the workbook and the
// language links, the unit's navigation, and <main> with the page. `alerts` are shown in a
// role="alert" box (save errors, storage warnings). The root element carries data-screen, the
// route's hash, so the page script can tell a new screen from an update of the same one.
std::string render_mirror(const Course& course, const Workbook& wb, const Strings& strings, Lang lang,
                          const MirrorRoute& route, const std::vector<std::string>& alerts = {});

// The results of one exercise in two parts: `live`, the short summary kept in the aria-live region
// (what a screen reader announces after an edit), and `detail`, longer tables outside it.
struct MirrorResults {
    std::string live, detail;
};
MirrorResults render_mirror_results(const Course& course, const Workbook& wb, const Strings& strings, Lang lang,
                                    std::string_view key);

// The unit navigation alone (its "done" marks change with the answers).
std::string render_mirror_nav(const Course& course, const Workbook& wb, const Strings& strings, Lang lang,
                              const MirrorRoute& route);

// One event from the mirror's page script, a JSON object:
//   {"op": "set", "key": ..., "ptr": ..., "type": ..., "text": ..., "orig": ..., "checked": bool,
//    "values": [...], "min": n, "max": n, "empty": "null", "id": control id}
//   {"op": "add" | "remove" | "up" | "down" | "fill" | "reset", "key": ..., "ptr": ..., "value": JSON text}
// turned into the new whole answer of the exercise (not yet validated against the kind: the app
// stores it through its usual path, which validates, and shows `invalid` if that refuses it).
struct MirrorEdit {
    std::string key;             // the exercise key; empty when the event is not an answer edit
    nlohmann::json answer;       // the new answer when `changed`
    bool changed = false;        // store `answer`
    bool clear = false;          // reset: clear the whole answer
    bool structural = false;     // rows added, removed or moved: the form must be drawn again
    std::string control;         // id of the control the event came from (for messages)
    std::string error;           // shown next to the control: the typed value was not stored
    std::string invalid;         // shown next to the control if storing `answer` is refused
};
MirrorEdit mirror_edit(const Course& course, const Workbook& wb, const Strings& strings, Lang lang,
                       const nlohmann::json& event);

// The id the renderer gives the control bound to (key, pointer): "c-unit2-nps-respondents-3-score".
std::string mirror_control_id(std::string_view key, std::string_view pointer);

}  // namespace crb
