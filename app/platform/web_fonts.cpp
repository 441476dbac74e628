// UI fonts: the subset Noto Sans faces compiled into the wasm (tools/embed.py), rasterised at the
// device pixel ratio so text stays sharp on hi-DPI screens. ImGui works in CSS pixels: the atlas is
// built at size x dpr and io.FontGlobalScale = 1 / dpr maps it back; web_renderer.cpp uploads it.
#include "imgui.h"
#include "platform/platform.h"
#include "platform/ui_fonts.h"
#include "platform/web_internal.h"

namespace platform {
namespace {

Fonts g_fonts;
float g_fonts_dpr = 0.0f;
float g_fonts_scale = 1.0f;   // text size the atlas was built for
float g_wanted_scale = 1.0f;  // text size the UI asks for

}  // namespace

const Fonts& fonts() { return g_fonts; }

void set_text_scale(float scale) {
    if (scale < 0.8f) scale = 0.8f;
    if (scale > 2.0f) scale = 2.0f;
    if (scale != g_wanted_scale) {
        g_wanted_scale = scale;
        request_frames(web::kFramesAfterInput);
    }
}

namespace web {

float fonts_dpr() { return g_fonts_dpr; }
void fonts_forget() { g_fonts_dpr = 0.0f; }
bool fonts_stale(float dpr) { return dpr != g_fonts_dpr || g_wanted_scale != g_fonts_scale; }

bool build_fonts(float dpr) {
    if (!(dpr > 0.0f)) dpr = 1.0f;
    g_fonts = add_ui_fonts(dpr * g_wanted_scale, dpr);
    g_fonts_dpr = dpr;
    g_fonts_scale = g_wanted_scale;
    return g_fonts.complete() && build_font_texture() && draws_every_glyph(g_fonts);
}

}  // namespace web
}  // namespace platform
