// mirror.cpp — the accessible HTML mirror (see mirror.h).
//
// [SECTION] Small helpers: strings, numbers, ids, attributes
// [SECTION] Controls
// [SECTION] Exercise forms, one per kind
// [SECTION] Results
// [SECTION] Pages and the whole fragment
// [SECTION] Edits coming back
#include "core/mirror.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/answer_read.h"
#include "core/calc/calc.h"
#include "core/json_checks.h"
#include "core/report.h"
#include "core/results.h"
#include "core/text.h"

namespace crb {

using answers::member;
using nlohmann::json;
namespace jc = json_checks;

namespace {

// [SECTION] Small helpers: strings, numbers, ids, attributes --------------------------------------

constexpr const char* kDash = "\xE2\x80\x94";
const char* const kRoman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII"};

std::string esc(std::string_view t) { return html_escape(t); }

struct Label;

// The page being written plus what every piece needs: language and strings.
struct Out {
    const Course& course;
    const Workbook& wb;
    const Strings& strings;
    Lang lang;
    std::string html;

    const std::string& s(std::string_view key) const { return strings.get(lang, key); }
    // UI strings with positional placeholders ("{0} of {1}"), as the canvas fills them.
    std::string f(std::string_view key, std::initializer_list<std::string_view> args) const {
        return fill_args(s(key), args);
    }
    const char* t(const Text& text) const { return text.get(lang).c_str(); }
    std::string num(double v, int decimals) const { return calc::format_number(v, decimals, lang == Lang::pl); }

