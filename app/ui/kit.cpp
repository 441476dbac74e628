// UI kit implementation. Edit buffers for numeric fields live here, keyed by ImGui id, so a
// half-typed or invalid number never reaches the workbook.
#include "app/ui/kit.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>

#include "app/ui/text_fit.h"
#include "app/ui/theme.h"
#include "core/calc/calc.h"
#include "core/i18n.h"
#include "imgui_internal.h"

namespace ui {
namespace {

const char* (*g_translate)(const char*) = nullptr;
bool g_comma = false;
float g_card_pad = 0.0f;  // right padding while inside a card
ImVec2 g_card_start;
bool g_tid_enabled = false;
std::map<std::string, ImVec4> g_tid_rects;

struct NumState {
    std::string buf;
    std::string error;
    std::string original;  // the text when editing began: restored if the edit ends invalid
    bool editing = false;
};
std::map<ImGuiID, NumState> g_num;

// The width left from screen x `x` to where text wraps here (wrap_x(): a pushed wrap position, a
// card's inner edge), or else to the window's work edge.
float width_to_edge(float x) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    float right = window->WorkRect.Max.x;
    if (const float wx = wrap_x(); wx > 0.0f) right = std::min(right, window->Pos.x - window->Scroll.x + wx);
    return right - x;
}

int resize_cb(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}

// Shared by the numeric fields: shows the buffer, parses on edit, keeps the error visible
// until the next valid entry. parse() returns false when the text is not acceptable.
// Valid values are handed back while typing (so nothing typed is lost if the page closes), but
// an invalid text puts back the value the field had when editing began: typing "11" into a 0-10
// field passes through "1" and ends with the original value, never with 1 or 11.
template <typename Parse>
bool numeric_text(const char* id, const std::string& shown, float width, ImGuiInputTextFlags flags,
                  Parse parse) {
    ImGuiID key = ImGui::GetID(id);
    NumState& st = g_num[key];
    if (!st.editing) {
        st.buf = shown;
        st.original = shown;
    }
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s", st.buf.c_str());
    ImGui::SetNextItemWidth(width);
    std::string label =
        std::strncmp(id, "##", 2) == 0 ? std::string(id) : "##" + std::string(id);  // no visible label
    bool edited = ImGui::InputText(label.c_str(), buf, sizeof buf, flags | ImGuiInputTextFlags_AutoSelectAll);
    st.editing = ImGui::IsItemActive();
    bool changed = false;
    if (edited) {
        st.buf = buf;
        std::string err;
        if (parse(st.buf, err)) {
            st.error.clear();
            changed = true;
        } else {
            st.error = err;
            std::string ignored;
            changed = parse(st.original, ignored);  // back to the value before this edit
        }
    }
    if (!st.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::max(width, ImGui::GetFontSize() * 10));
        ImGui::TextUnformatted(st.error.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    return changed;
}

std::string trim(const std::string& s) {
    size_t a = s.find_first_not_of(" \t");
    if (a == std::string::npos) return "";
    size_t b = s.find_last_not_of(" \t");
    return s.substr(a, b - a + 1);
}

// Accepts "0.35" and "0,35"; rejects anything that is not a plain decimal number.
bool parse_decimal(const std::string& text, double& out) {
    std::string t = trim(text);
    if (t.empty() || t.size() > 20) return false;
    int dots = 0;
    for (char& ch : t) {
        if (ch == ',') ch = '.';
        if (ch == '.') {
            if (++dots > 1) return false;
        } else if (ch < '0' || ch > '9') {
            return false;
        }
    }
    char* end = nullptr;
    out = std::strtod(t.c_str(), &end);
    return end && *end == '\0' && std::isfinite(out);
}

}  // namespace

Fonts& fonts() {
    static Fonts f;
    return f;
}

void set_translator(const char* (*fn)(const char*)) { g_translate = fn; }
const char* tr(const char* key) { return g_translate ? g_translate(key) : key; }

std::string trf(const char* key, std::initializer_list<std::string_view> args) { return crb::fill_args(tr(key), args); }

void set_decimal_comma(bool comma) { g_comma = comma; }
std::string num(double v, int decimals) { return crb::calc::format_number(v, decimals, g_comma); }

void heading(const char* text, ImFont* font) {
    // A long word in a large font on a narrow screen (a phone at 200 % text) would be broken in the
    // middle: step down to the next smaller face (title -> heading -> bold) until every word fits.
    ImFont* const steps[] = {font ? font : fonts().heading, fonts().heading, fonts().bold};
    const float room = width_to_edge(ImGui::GetCursorScreenPos().x);
    ImFont* chosen = steps[0];
    for (ImFont* f : steps) {
        if (!f) continue;
        chosen = f;
        ImGui::PushFont(f);
        const float widest = widest_word(text, text_width);
        ImGui::PopFont();
        if (widest <= room) break;
    }
    ImGui::PushFont(chosen);
    ImGui::PushTextWrapPos(wrap_x());
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
}

void para(const char* text) {
    ImGui::PushTextWrapPos(wrap_x());
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
}

void para_colored(const ImVec4& col, const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    para(text);
    ImGui::PopStyleColor();
}

void muted(const char* text) { para_colored(palette().text_muted, text); }

void bullet_para(const char* text) {
    ImGui::Bullet();
    ImGui::SameLine();
    para(text);
}

void label_value(const char* label, const std::string& value) {
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(label);
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextUnformatted(value.c_str());
}

bool text_field(const char* id, std::string& value, bool multiline, const char* hint, float width) {
    bool changed;
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize;
    if (multiline) {
        float lines = 3.2f;
        ImVec2 size(width, ImGui::GetTextLineHeight() * lines + ImGui::GetStyle().FramePadding.y * 2);
        changed =
            ImGui::InputTextMultiline(id, value.data(), value.capacity() + 1, size, flags, resize_cb, &value);
        if (hint && value.empty() && !ImGui::IsItemActive()) {
            ImVec2 p = ImGui::GetItemRectMin();
            ImVec2 pad = ImGui::GetStyle().FramePadding;
            ImGui::GetWindowDrawList()->AddText(ImVec2(p.x + pad.x, p.y + pad.y),
                                                ImGui::GetColorU32(palette().text_muted), hint);
        }
    } else {
        ImGui::SetNextItemWidth(width);
        changed = ImGui::InputTextWithHint(id, hint ? hint : "", value.data(), value.capacity() + 1, flags,
                                           resize_cb, &value);
    }
    return changed;
}

bool rating_buttons(const char* id, std::optional<int>& value, int min, int max, const char* const* labels) {
    ImGui::PushID(id);
    bool changed = false;
    float side = ImGui::GetFrameHeight();
    for (int v = min; v <= max; ++v) {
        if (v > min) ImGui::SameLine(0, 4);
        char lbl[16];
        std::snprintf(lbl, sizeof lbl, "%d", v);
        if (toggle_button(lbl, value && *value == v, ImVec2(side * 1.1f, side))) {
            value = v;
            changed = true;
        }
        if (labels && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", labels[v - min]);
        tid(std::string(id) + "/" + lbl);
    }
    if (value) {
        ImGui::SameLine(0, 6);
        if (ImGui::SmallButton("\xC3\x97")) {  // × clears the rating
            value.reset();
            changed = true;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("ui.clear"));
    }
    ImGui::PopID();
    return changed;
}

bool int_field(const char* id, std::optional<int>& value, int min, int max, float width) {
    std::string shown = value ? std::to_string(*value) : std::string();
    std::optional<int> parsed;
    bool changed = numeric_text(
        id, shown, width, ImGuiInputTextFlags_CharsDecimal, [&](const std::string& text, std::string& err) {
            std::string t = trim(text);
            if (t.empty()) {
                parsed.reset();
                return true;
            }
            bool digits = t.size() <= 6;
            for (char ch : t) digits = digits && ch >= '0' && ch <= '9';
            int n = digits ? std::atoi(t.c_str()) : -1;
            if (!digits || n < min || n > max) {
                err = trf("err.int_range", {std::to_string(min), std::to_string(max)});
                return false;
            }
            parsed = n;
            return true;
        });
    if (changed) value = parsed;
    return changed;
}

bool weight_field(const char* id, std::optional<double>& value, float width) {
    ImGui::PushID(id);
    bool changed = false;
    float btn = ImGui::GetFrameHeight();
    if (ImGui::Button("\xE2\x88\x92", ImVec2(btn, btn))) {  // − steps down by 0.05
        double v = value ? *value - 0.05 : 0.1;
        value = std::max(0.1, std::round(v * 20) / 20);
        changed = true;
    }
    tid(std::string(id) + "/minus");
    ImGui::SameLine(0, 4);
    std::string shown = value ? crb::calc::format_number(*value, 2, g_comma) : std::string();
    std::optional<double> parsed;
    bool typed = numeric_text("##w", shown, width, ImGuiInputTextFlags_CharsScientific,
                              [&](const std::string& text, std::string& err) {
                                  if (trim(text).empty()) {
                                      parsed.reset();
                                      return true;
                                  }
                                  double d = 0;
                                  // 0.1-0.9 in steps of 0.05, the same rule core applies.
                                  if (!parse_decimal(text, d) || d < 0.1 - 1e-9 || d > 0.9 + 1e-9 ||
                                      std::fabs(d * 20 - std::round(d * 20)) > 1e-6) {
                                      err = tr("err.weight_range");
                                      return false;
                                  }
                                  parsed = std::round(d * 20) / 20;
                                  return true;
                              });
    tid(id);
    if (typed) {
        value = parsed;
        changed = true;
    }
    ImGui::SameLine(0, 4);
    if (ImGui::Button("+", ImVec2(btn, btn))) {
        double v = value ? *value + 0.05 : 0.1;
        value = std::min(0.9, std::round(v * 20) / 20);
        changed = true;
    }
    tid(std::string(id) + "/plus");
    ImGui::PopID();
    return changed;
}

bool money_field(const char* id, double& value, float width) {
    std::string shown = crb::calc::format_number(value, value == std::floor(value) ? 0 : 2, g_comma);
    double parsed = 0;
    bool changed = numeric_text(id, shown, width, ImGuiInputTextFlags_CharsScientific,
                                [&](const std::string& text, std::string& err) {
                                    if (trim(text).empty()) {
                                        parsed = 0;
                                        return true;
                                    }
                                    double d = 0;
                                    if (!parse_decimal(text, d) || d < 0 || d > 1e9) {
                                        err = tr("err.money_range");
                                        return false;
                                    }
                                    parsed = d;
                                    return true;
                                });
    if (changed) value = parsed;
    return changed;
}

bool yes_no(const char* id, std::optional<bool>& value) {
    ImGui::PushID(id);
    bool changed = false;
    const char* labels[2] = {tr("ui.yes"), tr("ui.no")};
    for (int i = 0; i < 2; ++i) {
        if (i) ImGui::SameLine(0, 4);
        const bool on = value && *value == (i == 0);
        if (toggle_button(labels[i], on)) {
            if (on)
                value.reset();
            else
                value = (i == 0);
            changed = true;
        }
        tid(std::string(id) + (i == 0 ? "/yes" : "/no"));
    }
    ImGui::PopID();
    return changed;
}

bool checkbox(const char* id, const char* label, bool& value) {
    ImGui::PushID(id);
    bool changed = ImGui::Checkbox("##c", &value);
    tid(id);
    ImGui::SameLine();
    ImGui::PushTextWrapPos(wrap_x());
    ImGui::TextUnformatted(label);
    ImGui::PopTextWrapPos();
    ImGui::PopID();
    return changed;
}

void progress_bar(float fraction, const char* overlay, float width) {
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, palette().accent);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text);
    ImGui::ProgressBar(fraction, ImVec2(width, ImGui::GetFontSize() * 0.9f), "");
    ImGui::PopStyleColor(2);
    if (overlay && *overlay) {
        ImGui::SameLine();
        ImGui::TextUnformatted(overlay);
    }
}

