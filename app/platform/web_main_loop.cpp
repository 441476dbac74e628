// The browser main loop: SDL2 window + WebGL2 context + Dear ImGui, drawing on demand.
//
// Drawing a frame of ImGui costs a lot in a browser (software GL in headless and on weak devices),
// so frames are drawn only when something changed: after input, a resize, a request from the UI
// (request_frames / keep_animating), or at 4 fps while a text field shows its caret. When there is
// nothing to draw the loop pauses itself (emscripten_pause_main_loop) and passive capture listeners
// on window resume it on the next pointer, key, wheel, touch, input, focus or resize event.
// Idle cost: ~1 % of a core instead of ~180 % for a loop that redraws every frame.
//
// Signals for tests and the page: after the first settled frame <html data-ready="1"> is set (the
// page's CSS hides its loading indicator), and window.crbFramesDrawn counts drawn frames.
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "platform/platform.h"
#include "platform/web_internal.h"

// [SECTION] JavaScript (bracket names throughout: closure renames dotted ones, pitfall 8)

// Wake the loop on any user or window event. Capture + passive: runs before SDL's own handlers,
// never delays scrolling. `keypress` is swallowed so SDL makes no text from it: text comes from the
// text agent only (pitfall 5), which also keeps keypress from being cancelled for the agent.
// clang-format off
EM_JS(void, crb_js_install_wake_listeners, (), {
    var wake = function() { _crb_platform_wake(); };
    var opts = {"capture": true, "passive": true};
    ["pointerdown", "pointermove", "pointerup", "pointercancel", "mousedown", "mousemove", "mouseup",
     "keydown", "keyup", "wheel", "touchstart", "touchmove", "touchend", "touchcancel", "input",
     "compositionend", "focus", "blur", "resize", "visibilitychange"]["forEach"](function(type) {
        window["addEventListener"](type, wake, opts);
    });
    window["addEventListener"]("keypress", function(e) { e["stopImmediatePropagation"](); }, true);
    // A device pixel ratio change without a resize (window moved to another screen): tell SDL and
    // us through a synthetic resize, which re-sizes the canvas backing store.
    var watchRatio = function() {
        var mq = window["matchMedia"]("(resolution: " + window["devicePixelRatio"] + "dppx)");
        mq["addEventListener"]("change", function() {
            window["dispatchEvent"](new Event("resize"));
            watchRatio();
        }, {"once": true});
    };
    if (window["matchMedia"]) watchRatio();
    // Phone keyboards (iOS in particular) open only for a focus() made inside the user's gesture.
    // The frame that reacts to a tap normally comes later, from requestAnimationFrame, so at the
    // end of a touch the frame is drawn right here (after SDL's own canvas handler queued the
    // touch), and if a text field is now active the text agent is focused again within the gesture.
    window["addEventListener"]("touchend", function() {
        _crb_platform_frame_now();
        var ta = Module["crbTextAgent"];
        if (ta && Module["crbTextAgentWanted"]) {
            if (document["activeElement"] === ta) ta["blur"]();
            ta["focus"]({"preventScroll": true});
        }
    }, false);
});
// clang-format on

// SDL re-reads the device pixel ratio and re-sizes the canvas backing store in its resize handler.
// clang-format off
EM_JS(void, crb_js_dispatch_resize, (), {
    window["dispatchEvent"](new Event("resize"));
});
// clang-format on

// clang-format off
EM_JS(void, crb_js_frame_drawn, (int ready), {
    window["crbFramesDrawn"] = (window["crbFramesDrawn"] || 0) + 1;
    // The first frame is on screen: now fetch the part of the app it did not need (web/shell.js).
    if (window["crbFramesDrawn"] == 1 && window["crbLoadDeferred"]) window["crbLoadDeferred"]();
    if (ready && !document["documentElement"]["dataset"]["ready"]) {
        document["documentElement"]["dataset"]["ready"] = "1";
    }
});
// clang-format on

