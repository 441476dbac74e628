// Results: a small workbook over the test course, every number checked against a hand computation.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "core/results.h"
#include "tests/unit/test_support.h"

using namespace crb;
using nlohmann::json;
using crb_test::course;

namespace {

Workbook filled_workbook() {
    Workbook wb = crb_test::empty_workbook("wb-results");
    wb.name = "Hand computed";
    auto set = [&](const char* key, const json& a) {
        const auto r = set_answer(wb, course(), key, a);
        REQUIRE_MESSAGE(r.ok(), r.error);
    };
    // Threshold 5: ACME (infl 8, int 7) key; Beta (9, 2) keep satisfied; Gamma (4, 5) keep informed;
    // "" (1, 1) monitor, named "Customer 4"; Delta has no influence yet.
    set("unit1/map", {{"items",
                       {{{"name", "ACME"}, {"interest", 7}, {"influence", 8}},
                        {{"name", "Beta"}, {"interest", 2}, {"influence", 9}},
                        {{"name", "Gamma"}, {"interest", 5}, {"influence", 4}},
                        {{"name", ""}, {"interest", 1}, {"influence", 1}},
                        {{"name", "Delta"}, {"interest", 6}}}},
                      {"ratings", {{"close", 4}, {"manage", 2}, {"inform", 5}, {"consult", 4}, {"newsletter", 1}}}});
    set("unit1/reflect", {{"entries",
                           {{{"title", "Big order"}, {"answers", {{"what", "Speed"}, {"how", " "}}}},
                            {{"title", "Complaint"}, {"answers", {{"what", "Apology"}, {"how", "Email"}}}}}}});
    set("unit1/channels", {{"questions", {{"same", "No"}}},
                           {"rows", {{"social", {{"yes", true}}}, {"google", {{"yes", false}}}, {"surveys", {{"yes", true}, {"note", "n"}}}}}});
    set("unit1/loyalty", {{"rows", {{{"left", "Spend 50"}, {"right", "5% off"}}, {{"left", "Refer"}, {"right", ""}}}}});
    set("unit1/blog", {{"rows", {{"content", 1}, {"author", 2}, {"comments", 3}}}});
    set("unit1/forms", {{"rows", {{"guide", {{"time", 4}, {"idea", 5}, {"ease", 3}}}, {"blog", {{"time", 2}, {"idea", 3}}}}}});
    set("unit1/nps", {{"respondents",
                       {{{"name", "A"}, {"score", 10}},
                        {{"name", "B"}, {"score", 9}},
                        {{"name", "C"}, {"score", 9}},
                        {{"name", "D"}, {"score", 7}},
                        {{"name", "E"}, {"score", 3}},
                        {{"name", ""}, {"score", nullptr}}}}});
    set("unit1/audit", {{"rows",
                         {{"use", {{"rating", 4}, {"weight", 0.5}}},
                          {"data", {{"rating", 3}, {"weight", 0.3}}},
                          {"support", {{"rating", 5}, {"weight", 0.2}}}}}});
    set("unit1/voicebot", {{"blocks",
                            {{"challenges", {{"rows", {{"cost", {{"rating", 4}, {"weight", 0.6}}}, {"trust", {{"rating", 2}, {"weight", 0.4}}}}}}},
                             {"benefits", {{"rows", {{"open", {{"rating", 5}, {"weight", 0.5}}}, {"fast", {{"rating", 3}, {"weight", 0.5}}}}}}}}}});
    set("unit1/plan", {{"steps", {{"vision", {{"fields", {{"goal", "Grow 10%"}}}}}, {"budget", {{"checks", {{"costs", true}, {"approve", false}}}}}}}});
    set("unit1/cloud", {{"statements", {{"a", true}, {"b", true}, {"c", true}, {"d", false}}}});
    set("unit1/roi", {{"cost", 10000}, {"benefit", 6000}, {"running", 1000}, {"years", 3}});
    set("unit1/risks", {{"risks",
                         {{{"risk", "Server outage"}, {"likelihood", 3}, {"impact", 4}, {"owner", "IT"}},
                          {{"risk", "Data leak"}, {"likelihood", 5}, {"impact", 5}},
                          {{"risk", "Staff flu"}, {"likelihood", 1}, {"impact", 2}},
                          {{"risk", "Unknown"}, {"likelihood", 2}}}}});
    set("unit1/quiz", {{"questions", {{"q1", {"a"}}, {"q2", {"a"}}, {"q3", {"c"}}, {"q4", {"a"}}, {"q5", {"b", "a"}}}}});
    return wb;
}

json result_of(const json& all, const std::string& key) {
    for (const auto& u : all["units"]) {
        for (const auto& e : u["exercises"]) {
            if (e["key"] == key) return e["result"];
        }
    }
    FAIL("no result for " << key);
    return nullptr;
}

}  // namespace

