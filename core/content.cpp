// content.cpp — strict loader for content/unit*.json (docs/content-format.md).
//
// Validation never stops at the first problem: every field is checked and every error is kept, each
// naming the file, the JSON pointer of the offending value and what was expected. Unknown fields are
// errors (with a "did you mean" hint) so that a misspelt optional field is not silently ignored.
//
// [SECTION] Small helpers (names, keys, lookups)
// [SECTION] Validation context and field readers
// [SECTION] Exercise kinds
// [SECTION] Units
// [SECTION] Course
#include "core/content.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/json_checks.h"
#include "core/small_sort.h"

namespace crb {

namespace jc = json_checks;
using nlohmann::json;

// [SECTION] Small helpers (names, keys, lookups) -------------------------------------------------

const char* lang_code(Lang lang) { return lang == Lang::pl ? "pl" : "en"; }

std::optional<Lang> parse_lang(std::string_view code) {
    if (code == "en") return Lang::en;
    if (code == "pl") return Lang::pl;
    return std::nullopt;
}

namespace {
constexpr const char* kKindNames[] = {
    "quadrant_map", "reflection", "checklist_table", "pair_table", "preference_scale",
    "rating_table", "nps_survey", "weighted_rating", "weighted_comparison", "step_plan",
    "survey", "quiz", "roi", "risk_register",
};
constexpr size_t kKindCount = sizeof(kKindNames) / sizeof(kKindNames[0]);
}  // namespace

const char* kind_name(Kind kind) {
    const auto i = static_cast<size_t>(kind);
    return i < kKindCount ? kKindNames[i] : "?";
}

std::optional<Kind> parse_kind(std::string_view name) {
    for (size_t i = 0; i < kKindCount; ++i) {
        if (name == kKindNames[i]) return static_cast<Kind>(i);
    }
    return std::nullopt;
}

const QuadrantMap::Quadrant* QuadrantMap::find(bool high_influence, bool high_interest) const {
    for (const auto& q : quadrants) {
        if (q.high_influence == high_influence && q.high_interest == high_interest) return &q;
    }
    return nullptr;
}

std::vector<std::string> Quiz::Question::correct_ids() const {
    std::vector<std::string> ids;
    for (const auto& o : options) {
        if (o.correct) ids.push_back(o.id);
    }
    return ids;
}

const Exercise* Unit::exercise(std::string_view exercise_id) const {
    for (const auto& e : exercises) {
        if (e.id == exercise_id) return &e;
    }
    return nullptr;
}

const Section* Unit::section(std::string_view section_id) const {
    for (const auto& s : sections) {
        if (s.id == section_id) return &s;
    }
    return nullptr;
}

std::string exercise_key(std::string_view unit_id, std::string_view exercise_id) {
    std::string k(unit_id);
    k += '/';
    k += exercise_id;
    return k;
}

bool split_exercise_key(std::string_view key, std::string& unit_id, std::string& exercise_id) {
    const auto slash = key.find('/');
    if (slash == std::string_view::npos) return false;
    const auto u = key.substr(0, slash), e = key.substr(slash + 1);
    if (!jc::is_content_id(u) || !jc::is_content_id(e)) return false;
    unit_id.assign(u);
    exercise_id.assign(e);
    return true;
}

const Unit* Course::unit(std::string_view unit_id) const {
    for (const auto& u : units) {
        if (u.id == unit_id) return &u;
    }
    return nullptr;
}

const Unit* Course::unit_by_number(int number) const {
    for (const auto& u : units) {
        if (u.number == number) return &u;
    }
    return nullptr;
}

const Unit* Course::unit_of(std::string_view key) const {
    const auto slash = key.find('/');
    return slash == std::string_view::npos ? nullptr : unit(key.substr(0, slash));
}

const Exercise* Course::exercise(std::string_view key) const {
    const auto slash = key.find('/');
    if (slash == std::string_view::npos) return nullptr;
    const Unit* u = unit(key.substr(0, slash));
    return u ? u->exercise(key.substr(slash + 1)) : nullptr;
}

std::vector<std::string> Course::exercise_keys() const {
    std::vector<std::string> keys;
    for (const auto& u : units) {
        for (const auto& e : u.exercises) keys.push_back(exercise_key(u.id, e.id));
    }
    return keys;
}

size_t Course::exercise_count() const {
    size_t n = 0;
    for (const auto& u : units) n += u.exercises.size();
    return n;
}

namespace {

size_t count_words(const std::string& s) {
    size_t n = 0;
    bool in_word = false, has_alnum = false;
    for (size_t i = 0; i <= s.size(); ++i) {
        const unsigned char c = i < s.size() ? static_cast<unsigned char>(s[i]) : ' ';
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (space) {
            if (in_word && has_alnum) ++n;
            in_word = has_alnum = false;
        } else {
            in_word = true;
            if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) has_alnum = true;
        }
    }
    return n;
}

}  // namespace