void stacked_bar(const std::vector<Segment>& segments, float height) {
    float total = 0;
    for (const auto& s : segments) total += s.value;
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    float w = ImGui::GetContentRegionAvail().x - g_card_pad;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + height), ImGui::GetColorU32(ImGuiCol_FrameBg), 4);
    float x = p0.x;
    for (const auto& s : segments) {
        if (total <= 0 || s.value <= 0) continue;
        float sw = w * s.value / total;
        dl->AddRectFilled(ImVec2(x, p0.y), ImVec2(x + sw, p0.y + height), ImGui::GetColorU32(s.colour));
        ImVec2 ts = ImGui::CalcTextSize(s.label.c_str());
        if (ts.x + 6 < sw)
            dl->AddText(ImVec2(x + (sw - ts.x) / 2, p0.y + (height - ts.y) / 2), IM_COL32(0, 0, 0, 255),
                        s.label.c_str());
        x += sw;
    }
    dl->AddRect(p0, ImVec2(p0.x + w, p0.y + height), ImGui::GetColorU32(ImGuiCol_Border), 4);
    ImGui::Dummy(ImVec2(w, height));
}

void badge(const char* text, const ImVec4& bg, const ImVec4& fg) {
    ImVec2 ts = ImGui::CalcTextSize(text);
    ImVec2 pad(6, 2);
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    p0.y += (ImGui::GetFrameHeight() - ts.y - pad.y * 2) / 2;
    ImVec2 p1(p0.x + ts.x + pad.x * 2, p0.y + ts.y + pad.y * 2);
    ImGui::GetWindowDrawList()->AddRectFilled(p0, p1, ImGui::GetColorU32(bg), 4);
    ImGui::GetWindowDrawList()->AddText(ImVec2(p0.x + pad.x, p0.y + pad.y), ImGui::GetColorU32(fg), text);
    ImGui::Dummy(ImVec2(p1.x - p0.x, ImGui::GetFrameHeight()));
}

