// compile_course — the build step that turns the content JSON into the course pack the web app
// reads (core/course_pack.h). Run by tools/embed.py --course-compiler:
//
//   compile_course OUT NAME=PATH [NAME=PATH ...]
//
// NAME is the name the file is known by ("content/unit1.json"): it is part of the course version and
// of every message. The files are checked with load_course; any error stops the build with every
// message, so a broken unit never reaches a learner. Nothing is written unless all is well.
#include <cstdio>
#include <string>
#include <vector>

#include "core/content.h"
#include "core/course_pack.h"

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: compile_course OUT NAME=PATH [NAME=PATH ...]\n");
        return 2;
    }
    std::vector<crb::SourceFile> files;
    for (int i = 2; i < argc; ++i) {
        const std::string spec = argv[i];
        const size_t eq = spec.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
            std::fprintf(stderr, "compile_course: expected NAME=PATH, got \"%s\"\n", spec.c_str());
            return 2;
        }
        crb::SourceFile f{spec.substr(0, eq), {}};
        if (!crb::read_file(spec.substr(eq + 1), f.text)) {
            std::fprintf(stderr, "compile_course: cannot read %s\n", spec.substr(eq + 1).c_str());
            return 1;
        }
        files.push_back(std::move(f));
    }
    const crb::LoadResult r = crb::load_course(files);
    if (!r.ok()) {
        std::fprintf(stderr, "compile_course: the content has %zu error(s):\n", r.errors.size());
        for (const auto& e : r.errors) std::fprintf(stderr, "  %s\n", e.c_str());
        return 1;
    }
    std::string pack;
    if (!crb::write_course_pack(r.course, pack)) {
        std::fprintf(stderr, "compile_course: a text contains a NUL byte, which a course pack cannot hold\n");
        return 1;
    }
    std::FILE* out = std::fopen(argv[1], "wb");
    if (!out || std::fwrite(pack.data(), 1, pack.size(), out) != pack.size() || std::fclose(out) != 0) {
        std::fprintf(stderr, "compile_course: cannot write %s\n", argv[1]);
        return 1;
    }
    return 0;
}
