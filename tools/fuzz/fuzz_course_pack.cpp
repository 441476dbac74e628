// fuzz_course_pack — libFuzzer target: any bytes as a course pack for crb::read_course_pack
// (core/course_pack.cpp), which the web app runs on its embedded course at start. See
// fuzz_entry.h for the properties checked; `./dev fuzz [SECONDS]` runs it.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "tools/fuzz/fuzz_entry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string problem =
        crb_fuzz::course_pack_input(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz_course_pack: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
