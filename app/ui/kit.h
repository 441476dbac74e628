// UI kit: the small set of controls every exercise widget is built from. Each control keeps the
// stored answer valid by construction: ratings are buttons, numbers are checked before they are
// handed back, and a typed value out of range shows a message and is never returned as a change.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"

namespace ui {

// --- fonts and text ---------------------------------------------------------------------------
struct Fonts {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;
    ImFont* title = nullptr;
};
Fonts& fonts();

// Looks up a UI string in the current language (set by the app each frame).
const char* tr(const char* key);
std::string trf(const char* key, std::initializer_list<std::string_view> args);  // "{0}" "{1}" (crb::fill_args)
void set_translator(const char* (*fn)(const char* key));

void heading(const char* text, ImFont* font = nullptr);
void para(const char* text);  // wrapped to the available width
void para_colored(const ImVec4& col, const char* text);
void muted(const char* text);
void bullet_para(const char* text);
void label_value(const char* label, const std::string& value);

// --- input controls (return true when the value changed and should be saved) -------------------
bool text_field(const char* id, std::string& value, bool multiline = false, const char* hint = nullptr,
                float width = -1.0f);
// 1..max buttons plus a clear button; nullopt = unanswered.
bool rating_buttons(const char* id, std::optional<int>& value, int min, int max,
                    const char* const* labels = nullptr);
bool int_field(const char* id, std::optional<int>& value, int min, int max, float width);
// Weights 0.1-0.9 in steps of 0.05: typed or stepped with -/+ buttons.
bool weight_field(const char* id, std::optional<double>& value, float width);
bool money_field(const char* id, double& value, float width);
bool yes_no(const char* id, std::optional<bool>& value);
bool checkbox(const char* id, const char* label, bool& value);

// --- display ---------------------------------------------------------------------------------
void progress_bar(float fraction, const char* overlay, float width = -1.0f);
struct Segment {
    float value;
    ImVec4 colour;
    std::string label;
};
void stacked_bar(const std::vector<Segment>& segments, float height);
void badge(const char* text, const ImVec4& bg, const ImVec4& fg);
// A card: a rounded panel around a group of widgets (not a child window, so keyboard navigation
// and wheel scrolling stay with the page). Cards do not nest. Inside a card, wrapped text and
// tables stop short of the card's right edge via wrap_x() / table_width().
bool card_begin(const char* id, float height = 0.0f);
void card_end();
float wrap_x();  // for PushTextWrapPos
float em();      // the current font size
float text_width(std::string_view text);  // in the current font, on one line
// A popup's content width: `ems` font sizes, or less on a screen too narrow for that (phones).
float popup_content_width(float ems);
// Empty room at the end of a scrolling area, so its last line can scroll clear of the page's
// "Accessible view" button, which sits over the canvas's bottom-right corner (web/mirror.css).
void scroll_end_clearance();
// True when the available width is too small for side-by-side columns (phones, 200 % text):
// widgets then stack their fields instead of using tables.
bool narrow();
float table_width();  // for BeginTable's outer_size.x
// A button that shows a chosen state: accent fill plus an inner ring (not by colour alone).
bool toggle_button(const char* label, bool on, const ImVec2& size = ImVec2(0, 0));
bool primary_button(const char* label, const ImVec2& size = ImVec2(0, 0));
// A link-styled button whose text wraps at the wrap position or the window's edge (long titles on
// a phone stay whole); keyboard focus and ids as ImGui::Button.
bool link_button(const char* label);
// A selectable whose text wraps (as tall as the wrapped text), keeping `reserve_right` free at its
// right end for a mark the caller draws there. Push an id first: its own id is "##sel".
bool wrapped_selectable(const char* text, bool selected, float reserve_right = 0.0f);
// A slider over the whole steps 0..`steps`, `position` being the current one, with `text` centred on
// it (the caller formats the value). Mouse: click or drag. Keyboard: Space or Enter takes hold of it,
// the Left and Right arrow keys move one step, Space, Enter or Escape lets go. In place of
// ImGui::SliderInt/SliderFloat (whose every data type and Ctrl+click text entry would be linked in
// for the app's four sliders, all of which move in whole steps). True when `position` changed.
bool step_slider(const char* id, int& position, int steps, const char* text);
// ImGui::SameLine() when a button with this label still fits before the wrap position or the
// window's edge; otherwise the button goes on the next line. Not for windows sized to their
// content (their edge is last frame's size).
void same_line_if_fits(const char* next_button_label);

// --- test hooks ------------------------------------------------------------------------------
// Registers the last item's screen rectangle under a stable name (e.g. "unit2/nps/r3/score") so
// browser tests can click and type through real input. Costs nothing unless enabled.
void tid(const std::string& name);
void tid_begin_frame(bool enabled);
std::string tid_dump_json(float scale);  // {"name": [x, y, w, h], ...} in CSS pixels

// Number formatting in the current language (decimal comma in Polish).
std::string num(double v, int decimals);
void set_decimal_comma(bool comma);

}  // namespace ui
