// Class summary: which answers count as entered, every aggregate on three small workbooks, files
// that fail to load, and the text and JSON outputs.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/summary.h"
#include "tests/unit/class_fixture.h"

using namespace crb;
using nlohmann::json;

namespace {

ClassSummary class_of_three() {
    return summarize(class_fixture::course(),
                     {class_fixture::workbook("learner_a.json"), class_fixture::workbook("learner_b.json"),
                      class_fixture::workbook("learner_c.json")});
}

const ExerciseSummary& exercise(const ClassSummary& s, const std::string& key) {
    const ExerciseSummary* e = s.find(key);
    REQUIRE_MESSAGE(e, "no exercise " << key);
    return *e;
}

double mean(const ExerciseSummary& e, const std::string& key) {
    const auto it = e.averages.find(key);
    REQUIRE_MESSAGE(it != e.averages.end(), "no average " << key);
    REQUIRE(it->second.value());
    return *it->second.value();
}

int n_of(const ExerciseSummary& e, const std::string& key) {
    const auto it = e.averages.find(key);
    return it == e.averages.end() ? 0 : it->second.count;
}

int count(const ExerciseSummary& e, const std::string& key) {
    const auto it = e.counts.find(key);
    return it == e.counts.end() ? 0 : it->second;
}

}  // namespace

TEST_CASE("answer_has_content") {
    CHECK_FALSE(answer_has_content(json()));
    CHECK_FALSE(answer_has_content(json::object()));
    CHECK_FALSE(answer_has_content(json::array()));
    CHECK_FALSE(answer_has_content(json("  \n\t")));
    CHECK_FALSE(answer_has_content(json::parse(R"({"respondents": [{"name": "", "score": null}]})")));
    CHECK_FALSE(answer_has_content(json::parse(R"({"questions": {"q1": []}})")));
    CHECK(answer_has_content(json("x")));
    CHECK(answer_has_content(json(0)));
    CHECK(answer_has_content(json(false)));  // "No" is an answer
    CHECK(answer_has_content(json::parse(R"({"rows": {"ads": {"yes": false}}})")));
    CHECK(answer_has_content(json::parse(R"({"respondents": [{"name": "", "score": 0}]})")));
}

TEST_CASE("summary of three learners") {
    const ClassSummary s = class_of_three();
    CHECK(s.learners == 3);
    CHECK(s.exercises.size() == class_fixture::course().exercise_count());
    CHECK(s.find("unit9/none") == nullptr);

    SUBCASE("answered and done") {
        CHECK(exercise(s, "unit1/map").answered == 2);
        CHECK(exercise(s, "unit1/nps").answered == 2);  // learner C has only blank rows
        CHECK(exercise(s, "unit1/nps").done == 2);
        CHECK(exercise(s, "unit1/rating").answered == 2);
        CHECK(exercise(s, "unit1/rating").done == 1);  // only B rated every cell
        CHECK(exercise(s, "unit2/audit").answered == 2);
        CHECK(exercise(s, "unit2/audit").done == 1);
        CHECK(exercise(s, "unit2/quiz").answered == 0);
        CHECK(exercise(s, "unit2/quiz").averages.empty());
    }
    SUBCASE("rating table per row and criterion") {
        const auto& e = exercise(s, "unit1/rating");
        CHECK(mean(e, "guide/time") == doctest::Approx(3.0));  // 4, 2
        CHECK(mean(e, "guide/idea") == doctest::Approx(4.0));  // 5, 3
        CHECK(mean(e, "guide") == doctest::Approx(3.5));
        CHECK(n_of(e, "guide") == 4);
        CHECK(mean(e, "video/time") == doctest::Approx(3.0));
        CHECK(mean(e, "video/idea") == doctest::Approx(4.0));  // only B rated it
        CHECK(n_of(e, "video/idea") == 1);
        CHECK(mean(e, "video") == doctest::Approx(10.0 / 3));
        CHECK(mean(e, "podcast") == doctest::Approx(1.0));
    }
    SUBCASE("weighted rating per row, and the average of finished audits only") {
        const auto& e = exercise(s, "unit2/audit");
        CHECK(mean(e, "use/rating") == doctest::Approx(4.5));
        CHECK(mean(e, "use/weight") == doctest::Approx(0.4));
        CHECK(mean(e, "data/rating") == doctest::Approx(3.0));
        CHECK(n_of(e, "reports/rating") == 1);
        CHECK(mean(e, "average") == doctest::Approx(4.1));
        CHECK(n_of(e, "average") == 1);
    }
    SUBCASE("weighted comparison per block and row") {
        const auto& e = exercise(s, "unit2/compare");
        CHECK(mean(e, "challenges/cost/rating") == doctest::Approx(4.0));
        CHECK(mean(e, "challenges/cost/weight") == doctest::Approx(0.6));
        CHECK(mean(e, "challenges/average") == doctest::Approx(3.2));
        CHECK(mean(e, "benefits/average") == doctest::Approx(4.5));
    }
    SUBCASE("quadrant map: strategy importance and customers per quadrant") {
        const auto& e = exercise(s, "unit1/map");
        CHECK(mean(e, "close") == doctest::Approx(4.0));  // 5, 3
        CHECK(n_of(e, "close") == 2);
        CHECK(mean(e, "watch") == doctest::Approx(1.0));
        CHECK(n_of(e, "inform") == 0);
        CHECK(count(e, "items/key") == 2);
        CHECK(count(e, "items/satisfied") == 1);
        CHECK(count(e, "items/informed") == 1);
        CHECK(count(e, "items/monitor") == 0);
    }
    SUBCASE("combined NPS over every respondent") {
        const auto& n = exercise(s, "unit1/nps").nps;  // A: 10, 9, 3; B: 7, 10
        CHECK(n.answered == 5);
        CHECK(n.promoters == 3);
        CHECK(n.passives == 1);
        CHECK(n.detractors == 1);
        CHECK(n.pct_promoters == doctest::Approx(60));
        CHECK(n.nps == doctest::Approx(40));
    }
    SUBCASE("survey, checklist and quiz counts") {
        const auto& sv = exercise(s, "unit2/survey");
        CHECK(count(sv, "agree/s1") == 1);
        CHECK(count(sv, "answered/s1") == 2);
        CHECK(count(sv, "agree/s3") == 2);
        CHECK(count(sv, "agree/s4") == 0);
        CHECK(count(sv, "positive") == 1);
        CHECK(count(sv, "negative") == 1);

        const auto& ch = exercise(s, "unit1/checks");
        CHECK(count(ch, "yes/ads") == 1);
        CHECK(count(ch, "answered/ads") == 2);
        CHECK(count(ch, "answered/blog") == 1);

        const auto& q = exercise(s, "unit1/quiz");
        CHECK(mean(q, "score") == doctest::Approx(2.5));  // A 3 of 4 answered, B 2 of 5
        CHECK(n_of(q, "score") == 2);
        CHECK(count(q, "correct/q1") == 1);
        CHECK(count(q, "answered/q5") == 1);
    }
    SUBCASE("preference scale") {
        const auto& e = exercise(s, "unit1/pref");
        CHECK(mean(e, "content") == doctest::Approx(1.0));
        CHECK(mean(e, "tone") == doctest::Approx(4.0));
    }
}

