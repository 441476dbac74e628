// Internal wiring between the web platform files (not for UI code: use platform.h).
#pragma once

struct ImDrawData;
struct SDL_Window;
union SDL_Event;
struct ImGuiIO;
struct ImVec4;

namespace platform::web {

// Frames to draw after any input: ImGui needs a couple to settle hover and active states.
constexpr int kFramesAfterInput = 3;

// Make sure the main loop runs and draws at least `frames` more frames (web_main_loop.cpp).
void wake(int frames);

// Fonts (web_fonts.cpp): (re)build the atlas for `dpr` and upload it (build_font_texture). False
// when the fonts are missing from the build (a damaged build: the caller says so and stops).
bool build_fonts(float dpr);
float fonts_dpr();
bool fonts_stale(float dpr);  // the ratio or the text size changed since the last build
void fonts_forget();          // the atlas texture is gone (a lost GL context): stale until rebuilt

// Input (web_input.cpp): install once with the window; one call per SDL event; once per frame
// before ImGui::NewFrame() (display size, time, mouse, cursor).
void input_install(SDL_Window* window);
void input_event(const SDL_Event& event);
void input_new_frame();

// WebGL 2 renderer (web_renderer.cpp). renderer_init() once the context is current (false: the
// shader did not link); build_font_texture() builds ImGui's font atlas from the fonts added to it
// and uploads it, replacing the previous texture (false: no fonts added or the atlas did not
// build); render() clears the canvas to `background` and draws the frame (at the framebuffer size
// the draw data gives: display size x framebuffer scale).
bool renderer_init();
// After the browser restored a lost WebGL context: the old shader, buffers and texture are gone.
// Forget their names; renderer_init() and build_font_texture() make new ones.
void renderer_forget();
bool build_font_texture();
void render(const ImDrawData* data, const ImVec4& background);

// Text agent and clipboard (web_text_agent.cpp).
void text_agent_install(ImGuiIO& io);
// Called after every drawn frame with io.WantTextInput.
void text_agent_sync(bool want_text_input);

// Mouse wheel when embedded (web_wheel.cpp): install once; publish after every drawn frame.
void wheel_install();
void wheel_publish();

}  // namespace platform::web