size_t word_count(const Unit& unit, Lang lang) {
    size_t n = 0;
    for (const auto& s : unit.sections) {
        n += count_words(s.heading.get(lang));
        for (const auto& b : s.blocks) {
            if (b.type == Block::Type::paragraph) n += count_words(b.text.get(lang));
            for (const auto& t : b.items) n += count_words(t.get(lang));
        }
    }
    return n;
}

// [SECTION] Validation context and field readers -------------------------------------------------

namespace {

struct Ctx {
    std::string file;
    std::vector<std::string>* errors = nullptr;
    std::vector<std::string>* warnings = nullptr;

    void error(const std::string& path, const std::string& msg) const {
        errors->push_back(path.empty() ? file + ": " + msg : file + ": " + path + ": " + msg);
    }
    void warn(const std::string& path, const std::string& msg) const {
        warnings->push_back(path.empty() ? file + ": " + msg : file + ": " + path + ": " + msg);
    }
};

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

// One JSON object being read. Every field asked for is recorded; finish() reports the others as
// unknown. A value that is not an object is reported once and all its reads yield nothing.
class Obj {
public:
    Obj(const Ctx& c, const json* j, std::string path) : c_(c), j_(j), path_(std::move(path)) {
        if (j_ && !j_->is_object()) {
            c_.error(path_, "expected an object");
            j_ = nullptr;
        }
    }
    bool ok() const { return j_ != nullptr; }
    const std::string& path() const { return path_; }
    std::string at(const char* key) const { return jc::child(path_, key); }

    const json* req(const char* key) { return get(key, true); }
    const json* opt(const char* key) { return get(key, false); }
    bool has(const char* key) const { return j_ && j_->contains(key); }

    void finish() const {
        if (!j_) return;
        for (auto it = j_->begin(); it != j_->end(); ++it) {
            if (std::find(known_.begin(), known_.end(), it.key()) != known_.end()) continue;
            std::string msg = "unknown field";
            std::string best;
            size_t best_d = 3;
            for (const auto& k : known_) {
                const size_t d = edit_distance(it.key(), k);
                if (d < best_d && d * 2 < it.key().size()) best_d = d, best = k;
            }
            if (!best.empty()) msg += " (did you mean \"" + best + "\"?)";
            c_.error(jc::child(path_, it.key()), msg);
        }
    }

private:
    const json* get(const char* key, bool required) {
        known_.emplace_back(key);
        if (!j_) return nullptr;
        const auto it = j_->find(key);
        if (it == j_->end()) {
            if (required) c_.error(at(key), "missing required field");
            return nullptr;
        }
        return &*it;
    }

    const Ctx& c_;
    const json* j_;
    std::string path_;
    std::vector<std::string> known_;
};

bool check_string_value(const Ctx& c, const std::string& s, const std::string& path) {
    bool blank = true;
    for (const char ch : s) {
        if (ch != ' ' && ch != '\n' && ch != '\t') {
            blank = false;
            break;
        }
    }
    if (blank) {
        c.error(path, "expected a non-empty string");
        return false;
    }
    if (s.size() > jc::kMaxStringBytes) {
        c.error(path, "string longer than " + std::to_string(jc::kMaxStringBytes) + " bytes");
        return false;
    }
    const int cc = jc::first_control_char(s);
    if (cc >= 0) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cc));
        c.error(path, std::string("control character ") + buf + " not allowed");
        return false;
    }
    return true;
}

std::string plain_string(const Ctx& c, const json* j, const std::string& path) {
    if (!j) return {};
    if (!j->is_string()) {
        c.error(path, "expected a non-empty string");
        return {};
    }
    const auto& s = j->get_ref<const std::string&>();
    return check_string_value(c, s, path) ? s : std::string();
}

Text text(const Ctx& c, const json* j, const std::string& path) {
    Text t;
    if (!j) return t;
    if (!j->is_object()) {
        c.error(path, "expected a text object {\"en\": \"...\", \"pl\": \"...\"}");
        return t;
    }
    Obj o(c, j, path);
    t.en = plain_string(c, o.req("en"), o.at("en"));
    t.pl = plain_string(c, o.req("pl"), o.at("pl"));
    o.finish();
    return t;
}

std::string id_value(const Ctx& c, const json* j, const std::string& path) {
    if (!j) return {};
    if (!j->is_string() || !jc::is_content_id(j->get_ref<const std::string&>())) {
        c.error(path, "expected an id matching ^[a-z][a-z0-9_]{0,39}$");
        return {};
    }
    return j->get<std::string>();
}

int integer(const Ctx& c, const json* j, const std::string& path, int lo, int hi, int fallback) {
    if (!j) return fallback;
    if (j->is_number_integer()) {
        const auto v = jc::as_integer(*j);
        if (v && *v >= lo && *v <= hi) return static_cast<int>(*v);
    }
    c.error(path, "expected an integer between " + std::to_string(lo) + " and " + std::to_string(hi));
    return fallback;
}

