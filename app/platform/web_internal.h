// Internal wiring between the web platform files (not for UI code: use platform.h).
#pragma once

struct ImGuiIO;

namespace platform::web {

// Frames to draw after any input: ImGui needs a couple to settle hover and active states.
constexpr int kFramesAfterInput = 3;

// Make sure the main loop runs and draws at least `frames` more frames (web_main_loop.cpp).
void wake(int frames);

// Fonts (web_fonts.cpp): (re)build the atlas for `dpr`; `upload` when the GL backend already
// owns a font texture that must be replaced.
void build_fonts(float dpr, bool upload);
float fonts_dpr();
bool fonts_stale(float dpr);  // the ratio or the text size changed since the last build

// Text agent and clipboard (web_text_agent.cpp).
void text_agent_install(ImGuiIO& io);
// Called after every drawn frame with io.WantTextInput.
void text_agent_sync(bool want_text_input);

// Mouse wheel when embedded (web_wheel.cpp): install once; publish after every drawn frame.
void wheel_install();
void wheel_publish();

}  // namespace platform::web
