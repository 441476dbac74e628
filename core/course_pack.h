// course_pack.h — a validated Course in a compact binary form, the "course pack".
//
// The web app used to parse and validate the content JSON of all units at every start (the largest
// part of its start-up). Now the build does that once: tools/compile_course.cpp runs load_course on
// the content files and, only when they are valid, writes this pack, which tools/embed.py compiles
// into the app. The app reads it back (read_course_pack) into the same Course, so the JSON reader and
// its checks are not in the web build at all. The `crb` tool and the tests still read the JSON.
//
// Layout: "CRBC", the format number (varint), the length of the main part (varint), the main part,
// then the Polish texts. The main part is the Course field by field in the order of course_pack.cpp's
// fields() functions, with the English of every bilingual Text; the Polish of each Text follows in
// the same order after it, all together (one language after the other compresses better than the two
// interleaved: the build LZMA-packs the embedded files). Numbers are LEB128 varints (int zig-zag
// encoded), doubles 8 bytes little-endian, strings their bytes and a NUL (which packs tighter than a
// length in front), lists a varint count followed by their elements.
#pragma once

#include <string>
#include <string_view>

#include "core/content.h"

namespace crb {

// Bump when the layout changes: an app never reads a pack written for another layout.
constexpr unsigned kCoursePackFormat = 3;

// False (and `out` unchanged) when a text contains a NUL byte, which load_course never lets through
// (it refuses control characters).
bool write_course_pack(const Course& course, std::string& out);

// False with a message (and `out` left empty) when the bytes are not a complete pack of this
// format: wrong magic or format, cut short, a value out of range, or bytes left over.
bool read_course_pack(std::string_view bytes, Course& out, std::string& error);

}  // namespace crb
