// Theme palettes. Colours were chosen for contrast first: text colours are meant to reach 4.5:1
// against the window and card backgrounds of their palette (WCAG 2.1 AA).
#include "app/ui/theme.h"

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

}  // namespace

const Palette& palette() { return g_palette; }

void apply_theme(Theme theme, float scale) {
    ImGuiStyle& s = ImGui::GetStyle();
    set_common_metrics(s, scale);
    ImVec4* c = s.Colors;
    Palette& p = g_palette;
    if (theme == Theme::dark) {
        ImGui::StyleColorsDark(&s);
        c[ImGuiCol_Text] = rgb(0xE8EAED);
        c[ImGuiCol_TextDisabled] = rgb(0xA8B0BA);
        c[ImGuiCol_WindowBg] = rgb(0x1B1F24);
        c[ImGuiCol_ChildBg] = rgb(0x1B1F24);
        c[ImGuiCol_PopupBg] = rgb(0x252A31);
        c[ImGuiCol_Border] = rgb(0x4A525C);
        c[ImGuiCol_FrameBg] = rgb(0x2A3038);
        c[ImGuiCol_FrameBgHovered] = rgb(0x343B45);
        c[ImGuiCol_FrameBgActive] = rgb(0x3C4450);
        c[ImGuiCol_Button] = rgb(0x2F4F7A);
        c[ImGuiCol_ButtonHovered] = rgb(0x3A6096);
        c[ImGuiCol_ButtonActive] = rgb(0x4470AE);
        c[ImGuiCol_Header] = rgb(0x2F4F7A);
        c[ImGuiCol_HeaderHovered] = rgb(0x3A6096);
        c[ImGuiCol_HeaderActive] = rgb(0x4470AE);
        c[ImGuiCol_CheckMark] = rgb(0x8CC4FF);
        c[ImGuiCol_SliderGrab] = rgb(0x8CC4FF);
        c[ImGuiCol_TableHeaderBg] = rgb(0x2A3038);
        c[ImGuiCol_TableRowBgAlt] = rgb(0x20252B);
        c[ImGuiCol_NavHighlight] = rgb(0xFFD166);
        p = Palette{rgb(0xE8EAED), rgb(0xB4BCC6), rgb(0x8CC4FF), rgb(0x0B1D33), rgb(0xFFC266), rgb(0x7FD99A),
                    rgb(0xFF9B91), rgb(0x232830), rgb(0x3A424C), rgb(0x4FB477), rgb(0xC9A227), rgb(0xE0675C),
                    rgb(0x2E6B45), rgb(0x7A6A1E), rgb(0x8A4B1E), rgb(0x8E2B2B), rgb(0x24405F)};
    } else if (theme == Theme::contrast) {
        ImGui::StyleColorsDark(&s);
        c[ImGuiCol_Text] = rgb(0xFFFFFF);
        c[ImGuiCol_TextDisabled] = rgb(0xE0E0E0);
        c[ImGuiCol_WindowBg] = rgb(0x000000);
        c[ImGuiCol_ChildBg] = rgb(0x000000);
        c[ImGuiCol_PopupBg] = rgb(0x000000);
        c[ImGuiCol_Border] = rgb(0xFFFFFF);
        c[ImGuiCol_FrameBg] = rgb(0x000000);
        c[ImGuiCol_FrameBgHovered] = rgb(0x1A1A4D);
        c[ImGuiCol_FrameBgActive] = rgb(0x26266E);
        c[ImGuiCol_Button] = rgb(0x000000);
        c[ImGuiCol_ButtonHovered] = rgb(0x1A1A4D);
        c[ImGuiCol_ButtonActive] = rgb(0x26266E);
        c[ImGuiCol_Header] = rgb(0x26266E);
        c[ImGuiCol_HeaderHovered] = rgb(0x33338F);
        c[ImGuiCol_HeaderActive] = rgb(0x4040B0);
        c[ImGuiCol_CheckMark] = rgb(0xFFFF00);
        c[ImGuiCol_SliderGrab] = rgb(0xFFFF00);
        c[ImGuiCol_TableHeaderBg] = rgb(0x1A1A1A);
        c[ImGuiCol_TableRowBgAlt] = rgb(0x0D0D0D);
        c[ImGuiCol_NavHighlight] = rgb(0xFFFF00);
        s.FrameBorderSize = 2.0f * scale;
        p = Palette{rgb(0xFFFFFF), rgb(0xE6E6E6), rgb(0xFFFF00), rgb(0x000000), rgb(0xFFD000), rgb(0x5CFF8A),
                    rgb(0xFF8080), rgb(0x000000), rgb(0xFFFFFF), rgb(0x00C853), rgb(0xFFD600), rgb(0xFF5252),
                    rgb(0x006B2E), rgb(0x6B5B00), rgb(0x8A3A00), rgb(0x9E0000), rgb(0x1A1A4D)};
    } else {
        ImGui::StyleColorsLight(&s);
        c[ImGuiCol_Text] = rgb(0x1F2328);
        c[ImGuiCol_TextDisabled] = rgb(0x59636E);
        c[ImGuiCol_WindowBg] = rgb(0xF6F7F9);
        c[ImGuiCol_ChildBg] = rgb(0xF6F7F9);
        c[ImGuiCol_PopupBg] = rgb(0xFFFFFF);
        c[ImGuiCol_Border] = rgb(0xC9D1D9);
        c[ImGuiCol_FrameBg] = rgb(0xFFFFFF);
        c[ImGuiCol_FrameBgHovered] = rgb(0xEEF4FB);
        c[ImGuiCol_FrameBgActive] = rgb(0xE1ECF8);
        c[ImGuiCol_Button] = rgb(0xE3ECF7);
        c[ImGuiCol_ButtonHovered] = rgb(0xCFE0F3);
        c[ImGuiCol_ButtonActive] = rgb(0xB9D2EE);
        c[ImGuiCol_Header] = rgb(0xD6E6F7);
        c[ImGuiCol_HeaderHovered] = rgb(0xC6DCF3);
        c[ImGuiCol_HeaderActive] = rgb(0xB3D0EF);
        c[ImGuiCol_CheckMark] = rgb(0x1659A8);
        c[ImGuiCol_SliderGrab] = rgb(0x1659A8);
        c[ImGuiCol_SliderGrabActive] = rgb(0x0F4584);
        c[ImGuiCol_TableHeaderBg] = rgb(0xE8EDF3);
        c[ImGuiCol_TableRowBgAlt] = rgb(0xF9FAFB);
        c[ImGuiCol_TableBorderStrong] = rgb(0xC9D1D9);
        c[ImGuiCol_TableBorderLight] = rgb(0xDDE3E9);
        c[ImGuiCol_ScrollbarBg] = rgb(0xF0F2F5);
        c[ImGuiCol_ScrollbarGrab] = rgb(0xB8C2CC);
        c[ImGuiCol_Separator] = rgb(0xD0D7DE);
        c[ImGuiCol_NavHighlight] = rgb(0xD97706);
        c[ImGuiCol_ModalWindowDimBg] = rgb(0x1F2328, 0.35f);
        p = Palette{rgb(0x1F2328), rgb(0x4F5964), rgb(0x1659A8), rgb(0xFFFFFF), rgb(0x9A4A00), rgb(0x1A6B34),
                    rgb(0xB42318), rgb(0xFFFFFF), rgb(0xD5DCE3), rgb(0x3A9A63), rgb(0xD4A514), rgb(0xE07064),
                    rgb(0xCDEBD5), rgb(0xFBE9A8), rgb(0xF8C99B), rgb(0xF1A8A0), rgb(0xE6F0FB)};
    }
}

}  // namespace ui