TEST_CASE("results of a small workbook match hand-computed numbers") {
    const Workbook wb = filled_workbook();
    const json all = compute_results(course(), wb, Lang::en);
    CHECK(all["lang"] == "en");
    CHECK(all["workbook"]["id"] == "wb-results");
    CHECK(all["content_version"] == course().version);
    CHECK(all["orphaned"] == json::array());

    SUBCASE("progress") {
        const json& p = all["units"][0]["progress"];
        CHECK(p["total"] == 14);
        CHECK(p["done"] == 13);  // forms: "interview" unrated
        CHECK(p["quiz_score"] == 4);  // q3 wrong
        CHECK(p["quiz_total"] == 5);
        CHECK(p["quiz_answered"] == 5);
        CHECK(all["units"][0]["exercises"][5]["done"] == false);
        CHECK(all["units"][0]["exercises"][0]["done"] == true);
    }
    SUBCASE("quadrant_map") {
        const json r = result_of(all, "unit1/map");
        CHECK(r["quadrants"][0]["id"] == "key");
        CHECK(r["quadrants"][0]["items"] == json{{{"index", 0}, {"name", "ACME"}, {"interest", 7}, {"influence", 8}}});
        CHECK(r["quadrants"][1]["items"][0]["name"] == "Beta");
        CHECK(r["quadrants"][2]["items"][0]["name"] == "Gamma");
        CHECK(r["quadrants"][3]["items"][0]["name"] == "Customer 4");
        CHECK(r["placed"] == 4);
        CHECK(r["unplaced"] == json{{{"index", 4}, {"name", "Delta"}}});
        CHECK(r["quadrants"][0]["strategies"][1] == json{{"id", "manage"}, {"text", "Manage carefully"}, {"rating", 2}});
        // Rated 4-5, best first, ties in content order.
        REQUIRE(r["top_strategies"].size() == 3);
        CHECK(r["top_strategies"][0]["id"] == "inform");
        CHECK(r["top_strategies"][1]["id"] == "close");
        CHECK(r["top_strategies"][2]["id"] == "consult");
        CHECK(r["top_strategies"][2]["quadrant"] == "informed");
    }
    SUBCASE("reflection, checklist, pairs") {
        const json refl = result_of(all, "unit1/reflect");
        CHECK(refl["entries"] == 2);
        CHECK(refl["answered"] == 3);
        CHECK(refl["total"] == 4);
        CHECK(refl["per_entry"][0] == json{{"title", "Big order"}, {"answered", 1}});

        const json ch = result_of(all, "unit1/channels");
        CHECK(ch["groups"][0] == json{{"id", "awareness"}, {"title", "Brand awareness"}, {"yes", 1}, {"no", 1}, {"unanswered", 0}, {"total", 2}});
        CHECK(ch["groups"][1]["yes"] == 1);
        CHECK(ch["overall"] == json{{"yes", 2}, {"no", 1}, {"unanswered", 0}, {"total", 3}});
        CHECK(ch["questions_answered"] == 1);
        CHECK(ch["questions_total"] == 1);

        const json pairs = result_of(all, "unit1/loyalty");
        CHECK(pairs == json{{"rows", 1}, {"entered", 2}});
    }
    SUBCASE("preference_scale") {
        // (1-3 + 2-3 + 3-3) / 3 = -1 -> left, strength |−1|/2 = 50 %.
        const json r = result_of(all, "unit1/blog");
        CHECK(r["answered"] == 3);
        CHECK(r["left"] == 2);
        CHECK(r["neutral"] == 1);
        CHECK(r["right"] == 0);
        CHECK(r["lean"].get<double>() == doctest::Approx(-1.0));
        CHECK(r["side"] == "left");
        CHECK(r["strength"].get<double>() == doctest::Approx(50.0));
        CHECK(r["side_label"] == "Website");
    }
    SUBCASE("rating_table") {
        const json r = result_of(all, "unit1/forms");
        CHECK(r["rows"][0]["average"].get<double>() == doctest::Approx(4.0));
        CHECK(r["rows"][1]["average"].get<double>() == doctest::Approx(2.5));
        CHECK(r["rows"][1]["rated"] == 2);
        CHECK(r["rows"][2]["average"].is_null());
        CHECK(r["ranking"] == json{"guide", "blog"});
        CHECK(r["best"] == "guide");
    }
    SUBCASE("nps_survey") {
        // 5 answered: promoters 10, 9, 9; passive 7; detractor 3 -> 60 % - 20 % = 40.
        const json r = result_of(all, "unit1/nps");
        CHECK(r["answered"] == 5);
        CHECK(r["promoters"] == 3);
        CHECK(r["passives"] == 1);
        CHECK(r["detractors"] == 1);
        CHECK(r["pct_promoters"].get<double>() == doctest::Approx(60.0));
        CHECK(r["pct_detractors"].get<double>() == doctest::Approx(20.0));
        CHECK(r["nps"].get<double>() == doctest::Approx(40.0));
        CHECK(r["respondents"][3] == json{{"index", 3}, {"name", "D"}, {"score", 7}, {"category", "passive"}});
        CHECK(r["respondents"][4]["category"] == "detractor");
        CHECK(r["respondents"][5] == json{{"index", 5}, {"name", "Respondent 6"}, {"score", nullptr}, {"category", "none"}});
    }
    SUBCASE("weighted_rating") {
        // 4*0.5 + 3*0.3 + 5*0.2 = 3.9 over weights 1.0 -> band [3, 4): "Good".
        const json r = result_of(all, "unit1/audit");
        CHECK(r["weight_sum"].get<double>() == doctest::Approx(1.0));
        CHECK(r["weights_ok"] == true);
        CHECK(r["complete"] == true);
        CHECK(r["rated"] == 3);
        CHECK(r["average"].get<double>() == doctest::Approx(3.9));
        CHECK(r["rows"][1]["product"].get<double>() == doctest::Approx(0.9));
        CHECK(r["band"] == 1);
        CHECK(r["band_text"] == "Good");
    }
    SUBCASE("weighted_comparison") {
        // challenges 4*0.6 + 2*0.4 = 3.2; benefits 5*0.5 + 3*0.5 = 4.0 -> the second is higher.
        const json r = result_of(all, "unit1/voicebot");
        CHECK(r["blocks"][0]["average"].get<double>() == doctest::Approx(3.2));
        CHECK(r["blocks"][1]["average"].get<double>() == doctest::Approx(4.0));
        CHECK(r["comparison"] == -1);
        CHECK(r["verdict"] == "second");
        CHECK(r["verdict_text"] == "Benefits outweigh");
        CHECK(r["complete"] == true);
    }
    SUBCASE("step_plan and survey") {
        const json p = result_of(all, "unit1/plan");
        CHECK(p["fields_filled"] == 1);
        CHECK(p["fields_total"] == 1);
        CHECK(p["checks_ticked"] == 1);
        CHECK(p["checks_total"] == 2);
        CHECK(p["steps"][1]["tool"] == "unit1/roi");
        CHECK(p["steps"][0]["tool"].is_null());

        const json s = result_of(all, "unit1/cloud");
        CHECK(s["agree"] == 3);
        CHECK(s["disagree"] == 1);
        CHECK(s["recommendation"] == "positive");
        CHECK(s["recommendation_text"] == "Go to the cloud");
    }
    SUBCASE("roi") {
        // total cost 10000 + 1000*3 = 13000; gain 6000*3 = 18000; net 5000; ROI 5000/13000 = 38.46 %;
        // payback 10000 / ((6000 - 1000) / 12) = 24 months.
        const json r = result_of(all, "unit1/roi");
        CHECK(r["complete"] == true);
        CHECK(r["currency"] == "€");
        CHECK(r["total_cost"].get<double>() == doctest::Approx(13000));
        CHECK(r["total_gain"].get<double>() == doctest::Approx(18000));
        CHECK(r["net"].get<double>() == doctest::Approx(5000));
        CHECK(r["roi_pct"].get<double>() == doctest::Approx(38.4615).epsilon(1e-4));
        CHECK(r["payback_months"].get<double>() == doctest::Approx(24.0));
    }
    SUBCASE("risk_register") {
        // Scores: outage 12 (high), leak 25 (critical), flu 2 (low), unknown unscored.
        const json r = result_of(all, "unit1/risks");
        REQUIRE(r["risks"].size() == 4);
        CHECK(r["risks"][0]["risk"] == "Data leak");
        CHECK(r["risks"][0]["score"] == 25);
        CHECK(r["risks"][0]["level"] == "critical");
        CHECK(r["risks"][1]["risk"] == "Server outage");
        CHECK(r["risks"][1]["level"] == "high");
        CHECK(r["risks"][1]["owner"] == "IT");
        CHECK(r["risks"][2]["level"] == "low");
        CHECK(r["risks"][3]["risk"] == "Unknown");
        CHECK(r["risks"][3]["score"].is_null());
        CHECK(r["levels"] == json{{"low", 1}, {"medium", 0}, {"high", 1}, {"critical", 1}});
        CHECK(r["heat"][4][4] == 1);
        CHECK(r["heat"][2][3] == 1);
        CHECK(r["heat"][0][1] == 1);
        CHECK(r["heat"][1][0] == 0);
        CHECK(r["scored"] == 3);
        CHECK(r["unscored"] == 1);
    }
    SUBCASE("quiz") {
        const json r = result_of(all, "unit1/quiz");
        CHECK(r["answered"] == 5);
        CHECK(r["correct"] == 4);
        CHECK(r["total"] == 5);
        CHECK(r["questions"][2] == json{{"id", "q3"}, {"answered", true}, {"correct", false}});
        CHECK(r["questions"][4]["correct"] == true);  // {b, a} equals the correct set {a, b}
    }
}