TEST_CASE("summary of nobody") {
    const ClassSummary s = summarize(class_fixture::course(), {});
    CHECK(s.learners == 0);
    for (const auto& e : s.exercises) {
        CHECK(e.answered == 0);
        CHECK(e.averages.empty());
        CHECK(e.counts.empty());
    }
    CHECK(exercise(s, "unit1/nps").nps.answered == 0);
    CHECK(exercise(s, "unit1/nps").nps.nps == 0);
    CHECK(summary_text(s, Lang::en).find("Class summary: 0 workbooks") == 0);
}

TEST_CASE("files that fail to load are named and skipped") {
    const LoadedWorkbooks l =
        load_workbook_files({class_fixture::path("learner_a.json"), class_fixture::path("invalid_score.json"),
                             class_fixture::path("not_json.json"), class_fixture::path("missing.json"),
                             class_fixture::path("course")},
                            class_fixture::course());
    REQUIRE(l.workbooks.size() == 1);
    CHECK(l.names == std::vector<std::string>{class_fixture::path("learner_a.json")});
    CHECK(l.workbooks[0].name == "Learner A");
    REQUIRE(l.errors.size() == 4);
    CHECK(l.errors[0] == class_fixture::path("invalid_score.json") +
                             ": /answers/unit1/nps/respondents/0/score: expected an integer 0-10 or null");
    CHECK(l.errors[1].rfind(class_fixture::path("not_json.json") + ": invalid JSON", 0) == 0);
    CHECK(l.errors[2] == class_fixture::path("missing.json") + ": cannot read the file");
    CHECK(l.errors[3].rfind(class_fixture::path("course") + ": ", 0) == 0);
}

TEST_CASE("summary as text and as JSON") {
    const ClassSummary s = class_of_three();
    const std::string text = summary_text(s, Lang::en);
    CHECK(text.rfind("Class summary: 3 workbooks\n", 0) == 0);
    CHECK(text.find("Unit 1. Fixture unit one") != std::string::npos);
    CHECK(text.find("NPS survey [unit1/nps]\n    answered by 2 of 3, completed by 2") != std::string::npos);
    CHECK(text.find("Combined NPS over 5 respondents: 40.0") != std::string::npos);
    CHECK(text.find("Guide: Time 3.00 (n=2); Idea 4.00 (n=2); overall 3.50 (n=4)") != std::string::npos);
    CHECK(text.find("Average score: 2.50 of 5 (n=2)") != std::string::npos);
    CHECK(summary_text(s, Lang::pl).find("Moduł testowy pierwszy") != std::string::npos);

    const json j = summary_json(s, Lang::en);
    CHECK(j["learners"] == 3);
    REQUIRE(j["exercises"].is_array());
    CHECK(j["exercises"].size() == s.exercises.size());
    json nps;
    for (const auto& e : j["exercises"]) {
        if (e["key"] == "unit1/nps") nps = e;
    }
    REQUIRE(nps.is_object());
    CHECK(nps["kind"] == "nps_survey");
    CHECK(nps["answered"] == 2);
    CHECK(nps["nps"]["nps"].get<double>() == doctest::Approx(40));
    const json& rating = j["exercises"][5];
    CHECK(rating["key"] == "unit1/rating");
    CHECK(rating["averages"]["guide/time"]["mean"].get<double>() == doctest::Approx(3.0));
    CHECK(rating["averages"]["guide/time"]["n"] == 2);
    CHECK_FALSE(rating.contains("nps"));
}
