// WCAG 2.1 contrast of the app's theme colours (app/ui/palette_data.h): every text colour against
// every background it is drawn on reaches 4.5:1 (1.4.3), and the keyboard focus ring, control
// borders and check marks reach 3:1 against what surrounds them (1.4.11). The default (light)
// theme is checked pair by pair; the dark and high-contrast themes too.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/ui/palette_data.h"

namespace {

using ui::palette_data::Colours;

double channel(unsigned v) {
    const double c = v / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(unsigned rgb) {
    return 0.2126 * channel((rgb >> 16) & 0xFF) + 0.7152 * channel((rgb >> 8) & 0xFF) + 0.0722 * channel(rgb & 0xFF);
}

double ratio(unsigned a, unsigned b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::string hex(unsigned rgb) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%06X", rgb);
    return buf;
}

struct Pair {
    const char* what;
    unsigned fg, bg;
    double min;
};

std::vector<Pair> pairs(const Colours& c) {
    std::vector<Pair> v;
    const std::pair<const char*, unsigned> text_bgs[] = {
        {"window", c.window_bg},         {"popup", c.popup_bg},           {"frame", c.frame_bg},
        {"frame hovered", c.frame_bg_hovered}, {"frame active", c.frame_bg_active}, {"button", c.button},
        {"button hovered", c.button_hovered},  {"button active", c.button_active},  {"header", c.header},
        {"header hovered", c.header_hovered},  {"header active", c.header_active},  {"table header", c.table_header_bg},
        {"table alt row", c.table_row_bg_alt}, {"card", c.card},                    {"best row", c.highlight_row}};
    for (const auto& [name, bg] : text_bgs) v.push_back({name, c.text, bg, 4.5});
    for (const auto& [name, bg] : {std::pair<const char*, unsigned>{"window", c.window_bg}, {"popup", c.popup_bg}, {"card", c.card}}) {
        v.push_back({"disabled text", c.text_disabled, bg, 4.5});
        v.push_back({"muted text", c.text_muted, bg, 4.5});
        v.push_back({"accent text (links, labels)", c.accent, bg, 4.5});
        v.push_back({"warning text", c.warning, bg, 4.5});
        v.push_back({"ok text", c.ok, bg, 4.5});
        v.push_back({"danger text", c.danger, bg, 4.5});
        v.push_back({"semantic text", c.p_text, bg, 4.5});
    }
    v.push_back({"muted text on the best row", c.text_muted, c.highlight_row, 4.5});
    v.push_back({"placeholder in a field", c.text_muted, c.frame_bg, 4.5});
    v.push_back({"primary button / selected rating", c.accent_text, c.accent, 4.5});
    for (const auto& [name, bg] : {std::pair<const char*, unsigned>{"promoter", c.promoter}, {"passive", c.passive},
                                   {"detractor", c.detractor}, {"risk low", c.heat_low}, {"risk medium", c.heat_medium},
                                   {"risk high", c.heat_high}, {"risk critical", c.heat_critical}})
        v.push_back({name, c.on_fill, bg, 4.5});
    // Non-text contrast: the keyboard focus ring, field and button borders, check marks.
    v.push_back({"focus ring on window", c.nav_highlight, c.window_bg, 3.0});
    v.push_back({"focus ring on popup", c.nav_highlight, c.popup_bg, 3.0});
    v.push_back({"focus ring on card", c.nav_highlight, c.card, 3.0});
    v.push_back({"control border on window", c.border, c.window_bg, 3.0});
    v.push_back({"control border on popup", c.border, c.popup_bg, 3.0});
    v.push_back({"check mark in a box", c.check_mark, c.frame_bg, 3.0});
    // A chosen rating / yes-no / language button differs from the others by lightness, not hue alone.
    v.push_back({"selected button against an unselected one", c.accent, c.button, 3.0});
    return v;
}

void check_theme(const char* theme, const Colours& c) {
    std::vector<Pair> all = pairs(c);
    for (unsigned bg : {c.heat_low, c.heat_medium, c.heat_high, c.highlight_row})
        all.push_back({"quadrant board label", ui::palette_data::board_text_on(bg), bg, 4.5});
    for (const auto& p : all) {
        const double r = ratio(p.fg, p.bg);
        CHECK_MESSAGE(r >= p.min, std::string(theme) << ": " << std::string(p.what) << ": #" << hex(p.fg) << " on #" << hex(p.bg) << " is "
                                        << r << ":1, needs " << p.min << ":1");
    }
}

}  // namespace

TEST_CASE("board text is dark on light quadrants and white on dark ones") {
    CHECK(ui::palette_data::board_text_on(0xFFFFFF) == ui::palette_data::kBoardText);
    CHECK(ui::palette_data::board_text_on(0x24405F) == ui::palette_data::kBoardTextOnDark);
    CHECK(ui::palette_data::board_text_on(0x1A1A4D) == ui::palette_data::kBoardTextOnDark);
}

TEST_CASE("contrast ratios follow WCAG's formula") {
    CHECK(ratio(0x000000, 0xFFFFFF) == doctest::Approx(21.0));
    CHECK(ratio(0x777777, 0xFFFFFF) == doctest::Approx(4.48).epsilon(0.01));
    CHECK(ratio(0x767676, 0xFFFFFF) >= 4.5);
}

TEST_CASE("the default (light) theme meets WCAG 2.1 AA contrast") { check_theme("light", ui::palette_data::kLight); }
TEST_CASE("the dark theme meets WCAG 2.1 AA contrast") { check_theme("dark", ui::palette_data::kDark); }
TEST_CASE("the high-contrast theme meets WCAG 2.1 AA contrast") { check_theme("high contrast", ui::palette_data::kContrast); }
