// Workbook: round trip, schema-1 migration, exact rejection messages for malformed input, orphaned
// answers kept, validated editing by pointer, and progress rules.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "core/workbook.h"
#include "tests/unit/test_support.h"

using namespace crb;
using nlohmann::json;
using crb_test::course;

namespace {

// A schema-2 workbook text with `answers`.
std::string wb_text(const json& answers, int schema = 2) {
    json j = {{"schema", schema}, {"id", "wb-abc"}, {"name", "Mine"}, {"created", "2024-01-01T00:00:00Z"},
              {"updated", "2024-01-02T00:00:00Z"}, {"content_version", "x"}, {"rev", 3}, {"answers", answers}};
    return j.dump();
}

std::vector<std::string> errors_of(const std::string& text) { return parse_workbook(text, course()).errors; }
std::vector<std::string> one(const std::string& e) { return {e}; }

}  // namespace

TEST_CASE("a workbook survives serialise -> parse unchanged") {
    Workbook wb = crb_test::empty_workbook("wb-round1");
    wb.name = "Piekarnia „Pod Gruszą” – שלום 👋";
    wb.created = "2024-05-01T10:00:00Z";
    wb.updated = "2024-05-02T08:30:00Z";
    wb.content_version = course().version;
    wb.rev = 7;
    REQUIRE(set_answer(wb, course(), "unit1/nps", {{"respondents", {{{"name", "Anna"}, {"score", 9}}, {{"name", "Ola"}, {"score", nullptr}}}}}).ok());
    REQUIRE(set_answer(wb, course(), "unit1/audit", {{"rows", {{"use", {{"rating", 4}, {"weight", 0.35}}}}}}).ok());
    REQUIRE(set_answer(wb, course(), "unit1/reflect", {{"entries", {{{"title", "Line 1\nLine 2\tTab"}, {"answers", {{"what", "Ceny 💸"}}}}}}}).ok());
    REQUIRE(set_answer(wb, course(), "unit1/roi", {{"cost", 1234.5}, {"benefit", 0}, {"years", 4}}).ok());

    const std::string text = serialize_workbook(wb);
    CHECK(json::parse(text)["schema"] == 2);
    const WorkbookParse p = parse_workbook(text, course());
    REQUIRE_MESSAGE(p.workbook, p.error());
    CHECK(p.schema == 2);
    CHECK_FALSE(p.migrated());
    CHECK(p.orphaned.empty());
    const Workbook& back = *p.workbook;
    CHECK(back.id == "wb-round1");
    CHECK(back.name == wb.name);
    CHECK(back.created == wb.created);
    CHECK(back.updated == wb.updated);
    CHECK(back.content_version == wb.content_version);
    CHECK(back.rev == 7);
    CHECK(back.answers == wb.answers);
    CHECK(serialize_workbook(back) == text);
    CHECK(answer_string(back, "unit1/reflect", "/entries/0/answers/what") == "Ceny 💸");
}

TEST_CASE("schema 1 migrates forward on load") {
    const WorkbookParse p = parse_workbook(crb_test::read(crb_test::fixture("workbook_schema1.json")), course());
    REQUIRE_MESSAGE(p.workbook, p.error());
    CHECK(p.schema == 1);
    CHECK(p.migrated());
    const Workbook& wb = *p.workbook;
    CHECK(wb.id == "wb-legacy01");
    CHECK(wb.name == "Bakery – first try");
    CHECK(wb.rev == 0);
    CHECK(answer_int(wb, "unit1/nps", "/respondents/0/score") == 9);
    CHECK(answer_number(wb, "unit1/audit", "/rows/use/weight") == doctest::Approx(0.5));
    CHECK(answer(wb, "unit1/quiz") != nullptr);
    // Content removed since: kept and reported, never dropped.
    REQUIRE(answer(wb, "unit7/gone"));
    CHECK((*answer(wb, "unit7/gone"))["anything"][0] == "kept");
    CHECK(p.orphaned == one("unit7/gone"));
    // Written back as schema 2, with the flat keys.
    const json out = json::parse(serialize_workbook(wb));
    CHECK(out["schema"] == 2);
    CHECK(out["rev"] == 0);
    CHECK(out["answers"].contains("unit1/nps"));
    CHECK(out["answers"].contains("unit7/gone"));
}