bool card_begin(const char* id, float height) {
    (void)height;
    IM_ASSERT(g_card_pad == 0.0f && "cards do not nest");
    ImGui::PushID(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    g_card_pad = ImGui::GetFontSize() * 0.9f;
    g_card_start = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(0, g_card_pad * 0.5f));
    ImGui::Indent(g_card_pad);
    return true;
}

void card_end() {
    ImGui::Unindent(g_card_pad);
    ImGui::Dummy(ImVec2(0, g_card_pad * 0.3f));
    ImGui::EndGroup();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSetCurrent(0);
    ImVec2 a = g_card_start;
    ImVec2 b(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x, ImGui::GetItemRectMax().y);
    float r = ImGui::GetStyle().ChildRounding;
    dl->AddRectFilled(a, b,
                      ImGui::GetColorU32(ImGui::GetStyleColorVec4(ImGuiCol_ChildBg).w < 0.01f
                                             ? palette().card
                                             : ImGui::GetStyleColorVec4(ImGuiCol_ChildBg)),
                      r);
    dl->AddRect(a, b, ImGui::GetColorU32(palette().card_border), r);
    dl->ChannelsMerge();
    g_card_pad = 0.0f;
    ImGui::PopID();
    ImGui::Spacing();
}

float wrap_x() {
    // A wrap position pushed by the caller (a reading column, a card) wins; in a table cell 0 means
    // "the cell's edge"; elsewhere stop at the card's padding.
    float pushed = ImGui::GetCurrentWindow()->DC.TextWrapPos;
    if (pushed > 0.0f && !ImGui::GetCurrentTable()) return pushed;
    if (ImGui::GetCurrentTable() || g_card_pad == 0.0f) return 0.0f;
    return ImGui::GetWindowContentRegionMax().x - g_card_pad;
}
float table_width() { return -g_card_pad; }

