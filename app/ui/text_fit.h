// text_fit.h — fitting a text into a width. Independent of Dear ImGui (the caller passes the
// measure: float(std::string_view)), so these rules are unit-tested natively (test_text_fit.cpp).
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace ui {

// The width of the widest word (a run without spaces): a line cannot be narrower than that without
// breaking the word.
template <class Measure>
float widest_word(std::string_view text, Measure measure) {
    float widest = 0.0f;
    for (size_t start = 0; start < text.size();) {
        size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start) widest = std::max(widest, measure(text.substr(start, end - start)));
        start = end + 1;
    }
    return widest;
}

// The text as it fits in `width` on one line: whole if it fits; otherwise cut after a whole character
// (never inside a UTF-8 sequence), trailing spaces dropped, and "…" added; "…" alone when no
// character fits.
template <class Measure>
std::string ellipsize(std::string_view text, float width, Measure measure) {
    if (measure(text) <= width) return std::string(text);
    constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
    size_t n = text.size();
    while (n > 0) {
        do --n;
        while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80);
        std::string cut(text.substr(0, n));
        while (!cut.empty() && cut.back() == ' ') cut.pop_back();
        if (cut.empty()) break;
        cut += kEllipsis;
        if (measure(cut) <= width) return cut;
    }
    return std::string(kEllipsis);
}

}  // namespace ui
