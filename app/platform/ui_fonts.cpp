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

// Adds `name` (a face compiled in, or nothing) to the font being built: the first face as a new font,
// later ones merged under it, each drawing only the characters the faces before it lack.
bool add_face(const char* name, float size_px, const ImWchar* ranges, bool merge) {
    const EmbeddedFile* file = find_embedded_file(name);
    if (!file) return false;
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // static data compiled in, never freed
    config.MergeMode = merge;
    config.OversampleH = oversample_h(size_px);
    config.OversampleV = 1;
    // ImGui takes a non-const pointer but does not write to data it does not own.
    ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(file->data),
                                               static_cast<int>(file->size), size_px, &config, ranges);
    return true;
}

// The bold face is subset to the characters of the content and UI strings (tools/embed.py): the
// regular face fills in the rest of the text ranges (a name the learner typed, shown in a heading).
// Every font gets the symbols.
ImFont* add_font(const char* name, float size_px, bool regular_under) {
    if (!add_face(name, size_px, kGlyphRanges.data, false)) return nullptr;  // a damaged build: ui_fonts.h
    ImFont* font = ImGui::GetIO().Fonts->Fonts.back();
    if (regular_under) add_face("fonts/regular.ttf", size_px, kGlyphRanges.data, true);
    add_face("fonts/symbols.ttf", size_px, kSymbolRanges.data, true);
    return font;
}

}  // namespace

Fonts add_ui_fonts(float px_scale, float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    Fonts f;
    f.regular = add_font("fonts/regular.ttf", kRegularPx * px_scale, false);
    f.bold = add_font("fonts/bold.ttf", kRegularPx * px_scale, true);
    f.heading = add_font("fonts/bold.ttf", kHeadingPx * px_scale, true);
    f.title = add_font("fonts/bold.ttf", kTitlePx * px_scale, true);
    io.FontDefault = f.regular;
    io.FontGlobalScale = 1.0f / dpr;
    return f;
}

bool draws_every_glyph(const Fonts& f) {
    for (ImFont* font : {f.regular, f.bold, f.heading, f.title}) {
        for (const uint16_t* ranges : {glyphs::kText, glyphs::kSymbols})
            for (int i = 0; ranges[i]; i += 2)
                for (unsigned c = ranges[i]; c <= ranges[i + 1]; ++c)
                    if (!font || !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) return false;
    }
    return true;
}

}  // namespace platform