std::string format_bound(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

double number(const Ctx& c, const json* j, const std::string& path, double lo, double hi, double fallback) {
    if (!j) return fallback;
    if (j->is_number()) {
        const double v = j->get<double>();
        if (v >= lo && v <= hi) return v;
    }
    c.error(path, "expected a number between " + format_bound(lo) + " and " + format_bound(hi));
    return fallback;
}

bool boolean(const Ctx& c, const json* j, const std::string& path, bool fallback) {
    if (!j) return fallback;
    if (!j->is_boolean()) {
        c.error(path, "expected true or false");
        return fallback;
    }
    return j->get<bool>();
}

// Calls f(element, element_path) for each element of an array field. `min`/`max` bound the count;
// the message names them.
template <class F>
void array(const Ctx& c, const json* j, const std::string& path, size_t min, size_t max, F f) {
    if (!j) return;
    if (!j->is_array()) {
        c.error(path, "expected an array");
        return;
    }
    const size_t n = j->size();
    if (n < min || n > max) {
        std::string what;
        if (max == SIZE_MAX) what = min == 1 ? "a non-empty array" : "at least " + std::to_string(min) + " entries";
        else if (min == max) what = "exactly " + std::to_string(min) + " entries";
        else what = std::to_string(min) + "-" + std::to_string(max) + " entries";
        c.error(path, "expected " + what + " (found " + std::to_string(n) + ")");
    }
    for (size_t i = 0; i < n; ++i) f((*j)[i], jc::child(path, i));
}

std::vector<Text> text_list(const Ctx& c, const json* j, const std::string& path, size_t min) {
    std::vector<Text> out;
    array(c, j, path, min, SIZE_MAX, [&](const json& e, const std::string& p) { out.push_back(text(c, &e, p)); });
    return out;
}

// Tracks ids among siblings (or across a wider scope when `scope` says so).
class Ids {
public:
    explicit Ids(const Ctx& c, const char* scope = nullptr) : c_(c), scope_(scope) {}
    void add(const std::string& id, const std::string& path) {
        if (id.empty()) return;  // already reported as invalid
        if (!seen_.insert(id).second) {
            std::string msg = "duplicate id \"" + id + "\"";
            if (scope_) msg += std::string(" (") + scope_ + ")";
            c_.error(path, msg);
        }
    }

private:
    const Ctx& c_;
    const char* scope_;
    std::set<std::string> seen_;
};

// {"id": ..., "<field>": T} lists.
std::vector<IdText> id_texts(const Ctx& c, const json* j, const std::string& path, const char* field,
                             size_t min, size_t max = SIZE_MAX) {
    std::vector<IdText> out;
    Ids ids(c);
    array(c, j, path, min, max, [&](const json& e, const std::string& p) {
        Obj o(c, &e, p);
        IdText it;
        it.id = id_value(c, o.req("id"), o.at("id"));
        ids.add(it.id, o.at("id"));
        it.text = text(c, o.req(field), o.at(field));
        o.finish();
        out.push_back(std::move(it));
    });
    return out;
}

// [SECTION] Exercise kinds -----------------------------------------------------------------------

// An exercise's step names another exercise of the same unit; checked once the unit is read.
struct ToolRef {
    std::string tool, from_exercise, path;
};

QuadrantMap read_quadrant_map(const Ctx& c, Obj& o) {
    QuadrantMap m;
    m.item_label = text(c, o.req("item_label"), o.at("item_label"));
    m.axis_x = text(c, o.req("axis_x"), o.at("axis_x"));
    m.axis_y = text(c, o.req("axis_y"), o.at("axis_y"));
    m.threshold = integer(c, o.req("threshold"), o.at("threshold"), 1, 10, 5);
    const json* qs = o.req("quadrants");
    if (qs && qs->is_array() && qs->size() != 4) {
        c.error(o.at("quadrants"), "expected exactly 4 quadrants, one per combination of influence and "
                                   "interest (found " + std::to_string(qs->size()) + ")");
    }
    Ids quadrant_ids(c), strategy_ids(c, "strategy ids must be unique across the quadrants");
    std::set<std::pair<bool, bool>> combos;
    auto level = [&](Obj& q, const char* key, bool& out) {
        const json* v = q.req(key);
        if (!v) return false;
        if (v->is_string() && (*v == "high" || *v == "low")) {
            out = *v == "high";
            return true;
        }
        c.error(q.at(key), "expected \"high\" or \"low\"");
        return false;
    };
    array(c, qs, o.at("quadrants"), 0, SIZE_MAX, [&](const json& e, const std::string& p) {
        Obj q(c, &e, p);
        QuadrantMap::Quadrant quad;
        quad.id = id_value(c, q.req("id"), q.at("id"));
        quadrant_ids.add(quad.id, q.at("id"));
        const bool a = level(q, "influence", quad.high_influence);
        const bool b = level(q, "interest", quad.high_interest);
        if (a && b && !combos.insert({quad.high_influence, quad.high_interest}).second) {
            c.error(p, std::string("duplicate combination: influence \"") + (quad.high_influence ? "high" : "low") +
                           "\", interest \"" + (quad.high_interest ? "high" : "low") + "\"");
        }
        quad.name = text(c, q.req("name"), q.at("name"));
        array(c, q.req("strategies"), q.at("strategies"), 1, SIZE_MAX, [&](const json& se, const std::string& sp) {
            Obj s(c, &se, sp);
            IdText st;
            st.id = id_value(c, s.req("id"), s.at("id"));
            strategy_ids.add(st.id, s.at("id"));
            st.text = text(c, s.req("text"), s.at("text"));
            s.finish();
            quad.strategies.push_back(std::move(st));
        });
        q.finish();
        m.quadrants.push_back(std::move(quad));
    });
    return m;
}

Reflection read_reflection(const Ctx& c, Obj& o) {
    Reflection r;
    r.questions = id_texts(c, o.req("questions"), o.at("questions"), "text", 1);
    if (const json* rep = o.opt("repeat")) {
        Obj ro(c, rep, o.at("repeat"));
        r.repeat = ro.ok();
        r.repeat_label = text(c, ro.req("label"), ro.at("label"));
        r.repeat_default = integer(c, ro.req("default"), ro.at("default"), 1, 20, 3);
        ro.finish();
    }
    return r;
}

ChecklistTable read_checklist_table(const Ctx& c, Obj& o) {
    ChecklistTable t;
    t.questions = id_texts(c, o.opt("questions"), o.at("questions"), "text", 1);
    Obj cols(c, o.req("columns"), o.at("columns"));
    t.col_dimension = text(c, cols.req("dimension"), cols.at("dimension"));
    t.col_description = text(c, cols.req("description"), cols.at("description"));
    t.col_answer = text(c, cols.req("answer"), cols.at("answer"));
    cols.finish();
    Ids group_ids(c), row_ids(c, "row ids must be unique across groups");
    array(c, o.req("groups"), o.at("groups"), 1, SIZE_MAX, [&](const json& e, const std::string& p) {
        Obj g(c, &e, p);
        ChecklistTable::Group group;
        group.id = id_value(c, g.req("id"), g.at("id"));
        group_ids.add(group.id, g.at("id"));
        group.title = text(c, g.req("title"), g.at("title"));
        array(c, g.req("rows"), g.at("rows"), 1, SIZE_MAX, [&](const json& re, const std::string& rp) {
            Obj r(c, &re, rp);
            ChecklistTable::Row row;
            row.id = id_value(c, r.req("id"), r.at("id"));
            row_ids.add(row.id, r.at("id"));
            row.dimension = text(c, r.req("dimension"), r.at("dimension"));
            row.description = text(c, r.req("description"), r.at("description"));
            row.items = text_list(c, r.opt("items"), r.at("items"), 1);
            r.finish();
            group.rows.push_back(std::move(row));
        });
        g.finish();
        t.groups.push_back(std::move(group));
    });
    return t;
}

PairTable read_pair_table(const Ctx& c, Obj& o) {
    PairTable t;
    Obj cols(c, o.req("columns"), o.at("columns"));
    t.col_left = text(c, cols.req("left"), cols.at("left"));
    t.col_right = text(c, cols.req("right"), cols.at("right"));
    cols.finish();
    array(c, o.req("examples"), o.at("examples"), 0, SIZE_MAX, [&](const json& e, const std::string& p) {
        Obj x(c, &e, p);
        PairTable::Pair pair;
        pair.left = text(c, x.req("left"), x.at("left"));
        pair.right = text(c, x.req("right"), x.at("right"));
        x.finish();
        t.examples.push_back(std::move(pair));
    });
    return t;
}

PreferenceScale read_preference_scale(const Ctx& c, Obj& o) {
    PreferenceScale t;
    Obj cols(c, o.req("columns"), o.at("columns"));
    t.col_feature = text(c, cols.req("feature"), cols.at("feature"));
    t.col_left = text(c, cols.req("left"), cols.at("left"));
    t.col_right = text(c, cols.req("right"), cols.at("right"));
    cols.finish();
    Ids ids(c);
    array(c, o.req("rows"), o.at("rows"), 1, SIZE_MAX, [&](const json& e, const std::string& p) {
        Obj r(c, &e, p);
        PreferenceScale::Row row;
        row.id = id_value(c, r.req("id"), r.at("id"));
        ids.add(row.id, r.at("id"));
        row.feature = text(c, r.req("feature"), r.at("feature"));
        row.left = text(c, r.req("left"), r.at("left"));
        row.right = text(c, r.req("right"), r.at("right"));
        r.finish();
        t.rows.push_back(std::move(row));
    });
    return t;
}

RatingTable read_rating_table(const Ctx& c, Obj& o) {
    RatingTable t;
    Obj cols(c, o.req("columns"), o.at("columns"));
    t.col_item = text(c, cols.req("item"), cols.at("item"));
    t.col_description = text(c, cols.req("description"), cols.at("description"));
    cols.finish();
    t.criteria = id_texts(c, o.req("criteria"), o.at("criteria"), "label", 1);
    Ids ids(c);
    array(c, o.req("rows"), o.at("rows"), 1, SIZE_MAX, [&](const json& e, const std::string& p) {
        Obj r(c, &e, p);
        RatingTable::Row row;
        row.id = id_value(c, r.req("id"), r.at("id"));
        ids.add(row.id, r.at("id"));
        row.label = text(c, r.req("label"), r.at("label"));
        row.description = text(c, r.req("description"), r.at("description"));
        r.finish();
        t.rows.push_back(std::move(row));
    });
    return t;
}

NpsSurvey read_nps_survey(const Ctx& c, Obj& o) {
    NpsSurvey n;
    n.question = text(c, o.req("question"), o.at("question"));
    n.respondent_label = text(c, o.req("respondent_label"), o.at("respondent_label"));
    n.default_respondents = integer(c, o.req("default_respondents"), o.at("default_respondents"), 1, 100, 10);
    return n;
}

// Weights are 0.1-0.9 and must add up to 1, so a weighted list has 2-10 rows.
constexpr size_t kMinWeightedRows = 2, kMaxWeightedRows = 10;

WeightedRating read_weighted_rating(const Ctx& c, Obj& o) {
    WeightedRating w;
    Obj cols(c, o.req("columns"), o.at("columns"));
    w.col_item = text(c, cols.req("item"), cols.at("item"));
    cols.finish();
    w.rows = id_texts(c, o.req("rows"), o.at("rows"), "text", kMinWeightedRows, kMaxWeightedRows);
    std::vector<std::pair<size_t, bool>> valid;  // index, bounds ok
    array(c, o.opt("bands"), o.at("bands"), 1, SIZE_MAX, [&](const json& e, const std::string& p) {
        Obj b(c, &e, p);
        WeightedBand band;
        const size_t before = c.errors->size();
        band.min = number(c, b.req("min"), b.at("min"), 1, 5, 0);
        band.max = number(c, b.req("max"), b.at("max"), 1, 5, 0);
        bool ok = c.errors->size() == before && b.ok();
        if (ok && band.min >= band.max) {
            c.error(p, "expected min to be less than max");
            ok = false;
        }
        band.text = text(c, b.req("text"), b.at("text"));
        b.finish();
        valid.emplace_back(w.bands.size(), ok);
        w.bands.push_back(std::move(band));
    });
    // Overlap: sort the well-formed bands by min; each must start at or above the previous max.
    std::vector<size_t> order;
    for (const auto& [i, ok] : valid) {
        if (ok) order.push_back(i);
    }
    small_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return w.bands[a].min < w.bands[b].min; });
    for (size_t k = 1; k < order.size(); ++k) {
        const auto& prev = w.bands[order[k - 1]];
        const auto& cur = w.bands[order[k]];
        if (cur.min < prev.max) {
            c.error(jc::child(o.at("bands"), order[k]),
                    "overlaps " + jc::child(o.at("bands"), order[k - 1]) + " (bands are closed at min, open at max)");
        }
    }
    return w;
}