TEST_CASE("out-of-range and wrongly typed answers are rejected with their path") {
    json rs = json::array();
    for (int s : {1, 2, 3, 11}) rs.push_back({{"name", "r"}, {"score", s}});
    CHECK(errors_of(wb_text({{"unit1/nps", {{"respondents", rs}}}})) ==
          one("/answers/unit1/nps/respondents/3/score: expected an integer 0-10 or null"));
    CHECK(errors_of(wb_text({{"unit1/audit", {{"rows", {{"use", {{"rating", 4}, {"weight", 3}}}}}}}})) ==
          one("/answers/unit1/audit/rows/use/weight: expected a number 0.1-0.9 in steps of 0.05, or null"));
    CHECK(errors_of(wb_text({{"unit1/audit", {{"rows", {{"use", {{"weight", 0.33}}}}}}}})) ==
          one("/answers/unit1/audit/rows/use/weight: expected a number 0.1-0.9 in steps of 0.05, or null"));
    CHECK(errors_of(wb_text({{"unit1/forms", {{"rows", {{"guide", {{"time", "4"}}}}}}}})) ==
          one("/answers/unit1/forms/rows/guide/time: expected an integer 1-5 or null"));
    CHECK(errors_of(wb_text({{"unit1/nps", {{"respondents", {{{"name", "r"}, {"score", 3.5}}}}}}})) ==
          one("/answers/unit1/nps/respondents/0/score: expected an integer 0-10 or null"));
    CHECK(errors_of(wb_text({{"unit1/nps", {{"respondents", {{{"name", "r"}, {"score", true}}}}}}})) ==
          one("/answers/unit1/nps/respondents/0/score: expected an integer 0-10 or null"));
    CHECK(errors_of(R"({"schema":2,"id":"wb-abc","rev":0,"answers":{"unit1/roi":{"cost":1e308}}})") ==
          one("/answers/unit1/roi/cost: expected an amount 0-1000000000 or null"));
    // Beyond the range of a double: still the field's rule, with its path.
    CHECK(errors_of(R"({"schema":2,"id":"wb-abc","rev":0,"answers":{"unit1/roi":{"cost":1e309}}})") ==
          one("/answers/unit1/roi/cost: expected an amount 0-1000000000 or null"));
    CHECK(errors_of(R"({"schema":2,"id":"wb-abc","rev":0,"answers":{"unit1/nps":{"respondents":[{"score":-2E+999}]}}})") ==
          one("/answers/unit1/nps/respondents/0/score: expected an integer 0-10 or null"));
    {
        std::string many = R"({"schema":2,"id":"wb-abc","rev":0,"answers":{"unit9/x":{"v":[)";
        for (int i = 0; i < 17; ++i) many += (i ? "," : "") + std::string("1e400");
        many += "]}}}";
        CHECK(errors_of(many) == one("invalid JSON at line 1, column " + std::to_string(many.find("1e400]") + 5) +
                                     ": number overflow parsing '1e400'"));
    }
    CHECK(errors_of(wb_text({{"unit1/roi", {{"running", -1}}}})) ==
          one("/answers/unit1/roi/running: expected an amount 0-1000000000 or null"));
    CHECK(errors_of(wb_text({{"unit1/roi", {{"years", 11}}}})) ==
          one("/answers/unit1/roi/years: expected an integer 1-10 or null"));
    CHECK(errors_of(wb_text({{"unit1/channels", {{"rows", {{"social", {{"yes", "yes"}}}}}}}})) ==
          one("/answers/unit1/channels/rows/social/yes: expected true, false or null"));
    CHECK(errors_of(wb_text({{"unit1/nps", {{"respondents", {{{"nmae", "r"}}}}}}})) ==
          one("/answers/unit1/nps/respondents/0/nmae: unknown field"));
    CHECK(errors_of(wb_text({{"unit1/nps", {{"respondents", "many"}}}})) ==
          one("/answers/unit1/nps/respondents: expected an array"));
    CHECK(errors_of(wb_text({{"unit1/nps", json::array()}})) == one("/answers/unit1/nps: expected an object"));
    CHECK(errors_of(wb_text({{"unit1/quiz", {{"questions", {{"q1", {"a", "b"}}}}}}})) ==
          one("/answers/unit1/quiz/questions/q1: expected at most 1 entry"));
    CHECK(errors_of(wb_text({{"unit1/quiz", {{"questions", {{"q5", {"a", "a"}}}}}}})) ==
          one("/answers/unit1/quiz/questions/q5/1: duplicate option \"a\""));
    CHECK(errors_of(wb_text({{"unit1/risks", {{"risks", {{{"risk", "Fire"}, {"impact", 0}}}}}}})) ==
          one("/answers/unit1/risks/risks/0/impact: expected an integer 1-5 or null"));
    CHECK(errors_of(wb_text({{"nps", json::object()}})) == one("/answers/nps: expected an exercise key like \"unit2/nps\""));
    CHECK(errors_of(wb_text({{"unit1/blog", {{"rows", {{"Content", 3}}}}}})) ==
          one("/answers/unit1/blog/rows/Content: expected an id matching ^[a-z][a-z0-9_]{0,39}$"));
}

