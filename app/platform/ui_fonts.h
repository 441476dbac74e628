// The UI's font faces, shared by the web platform (web_fonts.cpp) and the native one
// (native_fonts.cpp) so that both build exactly the same atlas. No GPU work here: the caller
// builds the atlas and, on the web, uploads the texture.
#pragma once

#include "platform/platform.h"

namespace platform {

// Clears ImGui's font atlas and adds the four faces (regular 17 px, bold 17 px, heading 22 px,
// title 28 px bold) at their size x `px_scale`, each with the symbol face merged in; sets
// io.FontDefault to the regular face and io.FontGlobalScale to 1 / dpr. Does not Build(). A face
// whose font file is missing from the build is left null (the web stops with a message; native
// tools fall back to ImGui's built-in font): the web build never links that built-in font.
Fonts add_ui_fonts(float px_scale, float dpr);

// After the atlas is built: every face has its own glyph for every character of the glyph ranges
// (glyph_ranges.h), so none shows a box: false for a damaged build (a subset face without the
// regular face merged under it, a symbol missing).
bool draws_every_glyph(const Fonts& fonts);

}  // namespace platform
