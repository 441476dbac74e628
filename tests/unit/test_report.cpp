// The printable report and book: escaping of every learner text, language, document structure and
// accessibility basics, and the computed results that must appear.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/report.h"
#include "core/workbook.h"
#include "tests/unit/class_fixture.h"

using namespace crb;
using nlohmann::json;

namespace {

size_t count(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1))
        ++n;
    return n;
}

// Levels of <h1>..<h6> in document order.
std::vector<int> heading_levels(const std::string& html) {
    std::vector<int> out;
    for (size_t pos = html.find("<h"); pos != std::string::npos; pos = html.find("<h", pos + 1)) {
        const char c = pos + 2 < html.size() ? html[pos + 2] : 0;
        if (c >= '1' && c <= '6') out.push_back(c - '0');
    }
    return out;
}

// One h1 first, and never a jump of more than one level down (h2 -> h4).
void check_heading_order(const std::string& html) {
    const auto levels = heading_levels(html);
    REQUIRE_FALSE(levels.empty());
    CHECK(levels.front() == 1);
    CHECK(count(html, "<h1") == 1);
    for (size_t i = 1; i < levels.size(); ++i) {
        CHECK_MESSAGE(levels[i] <= levels[i - 1] + 1,
                      "heading h" << levels[i] << " after h" << levels[i - 1]);
    }
}

// No script, no external resource, a complete document.
void check_standalone(const std::string& html, const char* lang) {
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"" + std::string(lang) + "\">", 0) == 0);
    CHECK(count(html, "<meta charset=\"utf-8\">") == 1);
    CHECK(count(html, "<meta name=\"viewport\"") == 1);
    CHECK(count(html, "<title>") == 1);
    CHECK(count(html, "<style>") == 1);
    CHECK(html.find("@page") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("http:") == std::string::npos);
    CHECK(html.find("https:") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("src=") == std::string::npos);
    CHECK(html.size() > 100);
    CHECK(html.substr(html.size() - 8) == "</html>\n");
}

// A missing i18n key shows up as the key itself, at the start of an element's text.
void check_no_raw_keys(const std::string& html) {
    for (const char* prefix :
         {">report.", ">book.", ">result.", ">nps.", ">risk.", ">progress.", ">unit<", ">respondent<"}) {
        CHECK_MESSAGE(html.find(prefix) == std::string::npos, "untranslated key " << prefix);
    }
}

const char* kHostile = "<script>alert(1)</script> & \"quoted\" 'single'";
const char* kHostileEscaped =
    "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39;";

}  // namespace

