// fuzz_content — libFuzzer target: any bytes as a unit file (content/unitN.json) for load_course, and
// for a course that loads, the book, narration, initial answers and a saved workbook. See
// fuzz_entry.h for the properties checked; `./dev fuzz [SECONDS]` runs it, seeded with content/.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "tools/fuzz/fuzz_entry.h"

namespace {
const crb_fuzz::Shipped* g_shipped = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    static const crb_fuzz::Shipped shipped = crb_fuzz::load_shipped(CRB_FUZZ_SOURCE_DIR);
    if (!shipped.errors.empty()) {
        std::fprintf(stderr, "fuzz_content: cannot load the shipped strings from %s\n", CRB_FUZZ_SOURCE_DIR);
        std::abort();
    }
    g_shipped = &shipped;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string problem =
        crb_fuzz::content_input(*g_shipped, std::string_view(reinterpret_cast<const char*>(data), size));
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz_content: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