float em() { return ImGui::GetFontSize(); }
float text_width(std::string_view text) {
    return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
}
float popup_content_width(float ems) {
    const float room = ImGui::GetMainViewport()->WorkSize.x - 20.0f - ImGui::GetStyle().WindowPadding.x * 2.0f;
    return std::max(std::min(em() * ems, room), em() * 8.0f);
}
void scroll_end_clearance() { ImGui::Dummy(ImVec2(0, em() * 3.5f)); }

bool narrow() { return ImGui::GetContentRegionAvail().x - g_card_pad < ImGui::GetFontSize() * 34.0f; }

bool toggle_button(const char* label, bool on, const ImVec2& size) {
    const Palette& p = palette();
    if (on) {
        ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.accent);
        ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
    }
    const bool pressed = ImGui::Button(label, size);
    if (on) {
        ImGui::PopStyleColor(3);
        // Not by colour alone: the chosen one also has a ring inside its edge, in its text colour.
        const float inset = std::max(2.0f, ImGui::GetFontSize() * 0.12f);
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddRect(ImVec2(a.x + inset, a.y + inset), ImVec2(b.x - inset, b.y - inset),
                                            ImGui::GetColorU32(p.accent_text), ImGui::GetStyle().FrameRounding,
                                            0, std::max(1.5f, ImGui::GetFontSize() * 0.09f));
    }
    return pressed;
}

