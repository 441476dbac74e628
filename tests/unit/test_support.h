// test_support.h — paths and fixtures shared by the core tests.
//
// The repository root comes from $CRB_SOURCE_DIR when set, else from this file's location
// (tests/unit/test_support.h), so the tests find content/ however they are launched.
#pragma once

#include <cstdlib>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "core/content.h"
#include "core/workbook.h"

// Lists of messages print one per line when a CHECK fails.
namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& v) {
        std::string out = "{";
        for (const auto& s : v) out += "\n  \"" + s + "\"";
        out += v.empty() ? "}" : "\n}";
        return String(out.c_str());
    }
};
}  // namespace doctest

namespace crb_test {

inline std::string source_dir() {
    if (const char* env = std::getenv("CRB_SOURCE_DIR"); env && *env) return env;
    std::string here = __FILE__;  // .../tests/unit/test_support.h
    for (int i = 0; i < 3; ++i) {
        const auto slash = here.find_last_of("/\\");
        here = slash == std::string::npos ? "." : here.substr(0, slash);
    }
    return here.empty() ? "." : here;
}

inline std::string fixture(const std::string& name) { return source_dir() + "/tests/unit/fixtures/" + name; }

inline std::string read(const std::string& path) {
    std::string text;
    REQUIRE_MESSAGE(crb::read_file(path, text), "cannot read " << path);
    return text;
}

// The test course: tests/unit/fixtures/course/unit1.json, one exercise of every kind.
inline const crb::Course& course() {
    static const crb::Course c = [] {
        crb::LoadResult r = crb::load_course_dir(fixture("course"));
        for (const auto& e : r.errors) MESSAGE(e);
        REQUIRE(r.ok());
        return r.course;
    }();
    return c;
}

// The shipped course: content/unit*.json of the repository (test_content.cpp names any problems).
inline const crb::Course& shipped_course() {
    static const crb::Course c = [] {
        crb::LoadResult r = crb::load_course_dir(source_dir() + "/content");
        REQUIRE(r.ok());
        return r.course;
    }();
    return c;
}

inline crb::Workbook empty_workbook(const std::string& id = "wb-test0001") {
    crb::Workbook wb;
    wb.id = id;
    wb.name = "Test";
    return wb;
}

}  // namespace crb_test
