// The mouse wheel when the app is embedded in another page (an <iframe>).
//
// SDL2's Emscripten backend cancels every wheel event on the canvas (preventDefault), so a page
// embedding the app could never be scrolled with the pointer over the app. Here the app tells the
// page, after each frame, whether the window under the pointer can scroll up and down; a capture
// listener then keeps a wheel event that the app cannot use away from SDL, and the browser scrolls
// the embedding page instead (ordinary scroll chaining out of the iframe). Stand-alone, nothing
// changes. Keys need no such care: a page only sends key events into an iframe that has focus.
#include <emscripten.h>

#include "imgui.h"
#include "imgui_internal.h"
#include "platform/web_internal.h"

// clang-format off
EM_JS(void, crb_js_wheel_install, (), {
    var embedded = true;
    try { embedded = window["self"] !== window["top"]; } catch (e) {}
    if (!embedded) return;
    window["crbWheelRoom"] = -1;  // unknown until the first frame with the pointer over the app
    window["addEventListener"]("wheel", function(e) {
        var room = window["crbWheelRoom"];
        var dy = e["deltaY"];
        if (room < 0 || dy === 0 || e["ctrlKey"]) return;  // Ctrl+wheel: browser zoom, as before
        var can = dy < 0 ? (room & 1) : (room & 2);
        if (!can) e["stopImmediatePropagation"]();
    }, {"capture": true, "passive": true});
});
// clang-format on

// clang-format off
EM_JS(void, crb_js_wheel_room, (int room), { if (window["crbWheelRoom"] !== undefined) window["crbWheelRoom"] = room; });
// clang-format on

namespace platform::web {

void wheel_install() { crb_js_wheel_install(); }

void wheel_publish() {
    // The window ImGui 1.86 scrolls on a wheel event (UpdateMouseWheel): the hovered window, or
    // the nearest parent of a child window that cannot scroll or ignores the wheel.
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiWindow* w = g.HoveredWindow;
    while (w && (w->Flags & ImGuiWindowFlags_ChildWindow) && w->ParentWindow &&
           (w->ScrollMax.y == 0.0f || (w->Flags & ImGuiWindowFlags_NoScrollWithMouse)))
        w = w->ParentWindow;
    int room = 0;
    if (w && w->ScrollMax.y > 0.0f && !(w->Flags & ImGuiWindowFlags_NoScrollWithMouse)) {
        if (w->Scroll.y > 0.5f) room |= 1;
        if (w->Scroll.y < w->ScrollMax.y - 0.5f) room |= 2;
    }
    crb_js_wheel_room(room);
}

}  // namespace platform::web
