// Files compiled into the web app at build time (tools/embed.py, driven by CMakeLists.txt):
// the subset UI fonts ("fonts/regular.ttf", "fonts/bold.ttf", "fonts/symbols.ttf"), the UI strings,
// minified and named by their repository path ("content/i18n/pl.json"), and the course pack the build
// compiled from the unit files ("content/course.bin", core/course_pack.h).
// JSON entries are NUL-terminated (not counted in `size`), so `(const char*)data` is a C string.
// The app's files are stored as one LZMA stream (embed.py --pack) and unpacked on the first call.
#pragma once

struct EmbeddedFile {
    const char* name;
    const unsigned char* data;
    unsigned size;
};

// All files (*count of them); none if the packed files could not be unpacked (a broken build).
const EmbeddedFile* embedded_files(unsigned* count);

// The entry called `name`, or nullptr.
const EmbeddedFile* find_embedded_file(const char* name);
