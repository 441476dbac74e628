// Fitting text into a width (app/ui/text_fit.h): the page title's font choice and the phone
// navigation's shortened drop-down label.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "ui/text_fit.h"

namespace {
// One unit per character (a UTF-8 sequence counts once), like a monospaced font.
float chars(std::string_view s) {
    float n = 0;
    for (const char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) n += 1;
    return n;
}
}  // namespace

TEST_CASE("text fit: the widest word") {
    CHECK(ui::widest_word("Mapa wpływu i zainteresowania Twoich klientów", chars) == 15);  // zainteresowania
    CHECK(ui::widest_word("  two  spaces ", chars) == 6);
    CHECK(ui::widest_word("", chars) == 0);
    CHECK(ui::widest_word("Ścieżka", chars) == 7);
}

TEST_CASE("text fit: a label that fits stays whole; a longer one ends with an ellipsis inside the width") {
    CHECK(ui::ellipsize("Przegląd", 8, chars) == "Przegląd");
    CHECK(ui::ellipsize("Mapa wpływu i zainteresowania", 12, chars) == "Mapa wpływu\xE2\x80\xA6");
    // Cut after a whole Polish letter, never inside its two bytes.
    CHECK(ui::ellipsize("Zażółć gęślą", 5, chars) == "Zażó\xE2\x80\xA6");
    CHECK(chars(ui::ellipsize("Zażółć gęślą jaźń", 9, chars)) <= 9);
    // Spaces before the ellipsis are dropped; nothing fits -> the ellipsis alone.
    CHECK(ui::ellipsize("abc defgh", 5, chars) == "abc\xE2\x80\xA6");
    CHECK(ui::ellipsize("abcdef", 1, chars) == "\xE2\x80\xA6");
    CHECK(ui::ellipsize("abcdef", 0, chars) == "\xE2\x80\xA6");
}
