// Content loader: every shipped unit validates; the test course is read field by field; and each
// contract rule, when broken, yields exactly the documented message.
#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/content.h"
#include "tests/unit/test_support.h"

using namespace crb;
using nlohmann::json;
using json_pointer = json::json_pointer;

namespace {

json fixture_unit() { return json::parse(crb_test::read(crb_test::fixture("course/unit1.json"))); }

// Loads the test unit after `mutate` as content/unit1.json and returns the errors.
std::vector<std::string> errors_after(const std::function<void(json&)>& mutate) {
    json u = fixture_unit();
    mutate(u);
    return load_course({{"content/unit1.json", u.dump()}}).errors;
}

std::vector<std::string> one(const std::string& e) { return {e}; }

size_t index_of(const json& u, const std::string& id) {
    for (size_t i = 0; i < u["exercises"].size(); ++i) {
        if (u["exercises"][i]["id"] == id) return i;
    }
    FAIL("no exercise " << id);
    return 0;
}

}  // namespace

TEST_CASE("every shipped content file is valid") {
    const std::string dir = crb_test::source_dir() + "/content";
    const LoadResult r = load_course_dir(dir);
    for (const auto& e : r.errors) FAIL_CHECK(e);
    for (const auto& w : r.warnings) MESSAGE("warning: " << w);
    REQUIRE(r.ok());
    CHECK(r.course.units.size() == 4);
    for (size_t i = 0; i < r.course.units.size(); ++i) {
        const Unit& u = r.course.units[i];
        CHECK(u.number == static_cast<int>(i) + 1);
        CHECK(u.id == "unit" + std::to_string(i + 1));
        CHECK(!u.sections.empty());
        REQUIRE(!u.exercises.empty());
        CHECK(u.exercises.back().kind == Kind::quiz);
        CHECK(u.source == "content/unit" + std::to_string(i + 1) + ".json");
    }
    CHECK(r.course.version.size() == 16);
}

TEST_CASE("the test course is read field by field") {
    const Course& c = crb_test::course();
    REQUIRE(c.units.size() == 1);
    const Unit& u = c.units[0];
    CHECK(u.title.get(Lang::pl) == "Moduł testowy");
    CHECK(u.outcomes.size() == 3);
    REQUIRE(u.sections.size() == 2);
    CHECK(u.sections[0].blocks[1].type == Block::Type::bullets);
    CHECK(u.sections[0].blocks[1].items[0].pl == "Alfa");
    CHECK(u.exercises.size() == 14);

    const auto* map = c.exercise("unit1/map")->as<QuadrantMap>();
    REQUIRE(map);
    CHECK(map->threshold == 5);
    REQUIRE(map->find(false, true));
    CHECK(map->find(false, true)->id == "informed");
    CHECK(map->find(true, true)->strategies[1].id == "manage");

    const auto* refl = c.exercise("unit1/reflect")->as<Reflection>();
    REQUIRE(refl);
    CHECK(refl->repeat);
    CHECK(refl->repeat_default == 2);

    const auto* check = c.exercise("unit1/channels")->as<ChecklistTable>();
    REQUIRE(check);
    CHECK(check->groups[1].rows[0].items.size() == 2);

    const auto* audit = c.exercise("unit1/audit")->as<WeightedRating>();
    REQUIRE(audit);
    REQUIRE(audit->bands.size() == 3);
    CHECK(audit->bands[1].min == 3.0);
    CHECK(audit->bands[1].text.pl == "Dobrze");

    const auto* plan = c.exercise("unit1/plan")->as<StepPlan>();
    REQUIRE(plan);
    CHECK(plan->steps[1].tool == "roi");
    CHECK(plan->steps[1].checklist.size() == 2);

    const auto* quiz = c.exercise("unit1/quiz")->as<Quiz>();
    REQUIRE(quiz);
    CHECK(quiz->questions.size() == 5);
    CHECK(quiz->questions[4].multiple);
    CHECK(quiz->questions[4].correct_ids() == std::vector<std::string>{"a", "b"});
    CHECK(quiz->questions[0].correct_ids() == std::vector<std::string>{"a"});

    CHECK(c.exercise("unit1/roi")->as<Roi>()->currency == "€");
    CHECK(c.exercise("unit1/nps")->as<NpsSurvey>()->default_respondents == 5);
    CHECK(c.exercise("unit1/nps")->kind == Kind::nps_survey);
}

