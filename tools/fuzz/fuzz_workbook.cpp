// fuzz_workbook — libFuzzer target: any bytes as an imported or stored workbook, against the shipped
// course (parse, validate, migrate, results, report, store). See fuzz_entry.h for the properties
// checked; `./dev fuzz [SECONDS]` runs it. CRB_FUZZ_SOURCE_DIR (set by CMake) is the repository.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "tools/fuzz/fuzz_entry.h"

namespace {
const crb_fuzz::Shipped* g_shipped = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    static const crb_fuzz::Shipped shipped = crb_fuzz::load_shipped(CRB_FUZZ_SOURCE_DIR);
    if (!shipped.errors.empty() || shipped.course.units.empty()) {
        std::fprintf(stderr, "fuzz_workbook: cannot load the shipped course from %s\n", CRB_FUZZ_SOURCE_DIR);
        std::abort();
    }
    g_shipped = &shipped;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string problem =
        crb_fuzz::workbook_input(*g_shipped, std::string_view(reinterpret_cast<const char*>(data), size));
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz_workbook: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
