// The accessible HTML mirror (core/mirror.h): every screen of the real course renders well-formed,
// escaped HTML whose controls all have a unique id and an accessible name, every control's pointer
// accepts a value through mirror_edit() + the workbook's validation (so the form of each of the 14
// kinds matches its answer shape), results show the same numbers as core's results, and typed
// numbers out of range are refused with the canvas's message.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "core/mirror.h"
#include "core/results.h"
#include "tests/unit/test_support.h"

using namespace crb;
using nlohmann::json;

namespace {

const Strings& strings() {
    static const Strings s = [] {
        Strings st;
        std::vector<std::string> errors;
        REQUIRE(load_strings_dir(crb_test::source_dir() + "/content", st, errors));
        return st;
    }();
    return s;
}

// A start tag found in the HTML: its name and attributes (values unescaped for &quot; and &amp;).
struct Tag {
    std::string name;
    std::map<std::string, std::string> attrs;
    size_t end = 0;  // offset after '>'
    bool has(const std::string& a) const { return attrs.count(a) > 0; }
    std::string get(const std::string& a) const {
        auto it = attrs.find(a);
        return it == attrs.end() ? std::string() : it->second;
    }
};

std::string unescape(std::string v) {
    const std::pair<const char*, const char*> ents[] = {{"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}};
    for (const auto& [from, to] : ents)
        for (size_t p = v.find(from); p != std::string::npos; p = v.find(from, p + 1)) v.replace(p, std::string(from).size(), to);
    return v;
}

std::vector<Tag> start_tags(const std::string& html) {
    std::vector<Tag> out;
    for (size_t i = html.find('<'); i != std::string::npos; i = html.find('<', i + 1)) {
        if (i + 1 >= html.size() || html[i + 1] == '/' || html[i + 1] == '!') continue;
        Tag t;
        size_t p = i + 1;
        while (p < html.size() && std::isalnum(static_cast<unsigned char>(html[p]))) t.name += html[p++];
        while (p < html.size() && html[p] != '>') {
            while (p < html.size() && html[p] == ' ') ++p;
            std::string name;
            while (p < html.size() && html[p] != '=' && html[p] != ' ' && html[p] != '>') name += html[p++];
            std::string value;
            if (p < html.size() && html[p] == '=') {
                REQUIRE(html[p + 1] == '"');
                const size_t close = html.find('"', p + 2);
                value = unescape(html.substr(p + 2, close - p - 2));
                p = close + 1;
            }
            if (!name.empty()) t.attrs[name] = value;
        }
        t.end = p + 1;
        out.push_back(t);
    }
    return out;
}

// Open and close tags balance for the elements we write (void elements excluded).
void check_balanced(const std::string& html) {
    std::vector<std::string> stack;
    const std::set<std::string> voids = {"input", "br", "meta"};
    for (size_t i = html.find('<'); i != std::string::npos; i = html.find('<', i + 1)) {
        const bool close = html[i + 1] == '/';
        size_t p = i + (close ? 2 : 1);
        std::string name;
        while (p < html.size() && std::isalnum(static_cast<unsigned char>(html[p]))) name += html[p++];
        if (name.empty() || voids.count(name)) continue;
        if (!close) {
            stack.push_back(name);
        } else {
            REQUIRE_MESSAGE(!stack.empty(), "unexpected </" << name << ">");
            REQUIRE_MESSAGE(stack.back() == name, "</" << name << "> closes <" << stack.back() << ">");
            stack.pop_back();
        }
    }
    CHECK(stack.empty());
}

std::vector<MirrorRoute> every_route(const Course& c) {
    std::vector<MirrorRoute> out = {MirrorRoute{}};
    for (const auto& u : c.units) {
        for (auto p : {MirrorRoute::Page::overview, MirrorRoute::Page::read, MirrorRoute::Page::listen, MirrorRoute::Page::summary})
            out.push_back({p, u.id, ""});
        for (const auto& ex : u.exercises) out.push_back({MirrorRoute::Page::exercise, u.id, ex.id});
    }
    return out;
}

// Checks one rendered screen; returns its form controls.
std::vector<Tag> check_screen(const std::string& html) {
    check_balanced(html);
    CHECK(html.find("style=") == std::string::npos);   // CSP: no inline styles
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("a11y.") == std::string::npos);    // no missing string shown as its key
    const auto tags = start_tags(html);
    std::set<std::string> ids, label_for;
    for (const auto& t : tags) {
        if (t.has("id")) CHECK_MESSAGE(ids.insert(t.get("id")).second, "duplicate id " << t.get("id"));
        if (t.name == "label") label_for.insert(t.get("for"));
    }
    std::vector<Tag> controls;
    int h1 = 0;
    for (const auto& t : tags) {
        if (t.name == "h1") ++h1;
        if (t.has("aria-labelledby")) {
            std::string refs = t.get("aria-labelledby") + " ";
            for (size_t a = 0, b = refs.find(' '); b != std::string::npos; a = b + 1, b = refs.find(' ', a))
                if (b > a) CHECK_MESSAGE(ids.count(refs.substr(a, b - a)), "aria-labelledby refers to missing id " << refs.substr(a, b - a));
        }
        if (t.name != "input" && t.name != "select" && t.name != "textarea") continue;
        CHECK(t.has("id"));
        CHECK_MESSAGE((t.has("aria-labelledby") || label_for.count(t.get("id"))), "control without a name: " << t.get("id"));
        if (t.has("data-input-for")) {  // text for an action button (Paste scores), not an answer field
            CHECK_MESSAGE(ids.count(t.get("data-input-for")), "input for a missing button " << t.get("data-input-for"));
            continue;
        }
        CHECK(t.has("data-key"));
        CHECK(t.has("data-ptr"));
        controls.push_back(t);
    }
    CHECK(h1 == 1);
    return controls;
}

// The first non-empty option value of a select starting at `from`.
std::string first_option(const std::string& html, size_t from) {
    const size_t end = html.find("</select>", from);
    for (const auto& t : start_tags(html.substr(from, end - from)))
        if (t.name == "option" && !t.get("value").empty()) return t.get("value");
    return "";
}

json sample_event(const Tag& t, const std::string& html) {
    json ev = {{"op", "set"}, {"key", t.get("data-key")}, {"ptr", t.get("data-ptr")}, {"type", t.get("data-type")}, {"id", t.get("id")}};
    const std::string type = t.get("data-type");
    if (type == "text") ev["text"] = "Zażółć <b>&amp;</b>";
    else if (type == "int" || type == "number") {
        ev["text"] = t.get("data-min");
        ev["min"] = t.get("data-min");
        ev["max"] = t.get("data-max");
    } else if (type == "bool") ev["checked"] = true;
    else if (type == "multi") ev["values"] = json::array({t.get("value")});
    else if (type == "choice") ev["text"] = t.name == "select" ? first_option(html, t.end) : t.get("value");
    return ev;
}

}  // namespace

TEST_CASE("every screen of the course renders valid, named controls in both languages") {
    const Course& c = crb_test::shipped_course();
    for (Lang lang : kLangs) {
        for (const auto& route : every_route(c)) {
            CAPTURE(mirror_hash(c, route, lang));
            Workbook wb = crb_test::empty_workbook();
            const std::string html = render_mirror(c, wb, strings(), lang, route, {"Could not save <now>"});
            const auto controls = check_screen(html);
            CHECK(html.find("data-screen=\"" + mirror_hash(c, route, lang) + "\"") != std::string::npos);
            CHECK(html.find("Could not save &lt;now&gt;") != std::string::npos);
            if (route.page == MirrorRoute::Page::exercise) {
                CHECK((!controls.empty() || html.find("data-action=\"add\"") != std::string::npos));
                CHECK(html.find("aria-live=\"polite\"") != std::string::npos);
            }
        }
    }
}

TEST_CASE("every control of every exercise stores a valid value through mirror_edit") {
    const Course& c = crb_test::shipped_course();
    for (const auto& u : c.units) {
        for (const auto& ex : u.exercises) {
            const std::string key = exercise_key(u.id, ex.id);
            CAPTURE(key);
            Workbook wb = crb_test::empty_workbook();
            const MirrorRoute route{MirrorRoute::Page::exercise, u.id, ex.id};
            // Lists that start empty (pairs, risks, customers) get a row through their add button first.
            for (const auto& t : start_tags(render_mirror(c, wb, strings(), Lang::pl, route))) {
                if (t.get("data-action") != "add") continue;
                const MirrorEdit e = mirror_edit(c, wb, strings(), Lang::pl,
                                                 json{{"op", "add"}, {"key", t.get("data-key")}, {"ptr", t.get("data-ptr")}, {"value", t.get("data-value")}});
                CHECK(e.structural);
                REQUIRE(e.changed);
                REQUIRE(set_answer(wb, c, key, e.answer).ok());
            }
            const std::string html = render_mirror(c, wb, strings(), Lang::pl, route);
            int stored = 0;
            for (const auto& t : check_screen(html)) {
                CAPTURE(t.get("data-ptr"));
                const MirrorEdit e = mirror_edit(c, wb, strings(), Lang::pl, sample_event(t, html));
                CHECK(e.key == key);
                CHECK(e.error.empty());
                CHECK(e.control == t.get("id"));
                CHECK(t.get("id").rfind(mirror_control_id(key, t.get("data-ptr")), 0) == 0);
                if (!e.changed) continue;
                const AnswerResult r = set_answer(wb, c, key, e.answer);
                CHECK_MESSAGE(r.ok(), r.error);
                if (r.ok()) ++stored;
            }
            CHECK(stored > 0);
            // Learner text comes back escaped, both in the form and in the results.
            const std::string after = render_mirror(c, wb, strings(), Lang::pl, route);
            CHECK(after.find("<b>") == std::string::npos);
            check_screen(after);
        }
    }
}

TEST_CASE("NPS typed in the mirror gives the same numbers as core's results, in words") {
    const Course& c = crb_test::shipped_course();
    Workbook wb = crb_test::empty_workbook();
    const int scores[] = {10, 9, 9, 8, 7, 6, 3, 10, 0, 9};
    for (int i = 0; i < 10; ++i) {
        json ev = {{"op", "set"}, {"key", "unit2/nps"}, {"ptr", "/respondents/" + std::to_string(i) + "/score"},
                   {"type", "int"}, {"text", std::to_string(scores[i])}, {"min", "0"}, {"max", "10"}, {"empty", "null"}};
        const MirrorEdit e = mirror_edit(c, wb, strings(), Lang::en, ev);
        REQUIRE(e.changed);
        REQUIRE(set_answer(wb, c, "unit2/nps", e.answer).ok());
    }
    CHECK(exercise_result(c, wb, "unit2/nps", Lang::en)["result"]["nps"].get<double>() == doctest::Approx(20.0));
    const MirrorResults r = render_mirror_results(c, wb, strings(), Lang::en, "unit2/nps");
    CHECK(r.live.find("<dt>Net Promoter Score</dt><dd>20.0</dd>") != std::string::npos);
    CHECK(r.live.find("50.0% (5)") != std::string::npos);
    CHECK(r.detail.find("Promoter") != std::string::npos);
    CHECK(r.detail.find("Detractor") != std::string::npos);
    const MirrorResults pl = render_mirror_results(c, wb, strings(), Lang::pl, "unit2/nps");
    CHECK(pl.live.find("20,0") != std::string::npos);
}

TEST_CASE("typed numbers out of range are refused with the canvas's message and the old value put back") {
    const Course& c = crb_test::shipped_course();
    Workbook wb = crb_test::empty_workbook();
    json ev = {{"op", "set"}, {"key", "unit2/nps"}, {"ptr", "/respondents/1/score"}, {"type", "int"}, {"text", "1"},
               {"orig", ""}, {"min", "0"}, {"max", "10"}, {"empty", "null"}, {"id", "c-x"}};
    MirrorEdit e = mirror_edit(c, wb, strings(), Lang::en, ev);
    REQUIRE(set_answer(wb, c, "unit2/nps", e.answer).ok());
    CHECK(answer_at(wb, "unit2/nps", "/respondents/1/score")->get<int>() == 1);
    ev["text"] = "11";
    e = mirror_edit(c, wb, strings(), Lang::en, ev);
    CHECK(e.error == "Enter a whole number from 0 to 10. The value was not saved.");
    CHECK(e.control == "c-x");
    REQUIRE(e.changed);
    REQUIRE(set_answer(wb, c, "unit2/nps", e.answer).ok());
    CHECK(answer_at(wb, "unit2/nps", "/respondents/1/score")->is_null());
    ev["text"] = "abc";
    CHECK_FALSE(mirror_edit(c, wb, strings(), Lang::en, ev).error.empty());

    // Weights: a decimal comma is fine; a value off the 0.05 grid passes parsing but not validation.
    json w = {{"op", "set"}, {"key", "unit3/crm_audit"}, {"ptr", "/rows/active_use/weight"}, {"type", "number"},
              {"text", "0,35"}, {"min", "0.10"}, {"max", "0.90"}};
    e = mirror_edit(c, wb, strings(), Lang::pl, w);
    CHECK(e.error.empty());
    REQUIRE(set_answer(wb, c, "unit3/crm_audit", e.answer).ok());
    CHECK(answer_at(wb, "unit3/crm_audit", "/rows/active_use/weight")->get<double>() == doctest::Approx(0.35));
    w["text"] = "0.33";
    e = mirror_edit(c, wb, strings(), Lang::pl, w);
    CHECK(e.error.empty());
    CHECK_FALSE(set_answer(wb, c, "unit3/crm_audit", e.answer).ok());
    CHECK(e.invalid == strings().get(Lang::pl, "err.weight_range"));
    w["text"] = "1.5";
    CHECK(mirror_edit(c, wb, strings(), Lang::pl, w).error == strings().get(Lang::pl, "err.weight_range"));
}

TEST_CASE("row actions add, move, fill, remove and reset") {
    const Course& c = crb_test::shipped_course();
    Workbook wb = crb_test::empty_workbook();
    auto apply = [&](json ev) {
        const MirrorEdit e = mirror_edit(c, wb, strings(), Lang::en, ev);
        CHECK(e.structural);
        if (e.clear) clear_answer(wb, ev["key"].get<std::string>());
        if (e.changed) REQUIRE(set_answer(wb, c, ev["key"].get<std::string>(), e.answer).ok());
    };
    const std::string key = "unit1/loyalty";
    REQUIRE(c.exercise(key));
    REQUIRE(c.exercise(key)->kind == Kind::pair_table);
    apply({{"op", "fill"}, {"key", key}, {"ptr", "/rows"}, {"value", R"([{"left": "a", "right": "b"}, {"left": "c", "right": "d"}])"}});
    apply({{"op", "add"}, {"key", key}, {"ptr", "/rows"}, {"value", R"({"left": "e", "right": ""})"}});
    CHECK(answer(wb, key)->at("rows").size() == 3);
    apply({{"op", "up"}, {"key", key}, {"ptr", "/rows/2"}});
    CHECK(answer(wb, key)->at("rows")[1]["left"] == "e");
    apply({{"op", "down"}, {"key", key}, {"ptr", "/rows/0"}});
    CHECK(answer(wb, key)->at("rows")[0]["left"] == "e");
    apply({{"op", "remove"}, {"key", key}, {"ptr", "/rows/0"}});
    CHECK(answer(wb, key)->at("rows").size() == 2);
    CHECK(answer(wb, key)->at("rows")[0]["left"] == "a");
    apply({{"op", "reset"}, {"key", key}, {"ptr", ""}});
    CHECK(answer(wb, key) == nullptr);
    // Unknown exercises, malformed pointers and odd events change nothing.
    CHECK(mirror_edit(c, wb, strings(), Lang::en, json{{"op", "set"}, {"key", "unit9/x"}, {"ptr", "/a"}}).key.empty());
    CHECK_FALSE(mirror_edit(c, wb, strings(), Lang::en, json{{"op", "set"}, {"key", key}, {"ptr", "rows"}, {"type", "text"}}).changed);
    CHECK_FALSE(mirror_edit(c, wb, strings(), Lang::en, json{{"op", "up"}, {"key", key}, {"ptr", "/rows/0"}}).changed);
    CHECK_FALSE(mirror_edit(c, wb, strings(), Lang::en, json::array()).changed);
}

TEST_CASE("mirror hashes are the app's deep links and the language link keeps the place") {
    const Course& c = crb_test::shipped_course();
    CHECK(mirror_hash(c, MirrorRoute{}, Lang::pl) == "#/pl");
    CHECK(mirror_hash(c, {MirrorRoute::Page::overview, "unit2", ""}, Lang::en) == "#/en/unit/2");
    CHECK(mirror_hash(c, {MirrorRoute::Page::read, "unit2", ""}, Lang::en) == "#/en/unit/2/read");
    CHECK(mirror_hash(c, {MirrorRoute::Page::exercise, "unit2", "nps"}, Lang::pl) == "#/pl/unit/2/nps");
    Workbook wb = crb_test::empty_workbook();
    const std::string html = render_mirror(c, wb, strings(), Lang::en, {MirrorRoute::Page::exercise, "unit2", "nps"});
    CHECK(html.find("href=\"#/pl/unit/2/nps\" lang=\"pl\" hreflang=\"pl\">Polski</a>") != std::string::npos);
    CHECK(html.find("aria-current=\"page\"") != std::string::npos);
}

TEST_CASE("the accessible NPS and risk pages offer paste and CSV, the overview the unit book") {
    const Course& c = crb_test::shipped_course();
    const Workbook wb = crb_test::empty_workbook();
    const std::string nps = render_mirror(c, wb, strings(), Lang::pl, MirrorRoute{MirrorRoute::Page::exercise, "unit2", "nps"});
    CHECK(nps.find("<textarea id=\"m-paste-unit2-nps\"") != std::string::npos);
    CHECK(nps.find("data-action=\"paste\" data-key=\"unit2/nps\" data-source=\"m-paste-unit2-nps\"") != std::string::npos);
    CHECK(nps.find("data-action=\"csv\" data-key=\"unit2/nps\"") != std::string::npos);
    CHECK(nps.find("<label for=\"m-paste-unit2-nps\">Wklej oceny</label>") != std::string::npos);
    const std::string overview = render_mirror(c, wb, strings(), Lang::en, MirrorRoute{MirrorRoute::Page::overview, "unit1", ""});
    CHECK(overview.find("data-action=\"book\" data-key=\"unit1\"") != std::string::npos);
}
