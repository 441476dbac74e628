// Hostile or broken input against the shipped course, as an imported workbook file or a unit file
// would bring it: numbers that JSON or doubles make awkward (NaN, infinity, overflow, exponent
// strings, negative zero, huge integers), very long and unusual text (1 MB, RTL, emoji, control
// characters), and nesting deep enough to overflow a recursive parser. Each is either rejected with
// the exact message the learner sees, or normalised where harmless (-0 -> 0); the HTML report
// escapes every learner text. Workbook limits: core/workbook.h; JSON limits: core/json_checks.h.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

#include <nlohmann/json.hpp>

#include "core/report.h"
#include "core/workbook.h"
#include "tests/unit/test_support.h"
#include "tools/fuzz/fuzz_entry.h"

using nlohmann::json;

namespace {

const crb_fuzz::Shipped& shipped() {
    static const crb_fuzz::Shipped s = [] {
        crb_fuzz::Shipped out = crb_fuzz::load_shipped(crb_test::source_dir());
        REQUIRE(out.errors.empty());
        return out;
    }();
    return s;
}

// A schema-2 workbook whose "answers" member is the given raw JSON text.
std::string with_answers(const std::string& answers_json) {
    return R"({"schema":2,"id":"wb-hostile","name":"Hostile","rev":1,"answers":)" + answers_json + "}";
}

std::vector<std::string> errors_of(const std::string& text) { return crb::parse_workbook(text, shipped().course).errors; }
std::vector<std::string> one(const std::string& e) { return {e}; }

std::string reflection(const std::string& answer) {
    return json{{"unit1/satisfaction", {{"entries", {{{"title", "t"}, {"answers", {{"what_pleased", answer}}}}}}}}}.dump();
}

}  // namespace

TEST_CASE("numbers: NaN and Infinity are not JSON and are refused with the place they were found") {
    CHECK(errors_of(with_answers(R"({"unit3/roi":{"cost":NaN}})")) ==
          one("invalid JSON at line 1, column 87: syntax error while parsing value - invalid literal; last read: '\"cost\":N'"));
    CHECK(errors_of(with_answers(R"({"unit3/roi":{"cost":Infinity}})")) ==
          one("invalid JSON at line 1, column 87: syntax error while parsing value - invalid literal; last read: '\"cost\":I'"));
    CHECK(errors_of(with_answers(R"({"unit3/roi":{"cost":-Infinity}})")) ==
          one("invalid JSON at line 1, column 88: syntax error while parsing value - invalid number; expected digit after '-'; last read: '-I'"));
}

TEST_CASE("numbers: 1e308, overflow to infinity and huge integers are out of range, with the field's rule") {
    CHECK(errors_of(with_answers(R"({"unit2/nps":{"respondents":[{"name":"a","score":1e308}]}})")) ==
          one("/answers/unit2/nps/respondents/0/score: expected an integer 0-10 or null"));
    CHECK(errors_of(with_answers(R"({"unit3/roi":{"cost":1e309}})")) ==
          one("/answers/unit3/roi/cost: expected an amount 0-1000000000 or null"));
    CHECK(errors_of(with_answers(R"({"unit3/roi":{"benefit":-1e308}})")) ==
          one("/answers/unit3/roi/benefit: expected an amount 0-1000000000 or null"));
    CHECK(errors_of(with_answers(R"({"unit3/crm_audit":{"rows":{"active_use":{"weight":1e308}}}})")) ==
          one("/answers/unit3/crm_audit/rows/active_use/weight: expected a number 0.1-0.9 in steps of 0.05, or null"));
    CHECK(errors_of(with_answers(R"({"unit2/nps":{"respondents":[{"name":"a","score":18446744073709551616}]}})")) ==
          one("/answers/unit2/nps/respondents/0/score: expected an integer 0-10 or null"));
    CHECK(errors_of(with_answers(R"({"unit2/nps":{"respondents":[{"name":"a","score":-9223372036854775809}]}})")) ==
          one("/answers/unit2/nps/respondents/0/score: expected an integer 0-10 or null"));
    CHECK(errors_of(R"({"schema":2,"id":"wb-a","name":"a","rev":1e308,"answers":{}})") ==
          one("/rev: expected a non-negative integer"));
    CHECK(errors_of(R"({"schema":18446744073709551615,"id":"wb-a","name":"a","rev":1,"answers":{}})") ==
          one("/schema: expected a positive integer"));
    CHECK(errors_of(R"({"schema":2e0,"id":"wb-a","name":"a","rev":1e0,"answers":{}})").empty());  // 2.0 is 2
}

