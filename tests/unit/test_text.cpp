// Reading material as plain text and as narration chunks.
#include <doctest/doctest.h>

#include <string>

#include "core/i18n.h"
#include "core/text.h"
#include "tests/unit/test_support.h"

using namespace crb;

namespace {
Strings strings() {
    Strings s;
    s.set(Lang::en, "unit", "Unit");
    s.set(Lang::pl, "unit", "Moduł");
    return s;
}
}  // namespace

TEST_CASE("unit text: title, headings, paragraphs and bullets") {
    const Unit& u = crb_test::course().units[0];
    CHECK(unit_text(u, Lang::en, strings()) ==
          "Unit 1. Test unit\n\n"
          "Introduction\n\n"
          "First paragraph.\n\n"
          "\xE2\x80\xA2 Alpha\n\xE2\x80\xA2 Beta\n\n"
          "Summary\n\n"
          "Last words.\n");
    CHECK(unit_text(u, Lang::pl, strings()).rfind("Moduł 1. Moduł testowy\n\nWprowadzenie\n\nPierwszy akapit.\n\n• Alfa\n• Beta (pl)", 0) == 0);
}

TEST_CASE("narration chunks join into the unit text") {
    const Unit& u = crb_test::course().units[0];
    const auto chunks = narration(u, Lang::pl, strings());
    REQUIRE(chunks.size() == 3);
    CHECK(chunks[0].section_id.empty());
    CHECK(chunks[0].heading == "Moduł 1. Moduł testowy");
    CHECK(chunks[1].section_id == "intro");
    CHECK(chunks[1].heading == "Wprowadzenie");
    CHECK(chunks[2].text == "Podsumowanie\n\nOstatnie słowa.");
    std::string joined;
    for (const auto& c : chunks) joined += (joined.empty() ? "" : "\n\n") + c.text;
    CHECK(joined + "\n" == unit_text(u, Lang::pl, strings()));
}

TEST_CASE("the shipped units read as text in both languages") {
    const Course& course = crb_test::shipped_course();
    Strings s;
    std::vector<std::string> errors;
    load_strings_dir(crb_test::source_dir() + "/content", s, errors);
    for (const auto& u : course.units) {
        for (const Lang l : kLangs) {
            const std::string text = unit_text(u, l, s);
            CHECK(text.rfind(s.get(l, "unit") + " " + std::to_string(u.number) + ". " + u.title.get(l), 0) == 0);
            CHECK(narration(u, l, s).size() == u.sections.size() + 1);
        }
    }
}
