// The text agent's splitting of browser text into SDL_TEXTINPUT-sized pieces (app/platform).
#include <doctest/doctest.h>

#include <string>

#include "app/platform/utf8_chunks.h"

using platform::utf8_chunks;

TEST_CASE("utf8_chunks: short text is one chunk, empty text none") {
    CHECK(utf8_chunks("", 31).empty());
    const auto one = utf8_chunks("łódź", 31);
    REQUIRE(one.size() == 1);
    CHECK(one[0] == "łódź");
}

TEST_CASE("utf8_chunks: never cuts a character and never exceeds the limit") {
    const std::string text = "Zażółć gęślą jaźń — 20 € " + std::string(40, 'x') + "ąęśćżźńół€—";
    for (std::size_t limit : {4u, 5u, 7u, 31u}) {
        std::string joined;
        for (auto chunk : utf8_chunks(text, limit)) {
            CHECK(chunk.size() <= limit);
            CHECK(!chunk.empty());
            // A chunk starts on a character: its first byte is not a continuation byte.
            CHECK((static_cast<unsigned char>(chunk[0]) & 0xC0) != 0x80);
            joined += chunk;
        }
        CHECK(joined == text);
    }
}