TEST_CASE("course lookups and keys") {
    const Course& c = crb_test::course();
    CHECK(c.unit("unit1") == &c.units[0]);
    CHECK(c.unit_by_number(1) == &c.units[0]);
    CHECK(c.unit("unit2") == nullptr);
    CHECK(c.unit_of("unit1/nps") == &c.units[0]);
    CHECK(c.exercise("unit1/nope") == nullptr);
    CHECK(c.exercise("unit1") == nullptr);
    CHECK(c.exercise_count() == 14);
    const auto keys = c.exercise_keys();
    REQUIRE(keys.size() == 14);
    CHECK(keys.front() == "unit1/map");
    CHECK(keys.back() == "unit1/quiz");
    std::string u, e;
    CHECK(split_exercise_key("unit2/nps", u, e));
    CHECK(u == "unit2");
    CHECK(e == "nps");
    CHECK_FALSE(split_exercise_key("unit2", u, e));
    CHECK_FALSE(split_exercise_key("Unit2/nps", u, e));
    CHECK(parse_kind("weighted_comparison") == Kind::weighted_comparison);
    CHECK(std::string(kind_name(Kind::risk_register)) == "risk_register");
    CHECK_FALSE(parse_kind("quadrant"));
    CHECK(parse_lang("pl") == Lang::pl);
    CHECK_FALSE(parse_lang("de"));
}

TEST_CASE("the content version is a hash of the sources") {
    const std::string text = fixture_unit().dump();
    const auto a = load_course({{"content/unit1.json", text}});
    const auto b = load_course({{"content/unit1.json", text}});
    json changed = fixture_unit();
    changed["title"]["en"] = "Another title";
    const auto c = load_course({{"content/unit1.json", changed.dump()}});
    REQUIRE(a.ok());
    REQUIRE(c.ok());
    CHECK(a.course.version == b.course.version);
    CHECK(a.course.version != c.course.version);
    CHECK(a.course.version.find_first_not_of("0123456789abcdef") == std::string::npos);
}

TEST_CASE("texts need both languages, non-empty") {
    CHECK(errors_after([](json& u) { u["title"].erase("pl"); }) ==
          one("content/unit1.json: /title/pl: missing required field"));
    CHECK(errors_after([](json& u) { u["title"]["en"] = "  "; }) ==
          one("content/unit1.json: /title/en: expected a non-empty string"));
    CHECK(errors_after([](json& u) { u["description"] = "just a string"; }) ==
          one("content/unit1.json: /description: expected a text object {\"en\": \"...\", \"pl\": \"...\"}"));
    CHECK(errors_after([](json& u) { u["sections"][0]["blocks"][1]["ul"][0]["de"] = "Alpha"; }) ==
          one("content/unit1.json: /sections/0/blocks/1/ul/0/de: unknown field"));
    CHECK(errors_after([](json& u) { u["exercises"][0]["title"]["pl"] = "a\x01" "b"; }) ==
          one("content/unit1.json: /exercises/0/title/pl: control character U+0001 not allowed"));
}

TEST_CASE("unknown fields are errors, with a hint for typos") {
    CHECK(errors_after([](json& u) {
              u["exercises"][0]["titel"] = u["exercises"][0]["title"];
              u["exercises"][0].erase("title");
          }) == std::vector<std::string>{"content/unit1.json: /exercises/0/title: missing required field",
                                         "content/unit1.json: /exercises/0/titel: unknown field (did you mean \"title\"?)"});
    CHECK(errors_after([](json& u) { u["exercises"][index_of(u, "audit")]["band"] = json::array(); }) ==
          one("content/unit1.json: /exercises/7/band: unknown field (did you mean \"bands\"?)"));
    CHECK(errors_after([](json& u) { u["colour"] = "red"; }) == one("content/unit1.json: /colour: unknown field"));
}