bool primary_button(const char* label, const ImVec2& size) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.accent);
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
    bool r = ImGui::Button(label, size);
    ImGui::PopStyleColor(4);
    return r;
}

bool link_button(const char* label) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImGuiID id = window->GetID(label);
    const char* end = ImGui::FindRenderedTextEnd(label);
    const ImVec2 pos = window->DC.CursorPos;
    const float wrap = std::max(width_to_edge(pos.x) - style.FramePadding.x * 2.0f, ImGui::GetFontSize() * 4.0f);
    const ImVec2 text = ImGui::CalcTextSize(label, end, false, wrap);
    const ImVec2 size(text.x + style.FramePadding.x * 2.0f, text.y + style.FramePadding.y * 2.0f);
    const ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    ImGui::ItemSize(size, style.FramePadding.y);
    if (!ImGui::ItemAdd(bb, id)) return false;
    bool hovered = false, held = false;
    const bool pressed = ImGui::ButtonBehavior(bb, id, &hovered, &held);
    if (hovered || held)
        window->DrawList->AddRectFilled(bb.Min, bb.Max, ImGui::GetColorU32(held ? ImGuiCol_ButtonActive : ImGuiCol_ButtonHovered),
                                        style.FrameRounding);
    ImGui::RenderNavHighlight(bb, id);
    window->DrawList->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                              ImVec2(pos.x + style.FramePadding.x, pos.y + style.FramePadding.y),
                              ImGui::ColorConvertFloat4ToU32(palette().accent), label, end, wrap);
    return pressed;
}

bool wrapped_selectable(const char* text, bool selected, float reserve_right) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float w = width_to_edge(pos.x);
    const float text_w = std::max(w - reserve_right - 4.0f, em() * 4.0f);
    const ImVec2 ts = ImGui::CalcTextSize(text, nullptr, false, text_w);
    const bool pressed = ImGui::Selectable("##sel", selected, 0, ImVec2(w, ts.y + 6));
    ImGui::GetWindowDrawList()->AddText(nullptr, 0.0f, ImVec2(pos.x + 4, pos.y + 3), ImGui::GetColorU32(ImGuiCol_Text),
                                        text, nullptr, text_w);
    return pressed;
}

void same_line_if_fits(const char* next_button_label) {
    const ImGuiStyle& style = ImGui::GetStyle();
    // Where SameLine() would put it: after the window's previous line (not the last item, which
    // may sit in a popup drawn in between).
    const float x = ImGui::GetCurrentWindow()->DC.CursorPosPrevLine.x + style.ItemSpacing.x;
    const float w = ImGui::CalcTextSize(next_button_label, nullptr, true).x + style.FramePadding.x * 2.0f;
    if (w <= width_to_edge(x)) ImGui::SameLine();
}

void tid_begin_frame(bool enabled) {
    g_tid_enabled = enabled;
    g_tid_rects.clear();
}

void tid(const std::string& name) {
    if (!g_tid_enabled) return;
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    // Only items actually visible in their window's clip rect are clickable.
    ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
    if (b.y <= clip.Min.y || a.y >= clip.Max.y) return;
    g_tid_rects[name] = ImVec4(a.x, std::max(a.y, clip.Min.y), b.x - a.x,
                               std::min(b.y, clip.Max.y) - std::max(a.y, clip.Min.y));
}

std::string tid_dump_json(float scale) {
    std::string out = "{";
    char buf[128];
    bool first = true;
    for (const auto& [name, r] : g_tid_rects) {
        if (!first) out += ',';
        first = false;
        out += '"';
        for (char ch : name) {
            if (ch == '"' || ch == '\\') out += '\\';
            out += ch;
        }
        std::snprintf(buf, sizeof buf, "\":[%.1f,%.1f,%.1f,%.1f]", r.x / scale, r.y / scale, r.z / scale,
                      r.w / scale);
        out += buf;
    }
    out += '}';
    return out;
}

