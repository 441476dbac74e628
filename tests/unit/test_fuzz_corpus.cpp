// The fuzz seed corpus and every regression saved from `./dev fuzz` (tools/fuzz/corpus/<target>/),
// replayed in the normal test suite through the very entry functions the libFuzzer targets call
// (tools/fuzz/fuzz_entry.h): no crash, no sanitizer report in build/asan, and the properties listed
// there hold. The shipped unit files are content seeds too.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/unit/test_support.h"
#include "tools/fuzz/fuzz_entry.h"

namespace fs = std::filesystem;

namespace {

const crb_fuzz::Shipped& shipped() {
    static const crb_fuzz::Shipped s = [] {
        crb_fuzz::Shipped out = crb_fuzz::load_shipped(crb_test::source_dir());
        for (const auto& e : out.errors) MESSAGE(e);
        REQUIRE(out.errors.empty());
        REQUIRE(!out.course.units.empty());
        return out;
    }();
    return s;
}

std::vector<fs::path> files_in(const fs::path& dir, const std::string& ext = "") {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (!e.is_regular_file()) continue;
        const std::string name = e.path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        if (!ext.empty() && e.path().extension() != ext) continue;
        out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

fs::path corpus(const std::string& target) { return fs::path(crb_test::source_dir()) / "tools/fuzz/corpus" / target; }

}  // namespace

TEST_CASE("fuzz corpus: every workbook seed and regression is handled without breaking a property") {
    const auto files = files_in(corpus("workbook"));
    REQUIRE(files.size() >= 20);
    for (const auto& f : files) {
        const std::string text = crb_test::read(f.string());
        INFO(f.filename().string());
        CHECK(crb_fuzz::workbook_input(shipped(), text) == "");
        // Seeds named valid_* are real workbooks and must stay importable.
        if (f.filename().string().rfind("valid_", 0) == 0) {
            const crb::WorkbookParse p = crb::parse_workbook(text, shipped().course);
            CHECK_MESSAGE(p.workbook.has_value(), p.error());
        }
    }
}

TEST_CASE("fuzz corpus: every unit-file seed and regression, and the shipped units, are handled") {
    auto files = files_in(corpus("content"));
    REQUIRE(files.size() >= 10);
    for (const auto& f : files_in(fs::path(crb_test::source_dir()) / "content", ".json")) files.push_back(f);
    for (const auto& f : files) {
        const std::string text = crb_test::read(f.string());
        INFO(f.string());
        CHECK(crb_fuzz::content_input(shipped(), text) == "");
    }
}

TEST_CASE("fuzz corpus: the seeds named after a valid unit load, the hostile ones are refused") {
    const auto load = [](const std::string& name) {
        return crb::load_course({crb::SourceFile{"content/unit1.json", crb_test::read((corpus("content") / name).string())}});
    };
    CHECK(load("every_kind.json").ok());
    CHECK(load("minimal_nps.json").ok());
    for (const char* hostile : {"deep_nesting_10000.json", "deep_sections_nesting.json", "numbers_extreme.json",
                                "numbers_nan.json", "numbers_too_many_respondents.json", "control_and_blank_text.json",
                                "wrong_types.json", "unknown_kind_and_duplicates.json", "string_over_limit.json",
                                "invalid_utf8.json", "truncated.json", "not_an_object.json", "empty.json"}) {
        INFO(hostile);
        CHECK_FALSE(load(hostile).ok());
    }
}

TEST_CASE("fuzz corpus: every course pack seed and regression is handled; only the whole pack reads") {
    const auto files = files_in(corpus("course_pack"));
    REQUIRE(files.size() >= 5);
    for (const auto& f : files) {
        const std::string bytes = crb_test::read(f.string());
        const std::string name = f.filename().string();
        INFO(name);
        CHECK(crb_fuzz::course_pack_input(bytes) == "");
        crb::Course course;
        std::string error;
        const bool ok = crb::read_course_pack(bytes, course, error);
        CHECK(ok == (name == "fixture_course"));
        if (ok)  // made by compile_course from the fixture unit, as the web build makes the app's pack
            CHECK(course == crb::load_course({crb::SourceFile{"content/unit1.json",
                                                              crb_test::read(crb_test::fixture("course/unit1.json"))}})
                                .course);
    }
}

TEST_CASE("fuzz corpus: every LZMA seed and regression is handled; the well-formed seeds decode") {
    const auto files = files_in(corpus("lzma"));
    REQUIRE(files.size() >= 6);
    for (const auto& f : files) {
        const std::string bytes = crb_test::read(f.string());
        const std::string name = f.filename().string();
        INFO(name);
        CHECK(crb_fuzz::lzma_input(bytes) == "");
        REQUIRE(bytes.size() >= 3);
        const auto [props, size] = crb_fuzz::lzma_header(bytes);
        std::vector<std::uint8_t> out(size);
        const bool ok = crb::lzma_decode(reinterpret_cast<const std::uint8_t*>(bytes.data() + 3), bytes.size() - 3,
                                         props, out.data(), size);
        CHECK(ok == (name != "size_beyond_stream"));
    }
}