WeightedComparison read_weighted_comparison(const Ctx& c, Obj& o) {
    WeightedComparison w;
    Ids ids(c);
    array(c, o.req("blocks"), o.at("blocks"), 2, 2, [&](const json& e, const std::string& p) {
        Obj b(c, &e, p);
        WeightedComparison::Block block;
        block.id = id_value(c, b.req("id"), b.at("id"));
        ids.add(block.id, b.at("id"));
        block.title = text(c, b.req("title"), b.at("title"));
        block.rows = id_texts(c, b.req("rows"), b.at("rows"), "text", kMinWeightedRows, kMaxWeightedRows);
        b.finish();
        w.blocks.push_back(std::move(block));
    });
    Obj v(c, o.req("verdicts"), o.at("verdicts"));
    w.verdict_first = text(c, v.req("first"), v.at("first"));
    w.verdict_second = text(c, v.req("second"), v.at("second"));
    w.verdict_equal = text(c, v.req("equal"), v.at("equal"));
    v.finish();
    return w;
}

StepPlan read_step_plan(const Ctx& c, Obj& o, const std::string& exercise_id, std::vector<ToolRef>& tools) {
    StepPlan plan;
    Ids ids(c);
    array(c, o.req("steps"), o.at("steps"), 1, SIZE_MAX, [&](const json& e, const std::string& p) {
        Obj s(c, &e, p);
        StepPlan::Step step;
        step.id = id_value(c, s.req("id"), s.at("id"));
        ids.add(step.id, s.at("id"));
        step.name = text(c, s.req("name"), s.at("name"));
        step.description = text(c, s.req("description"), s.at("description"));
        step.bullets = text_list(c, s.opt("bullets"), s.at("bullets"), 1);
        step.fields = id_texts(c, s.opt("fields"), s.at("fields"), "label", 1);
        step.checklist = id_texts(c, s.opt("checklist"), s.at("checklist"), "text", 1);
        if (const json* t = s.opt("tool")) {
            step.tool = id_value(c, t, s.at("tool"));
            if (!step.tool.empty()) tools.push_back({step.tool, exercise_id, s.at("tool")});
        }
        if (s.ok() && !s.has("fields") && !s.has("checklist")) {
            c.error(p, "expected at least one field or checklist item");
        }
        s.finish();
        plan.steps.push_back(std::move(step));
    });
    return plan;
}