TEST_CASE("ids follow the pattern and are unique among siblings") {
    CHECK(errors_after([](json& u) { u["exercises"][0]["id"] = "Map"; }) ==
          one("content/unit1.json: /exercises/0/id: expected an id matching ^[a-z][a-z0-9_]{0,39}$"));
    CHECK(errors_after([](json& u) { u["exercises"][1]["id"] = "map"; }) ==
          one("content/unit1.json: /exercises/1/id: duplicate id \"map\""));
    CHECK(errors_after([](json& u) { u["sections"][1]["id"] = "intro"; }) ==
          one("content/unit1.json: /sections/1/id: duplicate id \"intro\""));
    CHECK(errors_after([](json& u) { u["exercises"][0]["id"] = std::string(41, 'a'); }) ==
          one("content/unit1.json: /exercises/0/id: expected an id matching ^[a-z][a-z0-9_]{0,39}$"));
    // Answers key checklist rows and strategies by id, so those are unique across the exercise.
    CHECK(errors_after([](json& u) { u["exercises"][2]["groups"][1]["rows"][0]["id"] = "social"; }) ==
          one("content/unit1.json: /exercises/2/groups/1/rows/0/id: duplicate id \"social\" (row ids must be unique across groups)"));
    CHECK(errors_after([](json& u) { u["exercises"][0]["quadrants"][3]["strategies"][0]["id"] = "close"; }) ==
          one("content/unit1.json: /exercises/0/quadrants/3/strategies/0/id: duplicate id \"close\" (strategy ids must be unique across the quadrants)"));
}

TEST_CASE("unit identity: id, number and file name agree") {
    CHECK(errors_after([](json& u) { u["id"] = "unit2"; }) ==
          one("content/unit1.json: /id: expected \"unit1\" (the unit's number is 1)"));
    CHECK(errors_after([](json& u) {
              u["id"] = "unit2";
              u["number"] = 2;
          }) == one("content/unit1.json: /number: expected 1 (the file is unit1.json)"));
    CHECK(errors_after([](json& u) { u["number"] = "1"; }) ==
          one("content/unit1.json: /number: expected an integer between 1 and 99"));
    CHECK(errors_after([](json& u) { u["outcomes"].erase(0); }) ==
          one("content/unit1.json: /outcomes: expected 3-5 learning outcomes (found 2)"));

    const std::string text = fixture_unit().dump();
    const auto r = load_course({{"a/unit1.json", text}, {"b/unit1.json", text}});
    CHECK(r.errors == one("b/unit1.json: /number: unit number 1 is also used by a/unit1.json"));
    CHECK(r.course.units.empty());
    CHECK(load_course({}).errors == one("no unit files (expected content/unit1.json ...)"));
}

TEST_CASE("exercise kinds: unknown kind, blocks, quiz placement") {
    CHECK(errors_after([](json& u) { u["exercises"][1]["kind"] = "essay"; }) ==
          one("content/unit1.json: /exercises/1/kind: expected one of: quadrant_map, reflection, checklist_table, "
              "pair_table, preference_scale, rating_table, nps_survey, weighted_rating, weighted_comparison, "
              "step_plan, survey, quiz, roi, risk_register"));
    CHECK(errors_after([](json& u) { u["sections"][0]["blocks"][0]["ul"] = json::array({u["title"]}); }) ==
          one("content/unit1.json: /sections/0/blocks/0: expected {\"p\": text} or {\"ul\": [text, ...]}"));
    CHECK(errors_after([](json& u) { std::swap(u["exercises"][12], u["exercises"][13]); }) ==
          one("content/unit1.json: /exercises/12: the quiz must be the last exercise"));
}