// clang-format off
EM_JS(void, crb_js_fatal, (const char* message), {
    var text = UTF8ToString(message);
    var el = document["getElementById"]("status");
    if (el) el["textContent"] = text;
    document["documentElement"]["dataset"]["error"] = "1";
    console["warn"](text);
});
// clang-format on

namespace platform {
namespace {

// [SECTION] State

constexpr int kCaretIntervalMs = 250;  // redraw rate while only a text caret blinks
constexpr float kMinDeltaTime = 1.0f / 10000.0f;

struct Loop {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    FrameFn frame = nullptr;
    int frames_requested = 0;   // frames still to draw without further input
    bool animating = false;     // keep_animating(true)
    bool paused = false;        // main loop paused by us
    bool caret_timer = false;   // a caret wake-up is scheduled
    bool device_ready = false;  // the first frame has started
    bool ready = false;         // data-ready signalled
    bool gl_lost = false;       // the browser took the WebGL context away (until it restores it)
    unsigned frames_drawn = 0;
};
Loop g_loop;

// [SECTION] Frame

void draw_frame() {
    ImGuiIO& io = ImGui::GetIO();
    g_loop.device_ready = true;
    web::input_new_frame();
    // Pitfall 4: ImGui 1.86 asserts on a zero DeltaTime, which headless/virtual time produces.
    if (!(io.DeltaTime > 0.0f)) io.DeltaTime = kMinDeltaTime;

    ImGui::NewFrame();
    g_loop.frame();
    ImGui::Render();

    if (!g_loop.gl_lost) {  // while it is lost only the GPU work is left out (see on_gl_lost)
        web::render(ImGui::GetDrawData(), ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);
        SDL_GL_SwapWindow(g_loop.window);
    }

    ++g_loop.frames_drawn;
    // "Ready" once the start-up frames are drawn: ImGui lays out auto-sized windows on frame 2.
    if (!g_loop.ready && g_loop.frames_drawn >= static_cast<unsigned>(web::kFramesAfterInput)) {
        g_loop.ready = true;
    }
    crb_js_frame_drawn(g_loop.ready ? 1 : 0);
    // Whether a text field was active in this very frame (io.WantTextInput is the previous
    // frame's answer): the agent is focused in the frame that activated the field.
    web::text_agent_sync(ImGui::GetCurrentContext()->WantTextInputNextFrame == 1);
    web::wheel_publish();
}

void caret_tick(void*) {
    g_loop.caret_timer = false;
    web::wake(1);
}

void go_idle() {
    if (!g_loop.ready) {  // went idle before the start-up frames: still the first settled frame
        g_loop.ready = true;
        crb_js_frame_drawn(1);
    }
    if (ImGui::GetIO().WantTextInput && !g_loop.caret_timer) {
        g_loop.caret_timer = true;
        emscripten_set_timeout(caret_tick, kCaretIntervalMs, nullptr);
    }
    g_loop.paused = true;
    emscripten_pause_main_loop();
}

// Dear ImGui 1.86 has no input queue: a key is "down" in a frame only if io.KeysDown says so when
// the frame starts. A quick Ctrl+A or Backspace whose keydown and keyup arrive between two frames
// would never be seen, so a key's release is held back to the next frame when its press was handled
// in this one (with every event after it, keeping the order). The modifiers come from each key
// event (web_input.cpp), not from SDL's current state, which may already be past it.
std::vector<SDL_Event> g_held_events;

bool handle_events() {
    std::vector<SDL_Event> batch;
    batch.swap(g_held_events);
    SDL_Event event;
    while (SDL_PollEvent(&event)) batch.push_back(event);
    std::vector<SDL_Scancode> pressed;
    for (size_t i = 0; i < batch.size(); ++i) {
        const SDL_Event& e = batch[i];
        if (e.type == SDL_KEYUP &&
            std::find(pressed.begin(), pressed.end(), e.key.keysym.scancode) != pressed.end()) {
            g_held_events.assign(batch.begin() + static_cast<std::ptrdiff_t>(i), batch.end());
            break;
        }
        web::input_event(e);
        if (e.type == SDL_KEYDOWN) pressed.push_back(e.key.keysym.scancode);
    }
    return !batch.empty();
}

// Fonts are compiled into the build, so only a damaged download can lack them. Answers are saved
// in the browser, not in the app's files: nothing is lost.
constexpr const char* kDamagedFonts =
    "This copy of the app is damaged (its fonts are missing). Reload the page; your answers are safe. / "
    "Ta kopia aplikacji jest uszkodzona (brak czcionek). Od\xC5\x9Bwie\xC5\xBC stron\xC4\x99; "
    "twoje odpowiedzi s\xC4\x85 bezpieczne.";

void stop(const char* message) {
    crb_js_fatal(message);
    emscripten_cancel_main_loop();
}

// What the page says when the app cannot start (the UI's strings are not available yet: both
// languages). Answers live in the browser's storage, so none is lost.
constexpr const char* kNoShaders =
    "This browser cannot show the app: its WebGL 2 did not accept the app's shaders. "
    "Your answers are safe. / "
    "Ta przeglądarka nie może pokazać aplikacji: jej WebGL 2 nie przyjął shaderów aplikacji. "
    "Twoje odpowiedzi są bezpieczne.";
constexpr const char* kNoWebGl2 =
    "This browser cannot show the app: WebGL 2 is not available (try another browser, or turn on hardware "
    "acceleration). Your answers are safe. / "
    "Ta przeglądarka nie może pokazać aplikacji: brak WebGL 2 (spróbuj innej przeglądarki albo włącz "
    "akcelerację sprzętową). Twoje odpowiedzi są bezpieczne.";
constexpr const char* kNoStart =
    "The app could not start. Please reload; your answers are safe. / "
    "Nie udało się uruchomić aplikacji. Odśwież stronę; twoje odpowiedzi są bezpieczne.";

// SDL could not start (no canvas, no video): the page says so in both languages, the console why.
void fail_to_start(const char* detail) {
    crb_js_fatal(kNoStart);
    EM_ASM({ console["warn"](UTF8ToString($0)); }, detail);
}

// A phone under memory pressure, a GPU reset or a driver update takes the WebGL context away: the
// canvas goes blank and everything the renderer made on the GPU is gone. While it is lost the frames
// still run, without the GPU work: edits made in the accessible view are applied and every answer is
// saved as always. When the browser gives the context back, the renderer and the font texture are
// made again and the screen is drawn as it was.
EM_BOOL on_gl_lost(int, const void*, void*) {
    g_loop.gl_lost = true;
    return EM_TRUE;  // handled: the browser restores the context only when the page asks so
}

EM_BOOL on_gl_restored(int, const void*, void*) {
    g_loop.gl_lost = false;
    web::renderer_forget();
    if (!web::renderer_init()) {
        stop(kNoShaders);
        return EM_TRUE;
    }
    web::fonts_forget();  // the next frame rebuilds the atlas and uploads it again
    request_frames(web::kFramesAfterInput);
    return EM_TRUE;
}

// While the app's second module is loading in the background (web/shell.js, after the first
// frame), input stays in SDL's queue: what it would start may call into that module, and loading it
// synchronously instead fails offline (a service worker does not answer a synchronous request).
// The requested frames still run (they draw the first screen, which the first module has). When the
// load ends, or after 10 s, the page wakes the loop and the queued input is handled in order.
// clang-format off
EM_JS(int, crb_js_deferred_pending, (), {
    var pending = window["crbDeferredPending"];
    return pending && pending() ? 1 : 0;
});
// clang-format on

void iterate() {
    if (!crb_js_deferred_pending()) {
        if (handle_events()) request_frames(web::kFramesAfterInput);
        if (!g_held_events.empty()) request_frames(1);
    }

    const float dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
    if (web::fonts_stale(dpr)) {
        // The ratio changed (zoom, another screen). Browsers do not always send a resize or a
        // media query change for that, so let SDL catch up here, on the next wake-up at the latest.
        if (web::fonts_dpr() > 0.0f) crb_js_dispatch_resize();
        if (!web::build_fonts(dpr)) {
            stop(kDamagedFonts);
            return;
        }
        request_frames(web::kFramesAfterInput);
    }

    if (g_loop.frames_requested <= 0 && !g_loop.animating) {
        go_idle();
        return;
    }
    if (g_loop.frames_requested > 0) --g_loop.frames_requested;
    draw_frame();
}

}  // namespace

// [SECTION] Public API

void request_frames(int n) {
    if (n > g_loop.frames_requested) g_loop.frames_requested = n;
    if (g_loop.paused && g_loop.frames_requested > 0) {  // e.g. asked from a JS callback while idle
        g_loop.paused = false;
        emscripten_resume_main_loop();
    }
}

void request_frame_after(int ms) {
    emscripten_set_timeout([](void*) { request_frames(1); }, ms < 0 ? 0 : ms, nullptr);
}

void keep_animating(bool on) {
    g_loop.animating = on;
    if (on) web::wake(1);
}

int run(FrameFn frame) {
    g_loop.frame = frame;
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        fail_to_start(SDL_GetError());
        return 1;
    }
    // WebGL 2 = OpenGL ES 3.0; no depth, stencil or multisampling: ImGui needs none of them.
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    // The canvas is sized by CSS (it fills the window); with ALLOW_HIGHDPI SDL makes its backing
    // store CSS size x devicePixelRatio and keeps window (= mouse) coordinates in CSS pixels.
    // No title: SDL would write it to document.title, which belongs to the UI (set_page_title).
    g_loop.window = SDL_CreateWindow(nullptr, SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 1280, 720,
                                     SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!g_loop.window) {
        fail_to_start(SDL_GetError());
        return 1;
    }
    g_loop.gl = SDL_GL_CreateContext(g_loop.window);
    if (!g_loop.gl) {
        crb_js_fatal(kNoWebGl2);
        return 1;
    }
    SDL_GL_MakeCurrent(g_loop.window, g_loop.gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no file system; the UI persists what it needs itself
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // every action reachable without a mouse

    web::input_install(g_loop.window);
    if (!web::renderer_init()) {
        crb_js_fatal(kNoShaders);
        return 1;
    }
    emscripten_set_webglcontextlost_callback("#canvas", nullptr, EM_FALSE, on_gl_lost);
    emscripten_set_webglcontextrestored_callback("#canvas", nullptr, EM_FALSE, on_gl_restored);
    web::text_agent_install(io);
    if (!web::build_fonts(static_cast<float>(emscripten_get_device_pixel_ratio()))) {
        crb_js_fatal(kDamagedFonts);
        return 1;
    }

    crb_js_install_wake_listeners();
    web::wheel_install();
    request_frames(web::kFramesAfterInput);
    // The first frame is drawn now rather than at the next animation frame, which can be up to a
    // display frame away; the main loop draws the rest.
    iterate();
    emscripten_set_main_loop(iterate, 0, true);
    return 0;
}

void frame_now() {
    if (!g_loop.device_ready) return;  // before the first frame: the main loop will start soon
    request_frames(web::kFramesAfterInput);
    iterate();
}

namespace web {

void wake(int frames) { request_frames(frames); }

}  // namespace web
}  // namespace platform

extern "C" EMSCRIPTEN_KEEPALIVE void crb_platform_wake() {
    platform::web::wake(platform::web::kFramesAfterInput);
}

// A frame now, inside the caller's event handler (see the touchend listener above).
extern "C" EMSCRIPTEN_KEEPALIVE void crb_platform_frame_now() { platform::frame_now(); }
