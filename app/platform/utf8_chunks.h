// Splitting UTF-8 text into pieces of at most `max_bytes` bytes without cutting a character.
// SDL_TEXTINPUT events carry at most 31 bytes of text, and text from the browser's text agent
// (an IME commit, a paste) can be longer. Header-only so that it is unit-tested natively.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace platform {

inline std::vector<std::string_view> utf8_chunks(std::string_view text, std::size_t max_bytes) {
    std::vector<std::string_view> out;
    if (max_bytes < 4) max_bytes = 4;  // room for the longest UTF-8 sequence
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = start + max_bytes;
        if (end >= text.size()) {
            end = text.size();
        } else {
            // Step back over continuation bytes (10xxxxxx) so `end` is a character boundary.
            while (end > start && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
            if (end == start) end = start + max_bytes;  // malformed input: cut anywhere
        }
        out.push_back(text.substr(start, end - start));
        start = end;
    }
    return out;
}

}  // namespace platform
