// ImGui's input from SDL's events, in place of Dear ImGui's SDL backend (imgui_impl_sdl.cpp).
//
// In a browser there is one window, no gamepad navigation and no global mouse position, so the
// backend's gamepad mapping (which links SDL's game controller database) and its desktop cases are
// not needed; the mouse cursor is set on the canvas directly. Key modifiers come from each key
// event itself rather than from SDL's current state, which may already be past that event (see
// handle_events in web_main_loop.cpp).
#include <SDL.h>
#include <emscripten.h>

#include <cfloat>
#include <cstring>

#include "imgui.h"
#include "platform/web_internal.h"

// clang-format off
EM_JS(void, crb_js_set_cursor, (const char* css), {
    var canvas = Module["canvas"];
    if (canvas) canvas["style"]["cursor"] = UTF8ToString(css);
});
// clang-format on

namespace platform::web {
namespace {

SDL_Window* g_window = nullptr;
bool g_pressed[3] = {};  // a press since the last frame: a click shorter than a frame still counts
double g_last_frame_ms = 0.0;
int g_cursor = -2;  // the ImGuiMouseCursor last shown (-2: none yet)

// CSS cursor for each ImGuiMouseCursor, in its order (Arrow ... NotAllowed).
const char* const kCursors[ImGuiMouseCursor_COUNT] = {"default",     "text",      "move",
                                                      "ns-resize",   "ew-resize", "nesw-resize",
                                                      "nwse-resize", "pointer",   "not-allowed"};

void set_cursor(int cursor) {
    if (cursor == g_cursor) return;
    g_cursor = cursor;
    crb_js_set_cursor(cursor >= 0 && cursor < ImGuiMouseCursor_COUNT ? kCursors[cursor] : "none");
}

}  // namespace

void input_install(SDL_Window* window) {
    g_window = window;
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "crb_sdl2_web";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    // Dear ImGui 1.86 reads keys through io.KeyMap from io.KeysDown, indexed here by SDL scancode.
    struct Pair {
        ImGuiKey key;
        SDL_Scancode code;
    };
    constexpr Pair kKeys[] = {
        {ImGuiKey_Tab, SDL_SCANCODE_TAB},
        {ImGuiKey_LeftArrow, SDL_SCANCODE_LEFT},
        {ImGuiKey_RightArrow, SDL_SCANCODE_RIGHT},
        {ImGuiKey_UpArrow, SDL_SCANCODE_UP},
        {ImGuiKey_DownArrow, SDL_SCANCODE_DOWN},
        {ImGuiKey_PageUp, SDL_SCANCODE_PAGEUP},
        {ImGuiKey_PageDown, SDL_SCANCODE_PAGEDOWN},
        {ImGuiKey_Home, SDL_SCANCODE_HOME},
        {ImGuiKey_End, SDL_SCANCODE_END},
        {ImGuiKey_Insert, SDL_SCANCODE_INSERT},
        {ImGuiKey_Delete, SDL_SCANCODE_DELETE},
        {ImGuiKey_Backspace, SDL_SCANCODE_BACKSPACE},
        {ImGuiKey_Space, SDL_SCANCODE_SPACE},
        {ImGuiKey_Enter, SDL_SCANCODE_RETURN},
        {ImGuiKey_Escape, SDL_SCANCODE_ESCAPE},
        {ImGuiKey_KeyPadEnter, SDL_SCANCODE_KP_ENTER},
        {ImGuiKey_A, SDL_SCANCODE_A},
        {ImGuiKey_C, SDL_SCANCODE_C},
        {ImGuiKey_V, SDL_SCANCODE_V},
        {ImGuiKey_X, SDL_SCANCODE_X},
        {ImGuiKey_Y, SDL_SCANCODE_Y},
        {ImGuiKey_Z, SDL_SCANCODE_Z},
    };
    for (const Pair& p : kKeys) io.KeyMap[p.key] = p.code;
}

void input_event(const SDL_Event& e) {
    ImGuiIO& io = ImGui::GetIO();
    switch (e.type) {
        case SDL_MOUSEWHEEL:
            io.MouseWheelH += static_cast<float>((e.wheel.x > 0) - (e.wheel.x < 0));
            io.MouseWheel += static_cast<float>((e.wheel.y > 0) - (e.wheel.y < 0));
            break;
        case SDL_MOUSEBUTTONDOWN:
            if (e.button.button == SDL_BUTTON_LEFT) g_pressed[0] = true;
            if (e.button.button == SDL_BUTTON_RIGHT) g_pressed[1] = true;
            if (e.button.button == SDL_BUTTON_MIDDLE) g_pressed[2] = true;
            break;
        case SDL_TEXTINPUT:
            io.AddInputCharactersUTF8(e.text.text);
            break;
        case SDL_KEYDOWN:
        case SDL_KEYUP: {
            const int code = e.key.keysym.scancode;
            if (code >= 0 && code < IM_ARRAYSIZE(io.KeysDown)) io.KeysDown[code] = e.type == SDL_KEYDOWN;
            const Uint16 mod = e.key.keysym.mod;
            io.KeyShift = (mod & KMOD_SHIFT) != 0;
            io.KeyCtrl = (mod & KMOD_CTRL) != 0;
            io.KeyAlt = (mod & KMOD_ALT) != 0;
            io.KeySuper = (mod & KMOD_GUI) != 0;
            break;
        }
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_FOCUS_GAINED) io.AddFocusEvent(true);
            if (e.window.event == SDL_WINDOWEVENT_FOCUS_LOST) io.AddFocusEvent(false);
            break;
        default:
            break;
    }
}

