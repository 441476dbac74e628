// Native fonts: the same faces as the web (ui_fonts.cpp), without a GPU
// texture (the caller reads the atlas with GetTexDataAsRGBA32 if it needs pixels).
#include "imgui.h"
#include "platform/native_platform.h"
#include "platform/platform.h"
#include "platform/ui_fonts.h"

namespace platform {
namespace {

Fonts g_fonts;
float g_built_dpr = 0.0f;
float g_built_scale = 0.0f;
float g_wanted_scale = 1.0f;

}  // namespace

const Fonts& fonts() { return g_fonts; }

void set_text_scale(float scale) {
    if (scale < 0.8f) scale = 0.8f;
    if (scale > 2.0f) scale = 2.0f;
    if (scale != g_wanted_scale) {
        g_wanted_scale = scale;
        request_frames(1);
    }
}

namespace native {

bool fonts_stale(float dpr) { return dpr != g_built_dpr || g_wanted_scale != g_built_scale; }

void build_fonts(float dpr) {
    if (!(dpr > 0.0f)) dpr = 1.0f;
    ImGuiIO& io = ImGui::GetIO();
    g_fonts = add_ui_fonts(dpr * g_wanted_scale, dpr);
    if (!g_fonts.complete()) {
        // Font files missing: ImGui's built-in font for every face, so that tools still run.
        io.Fonts->Clear();
        ImFont* builtin = io.Fonts->AddFontDefault();
        g_fonts = Fonts{builtin, builtin, builtin, builtin};
        io.FontDefault = builtin;
    }
    io.Fonts->Build();
    g_built_dpr = dpr;
    g_built_scale = g_wanted_scale;
}

}  // namespace native
}  // namespace platform
