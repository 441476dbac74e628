// LZMA decoding (core/lzma.cpp) and the packed embedded files (tools/embed.py --pack): the content the
// web app unpacks at start is byte for byte what the repository holds, and damaged streams are
// refused without reading or writing out of bounds (the ASan build runs these too).
#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/lzma.h"
#include "platform/embedded.h"
#include "tests/unit/test_support.h"

using crb::LzmaProps;
using crb::lzma_decode;

namespace {

std::vector<std::uint8_t> hex(const char* h) {
    std::vector<std::uint8_t> out;
    for (size_t i = 0; h[i] && h[i + 1]; i += 2) out.push_back(static_cast<std::uint8_t>(std::stoi(std::string(h + i, 2), nullptr, 16)));
    return out;
}

// Written by Python's lzma (FORMAT_RAW, FILTER_LZMA1, lc=3 lp=0 pb=2, with the end marker).
const char* const kPolishText = "Za\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87 g\xC4\x99\xC5\x9Bl\xC4\x85 ja\xC5\xBA\xC5\x84. "
                                "Za\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87 g\xC4\x99\xC5\x9Bl\xC4\x85 ja\xC5\xBA\xC5\x84! "
                                "abcabcabcabcabcabcabc";
const char* const kPolishPacked =
    "002d1854abc64bb3d50959d8c54a6a9ddb8280aa051333f8013663b05513f467605e70f6f27dca1b35be821e3fffd35d0000";

std::string decode_text(const std::vector<std::uint8_t>& packed, size_t size, bool* ok) {
    std::string out(size, '\0');
    *ok = lzma_decode(packed.data(), packed.size(), LzmaProps{}, reinterpret_cast<std::uint8_t*>(out.data()), size);
    return out;
}

}  // namespace

TEST_CASE("lzma: a stream written by Python's lzma decodes to the original text") {
    const std::string expected = kPolishText;
    REQUIRE(expected.size() == 77);
    bool ok = false;
    CHECK(decode_text(hex(kPolishPacked), expected.size(), &ok) == expected);
    CHECK(ok);

    // One byte, and nothing at all (only the end marker).
    CHECK(decode_text(hex("0030c1fbffffffe0000000"), 1, &ok) == "a");
    CHECK(ok);
    std::uint8_t none = 0;
    const auto empty = hex("0083fffbffffc0000000");
    CHECK(lzma_decode(empty.data(), empty.size(), LzmaProps{}, &none, 0));
}

TEST_CASE("lzma: asking for more bytes than the stream holds fails at its end marker") {
    bool ok = true;
    decode_text(hex(kPolishPacked), 78, &ok);
    CHECK_FALSE(ok);
    decode_text(hex("0083fffbffffc0000000"), 1, &ok);
    CHECK_FALSE(ok);
}

TEST_CASE("lzma: truncated and damaged streams are refused or stay in bounds") {
    const auto packed = hex(kPolishPacked);
    // Every truncation short of the data fails (the last bytes hold only the end marker).
    for (size_t cut = 0; cut + 8 < packed.size(); ++cut) {
        std::vector<std::uint8_t> shortened(packed.begin(), packed.begin() + static_cast<long>(cut));
        bool ok = true;
        decode_text(shortened, 77, &ok);
        CHECK_MESSAGE(!ok, "cut at " << cut);
    }
    // Every single-bit flip either fails or decodes to something of the asked size (never out of
    // bounds: the sanitizer build would report it).
    size_t refused = 0;
    for (size_t i = 0; i < packed.size(); ++i) {
        for (int b = 0; b < 8; ++b) {
            auto bad = packed;
            bad[i] ^= static_cast<std::uint8_t>(1u << b);
            bool ok = true;
            const std::string out = decode_text(bad, 77, &ok);
            CHECK(out.size() == 77);
            if (!ok) ++refused;
        }
    }
    CHECK(refused > 0);
    // A stream must start with a zero byte.
    auto first = packed;
    first[0] = 1;
    bool ok = true;
    decode_text(first, 77, &ok);
    CHECK_FALSE(ok);
}

TEST_CASE("lzma: properties outside the format are refused") {
    const auto packed = hex(kPolishPacked);
    std::vector<std::uint8_t> out(77);
    CHECK_FALSE(lzma_decode(packed.data(), packed.size(), LzmaProps{9, 0, 2}, out.data(), out.size()));
    CHECK_FALSE(lzma_decode(packed.data(), packed.size(), LzmaProps{3, 5, 2}, out.data(), out.size()));
    CHECK_FALSE(lzma_decode(packed.data(), packed.size(), LzmaProps{3, 0, 5}, out.data(), out.size()));
    CHECK_FALSE(lzma_decode(nullptr, 0, LzmaProps{}, out.data(), out.size()));
}

TEST_CASE("lzma: the packed content unpacks to exactly the repository's content files") {
    unsigned count = 0;
    const EmbeddedFile* files = embedded_files(&count);
    REQUIRE(count >= 6);  // four units and two string tables
    unsigned units = 0;
    for (unsigned i = 0; i < count; ++i) {
        const EmbeddedFile& f = files[i];
        CAPTURE(f.name);
        REQUIRE(f.data != nullptr);
        CHECK(f.data[f.size] == '\0');  // text entries stay C strings
        const std::string text(reinterpret_cast<const char*>(f.data), f.size);
        CHECK(std::strlen(text.c_str()) == f.size);
        const auto unpacked = nlohmann::json::parse(text, nullptr, false);
        REQUIRE_FALSE(unpacked.is_discarded());
        CHECK(unpacked == nlohmann::json::parse(crb_test::read(crb_test::source_dir() + "/" + f.name)));
        if (std::strncmp(f.name, "content/unit", 12) == 0) ++units;
    }
    CHECK(units == 4);
    CHECK(find_embedded_file("content/i18n/pl.json") != nullptr);
    CHECK(find_embedded_file("content/nothing.json") == nullptr);
}