TEST_CASE("integral floats and negative zero are accepted where integers are expected") {
    const WorkbookParse p = parse_workbook(
        R"({"schema":2,"id":"wb-abc","rev":0,"answers":{"unit1/nps":{"respondents":[{"score":7.0},{"score":-0},{"score":-0.0}]},"unit1/roi":{"cost":-0.0}}})",
        course());
    REQUIRE_MESSAGE(p.workbook, p.error());
    const json& r = (*p.workbook->answers.find("unit1/nps"))["respondents"];
    CHECK(r[0]["score"].is_number_integer());
    CHECK(r[0]["score"] == 7);
    CHECK(r[1]["score"] == 0);
    CHECK(r[2]["score"].is_number_integer());
    CHECK(r[2]["score"] == 0);
    CHECK(serialize_workbook(*p.workbook).find("-0") == std::string::npos);
    // Negative zero is not allowed to sneak below a minimum of 1.
    CHECK(errors_of(wb_text({{"unit1/roi", {{"years", -0.0}}}})) == one("/answers/unit1/roi/years: expected an integer 1-10 or null"));
}

TEST_CASE("malformed input: size, depth, UTF-8, truncation, schema") {
    SUBCASE("larger than 5 MB, before parsing") {
        const std::string big = wb_text({{"unit1/reflect", {{"entries", json::array()}}}}) + std::string(6 * 1024 * 1024, ' ');
        const auto p = parse_workbook(big, course());
        CHECK_FALSE(p.workbook);
        CHECK(p.errors == one("input is " + std::to_string(big.size()) + " bytes; the limit is 5 MB"));
    }
    SUBCASE("10,000 levels deep") {
        const std::string deep = std::string(10000, '[') + std::string(10000, ']');
        CHECK(errors_of(deep) == one("nesting deeper than 64 levels"));
        const std::string deep_obj = R"({"schema":2,"answers":)" + std::string(10000, '[') + std::string(10000, ']') + "}";
        CHECK(errors_of(deep_obj) == one("nesting deeper than 64 levels"));
    }
    SUBCASE("brackets inside strings do not count as nesting") {
        const std::string text = wb_text({{"unit1/loyalty", {{"rows", {{{"left", std::string(500, '[')}, {"right", "}}}"}}}}}}});
        CHECK(parse_workbook(text, course()).workbook);
    }
    SUBCASE("invalid UTF-8 is rejected; RTL and emoji are kept") {
        std::string text = wb_text({{"unit1/loyalty", {{"rows", {{{"left", "abcd"}, {"right", "مرحبا 🎉"}}}}}}});
        CHECK(parse_workbook(text, course()).workbook);
        const auto pos = text.find("abcd");
        text[pos + 1] = '\xC3';
        text[pos + 2] = '\x28';
        CHECK(errors_of(text) == one("invalid UTF-8 at byte " + std::to_string(pos + 1)));
    }
    SUBCASE("control characters other than newline and tab") {
        CHECK(errors_of(wb_text({{"unit1/loyalty", {{"rows", {{{"left", "a\u0007b"}}}}}}})) ==
              one("/answers/unit1/loyalty/rows/0/left: control character U+0007 not allowed (only line breaks and tabs)"));
        CHECK(parse_workbook(wb_text({{"unit1/loyalty", {{"rows", {{{"left", "a\nb\tc"}}}}}}}), course()).workbook);
    }
    SUBCASE("strings longer than 100,000 bytes") {
        CHECK(errors_of(wb_text({{"unit1/loyalty", {{"rows", {{{"right", std::string(100001, 'x')}}}}}}})) ==
              one("/answers/unit1/loyalty/rows/0/right: string longer than 100000 bytes"));
        CHECK(parse_workbook(wb_text({{"unit1/loyalty", {{"rows", {{{"right", std::string(100000, 'x')}}}}}}}), course()).workbook);
    }
    SUBCASE("truncated JSON") {
        const std::string text = wb_text(json::object());
        CHECK(errors_of(text.substr(0, 20)) ==
              one("invalid JSON at line 1, column 21: syntax error while parsing object key - invalid string: missing "
                  "closing quote; last read: '\"conte'; expected string literal"));
        CHECK(errors_of(text.substr(0, text.size() - 1)) ==
              one("invalid JSON at line 1, column " + std::to_string(text.size()) +
                  ": syntax error while parsing object - unexpected end of input; expected '}'"));
    }
    SUBCASE("a future schema") {
        const auto p = parse_workbook(wb_text(json::object(), 3), course());
        CHECK_FALSE(p.workbook);
        CHECK(p.future_schema);
        CHECK(p.errors == one("/schema: this workbook was saved by a newer version of the tool (schema 3; this "
                              "version reads schemas 1-2)"));
    }
    SUBCASE("header problems") {
        CHECK(errors_of("[]") == one("expected a JSON object (a workbook)"));
        CHECK(errors_of(R"({"id":"wb-a","answers":{}})") == one("/schema: missing required field"));
        CHECK(errors_of(R"({"schema":"2","id":"wb-a","answers":{}})") == one("/schema: expected a positive integer"));
        CHECK(errors_of(R"({"schema":2,"id":"wb-a","answers":{}})") == one("/rev: missing required field"));
        CHECK(errors_of(R"({"schema":2,"id":"WB A","rev":0,"answers":{}})") ==
              one("/id: expected a workbook id (1-64 characters: a-z, 0-9, '_' and '-', starting with a letter or digit)"));
        CHECK(errors_of(R"({"schema":2,"id":"wb-a","rev":-1,"answers":{}})") == one("/rev: expected a non-negative integer"));
        CHECK(errors_of(R"({"schema":2,"id":"wb-a","rev":0,"answers":{},"extra":1})") == one("/extra: unknown field"));
        CHECK(errors_of(R"({"schema":1,"id":"wb-a","rev":0,"answers":{}})") == one("/rev: unknown field"));
        CHECK(errors_of(R"({"schema":2,"id":"wb-a","rev":0})") == one("/answers: missing required field"));
    }
}

