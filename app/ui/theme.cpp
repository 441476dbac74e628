// Theme palettes. The numbers live in palette_data.h, where tests/unit/test_contrast.cpp checks that
// text reaches 4.5:1 against every background it is drawn on and the focus ring 3:1 (WCAG 2.1 AA).
#include "app/ui/theme.h"

#include "app/ui/palette_data.h"

namespace ui {
namespace {

Palette g_palette;

ImVec4 rgb(unsigned hex, float a = 1.0f) {
    return ImVec4(((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f, a);
}

void set_common_metrics(ImGuiStyle& s, float scale) {
    s = ImGuiStyle();
    s.WindowPadding = ImVec2(18, 16);
    s.FramePadding = ImVec2(10, 6);
    s.ItemSpacing = ImVec2(10, 9);
    s.ItemInnerSpacing = ImVec2(8, 6);
    s.CellPadding = ImVec2(8, 6);
    s.IndentSpacing = 20;
    s.ScrollbarSize = 16;
    s.GrabMinSize = 14;
    s.WindowRounding = 0;
    s.ChildRounding = 8;
    s.FrameRounding = 6;
    s.PopupRounding = 8;
    s.ScrollbarRounding = 8;
    s.GrabRounding = 6;
    s.TabRounding = 6;
    s.WindowBorderSize = 0;
    s.ChildBorderSize = 1;
    s.PopupBorderSize = 1;
    s.FrameBorderSize = 1;
    s.ScaleAllSizes(scale);
}

// The colours shared by every theme's ImGui style and the app's palette (palette_data.h).
void apply_colours(ImGuiStyle& s, Palette& p, const palette_data::Colours& k) {
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = rgb(k.text);
    c[ImGuiCol_TextDisabled] = rgb(k.text_disabled);
    c[ImGuiCol_WindowBg] = rgb(k.window_bg);
    c[ImGuiCol_ChildBg] = rgb(k.window_bg);
    c[ImGuiCol_PopupBg] = rgb(k.popup_bg);
    c[ImGuiCol_Border] = rgb(k.border);
    c[ImGuiCol_FrameBg] = rgb(k.frame_bg);
    c[ImGuiCol_FrameBgHovered] = rgb(k.frame_bg_hovered);
    c[ImGuiCol_FrameBgActive] = rgb(k.frame_bg_active);
    c[ImGuiCol_Button] = rgb(k.button);
    c[ImGuiCol_ButtonHovered] = rgb(k.button_hovered);
    c[ImGuiCol_ButtonActive] = rgb(k.button_active);
    c[ImGuiCol_Header] = rgb(k.header);
    c[ImGuiCol_HeaderHovered] = rgb(k.header_hovered);
    c[ImGuiCol_HeaderActive] = rgb(k.header_active);
    c[ImGuiCol_CheckMark] = rgb(k.check_mark);
    c[ImGuiCol_SliderGrab] = rgb(k.slider_grab);
    c[ImGuiCol_TableHeaderBg] = rgb(k.table_header_bg);
    c[ImGuiCol_TableRowBgAlt] = rgb(k.table_row_bg_alt);
    // The keyboard focus ring: 3:1 against the window in every theme (test_contrast.cpp).
    c[ImGuiCol_NavHighlight] = rgb(k.nav_highlight);
    p = Palette{rgb(k.p_text),       rgb(k.text_muted),  rgb(k.accent),    rgb(k.accent_text),
                rgb(k.warning),      rgb(k.ok),          rgb(k.danger),    rgb(k.card),
                rgb(k.card_border),  rgb(k.promoter),    rgb(k.passive),   rgb(k.detractor),
                rgb(k.heat_low),     rgb(k.heat_medium), rgb(k.heat_high), rgb(k.heat_critical),
                rgb(k.highlight_row),
                rgb(palette_data::board_text_on(k.heat_low)), rgb(palette_data::board_text_on(k.heat_medium)),
                rgb(palette_data::board_text_on(k.heat_high)), rgb(palette_data::board_text_on(k.highlight_row))};
}

}  // namespace

const Palette& palette() { return g_palette; }

void apply_theme(Theme theme, float scale) {
    ImGuiStyle& s = ImGui::GetStyle();
    set_common_metrics(s, scale);
    ImVec4* c = s.Colors;
    if (theme == Theme::dark) {
        ImGui::StyleColorsDark(&s);
        apply_colours(s, g_palette, palette_data::kDark);
    } else if (theme == Theme::contrast) {
        ImGui::StyleColorsDark(&s);
        apply_colours(s, g_palette, palette_data::kContrast);
        s.FrameBorderSize = 2.0f * scale;
    } else {
        // From ImGui's dark style too (its light style would be linked for a handful of colours);
        // the colours the palette does not set are ImGui's light ones, below.
        ImGui::StyleColorsDark(&s);
        apply_colours(s, g_palette, palette_data::kLight);
        c[ImGuiCol_SliderGrabActive] = rgb(0x0F4584);
        c[ImGuiCol_TableBorderStrong] = rgb(0xC9D1D9);
        c[ImGuiCol_TableBorderLight] = rgb(0xDDE3E9);
        c[ImGuiCol_ScrollbarBg] = rgb(0xF0F2F5);
        c[ImGuiCol_ScrollbarGrab] = rgb(0x8C959F);
        c[ImGuiCol_Separator] = rgb(0xD0D7DE);
        c[ImGuiCol_ModalWindowDimBg] = rgb(0x1F2328, 0.35f);
        // Dialog titles, scrollbar grab states, text selection and Ctrl+Tab's window list as in
        // ImGui's light style (the app shows no menu bars, tabs, plots, resize grips or drag and drop).
        c[ImGuiCol_TitleBg] = ImVec4(0.96f, 0.96f, 0.96f, 1.00f);
        c[ImGuiCol_TitleBgActive] = ImVec4(0.82f, 0.82f, 0.82f, 1.00f);
        c[ImGuiCol_TitleBgCollapsed] = ImVec4(1.00f, 1.00f, 1.00f, 0.51f);
        c[ImGuiCol_ScrollbarGrabHovered] = ImVec4(0.49f, 0.49f, 0.49f, 0.80f);
        c[ImGuiCol_ScrollbarGrabActive] = ImVec4(0.49f, 0.49f, 0.49f, 1.00f);
        c[ImGuiCol_TextSelectedBg] = ImVec4(0.26f, 0.59f, 0.98f, 0.35f);
        c[ImGuiCol_NavWindowingHighlight] = ImVec4(0.70f, 0.70f, 0.70f, 0.70f);
        c[ImGuiCol_NavWindowingDimBg] = ImVec4(0.20f, 0.20f, 0.20f, 0.20f);
    }
}

}  // namespace ui
