// report.cpp — the printable workbook report and unit book (see report.h).
//
// [SECTION] Escaping, formatting and small HTML helpers
// [SECTION] Document frame and stylesheet
// [SECTION] Exercise renderers, one per kind
// [SECTION] The report
// [SECTION] The book
//
// Numbers come from compute_results() (results.h), learner texts from the answers themselves. Every
// piece of text, whatever its origin, passes through html_escape() on its way out.
#include "core/report.h"

#include <array>
#include <cstdio>

#include "core/answer_read.h"
#include "core/calc/calc.h"
#include "core/results.h"
#include "core/summary.h"
#include "core/text.h"

namespace crb {

using answers::member;
using nlohmann::json;

// [SECTION] Escaping, formatting and small HTML helpers ------------------------------------------

void html_escape_append(std::string& out, std::string_view text) {
    for (const char ch : text) {
        switch (ch) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += ch;
        }
    }
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    html_escape_append(out, text);
    return out;
}

namespace {

constexpr const char* kDash = "\xE2\x80\x93";  // "–" in an empty cell
const json kEmptyObject = json::object();

// A table cell: already-escaped HTML, a header flag (th scope="row") and an optional class.
struct Cell {
    std::string html;
    bool row_header = false;
    const char* cls = nullptr;
};

class Writer {
public:
    Writer(Lang lang, const Strings& strings) : lang_(lang), strings_(strings) {}

    Lang lang() const { return lang_; }
    const std::string& s(std::string_view key) const { return strings_.get(lang_, key); }
    std::string s(std::string_view key, std::initializer_list<Placeholder> values) const {
        return fill(s(key), values);
    }
    std::string num(double v, int decimals) const {
        return calc::format_number(v, decimals, lang_ == Lang::pl);
    }
    std::string pct(double v) const { return num(v, 1) + "%"; }

    void raw(std::string_view html) { out_ += html; }
    void text(std::string_view t) { html_escape_append(out_, t); }
    // <tag class="cls">escaped text</tag>
    void element(const char* tag, std::string_view t, const char* cls = nullptr) {
        open(tag, cls);
        text(t);
        close(tag);
    }
    void open(const char* tag, const char* cls = nullptr) {
        out_ += '<';
        out_ += tag;
        if (cls) {
            out_ += " class=\"";
            out_ += cls;
            out_ += '"';
        }
        out_ += '>';
    }
    void close(const char* tag) {
        out_ += "</";
        out_ += tag;
        out_ += ">\n";
    }

    // <table><caption>..</caption><thead>..</thead><tbody> ... end_table()
    // (Lists are taken as initializer lists, or vectors when built in a loop: no copy either way.)
    void begin_table(std::string_view caption, std::initializer_list<std::string_view> headers,
                     const char* cls = nullptr) {
        begin_table(caption, headers.begin(), headers.size(), cls);
    }
    void begin_table(std::string_view caption, const std::vector<std::string>& headers, const char* cls = nullptr) {
        std::vector<std::string_view> views(headers.begin(), headers.end());
        begin_table(caption, views.data(), views.size(), cls);
    }
    void begin_table(std::string_view caption, const std::string_view* headers, size_t n, const char* cls) {
        open("table", cls);
        if (!caption.empty()) element("caption", caption);
        raw("<thead><tr>");
        for (size_t i = 0; i < n; ++i) {
            raw("<th scope=\"col\">");
            text(headers[i]);
            raw("</th>");
        }
        raw("</tr></thead>\n<tbody>\n");
    }
    void row(std::initializer_list<Cell> cells) { row(cells.begin(), cells.size()); }
    void row(const std::vector<Cell>& cells) { row(cells.data(), cells.size()); }
    void row(const Cell* cells, size_t n) {
        raw("<tr>");
        for (size_t i = 0; i < n; ++i) {
            const Cell& c = cells[i];
            const char* tag = c.row_header ? "th" : "td";
            out_ += '<';
            out_ += tag;
            if (c.row_header) out_ += " scope=\"row\"";
            if (c.cls) {
                out_ += " class=\"";
                out_ += c.cls;
                out_ += '"';
            }
            out_ += '>';
            out_ += c.html;
            out_ += "</";
            out_ += tag;
            out_ += '>';
        }
        raw("</tr>\n");
    }
    void end_table() { raw("</tbody></table>\n"); }

    // A results box: <div class="results"><h4>Results</h4><dl> fact()... </dl></div>
    void begin_results() {
        raw("<div class=\"results\">\n");
        element("h4", s("report.results"));
        raw("<dl class=\"facts\">\n");
    }
    void fact(std::string_view label, const std::string& value_html) {
        raw("<dt>");
        text(label);
        raw("</dt><dd>");
        raw(value_html);
        raw("</dd>\n");
    }
    void end_results() { raw("</dl></div>\n"); }

