// The course pack (core/course_pack.h): what the build writes from the content JSON is read back by
// the app as the very same course, and a damaged pack is refused with a message, never half-read.
#include <doctest/doctest.h>

#include <limits>
#include <string>

#include "core/content.h"
#include "core/course_pack.h"
#include "tests/unit/test_support.h"

using namespace crb;

namespace {
std::string pack_of(const Course& c) {
    std::string pack;
    REQUIRE(write_course_pack(c, pack));
    return pack;
}
}  // namespace

TEST_CASE("course pack: the repository's course reads back equal, field by field") {
    const Course& original = crb_test::shipped_course();
    REQUIRE(original.units.size() == 4);
    const std::string pack = pack_of(original);
    Course back;
    std::string error;
    REQUIRE(read_course_pack(pack, back, error));
    CHECK(error.empty());
    CHECK(back == original);
    CHECK(back.version == original.version);
    // Every kind of exercise went through the pack (the test would miss a kind's fields otherwise).
    std::vector<bool> kinds(std::variant_size_v<ExerciseSpec>, false);
    for (const Unit& u : back.units)
        for (const Exercise& e : u.exercises) kinds[e.spec.index()] = true;
    for (size_t k = 0; k < kinds.size(); ++k) CHECK_MESSAGE(kinds[k], kind_name(static_cast<Kind>(k)));
}

TEST_CASE("course pack: a changed field makes the courses differ (the comparison sees every field)") {
    Course changed = crb_test::shipped_course();
    auto& quiz = std::get<Quiz>(changed.units[0].exercises.back().spec);
    quiz.questions[0].options[0].feedback.pl += "!";
    Course back;
    std::string error;
    REQUIRE(read_course_pack(pack_of(changed), back, error));
    CHECK(back == changed);
    CHECK_FALSE(back == crb_test::shipped_course());
}

TEST_CASE("course pack: the Polish texts follow the main part, one after the other, in course order") {
    const Course& c = crb_test::shipped_course();
    const std::string pack = pack_of(c);
    // "CRBC", the format (one byte while it is below 128), then the main part's length.
    REQUIRE(pack.size() > 6);
    CHECK(static_cast<unsigned char>(pack[4]) == kCoursePackFormat);
    size_t at = 5, main_size = 0;
    for (int shift = 0; at < pack.size(); shift += 7) {
        const auto b = static_cast<unsigned char>(pack[at++]);
        main_size |= static_cast<size_t>(b & 0x7F) << shift;
        if (!(b & 0x80)) break;
    }
    REQUIRE(at + main_size < pack.size());
    const std::string main_part = pack.substr(at, main_size);
    const std::string polish = pack.substr(at + main_size);
    // The first Texts of the course are unit I's title and description.
    const std::string first_two = c.units[0].title.pl + '\0' + c.units[0].description.pl + '\0';
    CHECK(polish.rfind(first_two, 0) == 0);
    CHECK(main_part.find(c.units[0].title.en + '\0') != std::string::npos);
    CHECK(main_part.find(c.units[0].title.pl) == std::string::npos);
    // A main part said to be longer than the pack is refused, as is a missing last Polish text.
    Course out;
    std::string error;
    std::string longer = pack.substr(0, 5);
    for (size_t n = pack.size(); n >= 0x80; n >>= 7) longer += static_cast<char>((n & 0x7F) | 0x80);
    longer += static_cast<char>(pack.size() >> (7 * (longer.size() - 5)));
    longer += pack.substr(at);
    CHECK_FALSE(read_course_pack(longer, out, error));
    CHECK(error == "the course pack is cut short");
    CHECK(out.units.empty());
    CHECK_FALSE(read_course_pack(pack.substr(0, pack.size() - 1), out, error));
    CHECK(error == "the course pack is cut short");
    CHECK(out.units.empty());
}

TEST_CASE("course pack: the fixture course with numbers, negatives and bands reads back equal") {
    const Course& c = crb_test::course();
    Course back;
    std::string error;
    REQUIRE(read_course_pack(pack_of(c), back, error));
    CHECK(back == c);
}