bool step_slider(const char* id, int& position, int steps, const char* text) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems || steps < 1) return false;
    ImGuiContext& g = *GImGui;
    const ImGuiStyle& style = g.Style;
    const ImGuiID gid = window->GetID(id);
    const ImVec2 at = window->DC.CursorPos;
    const ImRect frame(
        at, ImVec2(at.x + ImGui::CalcItemWidth(), at.y + g.FontSize + style.FramePadding.y * 2.0f));
    ImGui::ItemSize(frame, style.FramePadding.y);
    if (!ImGui::ItemAdd(frame, gid)) return false;

    const bool hovered = ImGui::ItemHoverable(frame, gid);
    if ((hovered && g.IO.MouseClicked[0]) || g.NavActivateId == gid) {
        ImGui::SetActiveID(gid, window);
        ImGui::SetFocusID(gid, window);
        ImGui::FocusWindow(window);
        g.ActiveIdUsingNavDirMask |= (1 << ImGuiDir_Left) | (1 << ImGuiDir_Right);  // the arrows are ours
    }

    // One step per grab width, as ImGui's integer sliders draw it.
    constexpr float kPad = 2.0f;
    const float track = frame.GetWidth() - kPad * 2.0f;
    const float grab = ImMin(ImMax(track / static_cast<float>(steps + 1), style.GrabMinSize), track);
    const float first = frame.Min.x + kPad + grab * 0.5f;
    const float span = track - grab;
    int now = ImClamp(position, 0, steps);
    if (g.ActiveId == gid) {
        if (g.ActiveIdSource == ImGuiInputSource_Mouse) {
            if (!g.IO.MouseDown[0]) {
                ImGui::ClearActiveID();
            } else {
                const float t = span > 0.0f ? ImSaturate((g.IO.MousePos.x - first) / span) : 0.0f;
                now = static_cast<int>(t * static_cast<float>(steps) + 0.5f);
            }
        } else if (g.NavActivatePressedId == gid && !g.ActiveIdIsJustActivated) {
            ImGui::ClearActiveID();  // Space or Enter again: let go
        } else {
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) now = ImMax(now - 1, 0);
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) now = ImMin(now + 1, steps);
        }
    }
    const bool changed = now != position;
    position = now;
    if (changed) ImGui::MarkItemEdited(gid);

    const bool active = g.ActiveId == gid;
    ImGui::RenderNavHighlight(frame, gid);
    ImGui::RenderFrame(frame.Min, frame.Max,
                       ImGui::GetColorU32(active    ? ImGuiCol_FrameBgActive
                                          : hovered ? ImGuiCol_FrameBgHovered
                                                    : ImGuiCol_FrameBg),
                       true, style.FrameRounding);
    // The value, centred: where the grab lies under it, in the colour of text on the accent (the
    // grab's colour in every theme), so that it stays readable over the grab.
    ImRect grab_rect(frame.Min, frame.Min);
    if (span >= 0.0f && track >= 1.0f) {
        const float x = first + span * static_cast<float>(now) / static_cast<float>(steps);
        grab_rect = ImRect(x - grab * 0.5f, frame.Min.y + kPad, x + grab * 0.5f, frame.Max.y - kPad);
        window->DrawList->AddRectFilled(
            grab_rect.Min, grab_rect.Max,
            ImGui::GetColorU32(active ? ImGuiCol_SliderGrabActive : ImGuiCol_SliderGrab), style.GrabRounding);
    }
    const ImVec2 centre(0.5f, 0.5f);
    const ImRect left(frame.Min, ImVec2(ImMax(frame.Min.x, grab_rect.Min.x), frame.Max.y));
    const ImRect right(ImVec2(ImMin(frame.Max.x, grab_rect.Max.x), frame.Min.y), frame.Max);
    ImGui::RenderTextClipped(frame.Min, frame.Max, text, nullptr, nullptr, centre, &left);
    ImGui::RenderTextClipped(frame.Min, frame.Max, text, nullptr, nullptr, centre, &right);
    if (grab_rect.GetWidth() > 0.0f) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().accent_text);
        ImGui::RenderTextClipped(frame.Min, frame.Max, text, nullptr, nullptr, centre, &grab_rect);
        ImGui::PopStyleColor();
    }
    return changed;
}

}  // namespace ui
