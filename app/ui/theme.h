// Theme: the app's colours, spacing and rounding. Three palettes (light default, dark, high
// contrast), all checked for at least 4.5:1 text contrast against their backgrounds.
#pragma once

#include "imgui.h"

namespace ui {

enum class Theme { light = 0, dark = 1, contrast = 2 };

// Semantic colours used by widgets beyond ImGui's own style colours.
struct Palette {
    ImVec4 text, text_muted, accent, accent_text, warning, ok, danger, card, card_border, promoter, passive,
        detractor, heat_low, heat_medium, heat_high, heat_critical, highlight_row;
    // Text on the quadrant board over heat_low, heat_medium, heat_high and highlight_row: dark or
    // white, whichever contrasts more (palette_data::board_text_on).
    ImVec4 board_text_low, board_text_medium, board_text_high, board_text_row;
};

void apply_theme(Theme theme, float scale);  // scale: text size setting × device pixel ratio
const Palette& palette();

}  // namespace ui
