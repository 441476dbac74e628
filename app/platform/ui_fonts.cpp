// The UI's font faces (see ui_fonts.h): the subset faces compiled in by tools/embed.py, with the
// glyph ranges of glyph_ranges.h.
#include "platform/ui_fonts.h"

#include "imgui.h"
#include "platform/embedded.h"
#include "platform/glyph_ranges.h"

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
constexpr Ranges kGlyphRanges(glyphs::kText);
constexpr Ranges kSymbolRanges(glyphs::kSymbols);

// Horizontal oversampling (glyphs rasterised at 2x width) keeps small text even at fractional x
// positions; from 20 device pixels up (headings, and all text on a hi-DPI screen) whole-pixel glyphs
// look the same, and rasterising them twice as wide would only cost start-up time and atlas memory.
int oversample_h(float size_px) { return size_px < 20.0f ? 2 : 1; }

ImFont* add_font(const char* name, float size_px) {
    ImGuiIO& io = ImGui::GetIO();
    const EmbeddedFile* file = find_embedded_file(name);
    if (!file) return nullptr;  // a damaged build: the platform decides (ui_fonts.h)
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // static data compiled in, never freed
    config.OversampleH = oversample_h(size_px);
    config.OversampleV = 1;
    // ImGui takes a non-const pointer but does not write to data it does not own.
    ImFont* font = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(file->data),
                                                  static_cast<int>(file->size), size_px, &config, kGlyphRanges.data);
    if (const EmbeddedFile* symbols = find_embedded_file("fonts/symbols.ttf")) {
        ImFontConfig merge;
        merge.FontDataOwnedByAtlas = false;
        merge.MergeMode = true;
        merge.OversampleH = config.OversampleH;
        merge.OversampleV = 1;
        io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(symbols->data), static_cast<int>(symbols->size),
                                       size_px, &merge, kSymbolRanges.data);
    }
    return font;
}

}  // namespace

Fonts add_ui_fonts(float px_scale, float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    Fonts f;
    f.regular = add_font("fonts/regular.ttf", kRegularPx * px_scale);
    f.bold = add_font("fonts/bold.ttf", kRegularPx * px_scale);
    f.heading = add_font("fonts/bold.ttf", kHeadingPx * px_scale);
    f.title = add_font("fonts/bold.ttf", kTitlePx * px_scale);
    io.FontDefault = f.regular;
    io.FontGlobalScale = 1.0f / dpr;
    return f;
}

}  // namespace platform