void input_new_frame() {
    ImGuiIO& io = ImGui::GetIO();
    int w = 0, h = 0, fb_w = 0, fb_h = 0;
    SDL_GetWindowSize(g_window, &w, &h);
    SDL_GL_GetDrawableSize(g_window, &fb_w, &fb_h);
    io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
    if (w > 0 && h > 0) {
        io.DisplayFramebufferScale = ImVec2(static_cast<float>(fb_w) / static_cast<float>(w),
                                            static_cast<float>(fb_h) / static_cast<float>(h));
    }

    const double now = emscripten_get_now();
    io.DeltaTime =
        g_last_frame_ms > 0.0 ? static_cast<float>((now - g_last_frame_ms) / 1000.0) : 1.0f / 60.0f;
    g_last_frame_ms = now;

    int x = 0, y = 0;
    const Uint32 buttons = SDL_GetMouseState(&x, &y);
    io.MouseDown[0] = g_pressed[0] || (buttons & SDL_BUTTON(SDL_BUTTON_LEFT)) != 0;
    io.MouseDown[1] = g_pressed[1] || (buttons & SDL_BUTTON(SDL_BUTTON_RIGHT)) != 0;
    io.MouseDown[2] = g_pressed[2] || (buttons & SDL_BUTTON(SDL_BUTTON_MIDDLE)) != 0;
    g_pressed[0] = g_pressed[1] = g_pressed[2] = false;
    // The pointer counts while it is over the canvas or the canvas has the keyboard.
    const bool ours = SDL_GetMouseFocus() == g_window || SDL_GetKeyboardFocus() == g_window;
    io.MousePos = ours ? ImVec2(static_cast<float>(x), static_cast<float>(y)) : ImVec2(-FLT_MAX, -FLT_MAX);

    if (!(io.ConfigFlags & ImGuiConfigFlags_NoMouseCursorChange)) {
        set_cursor(io.MouseDrawCursor ? ImGuiMouseCursor_None : ImGui::GetMouseCursor());
    }
    // ImGui's keyboard navigation raises io.NavInputs but never lowers them: they are per frame.
    std::memset(io.NavInputs, 0, sizeof(io.NavInputs));
}

}  // namespace platform::web
