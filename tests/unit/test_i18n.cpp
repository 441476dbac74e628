// UI strings: the shipped en/pl files load cleanly, hold the same keys and placeholders, and include
// every key core uses; lookups fall back instead of failing.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "tests/unit/test_support.h"

using namespace crb;

TEST_CASE("the shipped UI strings have the same keys in both languages") {
    Strings s;
    std::vector<std::string> errors;
    CHECK(load_strings_dir(crb_test::source_dir() + "/content", s, errors));
    CHECK(errors == std::vector<std::string>{});
    CHECK(missing_string_keys(s) == std::vector<std::string>{});
    for (const auto& k : core_string_keys()) {
        CHECK_MESSAGE(s.has(Lang::en, k), "en lacks " << k);
        CHECK_MESSAGE(s.has(Lang::pl, k), "pl lacks " << k);
    }
    CHECK(s.get(Lang::en, "unit") == "Unit");
    CHECK(s.get(Lang::pl, "unit") == "Moduł");
    CHECK(s.get(Lang::pl, "nps.detractors") == "Krytycy");
}

TEST_CASE("parity check finds missing keys and differing placeholders") {
    Strings s;
    std::vector<std::string> errors;
    CHECK(s.load(Lang::en, "en.json", R"({"a": "A", "b": "{n} items", "only.en": "x"})", errors));
    CHECK(s.load(Lang::pl, "pl.json", R"({"a": "A pl", "b": "{count} pozycji", "only.pl": "y"})", errors));
    CHECK(errors.empty());
    const auto problems = missing_string_keys(s);
    auto has = [&](const std::string& p) { return std::find(problems.begin(), problems.end(), p) != problems.end(); };
    CHECK(has("pl: missing key \"only.en\""));
    CHECK(has("en: missing key \"only.pl\""));
    CHECK(has("key \"b\": placeholders differ (en: {n}; pl: {count})"));
    CHECK(has("en: missing key \"unit\""));  // core keys are required too
    CHECK_FALSE(has("pl: missing key \"a\""));
}

TEST_CASE("bad files and entries are reported with their key") {
    Strings s;
    std::vector<std::string> errors;
    CHECK_FALSE(s.load(Lang::pl, "content/i18n/pl.json", R"({"a": "", "b": 3, "c": "ok"})", errors));
    CHECK(errors == std::vector<std::string>{"content/i18n/pl.json: /a: expected a non-empty string",
                                             "content/i18n/pl.json: /b: expected a non-empty string"});
    CHECK(s.has(Lang::pl, "c"));
    errors.clear();
    CHECK_FALSE(s.load(Lang::en, "content/i18n/en.json", "[1]", errors));
    CHECK(errors == std::vector<std::string>{"content/i18n/en.json: expected a flat JSON object of \"key\": \"text\""});
    errors.clear();
    CHECK_FALSE(s.load(Lang::en, "content/i18n/en.json", R"({"a": )", errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].rfind("content/i18n/en.json: invalid JSON at line 1", 0) == 0);
}

TEST_CASE("lookups fall back to English, then to the key") {
    Strings s;
    s.set(Lang::en, "hello", "Hello");
    s.set(Lang::pl, "bye", "Pa");
    CHECK(s.get(Lang::pl, "hello") == "Hello");
    CHECK(s.get(Lang::pl, "bye") == "Pa");
    CHECK(s.get(Lang::en, "nothing.here") == "nothing.here");
    const std::string& ref = s.get(Lang::en, "nothing.here");
    CHECK(&ref == &s.get(Lang::en, "nothing.here"));  // stable reference for the UI
}

TEST_CASE("fill replaces named placeholders") {
    CHECK(fill("{done} of {total} done", {{"done", "3"}, {"total", "5"}}) == "3 of 5 done");
    CHECK(fill("{a}{a} {b}", {{"a", "x"}}) == "xx {b}");
    CHECK(fill("no braces", {}) == "no braces");
    CHECK(fill("open { only", {{"only", "x"}}) == "open { only");
}

TEST_CASE("fill_args replaces positional placeholders in one pass") {
    CHECK(fill_args("{0} of {1}", {"3", "5"}) == "3 of 5");
    CHECK(fill_args("{1}, {0}, {1}", {"a", "b"}) == "b, a, b");
    CHECK(fill_args("{2} {x} {} {01} {0}", {"a", "b"}) == "{2} {x} {} {01} a");
    // A value holding a placeholder is not filled again (a learner's name "{1}" stays as typed).
    CHECK(fill_args("{0} and {1}", {"{1}", "z"}) == "{1} and z");
    CHECK(fill("{a}", {{"a", "{b}"}, {"b", "no"}}) == "{b}");
}
