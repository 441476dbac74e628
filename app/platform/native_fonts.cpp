// Native fonts: the same subset faces, sizes and glyph ranges as web_fonts.cpp, without a GPU
// texture (the caller reads the atlas with GetTexDataAsRGBA32 if it needs pixels).
#include "imgui.h"
#include "platform/embedded.h"
#include "platform/glyph_ranges.h"
#include "platform/native_platform.h"
#include "platform/platform.h"

namespace platform {
namespace {

constexpr float kRegularPx = 17.0f;  // keep in step with web_fonts.cpp
constexpr float kHeadingPx = 22.0f;
constexpr float kTitlePx = 28.0f;

template <size_t N>
struct Ranges {
    ImWchar data[N];
    constexpr explicit Ranges(const uint16_t (&src)[N]) : data{} {
        for (size_t i = 0; i < N; ++i) data[i] = src[i];
    }
};
constexpr Ranges kText(glyphs::kText);
constexpr Ranges kSymbols(glyphs::kSymbols);

Fonts g_fonts;
float g_built_dpr = 0.0f;
float g_built_scale = 0.0f;
float g_wanted_scale = 1.0f;

ImFont* add_font(const char* name, float size_px) {
    ImGuiIO& io = ImGui::GetIO();
    const EmbeddedFile* file = find_embedded_file(name);
    if (!file) return nullptr;  // a broken build; ImGui then falls back to its default font
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    config.OversampleH = 2;
    config.OversampleV = 1;
    ImFont* font = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(file->data), static_cast<int>(file->size),
                                                  size_px, &config, kText.data);
    if (const EmbeddedFile* symbols = find_embedded_file("fonts/symbols.ttf")) {
        ImFontConfig merge;
        merge.FontDataOwnedByAtlas = false;
        merge.MergeMode = true;
        merge.OversampleH = 2;
        merge.OversampleV = 1;
        io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(symbols->data), static_cast<int>(symbols->size),
                                       size_px, &merge, kSymbols.data);
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
        request_frames(1);
    }
}

namespace native {

bool fonts_stale(float dpr) { return dpr != g_built_dpr || g_wanted_scale != g_built_scale; }

void build_fonts(float dpr) {
    if (!(dpr > 0.0f)) dpr = 1.0f;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float px = dpr * g_wanted_scale;
    g_fonts.regular = add_font("fonts/regular.ttf", kRegularPx * px);
    g_fonts.bold = add_font("fonts/bold.ttf", kRegularPx * px);
    g_fonts.heading = add_font("fonts/bold.ttf", kHeadingPx * px);
    g_fonts.title = add_font("fonts/bold.ttf", kTitlePx * px);
    io.FontDefault = g_fonts.regular;
    io.FontGlobalScale = 1.0f / dpr;
    io.Fonts->Build();
    g_built_dpr = dpr;
    g_built_scale = g_wanted_scale;
}

}  // namespace native
}  // namespace platform
