// fuzz_lzma — libFuzzer target: any bytes as properties, output size and raw LZMA1 stream for
// crb::lzma_decode (core/lzma.cpp), which unpacks the app's fonts and content at start. See
// fuzz_entry.h for the properties checked; `./dev fuzz [SECONDS]` runs it.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "tools/fuzz/fuzz_entry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string problem = crb_fuzz::lzma_input(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz_lzma: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