TEST_CASE("orphaned answers are kept and reported") {
    const json answers = {
        {"unit9/old", {{"whatever", {1, 2, 3}}}},
        {"unit1/audit", {{"rows", {{"use", {{"rating", 4}}}, {"retired_row", {{"rating", 2}, {"weight", 0.5}}}}}}},
        {"unit1/plan", {{"steps", {{"vision", {{"fields", {{"goal", "Grow"}, {"old_field", "x"}}}}}}}}},
    };
    const auto p = parse_workbook(wb_text(answers), course());
    REQUIRE_MESSAGE(p.workbook, p.error());
    CHECK(p.orphaned == std::vector<std::string>{"unit1/audit/rows/retired_row", "unit1/plan/steps/vision/fields/old_field", "unit9/old"});
    CHECK(p.workbook->answers == answers);
    CHECK(orphaned_answers(course(), *p.workbook) == p.orphaned);
    // Orphans still have their strings checked.
    CHECK(errors_of(wb_text({{"unit9/old", {{"x", "bad\u0001"}}}})) ==
          one("/answers/unit9/old/x: control character U+0001 not allowed (only line breaks and tabs)"));
    // An unknown answer may be any JSON object but not a scalar.
    CHECK(errors_of(wb_text({{"unit9/old", 5}})) == one("/answers/unit9/old: expected an object"));
}