    std::string take() { return std::move(out_); }

private:
    Lang lang_;
    const Strings& strings_;
    std::string out_;
};

Cell td(std::string_view t) { return {html_escape(t)}; }
Cell th(std::string_view t) { return {html_escape(t), true}; }
Cell td_num(const std::string& t) { return {html_escape(t), false, "num"}; }
Cell td_opt(const std::optional<int>& v) { return v ? td_num(std::to_string(*v)) : td_num(kDash); }
Cell td_text(const std::string& t) {
    // Learner text: keep its line breaks; an empty answer shows a dash.
    if (t.find_first_not_of(" \t\n\r") == std::string::npos) return td(kDash);
    return {html_escape(t), false, "answer"};
}

std::string esc(std::string_view t) { return html_escape(t); }

// Values of results JSON, read defensively (never get<> on an unchecked type).
std::optional<double> num_at(const json& r, const char* key) { return answers::number_of(member(&r, key)); }
std::optional<int> int_at(const json& r, const char* key) { return answers::int_of(member(&r, key)); }
int count_at(const json& r, const char* key) { return int_at(r, key).value_or(0); }
bool bool_at(const json& r, const char* key) { return answers::bool_of(member(&r, key)).value_or(false); }
const std::string& str_at(const json& r, const char* key) { return answers::string_of(member(&r, key)); }
const json& array_at(const json& r, const char* key) {
    static const json empty = json::array();
    const json* a = member(&r, key);
    return a && a->is_array() ? *a : empty;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\n\r") == std::string::npos; }

// Money reads better grouped: "12,000.00" (en), "12 000,00" with a no-break space (pl; as Polish
// usage, only from five digits).
std::string grouped(const std::string& number, Lang lang) {
    const size_t start = number.compare(0, 1, "-") == 0 ? 1 : 0;
    size_t end = number.find_first_of(".,", start);
    if (end == std::string::npos) end = number.size();
    const size_t digits = end - start;
    if (digits < (lang == Lang::pl ? 5u : 4u)) return number;
    const std::string sep = lang == Lang::pl ? "\xC2\xA0" : ",";
    std::string out = number.substr(0, start);
    for (size_t i = start; i < end; ++i) {
        if (i > start && (end - i) % 3 == 0) out += sep;
        out += number[i];
    }
    return out + number.substr(end);
}

std::string of_total(const Writer& w, int n, int total) {
    return w.s("report.of", {{"n", std::to_string(n)}, {"total", std::to_string(total)}});
}

// A learner's free text as a paragraph (line breaks kept by CSS), or a dash.
void answer_paragraph(Writer& w, const std::string& t) {
    if (blank(t)) {
        w.element("p", kDash, "answer empty");
        return;
    }
    w.element("p", t, "answer");
}

// [SECTION] Document frame and stylesheet --------------------------------------------------------

// Colours: text #1b1b1b and #444 on white or the light tints below all exceed 7:1; the accent
// #1f4e79 on white is 8.6:1. Risk levels are tinted backgrounds behind dark text, and their name is
// always written out, so colour is never the only carrier of meaning.
constexpr const char* kStyle = R"css(
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial,
       "Liberation Sans", sans-serif; font-size: 100%; line-height: 1.5; color: #1b1b1b; background: #fff; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0.25rem 0 0.5rem; }
h2 { font-size: 1.5rem; line-height: 1.25; color: #1f4e79; border-bottom: 2px solid #1f4e79;
     padding-bottom: 0.2rem; margin: 2rem 0 1rem; }
h3 { font-size: 1.2rem; line-height: 1.3; margin: 1.75rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 1rem 0 0.4rem; }
p, ul, ol, dl { margin: 0.4rem 0 0.8rem; }
.kicker, .meta, .lead { color: #444; }
.kicker { text-transform: uppercase; letter-spacing: 0.05em; font-size: 0.85rem; margin: 0; }
.empty { color: #444; font-style: italic; }
.answer { white-space: pre-wrap; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #767676; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; }
thead th { background: #e6edf5; }
tbody th { background: #f5f5f5; font-weight: 600; }
tfoot th, tfoot td { font-weight: 600; background: #f5f5f5; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.results { border-left: 4px solid #1f4e79; background: #f2f6fa; padding: 0.25rem 1rem 0.5rem; margin: 1rem 0; }
dl.facts { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: 0.3rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
dl.qa dt { font-weight: 600; margin-top: 0.6rem; }
dl.qa dd { margin: 0.1rem 0 0; }
.level-low { background: #e3f1e6; }
.level-medium { background: #fdf1c7; }
.level-high { background: #fbe0cf; }
.level-critical { background: #f7d2d0; font-weight: 600; }
.heat td { text-align: center; }
.quiz > li { margin-bottom: 0.6rem; }
nav ol { padding-left: 1.5rem; }
a { color: #1f4e79; }
.unit { break-before: page; page-break-before: always; }
@page { size: A4; margin: 18mm 16mm 20mm; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  h2, h3, h4, caption { break-after: avoid; page-break-after: avoid; }
  tr, li, dd, .results { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
)css";

void begin_document(Writer& w, std::string_view title) {
    w.raw("<!DOCTYPE html>\n<html lang=\"");
    w.raw(lang_code(w.lang()));
    w.raw(
        "\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    w.element("title", title);
    w.raw("<style>");
    w.raw(kStyle);
    w.raw("</style>\n</head>\n<body>\n");
}

void end_document(Writer& w) { w.raw("</body>\n</html>\n"); }

// "2024-05-02T08:30:00Z" -> "2024-05-02" (en) or "02.05.2024" (pl); anything else as it is.
std::string display_date(const std::string& iso, Lang lang) {
    const bool ok = iso.size() >= 10 && iso[4] == '-' && iso[7] == '-';
    if (!ok) return iso;
    if (lang == Lang::pl) return iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4);
    return iso.substr(0, 10);
}

// [SECTION] Exercise renderers, one per kind -----------------------------------------------------
// Each gets the exercise, its spec, the learner's answer (never null here) and the "result" object of
// compute_results() for it.

void render_quadrant_map(Writer& w, const QuadrantMap& m, const json& a, const json& r) {
    const Lang l = w.lang();
    const json* items = member(&a, "items");
    if (items && items->is_array() && !items->empty()) {
        w.begin_table(w.s("report.your_answers"),
                      {m.item_label.get(l), m.axis_x.get(l), m.axis_y.get(l), w.s("report.quadrant")});
        for (size_t i = 0; i < items->size(); ++i) {
            const json& it = (*items)[i];
            const auto interest = answers::int_of(member(&it, "interest"));
            const auto influence = answers::int_of(member(&it, "influence"));
            std::string quadrant = kDash;
            if (interest && influence) {
                const auto* q = m.find(*influence >= m.threshold, *interest >= m.threshold);
                if (q) quadrant = q->name.get(l);
            }
            w.row({th(m.item_label.name_or_numbered(answers::string_of(member(&it, "name")), i, l)),
                   td_opt(interest), td_opt(influence), td(quadrant)});
        }
        w.end_table();
    }
    const json* ratings = member(&a, "ratings");
    if (ratings && ratings->is_object() && !ratings->empty()) {
        w.begin_table(w.s("report.strategies"),
                      {w.s("report.quadrant"), w.s("report.strategy"), w.s("report.importance")});
        for (const auto& q : m.quadrants) {
            for (const auto& s : q.strategies) {
                w.row({td(q.name.get(l)), th(s.text.get(l)),
                       td_opt(answers::int_of(member(ratings, s.id.c_str())))});
            }
        }
        w.end_table();
    }

    w.begin_results();
    for (const auto& q : array_at(r, "quadrants")) {
        std::string names;
        for (const auto& it : array_at(q, "items")) names += (names.empty() ? "" : ", ") + str_at(it, "name");
        w.fact(str_at(q, "name"), names.empty() ? esc(w.s("report.none")) : esc(names));
    }
    const json& unplaced = array_at(r, "unplaced");
    if (!unplaced.empty()) {
        std::string names;
        for (const auto& it : unplaced) names += (names.empty() ? "" : ", ") + str_at(it, "name");
        w.fact(w.s("result.unplaced"), esc(names));
    }
    const json& top = array_at(r, "top_strategies");
    std::string list;
    for (const auto& t : top) {
        list += "<li>" + esc(str_at(t, "text")) + " (" + std::to_string(count_at(t, "rating")) + "/5)</li>";
    }
    w.fact(w.s("result.top_strategies"), list.empty() ? esc(w.s("report.none")) : "<ol>" + list + "</ol>");
    w.end_results();
}

// Untouched default entries are left out, of the counts as well.
void render_reflection(Writer& w, const Reflection& s, const json& a) {
    const Lang l = w.lang();
    const json* entries = member(&a, "entries");
    int shown = 0, answered = 0;
    if (entries && entries->is_array()) {
        for (size_t i = 0; i < entries->size(); ++i) {
            const json& e = (*entries)[i];
            const json* ans = member(&e, "answers");
            if (!answer_has_content(e)) continue;
            ++shown;
            if (s.repeat)
                w.element("h4", s.repeat_label.name_or_numbered(answers::string_of(member(&e, "title")), i, l));
            w.raw("<dl class=\"qa\">\n");
            for (const auto& q : s.questions) {
                w.element("dt", q.text.get(l));
                const std::string& t = answers::string_of(member(ans, q.id));
                if (!blank(t)) ++answered;
                w.raw("<dd>");
                answer_paragraph(w, t);
                w.raw("</dd>\n");
            }
            w.raw("</dl>\n");
        }
    }
    w.begin_results();
    if (s.repeat) w.fact(w.s("result.entries"), esc(std::to_string(shown)));
    w.fact(w.s("result.answered"), esc(of_total(w, answered, shown * static_cast<int>(s.questions.size()))));
    w.end_results();
}

std::string yes_no(const Writer& w, const std::optional<bool>& v) {
    if (!v) return kDash;
    return w.s(*v ? "result.yes" : "result.no");
}

std::string yes_count_text(const Writer& w, const json& counts) {
    return w.s("result.yes_count", {{"yes", std::to_string(count_at(counts, "yes"))},
                                    {"total", std::to_string(count_at(counts, "total"))}});
}

void render_checklist(Writer& w, const ChecklistTable& t, const json& a, const json& r) {
    const Lang l = w.lang();
    const json* questions = member(&a, "questions");
    if (!t.questions.empty()) {
        w.raw("<dl class=\"qa\">\n");
        for (const auto& q : t.questions) {
            w.element("dt", q.text.get(l));
            w.raw("<dd>");
            answer_paragraph(w, answers::string_of(member(questions, q.id)));
            w.raw("</dd>\n");
        }
        w.raw("</dl>\n");
    }
    const json* rows = member(&a, "rows");
    for (const auto& g : t.groups) {
        w.begin_table(g.title.get(l), {t.col_dimension.get(l), t.col_answer.get(l), w.s("report.note")});
        for (const auto& row : g.rows) {
            const json* cell = member(rows, row.id);
            w.row({th(row.dimension.get(l)), td(yes_no(w, answers::bool_of(member(cell, "yes")))),
                   td_text(answers::string_of(member(cell, "note")))});
        }
        w.end_table();
    }
    w.begin_results();
    const json& groups = array_at(r, "groups");
    for (const auto& g : groups) w.fact(str_at(g, "title"), esc(yes_count_text(w, g)));
    if (const json* overall = member(&r, "overall"); overall && groups.size() > 1) {
        w.fact(w.s("report.overall"), esc(yes_count_text(w, *overall)));
    }
    w.end_results();
}

void render_pair_table(Writer& w, const PairTable& t, const json& a, const json& r) {
    const Lang l = w.lang();
    const json* rows = member(&a, "rows");
    if (rows && rows->is_array() && !rows->empty()) {
        w.begin_table(w.s("report.your_answers"), {t.col_left.get(l), t.col_right.get(l)});
        for (const auto& row : *rows) {
            if (!answer_has_content(row)) continue;
            w.row({td_text(answers::string_of(member(&row, "left"))),
                   td_text(answers::string_of(member(&row, "right")))});
        }
        w.end_table();
    }
    w.begin_results();
    w.fact(w.s("result.pairs"), esc(std::to_string(count_at(r, "rows"))));
    w.end_results();
}

std::string preference_choice(const Writer& w, const PreferenceScale& s, std::optional<int> v) {
    if (!v || *v < 1 || *v > 5) return kDash;
    if (*v == 3) return "3 \xE2\x80\x93 " + w.s("report.pref_neutral");
    const std::string& side = (*v < 3 ? s.col_left : s.col_right).get(w.lang());
    const char* key = (*v == 1 || *v == 5) ? "report.pref_full" : "report.pref_rather";
    return std::to_string(*v) + " \xE2\x80\x93 " + w.s(key, {{"side", side}});
}

void render_preference(Writer& w, const PreferenceScale& s, const json& a, const json& r) {
    const Lang l = w.lang();
    const auto choices = answers::preference_choices(s, &a);
    w.begin_table(w.s("report.your_answers"),
                  {s.col_feature.get(l), s.col_left.get(l), s.col_right.get(l), w.s("report.choice")});
    for (size_t i = 0; i < s.rows.size(); ++i) {
        const auto& row = s.rows[i];
        w.row({th(row.feature.get(l)), td(row.left.get(l)), td(row.right.get(l)),
               td(preference_choice(w, s, choices[i]))});
    }
    w.end_table();
    w.begin_results();
    w.fact(w.s("result.answered"), esc(of_total(w, count_at(r, "answered"), count_at(r, "total"))));
    if (count_at(r, "answered") > 0) {
        const std::string& side = str_at(r, "side");
        const std::string& label = str_at(r, "side_label");
        std::string verdict = side == "left"    ? w.s("result.preference_left", {{"side", label}})
                              : side == "right" ? w.s("result.preference_right", {{"side", label}})
                                                : w.s("result.preference_balanced");
        w.fact(w.s("report.conclusion"), esc(verdict));
        w.fact(w.s("result.strength"), esc(w.pct(num_at(r, "strength").value_or(0))));
    }
    w.end_results();
}

void render_rating_table(Writer& w, const RatingTable& t, const json& a, const json& r) {
    const Lang l = w.lang();
    std::vector<std::string> headers = {t.col_item.get(l)};
    for (const auto& c : t.criteria) headers.push_back(c.text.get(l));
    headers.push_back(w.s("result.average"));
    w.begin_table(w.s("report.your_answers"), headers);
    const json& rows = array_at(r, "rows");
    for (size_t i = 0; i < t.rows.size(); ++i) {
        std::vector<Cell> cells = {th(t.rows[i].label.get(l))};
        for (const auto& v : answers::rating_row(t, t.rows[i], &a)) cells.push_back(td_opt(v));
        const auto avg = i < rows.size() ? num_at(rows[i], "average") : std::nullopt;
        cells.push_back(td_num(avg ? w.num(*avg, 2) : kDash));
        w.row(cells);
    }
    w.end_table();
    w.begin_results();
    std::string list;
    for (const auto& id : array_at(r, "ranking")) {
        for (const auto& row : rows) {
            if (str_at(row, "id") != answers::string_of(&id)) continue;
            list += "<li>" + esc(str_at(row, "label")) + " (" +
                    esc(w.num(num_at(row, "average").value_or(0), 2)) + ")</li>";
        }
    }
    w.fact(w.s("result.ranking"), list.empty() ? esc(w.s("report.none")) : "<ol>" + list + "</ol>");
    w.end_results();
}

const char* nps_label_key(const std::string& category) {
    if (category == "promoter") return "nps.promoter";
    if (category == "passive") return "nps.passive";
    if (category == "detractor") return "nps.detractor";
    return nullptr;
}

void render_nps(Writer& w, const NpsSurvey& s, const json& a, const json& r) {
    const Lang l = w.lang();
    w.raw("<p><strong>");
    w.text(w.s("report.question"));
    w.raw(":</strong> ");
    w.text(s.question.get(l));
    w.raw("</p>\n");
    const json* raw_rows = member(&a, "respondents");
    w.begin_table(w.s("report.your_answers"),
                  {w.s("respondent"), w.s("report.nps_score"), w.s("report.category")});
    const json& rows = array_at(r, "respondents");
    for (size_t i = 0; i < rows.size(); ++i) {
        const json& row = rows[i];
        const bool entered =
            raw_rows && raw_rows->is_array() && i < raw_rows->size() && answer_has_content((*raw_rows)[i]);
        if (!entered) continue;
        const char* cat = nps_label_key(str_at(row, "category"));
        w.row({th(str_at(row, "name")), td_opt(int_at(row, "score")), td(cat ? w.s(cat) : kDash)});
    }
    w.end_table();

    w.begin_results();
    w.fact(w.s("result.answered"), esc(std::to_string(count_at(r, "answered"))));
    w.fact(w.s("nps.promoters"), esc(std::to_string(count_at(r, "promoters")) + " (" +
                                     w.pct(num_at(r, "pct_promoters").value_or(0)) + ")"));
    w.fact(w.s("nps.passives"), esc(std::to_string(count_at(r, "passives")) + " (" +
                                    w.pct(num_at(r, "pct_passives").value_or(0)) + ")"));
    w.fact(w.s("nps.detractors"), esc(std::to_string(count_at(r, "detractors")) + " (" +
                                      w.pct(num_at(r, "pct_detractors").value_or(0)) + ")"));
    w.fact(w.s("nps.score"),
           count_at(r, "answered") > 0 ? esc(w.num(num_at(r, "nps").value_or(0), 1)) : esc(kDash));
    w.end_results();
}

// The rows of one weighted block (rating_json in results.cpp) with the weight sum in the footer.
void weighted_table(Writer& w, std::string_view caption, const std::string& item_header, const json& block) {
    w.begin_table(caption, {item_header, w.s("report.rating"), w.s("report.weight"), w.s("report.product")});
    for (const auto& row : array_at(block, "rows")) {
        const auto weight = num_at(row, "weight");
        const auto product = num_at(row, "product");
        w.row({th(str_at(row, "text")), td_opt(int_at(row, "rating")),
               td_num(weight ? w.num(*weight, 2) : kDash), td_num(product ? w.num(*product, 2) : kDash)});
    }
    w.raw("</tbody><tfoot><tr><th scope=\"row\">");
    w.text(w.s("result.weight_sum"));
    w.raw("</th><td></td><td class=\"num\">");
    w.text(w.num(num_at(block, "weight_sum").value_or(0), 2));
    w.raw("</td><td></td></tr></tfoot></table>\n");
}

// What a weighted block still needs, or nothing when it is complete.
std::vector<std::string> weighted_missing(const Writer& w, const json& block) {
    std::vector<std::string> out;
    if (count_at(block, "rated") < count_at(block, "total")) {
        out.push_back(w.s("report.rows_rated", {{"n", std::to_string(count_at(block, "rated"))},
                                                {"total", std::to_string(count_at(block, "total"))}}) +
                      " " + w.s("result.incomplete"));
    }
    if (!bool_at(block, "weights_ok")) {
        out.push_back(
            w.s("result.weights_must_sum", {{"sum", w.num(num_at(block, "weight_sum").value_or(0), 2)}}));
    }
    return out;
}

std::string paragraphs(const std::vector<std::string>& texts) {
    std::string html;
    for (const auto& t : texts) html += "<p>" + esc(t) + "</p>";
    return html;
}

void render_weighted_rating(Writer& w, const WeightedRating& s, const json& r) {
    weighted_table(w, w.s("report.your_answers"), s.col_item.get(w.lang()), r);
    w.begin_results();
    const auto avg = num_at(r, "average");
    w.fact(w.s("result.weighted_average"), avg ? esc(w.num(*avg, 2)) : esc(kDash));
    if (bool_at(r, "complete")) {
        if (!str_at(r, "band_text").empty())
            w.fact(w.s("report.interpretation"), esc(str_at(r, "band_text")));
    } else {
        w.fact(w.s("report.missing"), paragraphs(weighted_missing(w, r)));
    }
    w.end_results();
}

void render_weighted_comparison(Writer& w, const json& r) {
    const json& blocks = array_at(r, "blocks");
    for (const auto& b : blocks) {
        w.element("h4", str_at(b, "title"));
        weighted_table(w, w.s("report.your_answers"), w.s("report.item"), b);
    }
    w.begin_results();
    std::vector<std::string> missing;
    for (const auto& b : blocks) {
        const auto avg = num_at(b, "average");
        w.fact(w.s("result.weighted_average") + ": " + str_at(b, "title"),
               avg ? esc(w.num(*avg, 2)) : esc(kDash));
        if (!bool_at(b, "complete")) {
            for (const auto& m : weighted_missing(w, b)) missing.push_back(str_at(b, "title") + ": " + m);
        }
    }
    if (bool_at(r, "complete") && !str_at(r, "verdict_text").empty()) {
        w.fact(w.s("report.conclusion"), esc(str_at(r, "verdict_text")));
    } else {
        w.fact(w.s("report.missing"), paragraphs(missing));
    }
    w.end_results();
}

void render_step_plan(Writer& w, const StepPlan& p, const json& a, const json& r) {
    const Lang l = w.lang();
    const json* steps = member(&a, "steps");
    for (const auto& step : p.steps) {
        const json* sj = member(steps, step.id);
        w.element("h4", step.name.get(l));
        if (!step.fields.empty()) {
            w.raw("<dl class=\"qa\">\n");
            for (const auto& f : step.fields) {
                w.element("dt", f.text.get(l));
                w.raw("<dd>");
                answer_paragraph(w, answers::string_of(member(member(sj, "fields"), f.id)));
                w.raw("</dd>\n");
            }
            w.raw("</dl>\n");
        }
        if (!step.checklist.empty()) {
            w.raw("<ul class=\"checks\">\n");
            for (const auto& c : step.checklist) {
                const bool ticked = answers::bool_of(member(member(sj, "checks"), c.id)).value_or(false);
                w.raw("<li>");
                w.text(c.text.get(l));
                w.raw(" \xE2\x80\x93 <strong>");
                w.text(w.s(ticked ? "report.check_done" : "report.check_open"));
                w.raw("</strong></li>\n");
            }
            w.raw("</ul>\n");
        }
    }
    w.begin_results();
    if (count_at(r, "fields_total") > 0) {
        w.fact(w.s("result.fields_filled"),
               esc(of_total(w, count_at(r, "fields_filled"), count_at(r, "fields_total"))));
    }
    if (count_at(r, "checks_total") > 0) {
        w.fact(w.s("result.checks_ticked"),
               esc(of_total(w, count_at(r, "checks_ticked"), count_at(r, "checks_total"))));
    }
    w.end_results();
}

void render_survey(Writer& w, const Survey& s, const json& a, const json& r) {
    const Lang l = w.lang();
    const auto ans = answers::survey_answers(s, &a);
    w.begin_table(w.s("report.your_answers"), {w.s("report.statement"), w.s("report.answer")});
    for (size_t i = 0; i < s.statements.size(); ++i) {
        const std::string v = !ans[i] ? kDash : w.s(*ans[i] ? "result.agree" : "result.disagree");
        w.row({th(s.statements[i].text.get(l)), td(v)});
    }
    w.end_table();
    w.begin_results();
    w.fact(w.s("result.agree"), esc(std::to_string(count_at(r, "agree"))));
    w.fact(w.s("result.disagree"), esc(std::to_string(count_at(r, "disagree"))));
    if (count_at(r, "unanswered") > 0)
        w.fact(w.s("result.unanswered"), esc(std::to_string(count_at(r, "unanswered"))));
    const std::string& rec = str_at(r, "recommendation_text");
    w.fact(w.s("result.recommendation"), esc(rec.empty() ? w.s("report.answer_all") : rec));
    w.end_results();
}

void render_quiz(Writer& w, const Quiz& q, const json& a, const json& r) {
    const Lang l = w.lang();
    auto option_texts = [&](const Quiz::Question& question, const std::vector<std::string>& ids) {
        std::string out;
        for (const auto& o : question.options) {
            for (const auto& id : ids) {
                if (o.id == id) {
                    out += (out.empty() ? "" : "; ") + o.text.get(l);
                    break;
                }
            }
        }
        return out;
    };
    w.raw("<ol class=\"quiz\">\n");
    for (const auto& question : q.questions) {
        const auto chosen = answers::quiz_chosen(question, &a);
        const auto correct = question.correct_ids();
        const bool ok = !chosen.empty() && calc::quiz_correct(chosen, correct);
        w.raw("<li><p><strong>");
        w.text(question.text.get(l));
        w.raw("</strong></p>\n<p>");
        w.text(w.s("report.your_choice"));
        w.raw(": ");
        w.text(chosen.empty() ? std::string(kDash) : option_texts(question, chosen));
        if (!chosen.empty()) {
            w.raw(" \xE2\x80\x93 <strong>");
            w.text(ok ? "\xE2\x9C\x93 " + w.s("result.correct") : "\xE2\x9C\x97 " + w.s("result.incorrect"));
            w.raw("</strong>");
        }
        w.raw("</p>\n");
        if (!ok) {
            w.raw("<p>");
            w.text(w.s("report.correct_answer"));
            w.raw(": ");
            w.text(option_texts(question, correct));
            w.raw("</p>\n");
        }
        w.raw("</li>\n");
    }
    w.raw("</ol>\n");
    w.begin_results();
    w.fact(w.s("report.score"), esc(of_total(w, count_at(r, "correct"), count_at(r, "total"))));
    w.end_results();
}

void render_roi(Writer& w, const json& r) {
    const std::string& currency = str_at(r, "currency");
    auto money = [&](std::optional<double> v) {
        return v ? grouped(w.num(*v, 2), w.lang()) + "\xC2\xA0" + currency : std::string(kDash);
    };
    w.begin_table(w.s("report.your_answers"), {w.s("report.item"), w.s("report.value")});
    w.row({th(w.s("report.roi_cost")), td_num(money(num_at(r, "cost")))});
    w.row({th(w.s("report.roi_benefit")), td_num(money(num_at(r, "benefit")))});
    w.row({th(w.s("report.roi_running")), td_num(money(num_at(r, "running")))});
    w.row({th(w.s("report.roi_years")), td_num(std::to_string(count_at(r, "years")))});
    w.end_table();
    w.begin_results();
    if (!bool_at(r, "complete")) {
        w.fact(w.s("report.missing"), esc(w.s("report.roi_missing")));
    } else {
        w.fact(w.s("result.total_cost"), esc(money(num_at(r, "total_cost"))));
        w.fact(w.s("result.total_gain"), esc(money(num_at(r, "total_gain"))));
        w.fact(w.s("result.net"), esc(money(num_at(r, "net"))));
        const auto roi = num_at(r, "roi_pct");
        w.fact(w.s("result.roi"), esc(roi ? w.pct(*roi) : w.s("result.roi_undefined")));
        const auto payback = num_at(r, "payback_months");
        w.fact(w.s("result.payback"),
               esc(payback ? w.num(*payback, 1) + " " + w.s("result.months") : w.s("result.payback_never")));
    }
    w.end_results();
}

const char* level_class(const std::string& level) {
    if (level == "low") return "level-low";
    if (level == "medium") return "level-medium";
    if (level == "high") return "level-high";
    if (level == "critical") return "level-critical";
    return nullptr;
}

void render_risk_register(Writer& w, const json& r) {
    const json& risks = array_at(r, "risks");
    w.begin_table(w.s("report.risks_by_priority"),
                  {w.s("report.number"), w.s("report.risk"), w.s("risk.likelihood"), w.s("risk.impact"),
                   w.s("risk.score"), w.s("report.level"), w.s("report.owner"), w.s("report.response")});
    int n = 0;
    for (const auto& risk : risks) {
        const std::string& level = str_at(risk, "level");
        const std::string level_text = level.empty() ? std::string(kDash) : w.s("risk.level." + level);
        w.row({td_num(std::to_string(++n)),
               th(str_at(risk, "risk")),
               td_opt(int_at(risk, "likelihood")),
               td_opt(int_at(risk, "impact")),
               td_opt(int_at(risk, "score")),
               {esc(level_text), false, level_class(level)},
               td_text(str_at(risk, "owner")),
               td_text(str_at(risk, "response"))});
    }
    w.end_table();

    // Heat map: likelihood 5 (top) to 1 down the side, impact 1 to 5 across.
    const json& heat = array_at(r, "heat");
    if (heat.size() == 5) {
        std::vector<std::string> headers = {w.s("risk.likelihood") + " \\ " + w.s("risk.impact")};
        for (int i = 1; i <= 5; ++i) headers.push_back(std::to_string(i));
        w.begin_table(w.s("result.heat_map"), headers, "heat");
        for (int li = 5; li >= 1; --li) {
            std::vector<Cell> cells = {th(std::to_string(li))};
            const json& row = heat[static_cast<size_t>(li - 1)];
            for (size_t im = 0; im < 5; ++im) {
                const int count =
                    row.is_array() && im < row.size() ? answers::int_of(&row[im]).value_or(0) : 0;
                const int score = li * static_cast<int>(im + 1);
                const char* lvl[] = {"level-low", "level-medium", "level-high", "level-critical"};
                cells.push_back({count ? std::to_string(count) : std::string(), false,
                                 lvl[static_cast<int>(calc::risk_level(score))]});
            }
            w.row(cells);
        }
        w.end_table();
    }

    w.begin_results();
    if (const json* levels = member(&r, "levels")) {
        for (const char* level : {"critical", "high", "medium", "low"}) {
            w.fact(w.s(std::string("risk.level.") + level), esc(std::to_string(count_at(*levels, level))));
        }
    }
    if (count_at(r, "unscored") > 0)
        w.fact(w.s("report.unscored"), esc(std::to_string(count_at(r, "unscored"))));
    w.end_results();
}

void render_exercise(Writer& w, const Unit& u, const Exercise& ex, const json* a, const json& entry) {
    const Lang l = w.lang();
    const std::string anchor = u.id + "-" + ex.id;
    w.raw("<section class=\"exercise\" aria-labelledby=\"" + esc(anchor) + "\">\n");
    w.raw("<h3 id=\"" + esc(anchor) + "\">");
    w.text(ex.title.get(l));
    w.raw("</h3>\n");
    const json* found = member(&entry, "result");
    const json& r = found && found->is_object() ? *found : kEmptyObject;
    if (!a || !answer_has_content(*a)) {
        w.element("p", w.s("report.no_answer"), "empty");
    } else if (const auto* s = ex.as<QuadrantMap>()) {
        render_quadrant_map(w, *s, *a, r);
    } else if (const auto* s = ex.as<Reflection>()) {
        render_reflection(w, *s, *a);
    } else if (const auto* s = ex.as<ChecklistTable>()) {
        render_checklist(w, *s, *a, r);
    } else if (const auto* s = ex.as<PairTable>()) {
        render_pair_table(w, *s, *a, r);
    } else if (const auto* s = ex.as<PreferenceScale>()) {
        render_preference(w, *s, *a, r);
    } else if (const auto* s = ex.as<RatingTable>()) {
        render_rating_table(w, *s, *a, r);
    } else if (const auto* s = ex.as<NpsSurvey>()) {
        render_nps(w, *s, *a, r);
    } else if (const auto* s = ex.as<WeightedRating>()) {
        render_weighted_rating(w, *s, r);
    } else if (ex.as<WeightedComparison>()) {
        render_weighted_comparison(w, r);
    } else if (const auto* s = ex.as<StepPlan>()) {
        render_step_plan(w, *s, *a, r);
    } else if (const auto* s = ex.as<Survey>()) {
        render_survey(w, *s, *a, r);
    } else if (const auto* s = ex.as<Quiz>()) {
        render_quiz(w, *s, *a, r);
    } else if (ex.as<Roi>()) {
        render_roi(w, r);
    } else if (ex.as<RiskRegister>()) {
        render_risk_register(w, r);
    }
    w.raw("</section>\n");
}

std::string progress_text(const Writer& w, const json& p) {
    std::string t = w.s("progress.exercises_done", {{"done", std::to_string(count_at(p, "done"))},
                                                    {"total", std::to_string(count_at(p, "total"))}});
    if (count_at(p, "quiz_total") > 0) {
        t += " \xC2\xB7 " + w.s("progress.quiz", {{"score", std::to_string(count_at(p, "quiz_score"))},
                                                  {"total", std::to_string(count_at(p, "quiz_total"))}});
    }
    return t;
}

}  // namespace

// [SECTION] The report ---------------------------------------------------------------------------

std::string render_report(const Course& course, const Workbook& wb, Lang lang, const Strings& strings) {
    Writer w(lang, strings);
    const json results = compute_results(course, wb, lang);
    const std::string name = blank(wb.name) ? w.s("report.title") : wb.name;
    begin_document(w, w.s("report.title") + ": " + name + " \xE2\x80\x93 " + w.s("report.course"));

    w.raw("<header>\n");
    w.element("p", w.s("report.course") + " \xC2\xB7 " + w.s("report.title"), "kicker");
    w.element("h1", name);
    const std::string& date = wb.updated.empty() ? wb.created : wb.updated;
    if (!date.empty()) w.element("p", w.s("report.saved", {{"date", display_date(date, lang)}}), "meta");
    w.raw("</header>\n<main>\n");

    // Overview: one row per unit.
    const json& units = array_at(results, "units");
    w.raw("<section aria-labelledby=\"overview\">\n<h2 id=\"overview\">");
    w.text(w.s("report.overview"));
    w.raw("</h2>\n");
    w.begin_table("", {w.s("unit"), w.s("report.exercises_done"), w.s("report.quiz")});
    for (size_t i = 0; i < course.units.size() && i < units.size(); ++i) {
        const json* p = member(&units[i], "progress");
        const json& pr = p ? *p : kEmptyObject;
        const std::string quiz = count_at(pr, "quiz_total") > 0
                                     ? of_total(w, count_at(pr, "quiz_score"), count_at(pr, "quiz_total"))
                                     : kDash;
        w.row({{"<a href=\"#" + esc(course.units[i].id) + "\">" +
                    esc(unit_title_line(course.units[i], lang, strings)) + "</a>",
                true},
               td_num(of_total(w, count_at(pr, "done"), count_at(pr, "total"))),
               td_num(quiz)});
    }
    w.end_table();
    w.raw("</section>\n");

    for (size_t i = 0; i < course.units.size() && i < units.size(); ++i) {
        const Unit& u = course.units[i];
        const json& uj = units[i];
        w.raw("<section class=\"unit\" id=\"" + esc(u.id) + "\" aria-labelledby=\"" + esc(u.id) +
              "-title\">\n");
        w.raw("<h2 id=\"" + esc(u.id) + "-title\">");
        w.text(unit_title_line(u, lang, strings));
        w.raw("</h2>\n");
        if (const json* p = member(&uj, "progress")) w.element("p", progress_text(w, *p), "meta");
        const json& entries = array_at(uj, "exercises");
        for (size_t k = 0; k < u.exercises.size(); ++k) {
            const Exercise& ex = u.exercises[k];
            render_exercise(w, u, ex, answer(wb, exercise_key(u.id, ex.id)),
                            k < entries.size() ? entries[k] : kEmptyObject);
        }
        w.raw("</section>\n");
    }
    w.raw("</main>\n");
    end_document(w);
    return w.take();
}

// [SECTION] The book -----------------------------------------------------------------------------

std::string render_book(const Course& course, const std::string& unit_id, Lang lang, const Strings& strings) {
    const Unit* u = course.unit(unit_id);
    if (!u) return std::string();
    Writer w(lang, strings);
    const std::string title = unit_title_line(*u, lang, strings);
    begin_document(w, title + " \xE2\x80\x93 " + w.s("report.course"));

    w.raw("<header>\n");
    w.element("p", w.s("report.course"), "kicker");
    w.element("h1", title);
    w.element("p", u->description.get(lang), "lead");
    w.raw("</header>\n<main>\n");

    w.raw("<section aria-labelledby=\"outcomes\">\n<h2 id=\"outcomes\">");
    w.text(w.s("book.outcomes"));
    w.raw("</h2>\n");
    w.element("p", w.s("book.outcomes_intro"));
    w.raw("<ul>\n");
    for (const auto& o : u->outcomes) w.element("li", o.get(lang));
    w.raw("</ul>\n</section>\n");

    w.raw("<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">");
    w.text(w.s("book.contents"));
    w.raw("</h2>\n<ol>\n");
    for (const auto& s : u->sections) {
        w.raw("<li><a href=\"#s-" + esc(s.id) + "\">");
        w.text(s.heading.get(lang));
        w.raw("</a></li>\n");
    }
    w.raw("</ol>\n</nav>\n");

    for (const auto& s : u->sections) {
        w.raw("<section id=\"s-" + esc(s.id) + "\" aria-labelledby=\"h-" + esc(s.id) + "\">\n");
        w.raw("<h2 id=\"h-" + esc(s.id) + "\">");
        w.text(s.heading.get(lang));
        w.raw("</h2>\n");
        for (const auto& b : s.blocks) {
            if (b.type == Block::Type::paragraph) {
                w.element("p", b.text.get(lang));
                continue;
            }
            w.raw("<ul>\n");
            for (const auto& item : b.items) {
                // Key terms read "Term – definition": the term in bold.
                const std::string& t = item.get(lang);
                const size_t dash = s.id == "key_terms" ? t.find(" \xE2\x80\x93 ") : std::string::npos;
                if (dash == std::string::npos) {
                    w.element("li", t);
                    continue;
                }
                w.raw("<li><strong>");
                w.text(t.substr(0, dash));
                w.raw("</strong>");
                w.text(t.substr(dash));
                w.raw("</li>\n");
            }
            w.raw("</ul>\n");
        }
        w.raw("</section>\n");
    }
    w.raw("</main>\n");
    end_document(w);
    return w.take();
}

}  // namespace crb