TEST_CASE("numbers: exponent and hex strings are text, not numbers") {
    CHECK(errors_of(with_answers(R"({"unit2/nps":{"respondents":[{"name":"a","score":"1e1"}]}})")) ==
          one("/answers/unit2/nps/respondents/0/score: expected an integer 0-10 or null"));
    CHECK(errors_of(with_answers(R"({"unit3/roi":{"cost":"1e3"}})")) ==
          one("/answers/unit3/roi/cost: expected an amount 0-1000000000 or null"));
    CHECK(errors_of(with_answers(R"({"unit3/roi":{"years":"0x3"}})")) ==
          one("/answers/unit3/roi/years: expected an integer 1-10 or null"));
}

TEST_CASE("numbers: negative zero and exponent notation are normalised where harmless") {
    const auto p = crb::parse_workbook(
        with_answers(R"({"unit2/nps":{"respondents":[{"name":"a","score":-0},{"name":"b","score":-0.0},{"name":"c","score":1E1}]},)"
                     R"("unit3/roi":{"cost":-0.0,"benefit":2.5e3,"years":3e0}})"),
        shipped().course);
    REQUIRE_MESSAGE(p.workbook, p.error());
    const std::string text = crb::serialize_workbook(*p.workbook);
    CHECK(text.find("-0") == std::string::npos);
    CHECK(text.find(R"("respondents":[{"name":"a","score":0},{"name":"b","score":0},{"name":"c","score":10}])") != std::string::npos);
    CHECK(text.find(R"("cost":0)") != std::string::npos);
    CHECK(text.find(R"("years":3)") != std::string::npos);
    CHECK(text.find(R"("benefit":2500.0)") != std::string::npos);
    CHECK(errors_of(with_answers(R"({"unit3/crm_audit":{"rows":{"active_use":{"weight":-0.0}}}})")) ==
          one("/answers/unit3/crm_audit/rows/active_use/weight: expected a number 0.1-0.9 in steps of 0.05, or null"));
}

TEST_CASE("numbers: NaN and infinity from the UI side (set_answer) are refused too") {
    crb::Workbook wb = crb_test::empty_workbook();
    const crb::Course& course = shipped().course;
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    CHECK(crb::set_value(wb, course, "unit3/roi", "/cost", nan).error == "/answers/unit3/roi/cost: expected an amount 0-1000000000 or null");
    CHECK(crb::set_value(wb, course, "unit3/roi", "/benefit", inf).error == "/answers/unit3/roi/benefit: expected an amount 0-1000000000 or null");
    CHECK(crb::set_value(wb, course, "unit3/roi", "/years", nan).error == "/answers/unit3/roi/years: expected an integer 1-10 or null");
    CHECK(crb::set_value(wb, course, "unit3/crm_audit", "/rows/active_use/weight", nan).error ==
          "/answers/unit3/crm_audit/rows/active_use/weight: expected a number 0.1-0.9 in steps of 0.05, or null");
    CHECK(crb::set_value(wb, course, "unit2/nps", "/respondents/0/score", -inf).error ==
          "/answers/unit2/nps/respondents/0/score: expected an integer 0-10 or null");
    CHECK(crb::answer(wb, "unit3/roi") == nullptr);
    CHECK(crb::set_value(wb, course, "unit3/roi", "/running", -0.0).ok());
    CHECK(crb::answer(wb, "unit3/roi")->dump() == R"({"running":0})");
}

TEST_CASE("text: 1 MB is refused with the limit; 100,000 bytes of RTL and emoji are kept byte for byte") {
    CHECK(errors_of(with_answers(reflection(std::string(1024 * 1024, 'x')))) ==
          one("/answers/unit1/satisfaction/entries/0/answers/what_pleased: string longer than 100000 bytes"));
    // Hebrew, Arabic, an RTL override, emoji with a skin tone and a ZWJ family: 100,000 bytes exactly.
    const std::string piece = "שלום مرحبا \u202Eabc\u202C 😀👍🏽 👨‍👩‍👧 ";
    std::string big;
    while (big.size() + piece.size() <= 100000) big += piece;
    big += std::string(100000 - big.size(), '.');
    REQUIRE(big.size() == 100000);
    const auto p = crb::parse_workbook(with_answers(reflection(big)), shipped().course);
    REQUIRE_MESSAGE(p.workbook, p.error());
    CHECK(crb::answer_string(*p.workbook, "unit1/satisfaction", "/entries/0/answers/what_pleased") == big);
    const auto again = crb::parse_workbook(crb::serialize_workbook(*p.workbook), shipped().course);
    REQUIRE(again.workbook);
    CHECK(crb::answer_string(*again.workbook, "unit1/satisfaction", "/entries/0/answers/what_pleased") == big);
}