TEST_CASE("quadrant_map: exactly four quadrants covering the four combinations") {
    CHECK(errors_after([](json& u) { u["exercises"][0]["quadrants"].erase(3); }) ==
          one("content/unit1.json: /exercises/0/quadrants: expected exactly 4 quadrants, one per combination of "
              "influence and interest (found 3)"));
    CHECK(errors_after([](json& u) { u["exercises"][0]["quadrants"][3]["influence"] = "high"; }) ==
          one("content/unit1.json: /exercises/0/quadrants/3: duplicate combination: influence \"high\", interest \"low\""));
    CHECK(errors_after([](json& u) { u["exercises"][0]["quadrants"][0]["interest"] = "medium"; }) ==
          one("content/unit1.json: /exercises/0/quadrants/0/interest: expected \"high\" or \"low\""));
    CHECK(errors_after([](json& u) { u["exercises"][0]["threshold"] = 11; }) ==
          one("content/unit1.json: /exercises/0/threshold: expected an integer between 1 and 10"));
    CHECK(errors_after([](json& u) { u["exercises"][0]["threshold"] = 5.5; }) ==
          one("content/unit1.json: /exercises/0/threshold: expected an integer between 1 and 10"));
}

TEST_CASE("quiz rules") {
    const size_t q = 13;
    CHECK(errors_after([&](json& u) { u["exercises"][q]["questions"][0]["options"][1]["correct"] = true; }) ==
          one("content/unit1.json: /exercises/13/questions/0/options: expected exactly one correct option when "
              "\"multiple\" is false (found 2)"));
    CHECK(errors_after([&](json& u) {
              for (auto& o : u["exercises"][q]["questions"][4]["options"]) o["correct"] = false;
          }) == one("content/unit1.json: /exercises/13/questions/4/options: expected at least one correct option"));
    CHECK(errors_after([&](json& u) { u["exercises"][q]["questions"].erase(0); }) ==
          one("content/unit1.json: /exercises/13/questions: expected 5-8 entries (found 4)"));
    CHECK(errors_after([&](json& u) { u["exercises"][q]["questions"][2]["options"][2].erase("feedback"); }) ==
          one("content/unit1.json: /exercises/13/questions/2/options/2/feedback: missing required field"));
    CHECK(errors_after([&](json& u) { u["exercises"][q]["questions"][1]["options"][1]["id"] = "a"; }) ==
          one("content/unit1.json: /exercises/13/questions/1/options/1/id: duplicate id \"a\""));
}

TEST_CASE("weighted_rating: rows and bands") {
    const size_t a = 7;
    CHECK(errors_after([&](json& u) { u["exercises"][a]["bands"][2]["min"] = 0.5; }) ==
          one("content/unit1.json: /exercises/7/bands/2/min: expected a number between 1 and 5"));
    CHECK(errors_after([&](json& u) { u["exercises"][a]["bands"][1]["max"] = 4.5; }) ==
          one("content/unit1.json: /exercises/7/bands/0: overlaps /exercises/7/bands/1 (bands are closed at min, open at max)"));
    CHECK(errors_after([&](json& u) { u["exercises"][a]["bands"][0]["min"] = 5.0; }) ==
          one("content/unit1.json: /exercises/7/bands/0: expected min to be less than max"));
    CHECK(errors_after([&](json& u) { u["exercises"][a]["rows"] = json::array({u["exercises"][a]["rows"][0]}); }) ==
          one("content/unit1.json: /exercises/7/rows: expected 2-10 entries (found 1)"));
    CHECK(errors_after([&](json& u) { u["exercises"][a]["bands"][0]["max"] = "5"; }) ==
          one("content/unit1.json: /exercises/7/bands/0/max: expected a number between 1 and 5"));
}

TEST_CASE("step_plan: each step has a field or checklist item, and tool names an exercise of the unit") {
    const size_t p = 9;
    CHECK(errors_after([&](json& u) { u["exercises"][p]["steps"][0].erase("fields"); }) ==
          one("content/unit1.json: /exercises/9/steps/0: expected at least one field or checklist item"));
    CHECK(errors_after([&](json& u) { u["exercises"][p]["steps"][1]["tool"] = "nope"; }) ==
          one("content/unit1.json: /exercises/9/steps/1/tool: no exercise \"nope\" in this unit"));
    CHECK(errors_after([&](json& u) { u["exercises"][p]["steps"][1]["tool"] = "plan"; }) ==
          one("content/unit1.json: /exercises/9/steps/1/tool: a step cannot refer to its own exercise"));
}