Survey read_survey(const Ctx& c, Obj& o) {
    Survey s;
    s.statements = id_texts(c, o.req("statements"), o.at("statements"), "text", 1);
    const int n = std::max<int>(1, static_cast<int>(s.statements.size()));
    s.threshold = integer(c, o.req("threshold"), o.at("threshold"), 1, n, 1);
    s.positive = text(c, o.req("positive"), o.at("positive"));
    s.negative = text(c, o.req("negative"), o.at("negative"));
    return s;
}

Quiz read_quiz(const Ctx& c, Obj& o) {
    Quiz quiz;
    Ids qids(c);
    array(c, o.req("questions"), o.at("questions"), 5, 8, [&](const json& e, const std::string& p) {
        Obj q(c, &e, p);
        Quiz::Question question;
        question.id = id_value(c, q.req("id"), q.at("id"));
        qids.add(question.id, q.at("id"));
        question.text = text(c, q.req("text"), q.at("text"));
        question.multiple = boolean(c, q.req("multiple"), q.at("multiple"), false);
        Ids oids(c);
        int correct = 0;
        bool options_ok = true;
        array(c, q.req("options"), q.at("options"), 2, SIZE_MAX, [&](const json& oe, const std::string& op) {
            Obj opt(c, &oe, op);
            Quiz::Option option;
            option.id = id_value(c, opt.req("id"), opt.at("id"));
            oids.add(option.id, opt.at("id"));
            option.text = text(c, opt.req("text"), opt.at("text"));
            const json* cj = opt.req("correct");
            if (!cj || !cj->is_boolean()) options_ok = false;
            option.correct = boolean(c, cj, opt.at("correct"), false);
            if (option.correct) ++correct;
            option.feedback = text(c, opt.req("feedback"), opt.at("feedback"));
            opt.finish();
            question.options.push_back(std::move(option));
        });
        const auto opts = e.find("options");
        if (q.ok() && opts != e.end() && opts->is_array() && options_ok) {
            if (!question.multiple && correct != 1) {
                c.error(q.at("options"), "expected exactly one correct option when \"multiple\" is false (found " +
                                             std::to_string(correct) + ")");
            } else if (question.multiple && correct < 1) {
                c.error(q.at("options"), "expected at least one correct option");
            }
        }
        q.finish();
        quiz.questions.push_back(std::move(question));
    });
    return quiz;
}

