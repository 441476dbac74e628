// UI fonts: the subset Noto Sans faces compiled into the wasm (tools/embed.py), rasterised at the
// device pixel ratio so text stays sharp on hi-DPI screens. ImGui works in CSS pixels: the atlas is
// built at size x dpr and io.FontGlobalScale = 1 / dpr maps it back.
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "platform/embedded.h"
#include "platform/platform.h"
#include "platform/web_internal.h"

namespace platform {
namespace {

constexpr float kRegularPx = 17.0f;
constexpr float kHeadingPx = 22.0f;
constexpr float kTitlePx = 28.0f;

// Every character the subset fonts carry (keep in sync with UNICODES in tools/embed.py).
const ImWchar kGlyphRanges[] = {
    0x0020, 0x007E, 0x00A0, 0x017F,  // Latin-1, Latin Extended-A (Polish)
    0x2013, 0x2014, 0x2018, 0x201E,  // dashes, quotes
    0x2022, 0x2022, 0x2026, 0x2026,  // bullet, ellipsis
    0x20AC, 0x20AC, 0x203A, 0x203A,  // euro, single right angle quote
    0,
};
// Merged in from the DejaVu subset: arrows, minus, check marks, small triangles (tools/embed.py).
const ImWchar kSymbolRanges[] = {
    0x2190, 0x2193, 0x2212, 0x2212, 0x2713, 0x2713, 0x2715, 0x2715,
    0x25B2, 0x25B2, 0x25B4, 0x25B4, 0x25B6, 0x25B6, 0x25BC, 0x25BC, 0x25BE, 0x25BE, 0x25C0, 0x25C0, 0,
};

Fonts g_fonts;
float g_fonts_dpr = 0.0f;
float g_fonts_scale = 1.0f;   // text size the atlas was built for
float g_wanted_scale = 1.0f;  // text size the UI asks for

ImFont* add_font(const char* name, float size_px, float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    const EmbeddedFile* file = find_embedded_file(name);
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // static data in the wasm, never freed
    config.OversampleH = 2;
    config.OversampleV = 1;
    if (!file) {  // cannot happen with a correct build; keep the app usable anyway
        config.SizePixels = size_px * dpr;
        return io.Fonts->AddFontDefault(&config);
    }
    // ImGui takes a non-const pointer but does not write to data it does not own.
    ImFont* font = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(file->data),
                                                  static_cast<int>(file->size), size_px * dpr, &config, kGlyphRanges);
    if (const EmbeddedFile* symbols = find_embedded_file("fonts/symbols.ttf")) {
        ImFontConfig merge;
        merge.FontDataOwnedByAtlas = false;
        merge.MergeMode = true;
        merge.OversampleH = 2;
        merge.OversampleV = 1;
        io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(symbols->data), static_cast<int>(symbols->size),
                                       size_px * dpr, &merge, kSymbolRanges);
    }
    return font;
}

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
bool fonts_stale(float dpr) { return dpr != g_fonts_dpr || g_wanted_scale != g_fonts_scale; }

void build_fonts(float dpr, bool upload) {
    if (!(dpr > 0.0f)) dpr = 1.0f;
    ImGuiIO& io = ImGui::GetIO();
    if (upload) ImGui_ImplOpenGL3_DestroyFontsTexture();
    io.Fonts->Clear();
    const float px = dpr * g_wanted_scale;
    g_fonts.regular = add_font("fonts/regular.ttf", kRegularPx, px);
    g_fonts.bold = add_font("fonts/bold.ttf", kRegularPx, px);
    g_fonts.heading = add_font("fonts/bold.ttf", kHeadingPx, px);
    g_fonts.title = add_font("fonts/bold.ttf", kTitlePx, px);
    io.FontDefault = g_fonts.regular;
    io.FontGlobalScale = 1.0f / dpr;
    io.Fonts->Build();
    if (upload) ImGui_ImplOpenGL3_CreateFontsTexture();
    g_fonts_dpr = dpr;
    g_fonts_scale = g_wanted_scale;
}

}  // namespace web
}  // namespace platform
