// class_fixture.h — the small two-unit course and the learners' workbooks under
// tests/unit/fixtures/class/, shared by the report and summary tests.
//
// learner_a answers almost everything, learner_b part of unit 1 and two exercises of unit 2,
// learner_c nothing but blank NPS rows; invalid_score.json and not_json.json must be rejected.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "core/content.h"
#include "core/i18n.h"
#include "core/workbook.h"
#include "tests/unit/test_support.h"

namespace class_fixture {

inline std::string path(const std::string& name) { return crb_test::fixture("class/" + name); }

inline const crb::Course& course() {
    static const crb::Course c = [] {
        crb::LoadResult r = crb::load_course_dir(path("course"));
        for (const auto& e : r.errors) MESSAGE(e);
        REQUIRE(r.ok());
        return r.course;
    }();
    return c;
}

// The shipped UI strings (content/i18n), which the report's labels come from.
inline const crb::Strings& strings() {
    static const crb::Strings s = [] {
        crb::Strings out;
        std::vector<std::string> errors;
        crb::load_strings_dir(crb_test::source_dir() + "/content", out, errors);
        for (const auto& e : errors) MESSAGE(e);
        REQUIRE(errors.empty());
        return out;
    }();
    return s;
}

inline crb::Workbook workbook(const std::string& file) {
    crb::WorkbookParse p = crb::parse_workbook(crb_test::read(path(file)), course());
    for (const auto& e : p.errors) MESSAGE(file << ": " << e);
    REQUIRE(p.workbook);
    return *p.workbook;
}

}  // namespace class_fixture
