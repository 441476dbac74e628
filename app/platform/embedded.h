// Files compiled into the web app at build time (tools/embed.py, driven by CMakeLists.txt):
// the subset UI fonts ("fonts/regular.ttf", "fonts/bold.ttf") and every content JSON file, minified,
// named by its repository path ("content/unit1.json", "content/i18n/pl.json").
// JSON entries are NUL-terminated (not counted in `size`), so `(const char*)data` is a C string.
#pragma once

struct EmbeddedFile {
    const char* name;
    const unsigned char* data;
    unsigned size;
};

extern const EmbeddedFile kEmbeddedFiles[];  // kEmbeddedFileCount entries (then a null sentinel)
extern const unsigned kEmbeddedFileCount;

// The entry called `name`, or nullptr.
const EmbeddedFile* find_embedded_file(const char* name);