TEST_CASE("results follow the language, and exercise_result matches the full computation") {
    const Workbook wb = filled_workbook();
    const json pl = compute_results(course(), wb, Lang::pl);
    CHECK(pl["units"][0]["title"] == "Moduł testowy");
    CHECK(result_of(pl, "unit1/audit")["band_text"] == "Dobrze");
    CHECK(result_of(pl, "unit1/blog")["side_label"] == "Strona internetowa");
    CHECK(result_of(pl, "unit1/cloud")["recommendation_text"] == "Wybierz chmurę");
    CHECK(result_of(pl, "unit1/map")["quadrants"][1]["name"] == "Utrzymuj ich zadowolenie");

    const json one = exercise_result(course(), wb, "unit1/nps", Lang::pl);
    CHECK(one == pl["units"][0]["exercises"][6]);
    CHECK(one["kind"] == "nps_survey");
    CHECK(one["done"] == true);
    CHECK(exercise_result(course(), wb, "unit1/none", Lang::en).is_null());
    CHECK(exercise_result(course(), wb, "unit9/nps", Lang::en).is_null());
}

TEST_CASE("an empty workbook has results too, with nothing counted") {
    const Workbook wb = crb_test::empty_workbook();
    const json all = compute_results(course(), wb, Lang::en);
    CHECK(all["units"][0]["progress"]["done"] == 0);
    CHECK(result_of(all, "unit1/nps")["answered"] == 0);
    CHECK(result_of(all, "unit1/nps")["nps"] == 0);
    CHECK(result_of(all, "unit1/audit")["average"].is_null());
    CHECK(result_of(all, "unit1/audit")["band"].is_null());
    CHECK(result_of(all, "unit1/voicebot")["verdict"].is_null());
    CHECK(result_of(all, "unit1/roi")["complete"] == false);
    CHECK(result_of(all, "unit1/roi")["years"] == 3);
    CHECK(result_of(all, "unit1/roi")["roi_pct"].is_null());
    CHECK(result_of(all, "unit1/cloud")["recommendation"].is_null());
    CHECK(result_of(all, "unit1/risks")["risks"] == json::array());
    CHECK(result_of(all, "unit1/map")["top_strategies"] == json::array());
    CHECK(result_of(all, "unit1/forms")["best"].is_null());
    CHECK(result_of(all, "unit1/blog")["side"] == "balanced");
    CHECK(result_of(all, "unit1/quiz")["correct"] == 0);
}