TEST_CASE("set_answer validates first and leaves the workbook unchanged on error") {
    Workbook wb = crb_test::empty_workbook();
    REQUIRE(set_answer(wb, course(), "unit1/blog", {{"rows", {{"content", 1}}}}).ok());
    const json before = wb.answers;
    const auto bad = set_answer(wb, course(), "unit1/blog", {{"rows", {{"content", 6}}}});
    CHECK(bad.error == "/answers/unit1/blog/rows/content: expected an integer 1-5 or null");
    CHECK(wb.answers == before);
    CHECK(set_answer(wb, course(), "unit1/nothing", json::object()).error == "unknown exercise \"unit1/nothing\"");
    CHECK(set_answer(wb, course(), "unit1/reflect", {{"entries", {{{"title", "a\xFF"}}}}}).error ==
          "/answers/unit1/reflect/entries/0/title: invalid UTF-8");
    clear_answer(wb, "unit1/blog");
    CHECK(answer(wb, "unit1/blog") == nullptr);
}

TEST_CASE("set_value and remove_value edit by JSON pointer, validated") {
    Workbook wb = crb_test::empty_workbook();
    const Exercise& nps = *course().exercise("unit1/nps");
    REQUIRE(set_answer(wb, course(), "unit1/nps", initial_answer(nps)).ok());
    CHECK((*answer(wb, "unit1/nps"))["respondents"].size() == 5);

    CHECK(set_value(wb, course(), "unit1/nps", "/respondents/2/score", 10).ok());
    CHECK(answer_int(wb, "unit1/nps", "/respondents/2/score") == 10);
    CHECK(set_value(wb, course(), "unit1/nps", "/respondents/-", {{"name", "Extra"}, {"score", 0}}).ok());
    CHECK(answer_string(wb, "unit1/nps", "/respondents/5/name") == "Extra");
    CHECK(set_value(wb, course(), "unit1/nps", "/respondents/6", {{"name", "Appended"}}).ok());
    CHECK(set_value(wb, course(), "unit1/nps", "/respondents/9/score", 1).error ==
          "/answers/unit1/nps/respondents/9/score: no array element \"9\"");
    CHECK(set_value(wb, course(), "unit1/nps", "/respondents/0/score", 11).error ==
          "/answers/unit1/nps/respondents/0/score: expected an integer 0-10 or null");
    CHECK(set_value(wb, course(), "unit1/nps", "/respondents/0/name/x", 1).error ==
          "/answers/unit1/nps/respondents/0/name/x: cannot set a value inside a string");
    CHECK(set_value(wb, course(), "unit1/nps", "respondents", 1).error == "malformed JSON pointer \"respondents\"");
    CHECK(set_value(wb, course(), "unit1/nps", "/a~2b", 1).error == "malformed JSON pointer \"/a~2b\"");

    CHECK(remove_value(wb, course(), "unit1/nps", "/respondents/0").ok());
    CHECK((*answer(wb, "unit1/nps"))["respondents"].size() == 6);
    CHECK(answer_int(wb, "unit1/nps", "/respondents/1/score") == 10);

    // Missing containers are created on the way.
    CHECK(set_value(wb, course(), "unit1/voicebot", "/blocks/benefits/rows/open/weight", 0.45).ok());
    CHECK(answer_number(wb, "unit1/voicebot", "/blocks/benefits/rows/open/weight") == doctest::Approx(0.45));
    CHECK(set_value(wb, course(), "unit1/channels", "/rows/social/yes", true).ok());
    CHECK(answer_bool(wb, "unit1/channels", "/rows/social/yes") == true);
    CHECK(remove_value(wb, course(), "unit1/channels", "/rows/social/yes").ok());
    CHECK_FALSE(answer_bool(wb, "unit1/channels", "/rows/social/yes"));
    CHECK(remove_value(wb, course(), "unit1/channels", "").ok());
    CHECK(answer(wb, "unit1/channels") == nullptr);

    // Readers never assert on odd pointers.
    CHECK(answer_at(wb, "unit1/nps", "/respondents/x") == nullptr);
    CHECK(answer_at(wb, "unit1/nps", "/respondents/99") == nullptr);
    CHECK(answer_at(wb, "unit1/nps", "bad") == nullptr);
    CHECK(answer_at(wb, "unit1/none", "") == nullptr);
    CHECK(answer_string(wb, "unit1/nps", "/respondents/1/score").empty());
}