TEST_CASE("html_escape escapes the five special characters") {
    CHECK(html_escape("") == "");
    CHECK(html_escape("plain żółć") == "plain żółć");
    CHECK(html_escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f");
    CHECK(html_escape("&amp;") == "&amp;amp;");
    CHECK(html_escape(kHostile) == kHostileEscaped);
}

TEST_CASE("report escapes every text the learner typed") {
    const Course& course = class_fixture::course();
    Workbook wb = class_fixture::workbook("learner_a.json");
    wb.name = kHostile;
    // Each answer below puts the hostile text ($H) into every free-text field of its kind.
    const std::vector<std::pair<std::string, std::string>> answers = {
        {"unit1/map", R"({"items": [{"name": $H, "interest": 7, "influence": 7}]})"},
        {"unit1/reflect", R"({"entries": [{"title": $H, "answers": {"what": $H}}]})"},
        {"unit1/checks", R"({"questions": {"same": $H}, "rows": {"ads": {"yes": true, "note": $H}}})"},
        {"unit1/pairs", R"({"rows": [{"left": $H, "right": $H}]})"},
        {"unit1/nps", R"({"respondents": [{"name": $H, "score": 9}]})"},
        {"unit2/plan", R"({"steps": {"vision": {"fields": {"goal": $H}}}})"},
        {"unit2/risks",
         R"({"risks": [{"risk": $H, "likelihood": 2, "impact": 3, "owner": $H, "response": $H}]})"},
    };
    const std::string quoted = json(kHostile).dump();
    for (const auto& [key, tmpl] : answers) {
        std::string text = tmpl;
        for (size_t pos = text.find("$H"); pos != std::string::npos;
             pos = text.find("$H", pos + quoted.size())) {
            text.replace(pos, 2, quoted);
        }
        const AnswerResult r = set_answer(wb, course, key, json::parse(text));
        REQUIRE_MESSAGE(r.ok(), key << ": " << r.error);
    }
    for (const Lang lang : kLangs) {
        const std::string html = render_report(course, wb, lang, class_fixture::strings());
        CHECK(html.find("<script") == std::string::npos);
        CHECK(html.find("alert(1)</") == std::string::npos);
        CHECK(html.find("'single'") == std::string::npos);
        CHECK(html.find("\"quoted\"") == std::string::npos);
        // name in <title> and <h1>, map item (table + results), reflection title + answer, checklist
        // question + note, pair left + right, NPS name, step field, risk text + owner + response
        CHECK(count(html, kHostileEscaped) >= 15);
    }
}

TEST_CASE("report language: lang attribute, labels and decimal separator") {
    const Workbook wb = class_fixture::workbook("learner_a.json");
    const std::string en = render_report(class_fixture::course(), wb, Lang::en, class_fixture::strings());
    const std::string pl = render_report(class_fixture::course(), wb, Lang::pl, class_fixture::strings());
    check_standalone(en, "en");
    check_standalone(pl, "pl");
    check_no_raw_keys(en);
    check_no_raw_keys(pl);

    CHECK(en.find("<title>Workbook report: Learner A") != std::string::npos);
    CHECK(pl.find("<title>Raport z zeszytu ćwiczeń: Learner A") != std::string::npos);
    CHECK(en.find("Last saved: 2024-05-02") != std::string::npos);
    CHECK(pl.find("Ostatni zapis: 02.05.2024") != std::string::npos);
    CHECK(en.find("Unit 1. Fixture unit one") != std::string::npos);
    CHECK(pl.find("Moduł 1. Moduł testowy pierwszy") != std::string::npos);
    CHECK(en.find("Keep informed") != std::string::npos);
    CHECK(pl.find("Zainteresowani") != std::string::npos);

    // NPS of learner A: 2 promoters, 1 detractor of 3 -> 33.3; weighted average 4.10; ROI 25.0%.
    CHECK(en.find("<dd>33.3</dd>") != std::string::npos);
    CHECK(pl.find("<dd>33,3</dd>") != std::string::npos);
    CHECK(en.find("<dd>2 (66.7%)</dd>") != std::string::npos);
    CHECK(pl.find("<dd>2 (66,7%)</dd>") != std::string::npos);
    CHECK(en.find("<dd>4.10</dd>") != std::string::npos);
    CHECK(pl.find("<dd>4,10</dd>") != std::string::npos);
    CHECK(en.find("<dd>25.0%</dd>") != std::string::npos);
    CHECK(pl.find("<dd>25,0%</dd>") != std::string::npos);
    CHECK(en.find("12,000.00\xC2\xA0€") != std::string::npos);
    CHECK(pl.find("12\xC2\xA0"
                  "000,00\xC2\xA0€") != std::string::npos);
}

TEST_CASE("report structure and accessibility") {
    const Course& course = class_fixture::course();
    const Workbook wb = class_fixture::workbook("learner_a.json");
    const std::string html = render_report(course, wb, Lang::en, class_fixture::strings());
    check_heading_order(html);
    CHECK(count(html, "<h2") == 1 + course.units.size());  // overview + one per unit
    CHECK(count(html, "<h3") == course.exercise_count());
    CHECK(count(html, "<section class=\"unit\"") == course.units.size());
    CHECK(html.find(".unit { break-before: page;") != std::string::npos);
    // Every table has column headers with a scope, and no header cell lacks one.
    CHECK(count(html, "<table") == count(html, "<thead><tr><th scope=\"col\">"));
    CHECK(count(html, "<th>") == 0);
    CHECK(count(html, "<table") == count(html, "</table>"));
    CHECK(count(html, "<section") == count(html, "</section>"));
    // The unanswered quiz of unit 2 says so.
    CHECK(count(html, "No answers yet.") == 1);
}

TEST_CASE("report shows the computed results") {
    const Workbook a = class_fixture::workbook("learner_a.json");
    const std::string html = render_report(class_fixture::course(), a, Lang::en, class_fixture::strings());
    CHECK(html.find("<dt>Interpretation</dt><dd>Excellent</dd>") !=
          std::string::npos);  // 4.1 is in the top band
    CHECK(html.find("<dd>Benefits outweigh challenges.</dd>") != std::string::npos);
    CHECK(html.find("<dd>Go for the cloud.</dd>") != std::string::npos);
    CHECK(html.find("<dt>Score</dt><dd>3 of 5</dd>") != std::string::npos);
    CHECK(html.find("<dd>24.0 months</dd>") != std::string::npos);
    CHECK(html.find("Your preferences lean towards: Website") != std::string::npos);
    CHECK(html.find("<li>Guide (4.50)</li><li>Video (2.00)</li>") != std::string::npos);
    CHECK(html.find("<dt>Key customers</dt><dd>ACME</dd>") != std::string::npos);
    CHECK(html.find("<dt>Monitor</dt><dd>none</dd>") != std::string::npos);
    CHECK(html.find("Odpowiedzi") == std::string::npos);
    // Risks sorted by score: 20 (critical) before 10 (high) before 6 (medium), level written out.
    const size_t staff = html.find("Key staff leave"), outage = html.find("Server outage"),
                 review = html.find("Bad review");
    REQUIRE(staff != std::string::npos);
    CHECK(staff < outage);
    CHECK(outage < review);
    CHECK(html.find("<td class=\"level-critical\">Critical</td>") != std::string::npos);

    // Learner B: the audit lacks a row, so the report says what is missing instead of a band.
    const Workbook b = class_fixture::workbook("learner_b.json");
    const std::string hb = render_report(class_fixture::course(), b, Lang::en, class_fixture::strings());
    CHECK(hb.find("2 of 3 rows rated and weighted.") != std::string::npos);
    CHECK(hb.find("<dt>Interpretation</dt>") == std::string::npos);
    CHECK(hb.find("Answer every statement") == std::string::npos);  // B answered all four
    CHECK(hb.find("<dd>Not yet.</dd>") != std::string::npos);
}

TEST_CASE("report of an empty workbook") {
    const Course& course = class_fixture::course();
    Workbook wb = crb_test::empty_workbook();
    wb.name = "";
    for (const Lang lang : kLangs) {
        const std::string html = render_report(course, wb, lang, class_fixture::strings());
        check_standalone(html, lang_code(lang));
        check_heading_order(html);
        check_no_raw_keys(html);
        CHECK(count(html, lang == Lang::en ? "No answers yet." : "Na razie brak odpowiedzi.") ==
              course.exercise_count());
        CHECK(count(html, "<div class=\"results\">") == 0);
    }
    // Blank default rows (a fresh NPS answer) count as no answer either.
    REQUIRE(set_answer(wb, course, "unit1/nps", initial_answer(*course.exercise("unit1/nps"))).ok());
    const std::string html = render_report(course, wb, Lang::en, class_fixture::strings());
    CHECK(count(html, "No answers yet.") == course.exercise_count());
}

TEST_CASE("book: the unit's reading material") {
    const Course& course = class_fixture::course();
    const Unit& unit = *course.unit("unit1");
    const std::string en = render_book(course, "unit1", Lang::en, class_fixture::strings());
    const std::string pl = render_book(course, "unit1", Lang::pl, class_fixture::strings());
    check_standalone(en, "en");
    check_standalone(pl, "pl");
    check_heading_order(en);
    check_no_raw_keys(en);
    check_no_raw_keys(pl);
    CHECK(count(en, "<h2") == 2 + unit.sections.size());  // outcomes, contents, sections
    CHECK(count(en, "<h1>Unit 1. Fixture unit one</h1>") == 1);
    CHECK(count(pl, "<h1>Moduł 1. Moduł testowy pierwszy</h1>") == 1);
    CHECK(en.find("Learning outcomes") != std::string::npos);
    CHECK(pl.find("Efekty uczenia się") != std::string::npos);
    CHECK(en.find("<li>Map your customers.</li>") != std::string::npos);
    CHECK(en.find("<li><a href=\"#s-example\">Example</a></li>") != std::string::npos);
    CHECK(en.find("<p>Customers &amp; partners &lt;matter&gt;.</p>") != std::string::npos);
    CHECK(en.find("<li><strong>NPS</strong> – a loyalty score</li>") != std::string::npos);
    CHECK(render_book(course, "unit9", Lang::en, class_fixture::strings()).empty());
}

TEST_CASE("report and books render for the shipped course") {
    const Course& course = crb_test::shipped_course();
    const Workbook wb = crb_test::empty_workbook();
    for (const Lang lang : kLangs) {
        const std::string report = render_report(course, wb, lang, class_fixture::strings());
        check_standalone(report, lang_code(lang));
        check_heading_order(report);
        check_no_raw_keys(report);
        for (const auto& u : course.units) {
            const std::string book = render_book(course, u.id, lang, class_fixture::strings());
            check_standalone(book, lang_code(lang));
            check_heading_order(book);
            check_no_raw_keys(book);
        }
    }
}
