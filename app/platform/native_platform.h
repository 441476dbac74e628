// The native (desktop, no browser) platform layer: app/platform/native_*.cpp implement platform.h
// without SDL, GL or Emscripten, for the native frame benchmark (bench/frame_bench.cpp) and any
// future native shell. What a desktop has no counterpart for is an honest no-op: no speech, no host
// page, no accessible HTML mirror, no file picker or printing; nothing is made up.
//
// The web build never compiles these files (CMakeLists.txt filters "native_" out of its glob), and
// they never include SDL, GL or Emscripten headers. platform::run() is not implemented natively: the
// caller owns the loop (NewFrame, ui, Render) and uses the extras below.
#pragma once

#include <string>

#include "core/store.h"

namespace platform::native {

// Storage: in memory by default (lost at exit, so storage_available() says false, as the browser
// does in private mode). Hand in a lasting store (e.g. crb::FileKeyValue on a folder) with
// persistent = true; the object must outlive every use. nullptr goes back to memory.
void set_storage(crb::KeyValue* kv, bool persistent);

// Fonts: the subset faces compiled in by tools/embed.py, built like the web does (sizes in logical
// pixels, atlas at size x scale x dpr). Call before NewFrame() whenever fonts_stale(dpr).
bool fonts_stale(float dpr);
void build_fonts(float dpr);

// The "address bar": queues a change that take_hash_changed() hands to the UI, like hashchange.
void navigate(const std::string& hash);

// Frames the UI asked for (request_frames / keep_animating) since the last call; the native loop
// decides what to do with them.
int take_frames_requested();
bool animating();

// Where download() writes files; empty (the default) drops them, there being no browser to hand them to.
void set_download_dir(const std::string& dir);

}  // namespace platform::native