Roi read_roi(const Ctx& c, Obj& o) {
    Roi r;
    const json* cur = o.req("currency");
    if (cur) {
        if (!cur->is_string() || cur->get_ref<const std::string&>().size() > 16) {
            c.error(o.at("currency"), "expected a currency symbol or code (a non-empty string of at most 16 bytes)");
        } else {
            r.currency = plain_string(c, cur, o.at("currency"));
        }
    }
    r.default_years = integer(c, o.req("default_years"), o.at("default_years"), 1, 10, 3);
    return r;
}

RiskRegister read_risk_register(const Ctx& c, Obj& o) {
    RiskRegister r;
    array(c, o.opt("examples"), o.at("examples"), 1, SIZE_MAX, [&](const json& e, const std::string& p) {
        Obj x(c, &e, p);
        RiskRegister::Example ex;
        ex.risk = text(c, x.req("risk"), x.at("risk"));
        ex.likelihood = integer(c, x.req("likelihood"), x.at("likelihood"), 1, 5, 1);
        ex.impact = integer(c, x.req("impact"), x.at("impact"), 1, 5, 1);
        x.finish();
        r.examples.push_back(std::move(ex));
    });
    return r;
}

std::optional<Exercise> read_exercise(const Ctx& c, const json& e, const std::string& path, std::vector<ToolRef>& tools) {
    Obj o(c, &e, path);
    if (!o.ok()) return std::nullopt;
    Exercise ex;
    ex.id = id_value(c, o.req("id"), o.at("id"));
    const json* kj = o.req("kind");
    std::optional<Kind> kind;
    if (kj) {
        if (kj->is_string()) kind = parse_kind(kj->get_ref<const std::string&>());
        if (!kind) {
            std::string all;
            for (size_t i = 0; i < kKindCount; ++i) all += (i ? ", " : "") + std::string(kKindNames[i]);
            c.error(o.at("kind"), "expected one of: " + all);
        }
    }
    ex.title = text(c, o.req("title"), o.at("title"));
    ex.instructions = text(c, o.req("instructions"), o.at("instructions"));
    if (!kind) return std::nullopt;  // kind-specific fields cannot be judged; unknown-field noise is skipped
    ex.kind = *kind;
    switch (*kind) {
        case Kind::quadrant_map: ex.spec = read_quadrant_map(c, o); break;
        case Kind::reflection: ex.spec = read_reflection(c, o); break;
        case Kind::checklist_table: ex.spec = read_checklist_table(c, o); break;
        case Kind::pair_table: ex.spec = read_pair_table(c, o); break;
        case Kind::preference_scale: ex.spec = read_preference_scale(c, o); break;
        case Kind::rating_table: ex.spec = read_rating_table(c, o); break;
        case Kind::nps_survey: ex.spec = read_nps_survey(c, o); break;
        case Kind::weighted_rating: ex.spec = read_weighted_rating(c, o); break;
        case Kind::weighted_comparison: ex.spec = read_weighted_comparison(c, o); break;
        case Kind::step_plan: ex.spec = read_step_plan(c, o, ex.id, tools); break;
        case Kind::survey: ex.spec = read_survey(c, o); break;
        case Kind::quiz: ex.spec = read_quiz(c, o); break;
        case Kind::roi: ex.spec = read_roi(c, o); break;
        case Kind::risk_register: ex.spec = read_risk_register(c, o); break;
    }
    o.finish();
    return ex;
}