TEST_CASE("initial answers") {
    CHECK(initial_answer(*course().exercise("unit1/reflect"))["entries"].size() == 2);
    CHECK(initial_answer(*course().exercise("unit1/roi")) == json{{"years", 3}});
    CHECK(initial_answer(*course().exercise("unit1/quiz")) == json::object());
    CHECK(validate_answer(*course().exercise("unit1/nps"), initial_answer(*course().exercise("unit1/nps"))).empty());
}

TEST_CASE("a reflection without repeat has at most one entry") {
    // The shipped unit 1 "satisfaction" reflection decides whether repeat applies; build one here.
    Exercise ex;
    ex.id = "single";
    ex.kind = Kind::reflection;
    ex.spec = Reflection{};
    CHECK(validate_answer(ex, {{"entries", {{{"title", ""}}, {{"title", ""}}}}}, "/x") ==
          one("/x/entries: expected at most 1 entry"));
}

TEST_CASE("progress: exercise_done per kind and unit_progress") {
    Workbook wb = crb_test::empty_workbook();
    auto done = [&](const char* key) { return exercise_done(course(), wb, key); };
    auto set = [&](const char* key, const json& a) { REQUIRE(set_answer(wb, course(), key, a).ok()); };

    for (const auto& k : course().exercise_keys()) CHECK_FALSE(exercise_done(course(), wb, k));
    CHECK(unit_progress(course(), wb, "unit1").done == 0);
    CHECK(unit_progress(course(), wb, "unit1").total == 14);

    set("unit1/map", {{"items", {{{"name", "ACME"}, {"interest", 3}}}}});
    CHECK_FALSE(done("unit1/map"));
    set("unit1/map", {{"items", {{{"name", "ACME"}, {"interest", 3}, {"influence", 0}}}}});
    CHECK(done("unit1/map"));

    set("unit1/reflect", {{"entries", {{{"title", "x"}, {"answers", {{"what", "  "}}}}}}});
    CHECK_FALSE(done("unit1/reflect"));
    set("unit1/reflect", {{"entries", {{{"title", ""}, {"answers", {{"how", "By email"}}}}}}});
    CHECK(done("unit1/reflect"));

    set("unit1/channels", {{"rows", {{"social", {{"yes", true}}}, {"google", {{"yes", false}}}}}});
    CHECK_FALSE(done("unit1/channels"));
    set("unit1/channels", {{"rows", {{"social", {{"yes", true}}}, {"google", {{"yes", false}}}, {"surveys", {{"yes", false}}}}}});
    CHECK(done("unit1/channels"));

    set("unit1/loyalty", {{"rows", {{{"left", "Buy"}, {"right", ""}}}}});
    CHECK_FALSE(done("unit1/loyalty"));
    set("unit1/loyalty", {{"rows", {{{"left", "Buy"}, {"right", "Discount"}}}}});
    CHECK(done("unit1/loyalty"));

    set("unit1/blog", {{"rows", {{"content", 1}, {"author", 3}}}});
    CHECK_FALSE(done("unit1/blog"));
    set("unit1/blog", {{"rows", {{"content", 1}, {"author", 3}, {"comments", 5}}}});
    CHECK(done("unit1/blog"));

    set("unit1/nps", {{"respondents", {{{"name", "A"}, {"score", nullptr}}}}});
    CHECK_FALSE(done("unit1/nps"));
    set("unit1/nps", {{"respondents", {{{"name", "A"}, {"score", 0}}}}});
    CHECK(done("unit1/nps"));

    set("unit1/audit", {{"rows", {{"use", {{"rating", 4}, {"weight", 0.5}}}, {"data", {{"rating", 3}, {"weight", 0.3}}}, {"support", {{"rating", 5}, {"weight", 0.3}}}}}});
    CHECK_FALSE(done("unit1/audit"));  // weights add up to 1.1
    set("unit1/audit", {{"rows", {{"use", {{"rating", 4}, {"weight", 0.5}}}, {"data", {{"rating", 3}, {"weight", 0.3}}}, {"support", {{"rating", 5}, {"weight", 0.2}}}}}});
    CHECK(done("unit1/audit"));

    set("unit1/plan", {{"steps", {{"budget", {{"checks", {{"costs", false}}}}}}}});
    CHECK_FALSE(done("unit1/plan"));
    set("unit1/plan", {{"steps", {{"budget", {{"checks", {{"costs", true}}}}}}}});
    CHECK(done("unit1/plan"));

    set("unit1/quiz", {{"questions", {{"q1", {"a"}}, {"q2", {"b"}}, {"q3", {"a"}}, {"q4", {"a"}}}}});
    CHECK_FALSE(done("unit1/quiz"));
    set("unit1/quiz", {{"questions", {{"q1", {"a"}}, {"q2", {"b"}}, {"q3", {"a"}}, {"q4", {"a"}}, {"q5", {"b", "a"}}}}});
    CHECK(done("unit1/quiz"));

    set("unit1/roi", {{"cost", 100}});
    CHECK_FALSE(done("unit1/roi"));
    set("unit1/roi", {{"cost", 100}, {"benefit", 0}});
    CHECK(done("unit1/roi"));

    set("unit1/risks", {{"risks", {{{"risk", "Fire"}, {"likelihood", 2}}}}});
    CHECK_FALSE(done("unit1/risks"));

    const UnitProgress p = unit_progress(course(), wb, "unit1");
    CHECK(p.total == 14);
    CHECK(p.done == 10);  // not yet: forms, voicebot, cloud, risks
    CHECK(p.quiz_total == 5);
    CHECK(p.quiz_answered == 5);
    CHECK(p.quiz_score == 4);  // q2 answered "b"
    CHECK(unit_progress(course(), wb, "unit9").total == 0);
}

TEST_CASE("ids and timestamps") {
    CHECK(is_workbook_id("wb-k3j9x2a1"));
    CHECK(is_workbook_id("a"));
    CHECK_FALSE(is_workbook_id(""));
    CHECK_FALSE(is_workbook_id("-wb"));
    CHECK_FALSE(is_workbook_id("wb:1"));
    CHECK_FALSE(is_workbook_id(std::string(65, 'a')));
    const std::string now = now_utc_iso8601();
    CHECK(now.size() == 20);
    CHECK(now[10] == 'T');
    CHECK(now.back() == 'Z');
}
