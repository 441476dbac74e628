// The bare baseline for `./dev bench`: what a minimal Dear ImGui + SDL2 web app costs with the same
// toolchain, flags, SDL2 build and font embedding as the app. One window, one line of text, and the
// naive main loop most ImGui web apps ship: poll events and redraw on every display frame.
//
// It sets the same signals as the app (window.crbFramesDrawn counts drawn frames, <html
// data-ready="1"> after the first one), so tools/bench.mjs measures both the same way.
#include <GLES3/gl3.h>
#include <SDL.h>
#include <emscripten.h>

#include "platform/embedded.h"  // the app's embedded-file table (tools/embed.py)
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl.h"

// clang-format off
EM_JS(void, baseline_frame_drawn, (), {
    window["crbFramesDrawn"] = (window["crbFramesDrawn"] || 0) + 1;
    document["documentElement"]["dataset"]["ready"] = "1";
});
// clang-format on

namespace {

SDL_Window* g_window = nullptr;

void frame() {
    SDL_Event event;
    while (SDL_PollEvent(&event)) ImGui_ImplSDL2_ProcessEvent(&event);

    ImGuiIO& io = ImGui::GetIO();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    if (!(io.DeltaTime > 0.0f)) io.DeltaTime = 1.0f / 10000.0f;  // headless virtual time (pitfall 4)
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("baseline", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::TextUnformatted("Customer Relationship Building \xE2\x80\x94 Budowanie relacji z klientem");
    ImGui::End();
    ImGui::Render();

    glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    glClearColor(0.94f, 0.94f, 0.94f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    SDL_GL_SwapWindow(g_window);
    baseline_frame_drawn();
}

}  // namespace

int main() {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) return 1;
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    g_window = SDL_CreateWindow(nullptr, SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 1280, 720,
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!g_window) return 1;
    SDL_GLContext gl = SDL_GL_CreateContext(g_window);
    if (!gl) return 1;
    SDL_GL_MakeCurrent(g_window, gl);

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    ImGui::StyleColorsLight();
    ImGui_ImplSDL2_InitForOpenGL(g_window, gl);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    // The same subset font file the app embeds (tools/embed.py), one face at one size.
    if (const EmbeddedFile* font = find_embedded_file("fonts/regular.ttf")) {
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false;
        static const ImWchar kRanges[] = {0x0020, 0x007E, 0x00A0, 0x017F, 0x2013, 0x2014, 0};
        io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(font->data), static_cast<int>(font->size), 17.0f,
                                       &config, kRanges);
    }
    emscripten_set_main_loop(frame, 0, true);
    return 0;
}
