// lzma.h — a small decoder for raw LZMA1 streams (the "LZMA" of 7-Zip and xz, without a container).
//
// The web app compiles its fonts and content into the wasm as one LZMA stream (tools/embed.py --pack,
// written with Python's lzma module): LZMA packs this text ~15 % smaller than the gzip the wasm is
// served with, and gzip cannot squeeze an LZMA stream further, so the download shrinks.
//
// The decoder is written for untrusted input: it never reads past `in` or writes past `out`, every
// distance is checked against what was already written, and a damaged stream returns false.
#pragma once

#include <cstddef>
#include <cstdint>

namespace crb {

struct LzmaProps {
    unsigned lc = 3;  // literal context bits (0..8)
    unsigned lp = 0;  // literal position bits (0..4)
    unsigned pb = 2;  // position bits (0..4)
};

// Decodes the first `out_size` bytes of the raw LZMA1 stream `in` into `out` (what follows them, such
// as an end-of-stream marker, is not read). False when the properties are out of range, or the stream
// is damaged or ends (or has its end marker) before `out_size` bytes.
bool lzma_decode(const std::uint8_t* in, std::size_t in_size, LzmaProps props, std::uint8_t* out,
                 std::size_t out_size);

}  // namespace crb
