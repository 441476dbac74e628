// UI fonts: the subset Noto Sans faces compiled into the wasm (tools/embed.py), rasterised at the
// device pixel ratio so text stays sharp on hi-DPI screens. ImGui works in CSS pixels: the atlas is
// built at size x dpr and io.FontGlobalScale = 1 / dpr maps it back.
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "platform/embedded.h"
#include "platform/glyph_ranges.h"
#include "platform/platform.h"
#include "platform/web_internal.h"

namespace platform {
namespace {

constexpr float kRegularPx = 17.0f;
constexpr float kHeadingPx = 22.0f;
constexpr float kTitlePx = 28.0f;

// ImGui wants ImWchar arrays; the ranges themselves live in glyph_ranges.h (shared with a test).
template <size_t N>
struct Ranges {
    ImWchar data[N];
    constexpr explicit Ranges(const uint16_t (&src)[N]) : data{} {
        for (size_t i = 0; i < N; ++i) data[i] = src[i];
    }
};
constexpr Ranges kGlyphRangesData(glyphs::kText);
constexpr Ranges kSymbolRangesData(glyphs::kSymbols);
const ImWchar* const kGlyphRanges = kGlyphRangesData.data;
const ImWchar* const kSymbolRanges = kSymbolRangesData.data;

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