TEST_CASE("orphaned answers appear in the results, not in the exercises") {
    Workbook wb = filled_workbook();
    wb.answers["unit5/gone"] = {{"x", 1}};
    const json all = compute_results(course(), wb, Lang::en);
    CHECK(all["orphaned"] == json{"unit5/gone"});
    CHECK(all["units"][0]["exercises"].size() == 14);
}

TEST_CASE("table_csv: NPS and risk tables, quoted, with formulas defused") {
    const Exercise* nps = course().exercise("unit1/nps");
    const Exercise* risks = course().exercise("unit1/risks");
    REQUIRE(nps);
    REQUIRE(risks);
    const json n = {{"respondents",
                     {{{"name", "Anna \"Ann\" K."}, {"score", 9}}, {{"name", "=HYPERLINK(1)"}, {"score", 4}},
                      {{"name", "Bo"}, {"score", nullptr}}}}};
    CHECK(table_csv(*nps, n) ==
          "no,respondent,score,category\n1,\"Anna \"\"Ann\"\" K.\",9,promoter\n2,\"'=HYPERLINK(1)\",4,detractor\n3,\"Bo\",,\n");
    CHECK(table_csv(*nps, json()) == "no,respondent,score,category\n");
    const json r = {{"risks", {{{"risk", "Outage"}, {"likelihood", 3}, {"impact", 4}, {"owner", "IT"}},
                               {{"risk", "+1 call"}, {"likelihood", 2}}}}};
    CHECK(table_csv(*risks, r) ==
          "risk,likelihood,impact,score,owner,response\n\"Outage\",3,4,12,\"IT\",\"\"\n\"'+1 call\",2,,,\"\",\"\"\n");
    const Exercise* map = course().exercise("unit1/map");
    REQUIRE(map);
    CHECK(table_csv(*map, json::object()).empty());
}

TEST_CASE("paste_nps_scores fills empty rows first, then adds unnamed rows; a bad line changes nothing") {
    json a = {{"respondents", {{{"name", "A"}, {"score", 7}}, {{"name", "B"}, {"score", nullptr}}}}};
    CHECK(paste_nps_scores(a, "10\n\n3") == 0);
    REQUIRE(a["respondents"].size() == 3);
    CHECK(a["respondents"][0]["score"] == 7);
    CHECK(a["respondents"][1]["score"] == 10);
    CHECK(a["respondents"][2] == json{{"name", ""}, {"score", 3}});
    const json before = a;
    CHECK(paste_nps_scores(a, "5\n11") == 2);
    CHECK(a == before);
    json none;
    CHECK(paste_nps_scores(none, "0") == 0);
    CHECK(none == json{{"respondents", {{{"name", ""}, {"score", 0}}}}});
}