// [SECTION] Units --------------------------------------------------------------------------------

Block read_block(const Ctx& c, const json& e, const std::string& path) {
    Block b;
    if (!e.is_object() || e.size() != 1 || (!e.contains("p") && !e.contains("ul"))) {
        c.error(path, "expected {\"p\": text} or {\"ul\": [text, ...]}");
        return b;
    }
    if (e.contains("p")) {
        b.type = Block::Type::paragraph;
        b.text = text(c, &e["p"], jc::child(path, "p"));
    } else {
        b.type = Block::Type::bullets;
        b.items = text_list(c, &e["ul"], jc::child(path, "ul"), 1);
    }
    return b;
}

// "unit3.json" -> 3; 0 when the name does not have that shape.
int number_from_file_name(const std::string& name) {
    const auto slash = name.find_last_of("/\\");
    const std::string base = slash == std::string::npos ? name : name.substr(slash + 1);
    if (base.size() < 10 || base.compare(0, 4, "unit") != 0 || base.compare(base.size() - 5, 5, ".json") != 0) return 0;
    const std::string digits = base.substr(4, base.size() - 9);
    if (digits.empty() || digits.size() > 3 || digits[0] == '0') return 0;
    for (const char ch : digits) {
        if (ch < '0' || ch > '9') return 0;
    }
    return std::stoi(digits);
}

void soft_checks(const Ctx& c, const Unit& u) {
    int concept_sections = 0;
    for (const char* needed : {"example", "key_terms", "summary"}) {
        if (!u.section(needed)) c.warn("/sections", std::string("no section \"") + needed + "\"");
    }
    for (const auto& s : u.sections) {
        if (s.id != "example" && s.id != "key_terms" && s.id != "summary") ++concept_sections;
    }
    if (concept_sections < 4 || concept_sections > 8) {
        c.warn("/sections", "expected 4-8 sections besides example, key_terms and summary (found " +
                                std::to_string(concept_sections) + ")");
    }
    if (const Section* kt = u.section("key_terms")) {
        for (const auto& b : kt->blocks) {
            for (const auto& item : b.items) {
                for (const Lang l : kLangs) {
                    if (item.get(l).find(" \xE2\x80\x93 ") == std::string::npos) {
                        c.warn("/sections", std::string("key_terms item should read \"Term \xE2\x80\x93 definition\" (") +
                                                lang_code(l) + ": \"" + item.get(l).substr(0, 40) + "\")");
                    }
                }
            }
        }
    }
    for (const Lang l : kLangs) {
        const size_t words = word_count(u, l);
        if (words < 900 || words > 1800) {
            c.warn("/sections", std::string("reading material has ") + std::to_string(words) + " words in " +
                                    lang_code(l) + "; expected 900-1,800");
        }
    }
    if (u.exercises.empty() || u.exercises.back().kind != Kind::quiz) c.warn("/exercises", "no quiz at the end of the unit");
}

