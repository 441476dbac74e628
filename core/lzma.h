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

// Decodes exactly `out_size` bytes from the raw LZMA1 stream `in` into `out`. An end-of-stream marker
// is accepted only where it ends the data exactly (after `out_size` bytes it is not read at all).
// False when the properties are out of range, the stream is damaged or ends early.
bool lzma_decode(const std::uint8_t* in, std::size_t in_size, LzmaProps props, std::uint8_t* out,
                 std::size_t out_size);

}  // namespace crb
