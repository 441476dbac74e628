// Every character the UI fonts can draw, as inclusive [first, last] pairs ending with 0. Shared by
// ui_fonts.cpp (the atlas) and tests/unit/test_glyph_coverage.cpp, which fails when content or UI
// strings use a character outside these ranges (it would show as a box). Keep in sync with
// UNICODES / SYMBOL_UNICODES in tools/embed.py, which subset the font files.
#pragma once

#include <cstdint>

namespace glyphs {

// Noto Sans subset: Latin-1, Latin Extended-A (Polish), dashes, quotes, bullet, ellipsis, euro.
constexpr uint16_t kText[] = {
    0x0020, 0x007E, 0x00A0, 0x017F, 0x2013, 0x2014, 0x2018, 0x201E, 0x2022, 0x2022,
    0x2026, 0x2026, 0x2039, 0x203A, 0x20AC, 0x20AC, 0,
};

// DejaVu Sans subset merged into every face: arrows, minus, check marks, small triangles.
constexpr uint16_t kSymbols[] = {
    0x2190, 0x2193, 0x2212, 0x2212, 0x2713, 0x2713, 0x2715, 0x2715, 0x25B2, 0x25B2,
    0x25B4, 0x25B4, 0x25B6, 0x25B6, 0x25BC, 0x25BC, 0x25BE, 0x25BE, 0x25C0, 0x25C0, 0,
};

constexpr bool in(const uint16_t* ranges, uint32_t c) {
    for (int i = 0; ranges[i]; i += 2)
        if (c >= ranges[i] && c <= ranges[i + 1]) return true;
    return false;
}

constexpr bool drawable(uint32_t c) { return c == '\n' || c == '\t' || in(kText, c) || in(kSymbols, c); }

}  // namespace glyphs