std::optional<Unit> read_unit(const Ctx& c, const json& root) {
    if (!root.is_object()) {
        c.error("", "expected a JSON object (a unit)");
        return std::nullopt;
    }
    const size_t errors_before = c.errors->size();
    Obj o(c, &root, "");
    Unit u;
    u.source = c.file;
    u.id = id_value(c, o.req("id"), "/id");
    u.number = integer(c, o.req("number"), "/number", 1, 99, 0);
    if (u.number > 0 && !u.id.empty() && u.id != "unit" + std::to_string(u.number)) {
        c.error("/id", "expected \"unit" + std::to_string(u.number) + "\" (the unit's number is " +
                           std::to_string(u.number) + ")");
    }
    const int from_name = number_from_file_name(c.file);
    if (from_name > 0 && u.number > 0 && from_name != u.number) {
        c.error("/number", "expected " + std::to_string(from_name) + " (the file is unit" + std::to_string(from_name) + ".json)");
    }
    u.title = text(c, o.req("title"), "/title");
    u.description = text(c, o.req("description"), "/description");
    u.outcomes = text_list(c, o.req("outcomes"), "/outcomes", 0);
    if (const auto oc = root.find("outcomes"); oc != root.end() && oc->is_array()) {
        if (oc->size() < 3 || oc->size() > 5) {
            c.error("/outcomes", "expected 3-5 learning outcomes (found " + std::to_string(oc->size()) + ")");
        }
    }
    Ids section_ids(c);
    array(c, o.req("sections"), "/sections", 1, SIZE_MAX, [&](const json& e, const std::string& p) {
        Obj s(c, &e, p);
        Section sec;
        sec.id = id_value(c, s.req("id"), s.at("id"));
        section_ids.add(sec.id, s.at("id"));
        sec.heading = text(c, s.req("heading"), s.at("heading"));
        array(c, s.req("blocks"), s.at("blocks"), 1, SIZE_MAX,
              [&](const json& be, const std::string& bp) { sec.blocks.push_back(read_block(c, be, bp)); });
        s.finish();
        u.sections.push_back(std::move(sec));
    });
    Ids exercise_ids(c);
    std::vector<ToolRef> tools;
    const json* exs = o.req("exercises");
    array(c, exs, "/exercises", 1, SIZE_MAX, [&](const json& e, const std::string& p) {
        auto ex = read_exercise(c, e, p, tools);
        if (e.is_object() && e.contains("id") && e["id"].is_string()) {
            exercise_ids.add(e["id"].get<std::string>(), jc::child(p, "id"));
        }
        if (ex) u.exercises.push_back(std::move(*ex));
    });
    if (exs && exs->is_array()) {
        for (size_t i = 0; i < exs->size(); ++i) {
            const json& e = (*exs)[i];
            const bool is_quiz = e.is_object() && e.contains("kind") && e["kind"] == "quiz";
            if (is_quiz && i + 1 != exs->size()) c.error(jc::child("/exercises", i), "the quiz must be the last exercise");
        }
    }
    for (const auto& t : tools) {
        if (t.tool == t.from_exercise) c.error(t.path, "a step cannot refer to its own exercise");
        else if (!u.exercise(t.tool)) c.error(t.path, "no exercise \"" + t.tool + "\" in this unit");
    }
    o.finish();
    if (c.errors->size() != errors_before) return std::nullopt;
    soft_checks(c, u);
    return u;
}

std::string fnv1a_hex(const std::vector<const SourceFile*>& files) {
    uint64_t h = 1469598103934665603ull;
    auto mix = [&](std::string_view s) {
        for (const char ch : s) {
            h ^= static_cast<unsigned char>(ch);
            h *= 1099511628211ull;
        }
        h ^= 0xFF;  // separator that cannot occur in UTF-8
        h *= 1099511628211ull;
    };
    for (const auto* f : files) {
        mix(f->name);
        mix(f->text);
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

}  // namespace

// [SECTION] Course -------------------------------------------------------------------------------

LoadResult load_course(const std::vector<SourceFile>& files) {
    LoadResult r;
    if (files.empty()) {
        r.errors.push_back("no unit files (expected content/unit1.json ...)");
        return r;
    }
    std::map<int, std::string> numbers;
    std::set<std::string> unit_ids;
    for (const auto& f : files) {
        Ctx c{f.name, &r.errors, &r.warnings};
        std::string err;
        const auto j = jc::parse(f.text, err);
        if (!j) {
            c.error("", err);
            continue;
        }
        auto unit = read_unit(c, *j);
        if (!unit) continue;
        if (const auto it = numbers.find(unit->number); it != numbers.end()) {
            c.error("/number", "unit number " + std::to_string(unit->number) + " is also used by " + it->second);
            continue;
        }
        numbers[unit->number] = f.name;
        r.course.units.push_back(std::move(*unit));
    }
    small_sort(r.course.units.begin(), r.course.units.end(),
              [](const Unit& a, const Unit& b) { return a.number < b.number; });
    for (size_t i = 0; i < r.course.units.size(); ++i) {
        if (r.course.units[i].number != static_cast<int>(i) + 1) {
            r.warnings.push_back(r.course.units[i].source + ": units are not numbered 1, 2, 3, ... without gaps");
            break;
        }
    }
    std::vector<const SourceFile*> sorted;
    for (const auto& f : files) sorted.push_back(&f);
    small_sort(sorted.begin(), sorted.end(), [](const SourceFile* a, const SourceFile* b) { return a->name < b->name; });
    r.course.version = fnv1a_hex(sorted);
    if (!r.ok()) r.course = Course{};
    return r;
}

}  // namespace crb
