// Every character of the shipped content and UI strings must be drawable by the app's fonts;
// anything else would be drawn as a box or '?' on the canvas.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "app/platform/glyph_ranges.h"

namespace {

// Decodes UTF-8; returns false on malformed input.
bool each_code_point(const std::string& s, std::string& bad) {
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        uint32_t cp = 0;
        int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        if (!glyphs::drawable(cp) && cp != '\r') {
            size_t from = i > 30 ? i - 30 : 0;
            char hex[16];
            std::snprintf(hex, sizeof hex, "U+%04X", cp);
            bad += std::string(hex) + " near \"" + s.substr(from, 40) + "\"\n";
        }
        i += len;
    }
    return true;
}

}  // namespace

TEST_CASE("every character of content and UI strings is in the font's glyph ranges") {
    namespace fs = std::filesystem;
    fs::path root = fs::path(__FILE__).parent_path().parent_path().parent_path() / "content";
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        std::string bad;
        INFO(entry.path().string());
        CHECK(each_code_point(ss.str(), bad));
        CHECK_MESSAGE(bad.empty(), bad);
        ++files;
    }
    CHECK(files >= 6);  // four units and two string files
}

TEST_CASE("glyph ranges: Polish letters and symbols the UI draws are covered, others are not") {
    for (uint32_t c : {0x0105u, 0x0107u, 0x0119u, 0x0142u, 0x0144u, 0x00F3u, 0x015Bu, 0x017Au, 0x017Cu, 0x0104u,
                       0x20ACu, 0x2014u, 0x201Eu, 0x2192u, 0x2713u, 0x25BEu})
        CHECK(glyphs::drawable(c));
    CHECK_FALSE(glyphs::drawable(0x1F600u));  // emoji: not in the subset
    CHECK_FALSE(glyphs::drawable(0x0410u));   // Cyrillic A
}