TEST_CASE("other kind rules") {
    CHECK(errors_after([](json& u) { u["exercises"][10]["threshold"] = 5; }) ==
          one("content/unit1.json: /exercises/10/threshold: expected an integer between 1 and 4"));
    CHECK(errors_after([](json& u) { u["exercises"][8]["blocks"].erase(1); }) ==
          one("content/unit1.json: /exercises/8/blocks: expected exactly 2 entries (found 1)"));
    CHECK(errors_after([](json& u) { u["exercises"][12]["examples"][0]["impact"] = 6; }) ==
          one("content/unit1.json: /exercises/12/examples/0/impact: expected an integer between 1 and 5"));
    CHECK(errors_after([](json& u) { u["exercises"][11]["default_years"] = 0; }) ==
          one("content/unit1.json: /exercises/11/default_years: expected an integer between 1 and 10"));
    CHECK(errors_after([](json& u) { u["exercises"][6].erase("question"); }) ==
          one("content/unit1.json: /exercises/6/question: missing required field"));
    CHECK(errors_after([](json& u) { u["exercises"][1]["repeat"]["default"] = 0; }) ==
          one("content/unit1.json: /exercises/1/repeat/default: expected an integer between 1 and 20"));
    CHECK(errors_after([](json& u) { u["exercises"][4]["columns"].erase("right"); }) ==
          one("content/unit1.json: /exercises/4/columns/right: missing required field"));
}

TEST_CASE("every error is collected, not just the first") {
    const auto errors = errors_after([](json& u) {
        u["exercises"][0]["threshold"] = 0;
        u["exercises"][6]["default_respondents"] = 1000;
        u["exercises"][13]["questions"][0]["text"]["pl"] = "";
    });
    CHECK(errors == std::vector<std::string>{
                        "content/unit1.json: /exercises/0/threshold: expected an integer between 1 and 10",
                        "content/unit1.json: /exercises/6/default_respondents: expected an integer between 1 and 100",
                        "content/unit1.json: /exercises/13/questions/0/text/pl: expected a non-empty string"});
}

TEST_CASE("malformed files: truncated JSON, invalid UTF-8, not an object") {
    const std::string text = fixture_unit().dump();
    const auto cut = text.find("\"outcomes\"");
    const auto truncated = load_course({{"content/unit1.json", text.substr(0, cut)}}).errors;
    REQUIRE(truncated.size() == 1);
    INFO(truncated[0]);
    CHECK(truncated[0].rfind("content/unit1.json: invalid JSON at line 1, column ", 0) == 0);
    CHECK(load_course({{"content/unit1.json", "{\"id\": \"unit1\",\n  "}}).errors ==
          one("content/unit1.json: invalid JSON at line 2, column 3: syntax error while parsing object key - "
              "unexpected end of input; expected string literal"));

    std::string bad = text;
    const auto pos = bad.find("Moduł");
    bad[pos + 4] = '\xFF';
    CHECK(load_course({{"content/unit1.json", bad}}).errors ==
          one("content/unit1.json: invalid UTF-8 at byte " + std::to_string(pos + 4)));
    CHECK(load_course({{"content/unit1.json", "[1, 2]"}}).errors ==
          one("content/unit1.json: expected a JSON object (a unit)"));
}

TEST_CASE("soft rules are warnings, not errors") {
    json u = fixture_unit();
    const auto r = load_course({{"content/unit1.json", u.dump()}});
    CHECK(r.ok());
    CHECK(std::find(r.warnings.begin(), r.warnings.end(),
                    "content/unit1.json: /sections: no section \"key_terms\"") != r.warnings.end());
    CHECK(std::find(r.warnings.begin(), r.warnings.end(),
                    "content/unit1.json: /sections: reading material has 8 words in en; expected 900-1,800") !=
          r.warnings.end());
    CHECK(word_count(r.course.units[0], Lang::en) == 8);
}