    Out& raw(std::string_view h) {
        html += h;
        return *this;
    }
    Out& text(std::string_view t) {
        html_escape_append(html, t);
        return *this;
    }
    // name="escaped value", with a leading space.
    Out& a(const char* name, std::string_view value);
    // A control's id and its data-key / data-ptr / data-type (what mirror_edit() reads back).
    Out& bind(std::string_view key, std::string_view ptr, const char* type, std::string_view id) {
        return a("id", id).a("data-key", key).a("data-ptr", ptr).a("data-type", type);
    }
    // aria-labelledby of the header cells naming a control (nothing when it has a <label>).
    Out& lab(const Label& l);
    // <tag attrs>escaped text</tag>
    Out& el(const char* tag, std::string_view t, std::string_view attrs = "") {
        html += '<';
        html += tag;
        html += attrs;
        html += '>';
        html += esc(t);
        html += "</";
        html += tag;
        html += ">\n";
        return *this;
    }
};

std::string unit_label(const Out& o, const Unit& u) {
    const char* roman = (u.number >= 1 && u.number <= 8) ? kRoman[u.number - 1] : "?";
    return o.f("unit.label", {roman});
}

// Ids: exercise keys and pointers hold only [a-z0-9_/] and digits, so '-' keeps them unique.
std::string id_part(std::string_view s) {
    std::string out;
    for (char ch : s) {
        const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
        out += ok ? ch : '-';
    }
    return out;
}

// ` name="escaped value"` appended to `out` (Out::a), or as a string of its own (attr).
void append_attr(std::string& out, const char* name, std::string_view value) {
    out += ' ';
    out += name;
    out += "=\"";
    html_escape_append(out, value);
    out += '"';
}

std::string attr(const char* name, std::string_view value) {
    std::string out;
    append_attr(out, name, value);
    return out;
}

Out& Out::a(const char* name, std::string_view value) {
    append_attr(html, name, value);
    return *this;
}

std::string opt_int_text(const json* v) {
    const auto i = answers::int_of(v);
    return i ? std::to_string(*i) : std::string();
}

// A number as shown in an input: weights with two decimals, money without decimals when whole.
std::string number_text(const Out& o, const json* v, bool money) {
    const auto d = answers::number_of(v);
    if (!d) return std::string();
    if (money) return o.num(*d, *d == std::floor(*d) ? 0 : 2);
    return o.num(*d, 2);
}

// [SECTION] Controls --------------------------------------------------------------------------------

// Who names a control: the ids of visible header cells (aria-labelledby), or a <label for>.
struct Label {
    std::string ids;  // space-separated ids for aria-labelledby
};

Out& Out::lab(const Label& l) { return l.ids.empty() ? *this : a("aria-labelledby", l.ids); }

// A single-line or multi-line text input.
void text_input(Out& o, std::string_view key, const std::string& ptr, const std::string& value, const Label& l,
                bool multiline) {
    const std::string id = mirror_control_id(key, ptr);
    if (multiline) {
        o.raw("<textarea rows=\"3\"")
            .bind(key, ptr, "text", id)
            .lab(l)
            .raw(">")
            .text(value)
            .raw("</textarea>");
    } else {
        o.raw("<input type=\"text\" autocomplete=\"off\"")
            .bind(key, ptr, "text", id)
            .lab(l)
            .a("value", value)
            .raw(">");
    }
}

// A text input for a number, checked by mirror_edit(): int (whole numbers) or number (decimals).
void number_input(Out& o, std::string_view key, const std::string& ptr, const std::string& value, const Label& l,
                  const char* type, double min, double max, bool empty_null) {
    const std::string id = mirror_control_id(key, ptr);
    const bool whole = std::string_view(type) == "int";
    o.raw("<input type=\"text\" class=\"m-num\" autocomplete=\"off\"")
        .bind(key, ptr, type, id)
        .lab(l)
        .a("inputmode", whole ? "numeric" : "decimal")
        .a("data-min", calc::format_number(min, whole ? 0 : 2, false))
        .a("data-max", calc::format_number(max, whole ? 0 : 2, false))
        .raw(empty_null ? " data-empty=\"null\"" : "")
        .a("value", value)
        .raw(">");
}

struct Option {
    std::string value;  // a JSON literal, or "" for "not answered"
    std::string label;
};

// A select; its value is a JSON literal ("" removes the answer).
void select(Out& o, std::string_view key, const std::string& ptr, const std::string& current,
            const std::vector<Option>& options, const Label& l) {
    const std::string id = mirror_control_id(key, ptr);
    o.raw("<select").bind(key, ptr, "choice", id).lab(l).raw(">");
    for (const auto& opt : options) {
        o.raw("<option")
            .a("value", opt.value)
            .raw(opt.value == current ? " selected" : "")
            .raw(">")
            .text(opt.label)
            .raw("</option>");
    }
    o.raw("</select>");
}

std::vector<Option> scale_options(const Out& o, int lo, int hi, bool with_empty) {
    std::vector<Option> v;
    if (with_empty) v.push_back({"", o.s("result.unanswered")});
    for (int i = lo; i <= hi; ++i) v.push_back({std::to_string(i), std::to_string(i)});
    return v;
}

// A row action button named by its own text and the row header: "Remove Respondent 3".
void row_button(Out& o, std::string_view key, const std::string& ptr, const char* action, const char* text_key,
                const std::string& row_header_id) {
    const std::string id = "b-" + std::string(action) + "-" + id_part(key) + id_part(ptr);
    o.raw("<button type=\"button\"")
        .a("id", id)
        .a("data-action", action)
        .a("data-key", key)
        .a("data-ptr", ptr)
        .a("aria-labelledby", id + " " + row_header_id)
        .raw(">")
        .text(o.s(text_key))
        .raw("</button>");
}

void add_button(Out& o, std::string_view key, const std::string& ptr, const json& value, const char* text_key) {
    o.raw("<p><button type=\"button\"")
        .a("id", "b-add-" + id_part(key) + id_part(ptr))
        .raw(" data-action=\"add\"")
        .a("data-key", key)
        .a("data-ptr", ptr)
        .a("data-value", value.dump())
        .raw(">")
        .text(o.s(text_key))
        .raw("</button></p>\n");
}

// "Export table as CSV": the app downloads crb::table_csv of this exercise's answer.
void csv_button(Out& o, std::string_view key) {
    o.raw("<p><button type=\"button\"")
        .a("id", "b-csv-" + id_part(key))
        .raw(" data-action=\"csv\"")
        .a("data-key", key)
        .raw(">")
        .text(o.s("ex.csv"))
        .raw("</button></p>\n");
}

// <thead> with header cells that controls refer to: {id, text}; an empty text is a blank cell.
using Col = std::pair<std::string_view, std::string_view>;
void table_head(Out& o, const Col* cols, size_t n) {
    o.raw("<thead><tr>");
    for (size_t i = 0; i < n; ++i) {
        const auto& [id, text] = cols[i];
        if (text.empty()) {
            o.raw("<td></td>");
            continue;
        }
        o.raw("<th scope=\"col\"");
        if (!id.empty()) o.a("id", id);
        o.raw(">").text(text).raw("</th>");
    }
    o.raw("</tr></thead>\n<tbody>\n");
}
void table_head(Out& o, std::initializer_list<Col> cols) { table_head(o, cols.begin(), cols.size()); }
void table_head(Out& o, const std::vector<std::pair<std::string, std::string>>& cols) {
    std::vector<Col> views(cols.begin(), cols.end());
    table_head(o, views.data(), views.size());
}

std::string row_header(Out& o, const std::string& id, std::string_view text) {
    o.raw("<th scope=\"row\"").a("id", id).raw(">").text(text).raw("</th>");
    return id;
}

// A textarea (or input) with a visible <label> above it.
void labelled_text(Out& o, std::string_view key, const std::string& ptr, const std::string& value,
                   std::string_view label, bool multiline) {
    const std::string id = mirror_control_id(key, ptr);
    o.raw("<p class=\"m-field\"><label").a("for", id).raw(">").text(label).raw("</label>");
    text_input(o, key, ptr, value, Label{}, multiline);
    o.raw("</p>\n");
}

void labelled_number(Out& o, std::string_view key, const std::string& ptr, const std::string& value,
                     std::string_view label, const char* type, double min, double max) {
    const std::string id = mirror_control_id(key, ptr);
    o.raw("<p class=\"m-field\"><label").a("for", id).raw(">").text(label).raw("</label>");
    number_input(o, key, ptr, value, Label{}, type, min, max, false);
    o.raw("</p>\n");
}

void labelled_select(Out& o, std::string_view key, const std::string& ptr, const std::string& current,
                     const std::vector<Option>& options, std::string_view label) {
    const std::string id = mirror_control_id(key, ptr);
    o.raw("<p class=\"m-field\"><label").a("for", id).raw(">").text(label).raw("</label>");
    select(o, key, ptr, current, options, Label{});
    o.raw("</p>\n");
}

// [SECTION] Exercise forms, one per kind -----------------------------------------------------------

struct Form {
    Out& o;
    std::string key;
    const json& a;  // the answer, or the kind's initial answer when none is stored
    std::string hid(std::string_view what) const { return "h-" + id_part(key) + "-" + id_part(what); }
};

void quadrant_form(Form& fm, const QuadrantMap& m) {
    Out& o = fm.o;
    const json* items = member(&fm.a, "items");
    o.el("h2", o.s("qm.items"));
    const std::string cn = fm.hid("col-name"), cx = fm.hid("col-x"), cy = fm.hid("col-y");
    const size_t n = items && items->is_array() ? items->size() : 0;
    if (n > 0) {
        o.raw("<table class=\"m-table\">");
        table_head(o, {{"", ""}, {cn, o.s("ui.name")}, {cx, o.t(m.axis_x)}, {cy, o.t(m.axis_y)}, {"", ""}});
        for (size_t i = 0; i < n; ++i) {
            const json& it = (*items)[i];
            const std::string p = "/items/" + std::to_string(i);
            o.raw("<tr>");
            const std::string rh = row_header(o, fm.hid("item-" + std::to_string(i)), m.item_label.numbered(i, o.lang));
            o.raw("<td>");
            text_input(o, fm.key, p + "/name", answers::string_of(member(&it, "name")), {rh + " " + cn}, false);
            o.raw("</td><td>");
            select(o, fm.key, p + "/interest", opt_int_text(member(&it, "interest")), scale_options(o, 0, 10, false),
                   {rh + " " + cx});
            o.raw("</td><td>");
            select(o, fm.key, p + "/influence", opt_int_text(member(&it, "influence")), scale_options(o, 0, 10, false),
                   {rh + " " + cy});
            o.raw("</td><td>");
            row_button(o, fm.key, p, "remove", "ui.remove", rh);
            o.raw("</td></tr>\n");
        }
        o.raw("</tbody></table>\n");
    }
    add_button(o, fm.key, "/items", json{{"name", ""}, {"interest", 5}, {"influence", 5}}, "qm.add");

    o.el("h2", o.s("qm.strategies"));
    const json* ratings = member(&fm.a, "ratings");
    const bool order[4][2] = {{true, true}, {true, false}, {false, true}, {false, false}};
    for (const auto& ord : order) {
        const auto* q = m.find(ord[0], ord[1]);
        if (!q) continue;
        const std::string cs = fm.hid("q-" + q->id + "-s"), ci = fm.hid("q-" + q->id + "-i");
        o.raw("<table class=\"m-table\"><caption>").text(o.t(q->name)).raw("</caption>");
        table_head(o, {{cs, o.s("report.strategy")}, {ci, o.s("report.importance")}});
        for (const auto& st : q->strategies) {
            o.raw("<tr>");
            const std::string rh = row_header(o, fm.hid("s-" + st.id), o.t(st.text));
            o.raw("<td>");
            select(o, fm.key, "/ratings/" + st.id, opt_int_text(member(ratings, st.id)), scale_options(o, 1, 5, true),
                   {rh + " " + ci});
            o.raw("</td></tr>\n");
        }
        o.raw("</tbody></table>\n");
    }
}

void reflection_form(Form& fm, const Reflection& r) {
    Out& o = fm.o;
    const json* entries = member(&fm.a, "entries");
    const size_t n = entries && entries->is_array() ? entries->size() : 0;
    for (size_t e = 0; e < n; ++e) {
        const json& entry = (*entries)[e];
        const std::string p = "/entries/" + std::to_string(e);
        const json* ans = member(&entry, "answers");
        if (r.repeat) {
            const std::string lid = fm.hid("entry-" + std::to_string(e));
            o.raw("<fieldset class=\"m-group\"><legend")
                .a("id", lid)
                .raw(">")
                .text(r.repeat_label.numbered(e, o.lang))
                .raw("</legend>\n");
            labelled_text(o, fm.key, p + "/title", answers::string_of(member(&entry, "title")), o.s("rf.title"), false);
            for (const auto& q : r.questions)
                labelled_text(o, fm.key, p + "/answers/" + q.id, answers::string_of(member(ans, q.id)), o.t(q.text), true);
            if (n > 1) {
                o.raw("<p>");
                row_button(o, fm.key, p, "remove", "ui.remove", lid);
                o.raw("</p>\n");
            }
            o.raw("</fieldset>\n");
        } else {
            for (const auto& q : r.questions)
                labelled_text(o, fm.key, p + "/answers/" + q.id, answers::string_of(member(ans, q.id)), o.t(q.text), true);
        }
    }
    if (r.repeat) add_button(o, fm.key, "/entries", json{{"title", ""}, {"answers", json::object()}}, "rf.add");
}

std::vector<Option> yes_no_options(const Out& o) {
    return {{"", o.s("result.unanswered")}, {"true", o.s("ui.yes")}, {"false", o.s("ui.no")}};
}

std::string bool_text(const json* v) {
    const auto b = answers::bool_of(v);
    return b ? (*b ? "true" : "false") : "";
}

void checklist_form(Form& fm, const ChecklistTable& t) {
    Out& o = fm.o;
    const json* questions = member(&fm.a, "questions");
    for (const auto& q : t.questions)
        labelled_text(o, fm.key, "/questions/" + q.id, answers::string_of(member(questions, q.id)), o.t(q.text), true);
    const json* rows = member(&fm.a, "rows");
    for (const auto& g : t.groups) {
        const std::string cd = fm.hid("g-" + g.id + "-d"), ca = fm.hid("g-" + g.id + "-a"), cn = fm.hid("g-" + g.id + "-n");
        o.raw("<table class=\"m-table\"><caption>").text(o.t(g.title)).raw("</caption>");
        table_head(o, {{cd, o.t(t.col_dimension)}, {fm.hid("g-" + g.id + "-desc"), o.t(t.col_description)},
                       {ca, o.t(t.col_answer)}, {cn, o.s("cl.note")}});
        for (const auto& row : g.rows) {
            const json* cell = member(rows, row.id);
            o.raw("<tr>");
            const std::string rh = row_header(o, fm.hid("r-" + row.id), o.t(row.dimension));
            o.raw("<td>").text(o.t(row.description));
            if (!row.items.empty()) {
                o.raw("<ul>");
                for (const auto& it : row.items) o.raw("<li>").text(o.t(it)).raw("</li>");
                o.raw("</ul>");
            }
            o.raw("</td><td>");
            select(o, fm.key, "/rows/" + row.id + "/yes", bool_text(member(cell, "yes")), yes_no_options(o), {rh + " " + ca});
            o.raw("</td><td>");
            text_input(o, fm.key, "/rows/" + row.id + "/note", answers::string_of(member(cell, "note")), {rh + " " + cn},
                       false);
            o.raw("</td></tr>\n");
        }
        o.raw("</tbody></table>\n");
    }
}

void pair_form(Form& fm, const PairTable& t) {
    Out& o = fm.o;
    o.el("h2", o.s("pt.examples"));
    o.raw("<ul>");
    for (const auto& ex : t.examples) o.raw("<li>").text(std::string(o.t(ex.left)) + " \xE2\x86\x92 " + o.t(ex.right)).raw("</li>");
    o.raw("</ul>\n");
    const json* rows = member(&fm.a, "rows");
    const size_t n = rows && rows->is_array() ? rows->size() : 0;
    if (n == 0) {
        json examples = json::array();
        for (const auto& ex : t.examples) examples.push_back({{"left", ex.left.get(o.lang)}, {"right", ex.right.get(o.lang)}});
        o.raw("<p><button type=\"button\"")
            .a("id", "b-fill-" + id_part(fm.key))
            .raw(" data-action=\"fill\"")
            .a("data-key", fm.key)
            .raw(" data-ptr=\"/rows\"")
            .a("data-value", examples.dump())
            .raw(">")
            .text(o.s("pt.use_examples"))
            .raw("</button></p>\n");
        add_button(o, fm.key, "/rows", json{{"left", ""}, {"right", ""}}, "ui.add_row");
        return;
    }
    const std::string cl = fm.hid("left"), cr = fm.hid("right");
    o.raw("<table class=\"m-table\">");
    table_head(o, {{"", ""}, {cl, o.t(t.col_left)}, {cr, o.t(t.col_right)}, {"", ""}});
    for (size_t i = 0; i < n; ++i) {
        const json& row = (*rows)[i];
        const std::string p = "/rows/" + std::to_string(i);
        o.raw("<tr>");
        const std::string rh = row_header(o, fm.hid("row-" + std::to_string(i)), o.f("a11y.row", {std::to_string(i + 1)}));
        o.raw("<td>");
        text_input(o, fm.key, p + "/left", answers::string_of(member(&row, "left")), {rh + " " + cl}, true);
        o.raw("</td><td>");
        text_input(o, fm.key, p + "/right", answers::string_of(member(&row, "right")), {rh + " " + cr}, true);
        o.raw("</td><td class=\"m-actions\">");
        if (i > 0) row_button(o, fm.key, p, "up", "ui.move_up", rh);
        if (i + 1 < n) row_button(o, fm.key, p, "down", "ui.move_down", rh);
        row_button(o, fm.key, p, "remove", "ui.remove", rh);
        o.raw("</td></tr>\n");
    }
    o.raw("</tbody></table>\n");
    add_button(o, fm.key, "/rows", json{{"left", ""}, {"right", ""}}, "ui.add_row");
}

void preference_form(Form& fm, const PreferenceScale& s) {
    Out& o = fm.o;
    const json* rows = member(&fm.a, "rows");
    const std::string cc = fm.hid("choice");
    const std::string left = o.t(s.col_left), right = o.t(s.col_right);
    auto fill_side = [&](const char* key, const std::string& side) { return fill(o.s(key), {{"side", side}}); };
    const std::vector<Option> options = {{"", o.s("result.unanswered")},
                                         {"1", "1 \xE2\x80\x93 " + fill_side("report.pref_full", left)},
                                         {"2", "2 \xE2\x80\x93 " + fill_side("report.pref_rather", left)},
                                         {"3", "3 \xE2\x80\x93 " + o.s("report.pref_neutral")},
                                         {"4", "4 \xE2\x80\x93 " + fill_side("report.pref_rather", right)},
                                         {"5", "5 \xE2\x80\x93 " + fill_side("report.pref_full", right)}};
    o.raw("<table class=\"m-table\">");
    table_head(o, {{fm.hid("feature"), o.t(s.col_feature)}, {fm.hid("left"), left}, {fm.hid("right"), right},
                   {cc, o.s("report.choice")}});
    for (const auto& row : s.rows) {
        o.raw("<tr>");
        const std::string rh = row_header(o, fm.hid("r-" + row.id), o.t(row.feature));
        o.raw("<td>").text(o.t(row.left)).raw("</td><td>").text(o.t(row.right)).raw("</td><td>");
        select(o, fm.key, "/rows/" + row.id, opt_int_text(member(rows, row.id)), options, {rh + " " + cc});
        o.raw("</td></tr>\n");
    }
    o.raw("</tbody></table>\n");
}

void rating_form(Form& fm, const RatingTable& t) {
    Out& o = fm.o;
    const json* rows = member(&fm.a, "rows");
    std::vector<std::pair<std::string, std::string>> cols = {{fm.hid("item"), o.t(t.col_item)},
                                                             {fm.hid("desc"), o.t(t.col_description)}};
    for (const auto& c : t.criteria) cols.push_back({fm.hid("c-" + c.id), o.t(c.text)});
    o.raw("<table class=\"m-table\">");
    table_head(o, cols);
    for (const auto& row : t.rows) {
        o.raw("<tr>");
        const std::string rh = row_header(o, fm.hid("r-" + row.id), o.t(row.label));
        o.raw("<td>").text(o.t(row.description)).raw("</td>");
        for (const auto& c : t.criteria) {
            o.raw("<td>");
            select(o, fm.key, "/rows/" + row.id + "/" + c.id, opt_int_text(member(member(rows, row.id), c.id)),
                   scale_options(o, 1, 5, true), {rh + " " + fm.hid("c-" + c.id)});
            o.raw("</td>");
        }
        o.raw("</tr>\n");
    }
    o.raw("</tbody></table>\n");
}

void nps_form(Form& fm, const NpsSurvey& s) {
    Out& o = fm.o;
    o.raw("<p><strong>").text(o.s("report.question")).raw(":</strong> ").text(o.t(s.question)).raw("</p>\n");
    const json* rows = member(&fm.a, "respondents");
    const size_t n = rows && rows->is_array() ? rows->size() : 0;
    const std::string cn = fm.hid("name"), cs = fm.hid("score");
    o.raw("<table class=\"m-table\">");
    table_head(o, {{"", ""}, {cn, o.s("ui.name")}, {cs, o.s("nps.score_col")}, {"", ""}});
    for (size_t i = 0; i < n; ++i) {
        const json& r = (*rows)[i];
        const std::string p = "/respondents/" + std::to_string(i);
        o.raw("<tr>");
        const std::string rh = row_header(o, fm.hid("r-" + std::to_string(i)), s.respondent_label.numbered(i, o.lang));
        o.raw("<td>");
        text_input(o, fm.key, p + "/name", answers::string_of(member(&r, "name")), {rh + " " + cn}, false);
        o.raw("</td><td>");
        number_input(o, fm.key, p + "/score", opt_int_text(member(&r, "score")), {rh + " " + cs}, "int", 0, 10, true);
        o.raw("</td><td>");
        row_button(o, fm.key, p, "remove", "ui.remove", rh);
        o.raw("</td></tr>\n");
    }
    o.raw("</tbody></table>\n");
    add_button(o, fm.key, "/respondents", json{{"name", ""}, {"score", nullptr}}, "nps.add");
    // Paste scores: a labelled text area and a button that sends its text (data-source).
    const std::string area = "m-paste-" + id_part(fm.key);
    o.raw("<p><label")
        .a("for", area)
        .raw(">")
        .text(o.s("nps.paste"))
        .raw("</label><br><span class=\"m-hint\"")
        .a("id", area + "-help")
        .raw(">")
        .text(o.s("nps.paste_help"))
        .raw("</span><br><textarea")
        .a("id", area)
        .a("aria-describedby", area + "-help")
        .a("data-input-for", "b-paste-" + id_part(fm.key))
        .raw(" rows=\"4\" cols=\"12\"></textarea><br><button type=\"button\"")
        .a("id", "b-paste-" + id_part(fm.key))
        .raw(" data-action=\"paste\"")
        .a("data-key", fm.key)
        .a("data-source", area)
        .raw(">")
        .text(o.s("nps.paste_do"))
        .raw("</button></p>\n");
    csv_button(o, fm.key);
}

// The rows of one weighted block: rating 1-5 (select) and weight 0.1-0.9 (typed).
void weighted_table(Form& fm, const std::string& base, const std::string& item_header, const std::vector<IdText>& rows,
                    const json* rows_obj, std::string_view caption) {
    Out& o = fm.o;
    const std::string cr = fm.hid(base + "-rating"), cw = fm.hid(base + "-weight");
    o.raw("<table class=\"m-table\">");
    if (!caption.empty()) o.raw("<caption>").text(caption).raw("</caption>");
    table_head(o, {{fm.hid(base + "-item"), item_header}, {cr, o.s("w.rating")}, {cw, o.s("w.weight")}});
    for (const auto& r : rows) {
        const json* cell = member(rows_obj, r.id);
        const std::string p = base + "/rows/" + r.id;
        o.raw("<tr>");
        const std::string rh = row_header(o, fm.hid(base + "-r-" + r.id), o.t(r.text));
        o.raw("<td>");
        select(o, fm.key, p + "/rating", opt_int_text(member(cell, "rating")), scale_options(o, 1, 5, true), {rh + " " + cr});
        o.raw("</td><td>");
        number_input(o, fm.key, p + "/weight", number_text(o, member(cell, "weight"), false), {rh + " " + cw}, "number",
                     0.1, 0.9, false);
        o.raw("</td></tr>\n");
    }
    o.raw("</tbody></table>\n");
}

void weighted_rating_form(Form& fm, const WeightedRating& s) {
    weighted_table(fm, "", fm.o.t(s.col_item), s.rows, member(&fm.a, "rows"), "");
}

void weighted_comparison_form(Form& fm, const WeightedComparison& s) {
    const json* blocks = member(&fm.a, "blocks");
    for (const auto& b : s.blocks) {
        fm.o.el("h2", fm.o.t(b.title));
        weighted_table(fm, "/blocks/" + b.id, fm.o.t(b.title), b.rows, member(member(blocks, b.id), "rows"), "");
    }
}

void step_plan_form(Form& fm, const StepPlan& p, const Unit& u) {
    Out& o = fm.o;
    const json* steps = member(&fm.a, "steps");
    int n = 0;
    for (const auto& st : p.steps) {
        ++n;
        const json* sj = member(steps, st.id);
        o.raw("<section class=\"m-step\"").a("aria-labelledby", fm.hid("step-" + st.id)).raw(">");
        o.el("h2", o.f("sp.step", {std::to_string(n)}) + ": " + o.t(st.name), attr("id", fm.hid("step-" + st.id)));
        o.el("p", o.t(st.description));
        if (!st.bullets.empty()) {
            o.raw("<ul>");
            for (const auto& b : st.bullets) o.raw("<li>").text(o.t(b)).raw("</li>");
            o.raw("</ul>\n");
        }
        for (const auto& f : st.fields)
            labelled_text(o, fm.key, "/steps/" + st.id + "/fields/" + f.id,
                          answers::string_of(member(member(sj, "fields"), f.id)), o.t(f.text), true);
        if (!st.checklist.empty()) {
            o.raw("<fieldset class=\"m-group\"><legend>").text(o.s("sp.checklist")).raw("</legend>\n");
            for (const auto& c : st.checklist) {
                const std::string ptr = "/steps/" + st.id + "/checks/" + c.id;
                const std::string id = mirror_control_id(fm.key, ptr);
                const bool on = answers::bool_of(member(member(sj, "checks"), c.id)).value_or(false);
                o.raw("<p class=\"m-check\"><input type=\"checkbox\"")
                    .bind(fm.key, ptr, "bool", id)
                    .raw(on ? " checked" : "")
                    .raw("><label")
                    .a("for", id)
                    .raw(">")
                    .text(o.t(c.text))
                    .raw("</label></p>\n");
            }
            o.raw("</fieldset>\n");
        }
        if (!st.tool.empty() && u.exercise(st.tool)) {
            MirrorRoute r{MirrorRoute::Page::exercise, u.id, st.tool};
            o.raw("<p><a")
                .a("href", mirror_hash(o.course, r, o.lang))
                .raw(">")
                .text(o.s("sp.open_tool") + ": " + o.t(u.exercise(st.tool)->title))
                .raw("</a></p>\n");
        }
        o.raw("</section>\n");
    }
}

void survey_form(Form& fm, const Survey& s) {
    Out& o = fm.o;
    const json* st_ans = member(&fm.a, "statements");
    int n = 0;
    for (const auto& st : s.statements) {
        const std::string ptr = "/statements/" + st.id;
        const std::string cur = bool_text(member(st_ans, st.id));
        o.raw("<fieldset class=\"m-group m-radios\"><legend>").text(std::to_string(++n) + ". " + o.t(st.text)).raw("</legend>");
        const std::pair<const char*, const char*> choices[2] = {{"true", "sv.agree"}, {"false", "sv.disagree"}};
        for (const auto& [value, label] : choices) {
            const std::string id = mirror_control_id(fm.key, ptr) + "-" + value;
            o.raw("<span class=\"m-choice\"><input type=\"radio\"")
                .a("id", id)
                .a("name", mirror_control_id(fm.key, ptr))
                .a("data-key", fm.key)
                .a("data-ptr", ptr)
                .raw(" data-type=\"choice\"")
                .a("value", value)
                .raw(cur == value ? " checked" : "")
                .raw("><label")
                .a("for", id)
                .raw(">")
                .text(o.s(label))
                .raw("</label></span>");
        }
        o.raw("</fieldset>\n");
    }
}

void quiz_form(Form& fm, const Quiz& q) {
    Out& o = fm.o;
    int n = 0;
    for (const auto& question : q.questions) {
        const std::string ptr = "/questions/" + question.id;
        const auto chosen = answers::quiz_chosen(question, &fm.a);
        const std::string hint_id = mirror_control_id(fm.key, ptr) + "-hint";
        o.raw("<fieldset class=\"m-group\"")
            .a("aria-describedby", hint_id)
            .raw("><legend>")
            .text(std::to_string(++n) + ". " + o.t(question.text))
            .raw("</legend>");
        o.el("p", o.s(question.multiple ? "qz.choose_many" : "qz.choose_one"), attr("id", hint_id) + " class=\"m-hint\"");
        for (const auto& opt : question.options) {
            const std::string id = mirror_control_id(fm.key, ptr) + "-" + opt.id;
            const bool on = std::find(chosen.begin(), chosen.end(), opt.id) != chosen.end();
            o.raw("<p class=\"m-check\"><input type=\"")
                .raw(question.multiple ? "checkbox" : "radio")
                .raw("\"")
                .a("id", id)
                .a("name", mirror_control_id(fm.key, ptr))
                .a("data-key", fm.key)
                .a("data-ptr", ptr)
                .raw(" data-type=\"multi\"")
                .a("value", opt.id)
                .raw(on ? " checked" : "")
                .raw("><label")
                .a("for", id)
                .raw(">")
                .text(o.t(opt.text))
                .raw("</label></p>\n");
        }
        o.raw("</fieldset>\n");
    }
}

void roi_form(Form& fm, const Roi& s) {
    Out& o = fm.o;
    const char* keys[3] = {"cost", "benefit", "running"};
    const char* labels[3] = {"roi.cost", "roi.benefit", "roi.running"};
    for (int i = 0; i < 3; ++i) {
        labelled_number(o, fm.key, std::string("/") + keys[i], number_text(o, member(&fm.a, keys[i]), true),
                        o.s(labels[i]) + " (" + s.currency + ")", "number", 0, 1e9);
    }
    const auto years = answers::int_of(member(&fm.a, "years")).value_or(s.default_years);
    labelled_select(o, fm.key, "/years", std::to_string(years), scale_options(o, 1, 10, false), o.s("roi.years"));
}

void risk_form(Form& fm, const RiskRegister& s) {
    Out& o = fm.o;
    if (!s.examples.empty()) {
        o.el("h2", o.s("rr.examples"));
        o.raw("<ul>");
        for (const auto& e : s.examples) {
            o.raw("<li>")
                .text(std::string(o.t(e.risk)) + " (" + o.s("risk.likelihood") + " " + std::to_string(e.likelihood) + " \xC3\x97 " +
                      o.s("risk.impact") + " " + std::to_string(e.impact) + " = " + std::to_string(e.likelihood * e.impact) + ")")
                .raw("</li>");
        }
        o.raw("</ul>\n");
    }
    const json* risks = member(&fm.a, "risks");
    const size_t n = risks && risks->is_array() ? risks->size() : 0;
    for (size_t i = 0; i < n; ++i) {
        const json& r = (*risks)[i];
        const std::string p = "/risks/" + std::to_string(i);
        const std::string lid = fm.hid("risk-" + std::to_string(i));
        o.raw("<fieldset class=\"m-group\"><legend")
            .a("id", lid)
            .raw(">")
            .text(o.s("rr.risk") + " " + std::to_string(i + 1))
            .raw("</legend>\n");
        labelled_text(o, fm.key, p + "/risk", answers::string_of(member(&r, "risk")), o.s("rr.risk"), false);
        labelled_select(o, fm.key, p + "/likelihood", opt_int_text(member(&r, "likelihood")), scale_options(o, 1, 5, true),
                        o.s("rr.likelihood"));
        labelled_select(o, fm.key, p + "/impact", opt_int_text(member(&r, "impact")), scale_options(o, 1, 5, true),
                        o.s("rr.impact"));
        labelled_text(o, fm.key, p + "/owner", answers::string_of(member(&r, "owner")), o.s("rr.owner"), false);
        labelled_text(o, fm.key, p + "/response", answers::string_of(member(&r, "response")), o.s("rr.response"), false);
        o.raw("<p>");
        row_button(o, fm.key, p, "remove", "ui.remove", lid);
        o.raw("</p></fieldset>\n");
    }
    add_button(o, fm.key, "/risks", json{{"risk", ""}, {"owner", ""}, {"response", ""}}, "rr.add");
    csv_button(o, fm.key);
}

void exercise_form(Out& o, const Unit& u, const Exercise& ex) {
    const std::string key = exercise_key(u.id, ex.id);
    const json* stored = answer(o.wb, key);
    const json a = stored && stored->is_object() ? *stored : initial_answer(ex);
    Form fm{o, key, a};
    if (const auto* s = ex.as<QuadrantMap>()) quadrant_form(fm, *s);
    else if (const auto* s = ex.as<Reflection>()) reflection_form(fm, *s);
    else if (const auto* s = ex.as<ChecklistTable>()) checklist_form(fm, *s);
    else if (const auto* s = ex.as<PairTable>()) pair_form(fm, *s);
    else if (const auto* s = ex.as<PreferenceScale>()) preference_form(fm, *s);
    else if (const auto* s = ex.as<RatingTable>()) rating_form(fm, *s);
    else if (const auto* s = ex.as<NpsSurvey>()) nps_form(fm, *s);
    else if (const auto* s = ex.as<WeightedRating>()) weighted_rating_form(fm, *s);
    else if (const auto* s = ex.as<WeightedComparison>()) weighted_comparison_form(fm, *s);
    else if (const auto* s = ex.as<StepPlan>()) step_plan_form(fm, *s, u);
    else if (const auto* s = ex.as<Survey>()) survey_form(fm, *s);
    else if (const auto* s = ex.as<Quiz>()) quiz_form(fm, *s);
    else if (const auto* s = ex.as<Roi>()) roi_form(fm, *s);
    else if (const auto* s = ex.as<RiskRegister>()) risk_form(fm, *s);
}

// [SECTION] Results ---------------------------------------------------------------------------------

// Reading results JSON defensively (results.h shapes).
std::optional<double> num_at(const json& r, const char* k) { return answers::number_of(member(&r, k)); }
int int_at(const json& r, const char* k) { return answers::int_of(member(&r, k)).value_or(0); }
bool bool_at(const json& r, const char* k) { return answers::bool_of(member(&r, k)).value_or(false); }
const std::string& str_at(const json& r, const char* k) { return answers::string_of(member(&r, k)); }
const json& arr_at(const json& r, const char* k) {
    static const json empty = json::array();
    const json* a = member(&r, k);
    return a && a->is_array() ? *a : empty;
}

// <dl> of label: value pairs.
struct Facts {
    Out& o;
    bool open = false;
    void add(std::string_view label, std::string_view value_html) {
        if (!open) o.raw("<dl class=\"m-facts\">\n");
        open = true;
        o.raw("<dt>").text(label).raw("</dt><dd>").raw(value_html).raw("</dd>\n");
    }
    void text(std::string_view label, std::string_view value) { add(label, esc(value)); }
    void close() {
        if (open) o.raw("</dl>\n");
        open = false;
    }
};

void para(Out& o, std::string_view t) { o.el("p", t); }

void quadrant_results(Out& live, const json& r) {
    Facts f{live};
    for (const auto& q : arr_at(r, "quadrants")) {
        std::string names;
        for (const auto& it : arr_at(q, "items")) names += (names.empty() ? "" : ", ") + str_at(it, "name");
        f.text(str_at(q, "name"), names.empty() ? live.s("qm.empty_quadrant") : names);
    }
    std::string unplaced;
    for (const auto& it : arr_at(r, "unplaced")) unplaced += (unplaced.empty() ? "" : ", ") + str_at(it, "name");
    if (!unplaced.empty()) f.text(live.s("result.unplaced"), unplaced);
    std::string list;
    for (const auto& t : arr_at(r, "top_strategies"))
        list += "<li>" + esc(str_at(t, "text")) + " (" + std::to_string(int_at(t, "rating")) + "/5)</li>";
    f.add(live.s("result.top_strategies"), list.empty() ? esc(live.s("report.none")) : "<ol>" + list + "</ol>");
    f.close();
}

void nps_results(Out& live, Out& detail, const json& r, const Strings& strings) {
    if (int_at(r, "answered") == 0) {
        para(live, live.s("nps.no_answers"));
    } else {
        Facts f{live};
        f.text(live.s("nps.nps"), live.num(num_at(r, "nps").value_or(0), 1));
        f.text(live.s("result.answered"), std::to_string(int_at(r, "answered")));
        const std::pair<const char*, const char*> groups[3] = {
            {"nps.promoters", "promoters"}, {"nps.passives", "passives"}, {"nps.detractors", "detractors"}};
        for (const auto& [label, k] : groups) {
            const std::string pct = std::string("pct_") + k;
            f.text(live.s(label), live.num(num_at(r, pct.c_str()).value_or(0), 1) + "% (" + std::to_string(int_at(r, k)) + ")");
        }
        f.close();
    }
    // Every respondent's group, as text (never colour alone).
    detail.raw("<table class=\"m-table\"><caption>").text(detail.s("nps.category")).raw("</caption>");
    table_head(detail, {{"", detail.s("nps.respondent")}, {"", detail.s("nps.score_col")}, {"", detail.s("nps.category")}});
    for (const auto& row : arr_at(r, "respondents")) {
        const std::string& cat = str_at(row, "category");
        const std::string label = cat == "none" || cat.empty() ? kDash : strings.get(detail.lang, "nps." + cat);
        const auto score = answers::int_of(member(&row, "score"));
        detail.raw("<tr><th scope=\"row\">").text(str_at(row, "name")).raw("</th><td>");
        detail.text(score ? std::to_string(*score) : kDash).raw("</td><td>").text(label).raw("</td></tr>\n");
    }
    detail.raw("</tbody></table>\n");
}

// The facts of one weighted block; returns true when it is complete.
bool weighted_block(Facts& f, const json& b, const std::string& prefix) {
    Out& o = f.o;
    const std::string sum = o.num(num_at(b, "weight_sum").value_or(0), 2);
    f.text(prefix + o.s("result.weight_sum"), bool_at(b, "weights_ok") ? o.f("w.sum_ok", {sum}) : o.f("w.sum_bad", {sum}));
    const auto avg = num_at(b, "average");
    f.text(prefix + o.s("w.average"), avg ? o.num(*avg, 2) : kDash);
    if (!bool_at(b, "complete"))
        f.text(prefix + o.s("report.missing"), o.f("w.missing", {std::to_string(int_at(b, "rated")), std::to_string(int_at(b, "total"))}));
    return bool_at(b, "complete");
}

void weighted_products(Out& detail, const json& b, std::string_view caption) {
    detail.raw("<table class=\"m-table\"><caption>").text(caption).raw("</caption>");
    table_head(detail, {{"", detail.s("report.item")}, {"", detail.s("w.rating")}, {"", detail.s("w.weight")},
                        {"", detail.s("w.product")}});
    for (const auto& row : arr_at(b, "rows")) {
        const auto rating = answers::int_of(member(&row, "rating"));
        const auto weight = num_at(row, "weight");
        const auto product = num_at(row, "product");
        detail.raw("<tr><th scope=\"row\">").text(str_at(row, "text")).raw("</th><td>");
        detail.text(rating ? std::to_string(*rating) : kDash).raw("</td><td>");
        detail.text(weight ? detail.num(*weight, 2) : kDash).raw("</td><td>");
        detail.text(product ? detail.num(*product, 2) : kDash).raw("</td></tr>\n");
    }
    detail.raw("</tbody></table>\n");
}

void risk_results(Out& live, Out& detail, const json& r) {
    const auto level_text = [&](const std::string& level) { return live.s("risk.level." + level); };
    std::string list;
    for (const auto& risk : arr_at(r, "risks")) {
        if (str_at(risk, "level").empty()) continue;
        const std::string& name = str_at(risk, "risk");
        list += "<li>" + esc(name.empty() ? "?" : name) + " \xE2\x80\x94 " + esc(live.s("risk.score")) + " " +
                std::to_string(int_at(risk, "score")) + " (" + esc(level_text(str_at(risk, "level"))) + ")</li>";
    }
    live.el("h3", live.s("rr.sorted"));
    if (list.empty()) para(live, live.s("ui.none_yet"));
    else
        live.raw("<ol>").raw(list).raw("</ol>\n");
    // Heat map: every cell says its count and its level in words.
    const json& heat = arr_at(r, "heat");
    if (heat.size() != 5) return;
    detail.raw("<table class=\"m-table m-heat\"><caption>").text(detail.s("rr.heat")).raw("</caption>");
    std::vector<std::pair<std::string, std::string>> cols = {{"", detail.s("risk.likelihood") + " \\ " + detail.s("risk.impact")}};
    for (int i = 1; i <= 5; ++i) cols.push_back({"", detail.s("risk.impact") + " " + std::to_string(i)});
    table_head(detail, cols);
    const char* levels[] = {"low", "medium", "high", "critical"};
    for (int li = 5; li >= 1; --li) {
        detail.raw("<tr><th scope=\"row\">").text(detail.s("risk.likelihood") + " " + std::to_string(li)).raw("</th>");
        const json& row = heat[static_cast<size_t>(li - 1)];
        for (int im = 1; im <= 5; ++im) {
            const int count = row.is_array() && row.size() == 5 ? answers::int_of(&row[static_cast<size_t>(im - 1)]).value_or(0) : 0;
            const char* level = levels[static_cast<int>(calc::risk_level(li * im))];
            detail.raw("<td class=\"m-level-")
                .raw(level)
                .raw("\">")
                .text(std::to_string(count))
                .raw(" <span class=\"m-level\">(");
            detail.text(level_text(level)).raw(")</span></td>");
        }
        detail.raw("</tr>\n");
    }
    detail.raw("</tbody></table>\n");
}

void quiz_results(Out& live, Out& detail, const Quiz& q, const json* a, const json& r) {
    const int answered = int_at(r, "answered"), total = int_at(r, "total");
    if (answered < total) {
        para(live, live.f("qz.unanswered", {std::to_string(answered), std::to_string(total)}));
        return;
    }
    para(live, live.f("qz.score", {std::to_string(int_at(r, "correct")), std::to_string(total)}));
    // Per question: correct or not (as text) and the feedback of each chosen option.
    detail.raw("<ol class=\"m-quiz\">\n");
    for (const auto& question : q.questions) {
        const auto chosen = answers::quiz_chosen(question, a);
        const bool ok = calc::quiz_correct(chosen, question.correct_ids());
        detail.raw("<li><p><strong>").text(detail.t(question.text)).raw("</strong> \xE2\x80\x94 ");
        detail.text(ok ? "\xE2\x9C\x93 " + detail.s("qz.correct") : "\xE2\x9C\x97 " + detail.s("qz.incorrect")).raw("</p><ul>");
        for (const auto& opt : question.options) {
            if (std::find(chosen.begin(), chosen.end(), opt.id) == chosen.end()) continue;
            detail.raw("<li>").text(std::string(detail.t(opt.text)) + ": " + detail.t(opt.feedback)).raw("</li>");
        }
        detail.raw("</ul></li>\n");
    }
    detail.raw("</ol>\n");
}

void kind_results(Out& live, Out& detail, const Exercise& ex, const json* a, const json& r) {
    Facts f{live};
    switch (ex.kind) {
        case Kind::quadrant_map: quadrant_results(live, r); break;
        case Kind::reflection:
            para(live, live.f("rf.answered", {std::to_string(int_at(r, "answered")), std::to_string(int_at(r, "total"))}));
            break;
        case Kind::checklist_table: {
            for (const auto& g : arr_at(r, "groups"))
                f.text(str_at(g, "title"), live.f("cl.yes_count", {std::to_string(int_at(g, "yes")), std::to_string(int_at(g, "total"))}));
            if (const json* all = member(&r, "overall"))
                f.text(live.s("cl.overall"), live.f("cl.yes_count", {std::to_string(int_at(*all, "yes")), std::to_string(int_at(*all, "total"))}));
            f.close();
            break;
        }
        case Kind::pair_table: para(live, live.f("pt.rows", {std::to_string(int_at(r, "rows"))})); break;
        case Kind::preference_scale: {
            if (int_at(r, "answered") == 0) {
                para(live, live.s("ui.none_yet"));
                break;
            }
            const std::string& side = str_at(r, "side");
            const int wins = side == "left" ? int_at(r, "left") : int_at(r, "right");
            para(live, side == "balanced" ? live.s("ps.balanced")
                                          : live.f("ps.left_wins", {str_at(r, "side_label"), std::to_string(wins),
                                                                    std::to_string(int_at(r, "answered"))}));
            para(live, live.f("ps.strength", {live.num(num_at(r, "strength").value_or(0), 0)}));
            break;
        }
        case Kind::rating_table: {
            live.el("h3", live.s("rt.ranking"));
            std::string list;
            std::vector<std::string> ranked;
            for (const auto& id : arr_at(r, "ranking")) ranked.push_back(answers::string_of(&id));
            for (const auto& row : arr_at(r, "rows"))
                if (std::find(ranked.begin(), ranked.end(), str_at(row, "id")) == ranked.end()) ranked.push_back(str_at(row, "id"));
            for (const auto& id : ranked)
                for (const auto& row : arr_at(r, "rows")) {
                    if (str_at(row, "id") != id) continue;
                    const auto avg = num_at(row, "average");
                    list += "<li>" + esc(str_at(row, "label")) + " \xE2\x80\x94 " +
                            esc(avg ? live.s("rt.average") + " " + live.num(*avg, 2) : live.s("rt.unrated")) + "</li>";
                }
            live.raw("<ol>").raw(list).raw("</ol>\n");
            break;
        }
        case Kind::nps_survey: nps_results(live, detail, r, live.strings); break;
        case Kind::weighted_rating: {
            const bool complete = weighted_block(f, r, "");
            if (complete && !str_at(r, "band_text").empty()) f.text(live.s("w.verdict"), str_at(r, "band_text"));
            f.close();
            weighted_products(detail, r, live.s("w.product"));
            break;
        }
        case Kind::weighted_comparison: {
            for (const auto& b : arr_at(r, "blocks")) weighted_block(f, b, str_at(b, "title") + ": ");
            if (bool_at(r, "complete") && !str_at(r, "verdict_text").empty()) f.text(live.s("w.verdict"), str_at(r, "verdict_text"));
            f.close();
            for (const auto& b : arr_at(r, "blocks")) weighted_products(detail, b, str_at(b, "title"));
            break;
        }
        case Kind::step_plan:
            para(live, live.f("sp.progress", {std::to_string(int_at(r, "fields_filled")), std::to_string(int_at(r, "fields_total")),
                                              std::to_string(int_at(r, "checks_ticked")), std::to_string(int_at(r, "checks_total"))}));
            break;
        case Kind::survey: {
            const auto* s = ex.as<Survey>();
            para(live, live.f("sv.count", {std::to_string(int_at(r, "agree")), std::to_string(s ? s->statements.size() : 0)}));
            const std::string& rec = str_at(r, "recommendation_text");
            para(live, rec.empty() ? live.s("sv.answer_all") : live.s("result.recommendation") + ": " + rec);
            break;
        }
        case Kind::quiz:
            if (const auto* q = ex.as<Quiz>()) quiz_results(live, detail, *q, a, r);
            break;
        case Kind::roi: {
            const std::string cur = "\xC2\xA0" + str_at(r, "currency");
            const auto roi = num_at(r, "roi_pct");
            if (!bool_at(r, "complete") || !roi) {
                para(live, live.s("roi.no_cost"));
                break;
            }
            f.text(live.s("roi.total_cost"), live.num(num_at(r, "total_cost").value_or(0), 2) + cur);
            f.text(live.s("roi.total_gain"), live.num(num_at(r, "total_gain").value_or(0), 2) + cur);
            f.text(live.s("roi.net"), live.num(num_at(r, "net").value_or(0), 2) + cur);
            f.text(live.s("roi.roi"), live.num(*roi, 1) + "%");
            const auto payback = num_at(r, "payback_months");
            f.text(live.s("roi.payback"), payback ? live.f("roi.months", {live.num(*payback, 1)}) : live.s("roi.never"));
            f.close();
            break;
        }
        case Kind::risk_register: risk_results(live, detail, r); break;
    }
    f.close();
}

// [SECTION] Pages and the whole fragment -------------------------------------------------------------

const char* page_name(MirrorRoute::Page p) {
    switch (p) {
        case MirrorRoute::Page::overview: return "overview";
        case MirrorRoute::Page::read: return "read";
        case MirrorRoute::Page::listen: return "listen";
        case MirrorRoute::Page::summary: return "summary";
        default: return "";
    }
}

void h1(Out& o, std::string_view text) { o.el("h1", text, " id=\"m-h1\" tabindex=\"-1\""); }

void home_page(Out& o) {
    h1(o, o.s("app.title"));
    para(o, o.s("app.intro"));
    for (const auto& u : o.course.units) {
        o.raw("<section class=\"m-card\"").a("aria-labelledby", "m-unit-" + u.id).raw(">");
        MirrorRoute r{MirrorRoute::Page::overview, u.id, ""};
        o.raw("<h2")
            .a("id", "m-unit-" + u.id)
            .raw("><a")
            .a("href", mirror_hash(o.course, r, o.lang))
            .raw(">")
            .text(unit_label(o, u) + ": " + o.t(u.title))
            .raw("</a></h2>\n");
        para(o, o.t(u.description));
        const UnitProgress p = unit_progress(o.course, o.wb, u.id);
        para(o, o.f("home.exercises_done", {std::to_string(p.done), std::to_string(p.total)}));
        if (p.quiz_total > 0 && p.quiz_answered == p.quiz_total)
            para(o, o.f("home.quiz_score", {std::to_string(p.quiz_score), std::to_string(p.quiz_total)}));
        else
            para(o, o.s("home.quiz_not_taken"));
        o.raw("</section>\n");
    }
    para(o, o.s("wb.storage_note"));
}

void overview_page(Out& o, const Unit& u) {
    h1(o, o.t(u.title));
    para(o, o.t(u.description));
    o.el("h2", o.s("overview.outcomes"));
    o.raw("<ul>");
    for (const auto& oc : u.outcomes) o.raw("<li>").text(o.t(oc)).raw("</li>");
    o.raw("</ul>\n");
    o.raw("<p><a")
        .a("href", mirror_hash(o.course, {MirrorRoute::Page::read, u.id, ""}, o.lang))
        .raw(">")
        .text(o.s("overview.start_reading"))
        .raw("</a></p>\n");
    o.raw("<p><button type=\"button\" id=\"b-book\" data-action=\"book\"")
        .a("data-key", u.id)
        .raw(">")
        .text(o.s("overview.book"))
        .raw("</button></p>\n");
    o.el("h2", o.s("nav.exercises"));
    o.raw("<ul>");
    for (const auto& ex : u.exercises) {
        const bool done = exercise_done(o.course, o.wb, exercise_key(u.id, ex.id));
        o.raw("<li><a")
            .a("href", mirror_hash(o.course, {MirrorRoute::Page::exercise, u.id, ex.id}, o.lang))
            .raw(">")
            .text(o.t(ex.title))
            .raw("</a> \xE2\x80\x94 ")
            .text(o.s(done ? "ex.done" : "ex.not_done"))
            .raw("</li>\n");
    }
    o.raw("</ul>\n");
}

void read_page(Out& o, const Unit& u) {
    h1(o, o.t(u.title));
    for (const auto& s : u.sections) {
        o.el("h2", o.t(s.heading));
        for (const auto& b : s.blocks) {
            if (b.type == Block::Type::paragraph) {
                para(o, o.t(b.text));
                continue;
            }
            o.raw("<ul>");
            for (const auto& it : b.items) o.raw("<li>").text(o.t(it)).raw("</li>");
            o.raw("</ul>\n");
        }
    }
}

void listen_page(Out& o, const Unit& u) {
    h1(o, o.t(u.title));
    para(o, o.s("listen.synth"));
    para(o, o.s("a11y.listen_note"));
    const auto chunks = narration(u, o.lang, o.strings);
    o.raw("<ol class=\"m-sections\" id=\"m-sections\">\n");  // the item being read: mirror_set_current
    for (size_t i = 0; i < chunks.size(); ++i) {
        const std::string hid = "m-listen-" + std::to_string(i), bid = "b-listen-" + std::to_string(i);
        o.raw("<li><span")
            .a("id", hid)
            .raw(">")
            .text(chunks[i].heading)
            .raw("</span> <button type=\"button\"")
            .a("id", bid)
            .raw(" data-action=\"listen\"")
            .a("data-index", std::to_string(i))
            .a("aria-labelledby", bid + " " + hid)
            .raw(">");
        o.text(o.s("listen.play")).raw("</button></li>\n");
    }
    o.raw("</ol>\n<p><button type=\"button\" id=\"b-listen-stop\" data-action=\"stop\">").text(o.s("listen.stop")).raw("</button></p>\n");
}

void exercise_page(Out& o, const Unit& u, const Exercise& ex) {
    const std::string key = exercise_key(u.id, ex.id);
    h1(o, o.t(ex.title));
    para(o, o.t(ex.instructions));
    o.raw("<div class=\"m-form\"").a("data-exercise", key).raw(">\n");
    exercise_form(o, u, ex);
    o.raw("</div>\n");
    o.raw("<p><button type=\"button\" id=\"b-reset\" data-action=\"reset\"")
        .a("data-key", key)
        .a("data-confirm", o.s("ex.reset_confirm"))
        .raw(">")
        .text(o.s("ex.reset"))
        .raw("</button></p>\n");
    const MirrorResults r = render_mirror_results(o.course, o.wb, o.strings, o.lang, key);
    o.raw("<section class=\"m-results\" aria-labelledby=\"m-results-h\">\n");
    o.el("h2", o.s("ex.results"), " id=\"m-results-h\"");
    o.raw("<div id=\"crb-mirror-live\" aria-live=\"polite\">\n").raw(r.live).raw("</div>\n");
    o.raw("<div id=\"crb-mirror-detail\">\n").raw(r.detail).raw("</div>\n</section>\n");
}

void summary_page(Out& o, const Unit& u) {
    h1(o, o.s("sum.title") + " \xE2\x80\x94 " + unit_label(o, u));
    bool any = false;
    for (const auto& ex : u.exercises) {
        const std::string key = exercise_key(u.id, ex.id);
        if (!answer(o.wb, key)) continue;
        any = true;
        o.raw("<section").a("aria-labelledby", "m-sum-" + ex.id).raw(">");
        o.raw("<h2")
            .a("id", "m-sum-" + ex.id)
            .raw("><a")
            .a("href", mirror_hash(o.course, {MirrorRoute::Page::exercise, u.id, ex.id}, o.lang))
            .raw(">")
            .text(o.t(ex.title))
            .raw("</a></h2>\n");
        const MirrorResults r = render_mirror_results(o.course, o.wb, o.strings, o.lang, key);
        o.raw(r.live + r.detail + "</section>\n");
    }
    if (!any) para(o, o.s("sum.nothing"));
}

void nav(Out& o, const Unit& u, const MirrorRoute& route) {
    o.raw("<nav class=\"m-nav\"").a("aria-label", unit_label(o, u) + ": " + o.t(u.title)).raw("><ul>\n");
    auto item = [&](const MirrorRoute& r, std::string_view label, const std::string& id, std::string_view status) {
        const bool current = r.page == route.page && r.exercise_id == route.exercise_id;
        o.raw("<li><a")
            .a("id", "m-nav-" + id)
            .a("href", mirror_hash(o.course, r, o.lang))
            .raw(current ? " aria-current=\"page\"" : "")
            .raw(">")
            .text(label)
            .raw("</a>");
        if (!status.empty()) o.raw(" <span class=\"m-status\">(").text(status).raw(")</span>");
        o.raw("</li>\n");
    };
    item({MirrorRoute::Page::overview, u.id, ""}, o.s("nav.overview"), "overview", "");
    item({MirrorRoute::Page::read, u.id, ""}, o.s("nav.read"), "read", "");
    item({MirrorRoute::Page::listen, u.id, ""}, o.s("nav.listen"), "listen", "");
    for (const auto& ex : u.exercises) {
        const bool done = exercise_done(o.course, o.wb, exercise_key(u.id, ex.id));
        item({MirrorRoute::Page::exercise, u.id, ex.id}, ex.kind == Kind::quiz ? o.s("nav.quiz") : ex.title.get(o.lang),
             "ex-" + ex.id, done ? o.s("ex.done") : "");
    }
    item({MirrorRoute::Page::summary, u.id, ""}, o.s("nav.summary"), "summary", "");
    o.raw("</ul></nav>\n");
}

void header(Out& o, const MirrorRoute& route, const std::vector<std::string>& alerts) {
    o.raw("<header class=\"m-header\">\n<p class=\"m-brand\"><a id=\"m-home\"")
        .a("href", mirror_hash(o.course, MirrorRoute{}, o.lang))
        .raw(">")
        .text(o.s("app.title"))
        .raw("</a></p>\n");
    o.el("p", o.s("a11y.intro"), " class=\"m-intro\"");
    o.raw("<ul class=\"m-tools\">\n");
    o.raw("<li>").text(o.s("top.workbook") + ": " + o.wb.name).raw("</li>\n");
    const Lang other = o.lang == Lang::pl ? Lang::en : Lang::pl;
    const char* code = lang_code(other);
    o.raw("<li><a id=\"m-lang\"")
        .a("href", mirror_hash(o.course, route, other))
        .a("lang", code)
        .a("hreflang", code)
        .raw(">")
        .text(o.strings.get(other, other == Lang::pl ? "a11y.lang_pl" : "a11y.lang_en"))
        .raw("</a></li>\n");
    o.raw("<li><button type=\"button\" id=\"b-print\" data-action=\"print\">").text(o.s("top.print")).raw("</button></li>\n");
    o.raw("<li><button type=\"button\" id=\"b-export\" data-action=\"export\">").text(o.s("wb.export")).raw("</button></li>\n");
    o.raw("</ul>\n");
    if (!alerts.empty()) {
        o.raw("<div class=\"m-alert\" role=\"alert\">");
        for (const auto& a : alerts) para(o, a);
        o.raw("</div>\n");
    }
    o.raw("</header>\n");
}

}  // namespace

// [SECTION] Public rendering ---------------------------------------------------------------------------

std::string mirror_control_id(std::string_view key, std::string_view pointer) {
    return "c-" + id_part(key) + id_part(pointer);
}

std::string mirror_hash(const Course& course, const MirrorRoute& route, Lang lang) {
    std::string h = std::string("#/") + lang_code(lang);
    const Unit* u = route.page == MirrorRoute::Page::home ? nullptr : course.unit(route.unit_id);
    if (!u) return h;
    h += "/unit/" + std::to_string(u->number);
    if (route.page == MirrorRoute::Page::exercise) return h + "/" + route.exercise_id;
    if (route.page != MirrorRoute::Page::overview) h += std::string("/") + page_name(route.page);
    return h;
}

MirrorResults render_mirror_results(const Course& course, const Workbook& wb, const Strings& strings, Lang lang,
                                    std::string_view key) {
    Out live{course, wb, strings, lang, {}}, detail{course, wb, strings, lang, {}};
    const Exercise* ex = course.exercise(key);
    const json entry = exercise_result(course, wb, key, lang);
    const json* r = member(&entry, "result");
    if (ex && r && r->is_object()) kind_results(live, detail, *ex, answer(wb, key), *r);
    return {std::move(live.html), std::move(detail.html)};
}

std::string render_mirror_nav(const Course& course, const Workbook& wb, const Strings& strings, Lang lang,
                              const MirrorRoute& route) {
    Out o{course, wb, strings, lang, {}};
    if (const Unit* u = route.page == MirrorRoute::Page::home ? nullptr : course.unit(route.unit_id)) nav(o, *u, route);
    return std::move(o.html);
}

std::string render_mirror(const Course& course, const Workbook& wb, const Strings& strings, Lang lang,
                          const MirrorRoute& route, const std::vector<std::string>& alerts) {
    Out o{course, wb, strings, lang, {}};
    const Unit* u = route.page == MirrorRoute::Page::home ? nullptr : course.unit(route.unit_id);
    const Exercise* ex = u && route.page == MirrorRoute::Page::exercise ? u->exercise(route.exercise_id) : nullptr;
    o.raw("<div class=\"m-page\"").a("data-screen", mirror_hash(course, route, lang)).raw(">\n");
    header(o, route, alerts);
    if (u) {
        o.raw("<div id=\"crb-mirror-nav\">");
        nav(o, *u, route);
        o.raw("</div>\n");
    }
    o.raw("<main class=\"m-main\">\n");
    if (u) o.el("p", unit_label(o, *u) + ": " + o.t(u->title), " class=\"m-kicker\"");
    if (!u) home_page(o);
    else if (ex) exercise_page(o, *u, *ex);
    else if (route.page == MirrorRoute::Page::read) read_page(o, *u);
    else if (route.page == MirrorRoute::Page::listen) listen_page(o, *u);
    else if (route.page == MirrorRoute::Page::summary) summary_page(o, *u);
    else overview_page(o, *u);
    o.raw("</main>\n</div>\n");
    return std::move(o.html);
}

// [SECTION] Edits coming back ----------------------------------------------------------------------

namespace {

std::string trim(std::string_view s) {
    const size_t a = s.find_first_not_of(" \t\r\n");
    if (a == std::string_view::npos) return "";
    const size_t b = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(a, b - a + 1));
}

// "0.35", "0,35", "12": a plain non-negative decimal (as the canvas's fields accept). nullopt else.
std::optional<double> parse_decimal(std::string_view text) {
    std::string t = trim(text);
    if (t.empty() || t.size() > 20) return std::nullopt;
    int seps = 0, digits = 0;
    for (char& ch : t) {
        if (ch == ',') ch = '.';
        if (ch == '.') {
            if (++seps > 1) return std::nullopt;
        } else if (ch >= '0' && ch <= '9') {
            ++digits;
        } else {
            return std::nullopt;
        }
    }
    if (digits == 0) return std::nullopt;
    return std::strtod(t.c_str(), nullptr);
}

// The container and the last token of a pointer inside `root`, creating containers on the way.
json* parent_of(json& root, const std::vector<std::string>& tokens) {
    json* node = &root;
    for (size_t i = 0; i + 1 < tokens.size(); ++i) {
        const std::string& tok = tokens[i];
        const auto idx = jc::array_index(tok);
        if (node->is_null()) *node = idx ? json::array() : json::object();
        if (node->is_object()) {
            node = &(*node)[tok];
        } else if (node->is_array() && idx && *idx < node->size()) {
            node = &(*node)[*idx];
        } else {
            return nullptr;
        }
    }
    return node;
}

const json* find(const json& root, const std::vector<std::string>& tokens) {
    const json* node = &root;
    for (const auto& tok : tokens) {
        if (node->is_object()) {
            const auto it = node->find(tok);
            if (it == node->end()) return nullptr;
            node = &*it;
        } else if (node->is_array()) {
            const auto idx = jc::array_index(tok);
            if (!idx || *idx >= node->size()) return nullptr;
            node = &(*node)[*idx];
        } else {
            return nullptr;
        }
    }
    return node;
}

bool set_at(json& root, const std::vector<std::string>& tokens, json value) {
    if (tokens.empty()) {
        root = std::move(value);
        return true;
    }
    json* parent = parent_of(root, tokens);
    if (!parent) return false;
    const std::string& last = tokens.back();
    if (parent->is_null()) *parent = jc::array_index(last) ? json::array() : json::object();
    if (parent->is_object()) {
        (*parent)[last] = std::move(value);
        return true;
    }
    const auto idx = jc::array_index(last);
    if (parent->is_array() && idx && *idx <= parent->size()) {
        if (*idx == parent->size()) parent->push_back(std::move(value));
        else (*parent)[*idx] = std::move(value);
        return true;
    }
    return false;
}

bool remove_at(json& root, const std::vector<std::string>& tokens) {
    if (tokens.empty()) return false;
    json* parent = parent_of(root, tokens);
    if (!parent) return false;
    const std::string& last = tokens.back();
    if (parent->is_object()) return parent->erase(last) > 0;
    const auto idx = jc::array_index(last);
    if (parent->is_array() && idx && *idx < parent->size()) {
        parent->erase(parent->begin() + static_cast<std::ptrdiff_t>(*idx));
        return true;
    }
    return false;
}

std::string str_field(const json& j, const char* k) {
    const auto it = j.find(k);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

double num_field(const json& j, const char* k, double fallback) {
    const auto it = j.find(k);
    if (it == j.end()) return fallback;
    if (it->is_number()) return it->get<double>();
    if (it->is_string()) {
        if (auto d = parse_decimal(it->get<std::string>())) return *d;
    }
    return fallback;
}

// The message for a number control that refused a value (the canvas's wording).
std::string number_message(const Out& o, const std::string& type, double min, double max) {
    if (type == "int") return o.f("err.int_range", {calc::format_number(min, 0, false), calc::format_number(max, 0, false)});
    return o.s(max <= 1.0 ? "err.weight_range" : "err.money_range");
}

// Parses a typed number for a control; nullopt value with ok = empty text.
struct Parsed {
    bool ok = false;
    std::optional<json> value;  // empty: the field was emptied
};
Parsed parse_number(const std::string& type, std::string_view text, double min, double max) {
    const std::string t = trim(text);
    if (t.empty()) return {true, std::nullopt};
    if (type == "int") {
        bool digits = t.size() <= 6;
        for (char ch : t) digits = digits && ch >= '0' && ch <= '9';
        if (!digits) return {};
        const int n = std::atoi(t.c_str());
        if (n < min || n > max) return {};
        return {true, json(n)};
    }
    const auto d = parse_decimal(t);
    if (!d || *d < min - 1e-9 || *d > max + 1e-9) return {};
    // Two decimals, as the canvas keeps them (weights 0.05 steps, money in cents).
    return {true, json(std::round(*d * 100) / 100)};
}

}  // namespace

MirrorEdit mirror_edit(const Course& course, const Workbook& wb, const Strings& strings, Lang lang, const json& event) {
    MirrorEdit e;
    if (!event.is_object()) return e;
    const std::string op = str_field(event, "op"), key = str_field(event, "key"), ptr = str_field(event, "ptr");
    const Exercise* ex = course.exercise(key);
    std::vector<std::string> tokens;
    if (!ex || !jc::split_pointer(ptr, tokens)) return e;
    e.key = key;
    e.control = str_field(event, "id");
    if (op == "reset") {
        e.clear = answer(wb, key) != nullptr;
        e.structural = true;
        return e;
    }
    const Out o{course, wb, strings, lang, {}};
    const json* stored = answer(wb, key);
    json a = stored && stored->is_object() ? *stored : initial_answer(*ex);
    const json before = a;

    if (op == "set") {
        const std::string type = str_field(event, "type");
        const bool empty_null = str_field(event, "empty") == "null";
        auto store = [&](std::optional<json> v) {
            if (v) set_at(a, tokens, std::move(*v));
            else if (empty_null) set_at(a, tokens, nullptr);
            else remove_at(a, tokens);
        };
        if (type == "text") {
            store(json(str_field(event, "text")));
        } else if (type == "int" || type == "number") {
            const double min = num_field(event, "min", 0), max = num_field(event, "max", 0);
            e.invalid = number_message(o, type, min, max);
            const Parsed p = parse_number(type, str_field(event, "text"), min, max);
            if (p.ok) {
                store(p.value);
            } else {
                // Refused: say so, and put back the value the field had when editing began (typing
                // "11" into 0-10 passes through "1", which must not stay stored).
                e.error = e.invalid;
                const Parsed orig = parse_number(type, str_field(event, "orig"), min, max);
                if (orig.ok) store(orig.value);
            }
        } else if (type == "bool") {
            const auto it = event.find("checked");
            if (it != event.end() && it->is_boolean() && it->get<bool>()) store(json(true));
            else store(std::nullopt);
        } else if (type == "choice") {
            const std::string text = str_field(event, "text");
            if (text.empty()) {
                store(std::nullopt);
            } else {
                json v = jc::parse_or_discarded(text);
                if (v.is_discarded() || v.is_structured()) return e;
                store(std::move(v));
            }
        } else if (type == "multi") {
            json values = json::array();
            const auto it = event.find("values");
            if (it != event.end() && it->is_array())
                for (const auto& v : *it)
                    if (v.is_string()) values.push_back(v);
            if (values.empty()) store(std::nullopt);
            else store(std::move(values));
        } else {
            return e;
        }
    } else if (op == "add" || op == "fill") {
        json value = jc::parse_or_discarded(str_field(event, "value"));
        if (value.is_discarded()) return e;
        e.structural = true;
        if (op == "fill") {
            set_at(a, tokens, std::move(value));
        } else {
            const json* arr = find(a, tokens);
            if (arr && !arr->is_array()) return e;
            tokens.push_back(std::to_string(arr ? arr->size() : 0));
            set_at(a, tokens, std::move(value));
        }
    } else if (op == "remove") {
        e.structural = true;
        remove_at(a, tokens);
    } else if (op == "up" || op == "down") {
        e.structural = true;
        if (tokens.empty()) return e;
        const auto idx = jc::array_index(tokens.back());
        json* parent = parent_of(a, tokens);
        if (!idx || !parent || !parent->is_array() || *idx >= parent->size()) return e;
        const size_t other = op == "up" ? *idx - 1 : *idx + 1;
        if ((op == "up" && *idx == 0) || other >= parent->size()) return e;
        std::swap((*parent)[*idx], (*parent)[other]);
    } else {
        return e;
    }
    e.changed = a != before || !stored;
    if (e.changed) e.answer = std::move(a);
    return e;
}

}  // namespace crb