TEST_CASE("course pack: damaged packs are refused with a message and leave nothing behind") {
    const std::string pack = pack_of(crb_test::shipped_course());
    Course out;
    std::string error;

    CHECK_FALSE(read_course_pack("", out, error));
    CHECK(error == "not a course pack");
    CHECK_FALSE(read_course_pack("{\"id\":\"unit1\"}", out, error));
    CHECK(error == "not a course pack");

    std::string other_format = pack;
    other_format[4] = static_cast<char>(kCoursePackFormat + 1);
    CHECK_FALSE(read_course_pack(other_format, out, error));
    CHECK(error.find("format " + std::to_string(kCoursePackFormat + 1)) != std::string::npos);

    // Cut short anywhere: always refused, never a crash (sampled every 97 bytes, plus the last one).
    for (size_t n = 5; n < pack.size(); n += 97) {
        error.clear();
        CHECK_FALSE(read_course_pack(std::string_view(pack).substr(0, n), out, error));
        CHECK_FALSE(error.empty());
        CHECK(out.units.empty());
    }
    CHECK_FALSE(read_course_pack(std::string_view(pack).substr(0, pack.size() - 1), out, error));

    CHECK_FALSE(read_course_pack(pack + "x", out, error));
    CHECK(error == "the course pack has bytes left over at its end");
    CHECK(out.units.empty());

    // Every single byte changed in turn (first 4 KB): refused or read, but never a crash or a hang.
    for (size_t i = 0; i < pack.size() && i < 4096; ++i) {
        std::string damaged = pack;
        damaged[i] = static_cast<char>(damaged[i] ^ 0xFF);
        Course c;
        std::string e;
        if (!read_course_pack(damaged, c, e)) CHECK(c.units.empty());
    }
}

TEST_CASE("course pack: a text with a NUL byte is not written (strings end at NUL in the pack)") {
    Course c = crb_test::shipped_course();
    c.units[1].sections[0].heading.pl += std::string(1, '\0') + "x";
    std::string pack = "unchanged";
    CHECK_FALSE(write_course_pack(c, pack));
    CHECK(pack == "unchanged");
}

TEST_CASE("course pack: a number that is not finite is refused (found by fuzz_course_pack)") {
    Course c = crb_test::shipped_course();
    Exercise* ex = nullptr;
    for (Unit& u : c.units)
        for (Exercise& e : u.exercises)
            if (auto* w = std::get_if<WeightedRating>(&e.spec); w && !w->bands.empty()) ex = &e;
    REQUIRE(ex);
    std::get<WeightedRating>(ex->spec).bands[0].max = std::numeric_limits<double>::quiet_NaN();
    Course back;
    std::string error;
    CHECK_FALSE(read_course_pack(pack_of(c), back, error));
    CHECK(error == "the course pack has a number that is not finite");
    std::get<WeightedRating>(ex->spec).bands[0].max = std::numeric_limits<double>::infinity();
    CHECK_FALSE(read_course_pack(pack_of(c), back, error));
    CHECK(back.units.empty());
}

TEST_CASE("course pack: an exercise whose kind does not match its data is refused") {
    Course c = crb_test::shipped_course();
    c.units[0].exercises[0].kind = Kind::roi;  // its data stays a quadrant map
    Course back;
    std::string error;
    CHECK_FALSE(read_course_pack(pack_of(c), back, error));
    CHECK(error == "the course pack has an exercise whose kind does not match its data");
    CHECK(back.units.empty());
}

#ifdef CRB_COMPILE_COURSE
// The build step itself (tools/compile_course/main.cpp), run as the web build runs it.
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace {
namespace fs = std::filesystem;

struct CompileRun {
    int status = -1;
    std::string messages;  // what it printed on stderr
};

CompileRun compile_course(const fs::path& out, const std::vector<std::string>& specs, const fs::path& dir) {
    std::string command = std::string("\"") + CRB_COMPILE_COURSE + "\" \"" + out.string() + "\"";
    for (const auto& s : specs) command += " \"" + s + "\"";
    const fs::path err = dir / "stderr.txt";
    command += " 2>\"" + err.string() + "\"";
    CompileRun r;
    r.status = std::system(command.c_str());
    r.messages = crb_test::read(err.string());
    return r;
}
}  // namespace

TEST_CASE("compile_course: valid units become a pack; an invalid unit stops the build with its message") {
    const fs::path dir = fs::temp_directory_path() / ("crb_compile_course_" + std::to_string(std::rand()));
    fs::create_directories(dir);
    const std::string unit = crb_test::fixture("course/unit1.json");

    const CompileRun ok = compile_course(dir / "course.bin", {"content/unit1.json=" + unit}, dir);
    CHECK(ok.status == 0);
    CHECK(ok.messages.empty());
    Course back;
    std::string error;
    REQUIRE(read_course_pack(crb_test::read((dir / "course.bin").string()), back, error));
    CHECK(back == load_course({SourceFile{"content/unit1.json", crb_test::read(unit)}}).course);

    std::string broken = crb_test::read(unit);
    const size_t at = broken.find("\"number\"");
    REQUIRE(at != std::string::npos);
    broken.replace(at, 8, "\"numbr\"");
    std::ofstream(dir / "broken.json") << broken;
    const CompileRun bad =
        compile_course(dir / "broken.bin", {"content/unit1.json=" + (dir / "broken.json").string()}, dir);
    CHECK(bad.status != 0);
    CHECK(bad.messages.find("content/unit1.json: /numbr: unknown field") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "broken.bin"));

    const CompileRun usage = compile_course(dir / "x.bin", {"no-equals-sign"}, dir);
    CHECK(usage.status != 0);
    CHECK(usage.messages.find("expected NAME=PATH") != std::string::npos);
    fs::remove_all(dir);
}
#endif
