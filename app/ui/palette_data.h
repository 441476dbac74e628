// The three themes' colours as plain 0xRRGGBB numbers, with no ImGui dependency, so that a native
// unit test (tests/unit/test_contrast.cpp) can check their WCAG 2.1 contrast ratios; theme.cpp turns
// them into ImGui colours. Text pairs must reach 4.5:1, focus rings and control borders 3:1.
#pragma once

#include <cmath>

namespace ui::palette_data {

struct Colours {
    // ImGui style colours
    unsigned text, text_disabled, window_bg, popup_bg, border, frame_bg, frame_bg_hovered, frame_bg_active,
        button, button_hovered, button_active, header, header_hovered, header_active, check_mark, slider_grab,
        table_header_bg, table_row_bg_alt, nav_highlight;
    // the app's semantic palette (theme.h Palette, same order)
    unsigned p_text, text_muted, accent, accent_text, warning, ok, danger, card, card_border, promoter,
        passive, detractor, heat_low, heat_medium, heat_high, heat_critical, highlight_row;
    // text drawn on badges, bars and heat cells (over promoter..heat_critical)
    unsigned on_fill;
};

// Text on the quadrant board (app/widgets/quadrant_map.cpp), over heat_low..heat_high and highlight_row:
// kBoardText, or white where a theme's quadrant colour is dark (board_text_on picks the one with the
// higher WCAG contrast ratio).
constexpr unsigned kBoardText = 0x1F2429;
constexpr unsigned kBoardTextOnDark = 0xFFFFFF;

inline double relative_luminance(unsigned rgb) {
    auto channel = [](unsigned v) {
        const double c = v / 255.0;
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel((rgb >> 16) & 0xFF) + 0.7152 * channel((rgb >> 8) & 0xFF) + 0.0722 * channel(rgb & 0xFF);
}

inline unsigned board_text_on(unsigned bg) {
    const double l = relative_luminance(bg);
    const double dark = (l + 0.05) / (relative_luminance(kBoardText) + 0.05);
    const double light = (relative_luminance(kBoardTextOnDark) + 0.05) / (l + 0.05);
    return dark >= light ? kBoardText : kBoardTextOnDark;
}

// Light (the default).
constexpr Colours kLight = {
    0x1F2328, 0x59636E, 0xF6F7F9, 0xFFFFFF, 0x868E96, 0xFFFFFF, 0xEEF4FB, 0xE1ECF8, 0xE3ECF7, 0xCFE0F3,
    0xB9D2EE, 0xD6E6F7, 0xC6DCF3, 0xB3D0EF, 0x1659A8, 0x1659A8, 0xE8EDF3, 0xF9FAFB, 0xB45309, 0x1F2328,
    0x4F5964, 0x1659A8, 0xFFFFFF, 0x9A4A00, 0x1A6B34, 0xB42318, 0xFFFFFF, 0xD5DCE3, 0x3A9A63, 0xD4A514,
    0xE07064, 0xCDEBD5, 0xFBE9A8, 0xF8C99B, 0xF1A8A0, 0xE6F0FB, 0x000000,
};

constexpr Colours kDark = {
    0xE8EAED, 0xA8B0BA, 0x1B1F24, 0x252A31, 0x6E7781, 0x2A3038, 0x343B45, 0x3C4450, 0x2F4F7A, 0x3A6096,
    0x3D66A0, 0x2F4F7A, 0x3A6096, 0x3D66A0, 0x8CC4FF, 0x8CC4FF, 0x2A3038, 0x20252B, 0xFFD166, 0xE8EAED,
    0xB4BCC6, 0x8CC4FF, 0x0B1D33, 0xFFC266, 0x7FD99A, 0xFF9B91, 0x232830, 0x3A424C, 0x4FB477, 0xC9A227,
    0xE0675C, 0x7FC99A, 0xE0CB6A, 0xEBA273, 0xF08A84, 0x24405F, 0x000000,
};

constexpr Colours kContrast = {
    0xFFFFFF, 0xE0E0E0, 0x000000, 0x000000, 0xFFFFFF, 0x000000, 0x1A1A4D, 0x26266E, 0x000000, 0x1A1A4D,
    0x26266E, 0x26266E, 0x33338F, 0x4040B0, 0xFFFF00, 0xFFFF00, 0x1A1A1A, 0x0D0D0D, 0xFFFF00, 0xFFFFFF,
    0xE6E6E6, 0xFFFF00, 0x000000, 0xFFD000, 0x5CFF8A, 0xFF8080, 0x000000, 0xFFFFFF, 0x00C853, 0xFFD600,
    0xFF5252, 0x00C853, 0xFFD600, 0xFF9E40, 0xFF6B6B, 0x1A1A4D, 0x000000,
};

}  // namespace ui::palette_data