TEST_CASE("text: control characters are refused by name, line breaks and tabs are kept") {
    CHECK(errors_of(with_answers(reflection(std::string("a\0b", 3)))) ==
          one("/answers/unit1/satisfaction/entries/0/answers/what_pleased: control character U+0000 not allowed (only line breaks and tabs)"));
    CHECK(errors_of(with_answers(reflection("colour \u001b[31m"))) ==
          one("/answers/unit1/satisfaction/entries/0/answers/what_pleased: control character U+001B not allowed (only line breaks and tabs)"));
    CHECK(errors_of(with_answers(reflection("windows\r\nline"))) ==
          one("/answers/unit1/satisfaction/entries/0/answers/what_pleased: control character U+000D not allowed (only line breaks and tabs)"));
    CHECK(errors_of(with_answers(reflection("line\nbreak\tand tab"))).empty());
    CHECK(errors_of(R"({"schema":2,"id":"wb-a","name":"bell\u0007","rev":1,"answers":{}})") ==
          one("/name: control character U+0007 not allowed (only line breaks and tabs)"));
}

TEST_CASE("text: the HTML report escapes every learner text, however long or strange") {
    const std::string nasty = "</textarea><script>alert('x')</script><img src=x onerror=alert(1)> & \"q\" 'a' שלום 😀";
    std::string long_nasty;
    while (long_nasty.size() + nasty.size() < 99000) long_nasty += nasty;
    crb::Workbook wb = crb_test::empty_workbook();
    wb.name = "<script>name</script>";
    const crb::Course& course = shipped().course;
    REQUIRE(crb::set_answer(wb, course, "unit1/satisfaction",
                            {{"entries", {{{"title", nasty}, {"answers", {{"what_pleased", long_nasty}}}}}}}).ok());
    REQUIRE(crb::set_answer(wb, course, "unit4/risk_register",
                            {{"risks", {{{"risk", nasty}, {"owner", "<!--"}, {"response", "]]>"}}}}}).ok());
    for (crb::Lang lang : crb::kLangs) {
        const std::string html = crb::render_report(course, wb, lang, shipped().strings);
        CHECK_FALSE(crb_fuzz::contains_script_tag(html));
        CHECK(html.find("<img") == std::string::npos);
        CHECK(html.find("<!--") == std::string::npos);
        CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") != std::string::npos);
        CHECK(html.find("&lt;script&gt;name&lt;/script&gt;") != std::string::npos);
        CHECK(html.find("שלום 😀") != std::string::npos);
    }
}

TEST_CASE("content: a 10,000-deep unit file is refused before parsing, not by overflowing the stack") {
    const std::string deep = R"({"id":"unit1","number":1,"title":)" + std::string(10000, '[') + std::string(10000, ']') + "}";
    crb::LoadResult r = crb::load_course({crb::SourceFile{"content/unit1.json", deep}});
    CHECK(r.errors == one("content/unit1.json: nesting deeper than 64 levels"));
    const std::string unclosed(200000, '{');
    r = crb::load_course({crb::SourceFile{"content/unit1.json", unclosed}});
    CHECK(r.errors == one("content/unit1.json: nesting deeper than 64 levels"));
    const std::string huge = R"({"id":"unit1","pad":")" + std::string(6 * 1024 * 1024, 'x') + "\"}";
    r = crb::load_course({crb::SourceFile{"content/unit1.json", huge}});
    CHECK(r.errors == one("content/unit1.json: input is " + std::to_string(huge.size()) + " bytes; the limit is 5 MB"));
}

TEST_CASE("content: NaN, 1e308 and negative zero in a unit file are refused with the field's rule") {
    std::string unit = crb_test::read(crb_test::source_dir() + "/tools/fuzz/corpus/content/minimal_nps.json");
    auto with = [&](const std::string& from, const std::string& to) {
        std::string t = unit;
        const auto pos = t.find(from);
        REQUIRE(pos != std::string::npos);
        t.replace(pos, from.size(), to);
        return crb::load_course({crb::SourceFile{"content/unit1.json", t}}).errors;
    };
    CHECK(with(R"("number": 1)", R"("number": 1e308)") == one("content/unit1.json: /number: expected an integer between 1 and 99"));
    CHECK(with(R"("default_respondents": 5)", R"("default_respondents": -0.0)") ==
          one("content/unit1.json: /exercises/0/default_respondents: expected an integer between 1 and 100"));
    CHECK(with(R"("default_respondents": 5)", R"("default_respondents": 1e3)") ==
          one("content/unit1.json: /exercises/0/default_respondents: expected an integer between 1 and 100"));
    CHECK(with(R"("number": 1)", R"("number": NaN)").size() == 1);
}
