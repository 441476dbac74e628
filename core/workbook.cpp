// workbook.cpp — parsing, validation, migration and editing of workbooks (see workbook.h).
//
// [SECTION] Value checks
// [SECTION] Answer shapes per kind
// [SECTION] Orphans
// [SECTION] Whole workbooks (parse, migrate, serialise)
// [SECTION] Editing and reading answers
#include "core/workbook.h"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <set>

#include "core/json_checks.h"

namespace crb {

namespace jc = json_checks;
using nlohmann::json;

bool is_workbook_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && (i == 0 || (c != '_' && c != '-'))) return false;
    }
    return true;
}

std::string now_utc_iso8601() {
    // Civil date from the epoch by arithmetic (H. Hinnant's days-to-civil): Emscripten's gmtime_r and
    // strftime call tzset, which needs an exported _malloc, and core must not depend on link flags.
    const int64_t secs = static_cast<int64_t>(std::time(nullptr));
    int64_t days = secs / 86400, rem = secs % 86400;
    if (rem < 0) rem += 86400, --days;
    const int64_t z = days + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02d:%02d:%02dZ", static_cast<long long>(y), static_cast<int>(m),
                  static_cast<int>(d), static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60),
                  static_cast<int>(rem % 60));
    return buf;
}

// [SECTION] Value checks -------------------------------------------------------------------------

namespace {

constexpr size_t kMaxErrors = 20;
constexpr size_t kMaxEntries = 1000;  // rows, respondents, risks, entries: far beyond any real use
constexpr double kMaxMoney = 1e9;
constexpr size_t kMaxNameBytes = 200;

// Validates (and normalises in place) one answer or workbook. Paths are built by the caller.
struct Checker {
    std::vector<std::string>& errors;

    void err(const std::string& path, const std::string& msg) {
        if (errors.size() < kMaxErrors) errors.push_back(path + ": " + msg);
    }

    bool object(const json& j, const std::string& path) {
        if (j.is_object()) return true;
        err(path, "expected an object");
        return false;
    }

    // Reports members not in `allowed`.
    void only(const json& obj, const std::string& path, std::initializer_list<const char*> allowed) {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            bool ok = false;
            for (const char* a : allowed) ok = ok || it.key() == a;
            if (!ok) err(jc::child(path, it.key()), "unknown field");
        }
    }

    void string(const json& j, const std::string& path, size_t max = jc::kMaxStringBytes) {
        if (!j.is_string()) {
            err(path, "expected a string");
            return;
        }
        const auto& s = j.get_ref<const std::string&>();
        if (s.size() > max) {
            err(path, "string longer than " + std::to_string(max) + " bytes");
        } else if (!jc::valid_utf8(s)) {
            err(path, "invalid UTF-8");
        } else if (const int cc = jc::first_control_char(s); cc >= 0) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cc));
            err(path, std::string("control character ") + buf + " not allowed (only line breaks and tabs)");
        }
    }

    // An integer lo..hi or null; integral floats (3.0, -0.0) are normalised to integers.
    void int_or_null(json& j, const std::string& path, int lo, int hi) {
        if (j.is_null()) return;
        const auto v = j.is_boolean() ? std::nullopt : jc::as_integer(j);
        if (!v || *v < lo || *v > hi) {
            err(path, "expected an integer " + std::to_string(lo) + "-" + std::to_string(hi) + " or null");
            return;
        }
        j = *v;
    }

    void bool_or_null(const json& j, const std::string& path) {
        if (!j.is_null() && !j.is_boolean()) err(path, "expected true, false or null");
    }

    void weight_or_null(json& j, const std::string& path) {
        if (j.is_null()) return;
        if (j.is_number()) {
            const double w = j.get<double>();
            const double steps = w / 0.05;
            if (w >= 0.1 - 1e-9 && w <= 0.9 + 1e-9 && std::fabs(steps - std::round(steps)) < 1e-6) return;
        }
        err(path, "expected a number 0.1-0.9 in steps of 0.05, or null");
    }

    void money_or_null(json& j, const std::string& path) {
        if (j.is_null()) return;
        if (j.is_number()) {
            const double v = j.get<double>();
            if (std::isfinite(v) && v >= 0 && v <= kMaxMoney) {
                if (v == 0) j = 0;  // -0 and 0.0 alike
                return;
            }
        }
        err(path, "expected an amount 0-1000000000 or null");
    }

    // An object whose keys are content ids; f(value, path, key) for each member.
    template <class F>
    void id_map(json& j, const std::string& path, F f) {
        if (!object(j, path)) return;
        for (auto it = j.begin(); it != j.end(); ++it) {
            const std::string p = jc::child(path, it.key());
            if (!jc::is_content_id(it.key())) {
                err(p, "expected an id matching ^[a-z][a-z0-9_]{0,39}$");
                continue;
            }
            f(it.value(), p, it.key());
        }
    }

    template <class F>
    void list(json& j, const std::string& path, size_t max, F f) {
        if (!j.is_array()) {
            err(path, "expected an array");
            return;
        }
        if (j.size() > max) {
            err(path, "expected at most " + std::to_string(max) + (max == 1 ? " entry" : " entries"));
            return;
        }
        for (size_t i = 0; i < j.size(); ++i) f(j[i], jc::child(path, i));
    }

    // For orphaned answers: any JSON, every string checked.
    void any(const json& j, const std::string& path) {
        if (j.is_string()) {
            string(j, path);
        } else if (j.is_object()) {
            for (auto it = j.begin(); it != j.end(); ++it) {
                string(json(it.key()), jc::child(path, it.key()) + " (key)");
                any(it.value(), jc::child(path, it.key()));
            }
        } else if (j.is_array()) {
            for (size_t i = 0; i < j.size(); ++i) any(j[i], jc::child(path, i));
        }
    }
};

// Runs f on member `key` of object `obj` when present.
template <class F>
void field(json& obj, const char* key, const std::string& path, F f) {
    const auto it = obj.find(key);
    if (it != obj.end()) f(*it, jc::child(path, key));
}

// [SECTION] Answer shapes per kind ---------------------------------------------------------------

void check_weighted_rows(Checker& c, json& rows, const std::string& path) {
    c.id_map(rows, path, [&](json& cell, const std::string& p, const std::string&) {
        if (!c.object(cell, p)) return;
        c.only(cell, p, {"rating", "weight"});
        field(cell, "rating", p, [&](json& v, const std::string& vp) { c.int_or_null(v, vp, 1, 5); });
        field(cell, "weight", p, [&](json& v, const std::string& vp) { c.weight_or_null(v, vp); });
    });
}

void check_answer(Checker& c, const Exercise& ex, json& a, const std::string& path) {
    if (!c.object(a, path)) return;
    switch (ex.kind) {
        case Kind::quadrant_map:
            c.only(a, path, {"items", "ratings"});
            field(a, "items", path, [&](json& items, const std::string& p) {
                c.list(items, p, kMaxEntries, [&](json& it, const std::string& ip) {
                    if (!c.object(it, ip)) return;
                    c.only(it, ip, {"name", "interest", "influence"});
                    field(it, "name", ip, [&](json& v, const std::string& vp) { c.string(v, vp); });
                    field(it, "interest", ip, [&](json& v, const std::string& vp) { c.int_or_null(v, vp, 0, 10); });
                    field(it, "influence", ip, [&](json& v, const std::string& vp) { c.int_or_null(v, vp, 0, 10); });
                });
            });
            field(a, "ratings", path, [&](json& r, const std::string& p) {
                c.id_map(r, p, [&](json& v, const std::string& vp, const std::string&) { c.int_or_null(v, vp, 1, 5); });
            });
            break;
        case Kind::reflection: {
            const auto* spec = ex.as<Reflection>();
            c.only(a, path, {"entries"});
            field(a, "entries", path, [&](json& entries, const std::string& p) {
                c.list(entries, p, spec && spec->repeat ? kMaxEntries : 1, [&](json& e, const std::string& ep) {
                    if (!c.object(e, ep)) return;
                    c.only(e, ep, {"title", "answers"});
                    field(e, "title", ep, [&](json& v, const std::string& vp) { c.string(v, vp); });
                    field(e, "answers", ep, [&](json& ans, const std::string& ap) {
                        c.id_map(ans, ap, [&](json& v, const std::string& vp, const std::string&) { c.string(v, vp); });
                    });
                });
            });
            break;
        }
        case Kind::checklist_table:
            c.only(a, path, {"questions", "rows"});
            field(a, "questions", path, [&](json& q, const std::string& p) {
                c.id_map(q, p, [&](json& v, const std::string& vp, const std::string&) { c.string(v, vp); });
            });
            field(a, "rows", path, [&](json& rows, const std::string& p) {
                c.id_map(rows, p, [&](json& row, const std::string& rp, const std::string&) {
                    if (!c.object(row, rp)) return;
                    c.only(row, rp, {"yes", "note"});
                    field(row, "yes", rp, [&](json& v, const std::string& vp) { c.bool_or_null(v, vp); });
                    field(row, "note", rp, [&](json& v, const std::string& vp) { c.string(v, vp); });
                });
            });
            break;
        case Kind::pair_table:
            c.only(a, path, {"rows"});
            field(a, "rows", path, [&](json& rows, const std::string& p) {
                c.list(rows, p, kMaxEntries, [&](json& row, const std::string& rp) {
                    if (!c.object(row, rp)) return;
                    c.only(row, rp, {"left", "right"});
                    field(row, "left", rp, [&](json& v, const std::string& vp) { c.string(v, vp); });
                    field(row, "right", rp, [&](json& v, const std::string& vp) { c.string(v, vp); });
                });
            });
            break;
        case Kind::preference_scale:
            c.only(a, path, {"rows"});
            field(a, "rows", path, [&](json& rows, const std::string& p) {
                c.id_map(rows, p, [&](json& v, const std::string& vp, const std::string&) { c.int_or_null(v, vp, 1, 5); });
            });
            break;
        case Kind::rating_table:
            c.only(a, path, {"rows"});
            field(a, "rows", path, [&](json& rows, const std::string& p) {
                c.id_map(rows, p, [&](json& row, const std::string& rp, const std::string&) {
                    c.id_map(row, rp, [&](json& v, const std::string& vp, const std::string&) { c.int_or_null(v, vp, 1, 5); });
                });
            });
            break;
        case Kind::nps_survey:
            c.only(a, path, {"respondents"});
            field(a, "respondents", path, [&](json& rs, const std::string& p) {
                c.list(rs, p, kMaxEntries, [&](json& r, const std::string& rp) {
                    if (!c.object(r, rp)) return;
                    c.only(r, rp, {"name", "score"});
                    field(r, "name", rp, [&](json& v, const std::string& vp) { c.string(v, vp); });
                    field(r, "score", rp, [&](json& v, const std::string& vp) { c.int_or_null(v, vp, 0, 10); });
                });
            });
            break;
        case Kind::weighted_rating:
            c.only(a, path, {"rows"});
            field(a, "rows", path, [&](json& rows, const std::string& p) { check_weighted_rows(c, rows, p); });
            break;
        case Kind::weighted_comparison:
            c.only(a, path, {"blocks"});
            field(a, "blocks", path, [&](json& blocks, const std::string& p) {
                c.id_map(blocks, p, [&](json& b, const std::string& bp, const std::string&) {
                    if (!c.object(b, bp)) return;
                    c.only(b, bp, {"rows"});
                    field(b, "rows", bp, [&](json& rows, const std::string& rp) { check_weighted_rows(c, rows, rp); });
                });
            });
            break;
        case Kind::step_plan:
            c.only(a, path, {"steps"});
            field(a, "steps", path, [&](json& steps, const std::string& p) {
                c.id_map(steps, p, [&](json& s, const std::string& sp, const std::string&) {
                    if (!c.object(s, sp)) return;
                    c.only(s, sp, {"fields", "checks"});
                    field(s, "fields", sp, [&](json& f, const std::string& fp) {
                        c.id_map(f, fp, [&](json& v, const std::string& vp, const std::string&) { c.string(v, vp); });
                    });
                    field(s, "checks", sp, [&](json& f, const std::string& fp) {
                        c.id_map(f, fp, [&](json& v, const std::string& vp, const std::string&) { c.bool_or_null(v, vp); });
                    });
                });
            });
            break;
        case Kind::survey:
            c.only(a, path, {"statements"});
            field(a, "statements", path, [&](json& st, const std::string& p) {
                c.id_map(st, p, [&](json& v, const std::string& vp, const std::string&) { c.bool_or_null(v, vp); });
            });
            break;
        case Kind::quiz: {
            const auto* spec = ex.as<Quiz>();
            c.only(a, path, {"questions"});
            field(a, "questions", path, [&](json& qs, const std::string& p) {
                c.id_map(qs, p, [&](json& chosen, const std::string& qp, const std::string& qid) {
                    const Quiz::Question* q = nullptr;
                    if (spec) {
                        for (const auto& x : spec->questions) {
                            if (x.id == qid) q = &x;
                        }
                    }
                    const size_t max = q && !q->multiple ? 1 : 26;
                    std::set<std::string> seen;
                    c.list(chosen, qp, max, [&](json& o, const std::string& op) {
                        if (!o.is_string() || !jc::is_content_id(o.get_ref<const std::string&>())) {
                            c.err(op, "expected an option id");
                        } else if (!seen.insert(o.get<std::string>()).second) {
                            c.err(op, "duplicate option \"" + o.get<std::string>() + "\"");
                        }
                    });
                });
            });
            break;
        }
        case Kind::roi:
            c.only(a, path, {"cost", "benefit", "running", "years"});
            for (const char* k : {"cost", "benefit", "running"}) {
                field(a, k, path, [&](json& v, const std::string& vp) { c.money_or_null(v, vp); });
            }
            field(a, "years", path, [&](json& v, const std::string& vp) { c.int_or_null(v, vp, 1, 10); });
            break;
        case Kind::risk_register:
            c.only(a, path, {"risks"});
            field(a, "risks", path, [&](json& rs, const std::string& p) {
                c.list(rs, p, kMaxEntries, [&](json& r, const std::string& rp) {
                    if (!c.object(r, rp)) return;
                    c.only(r, rp, {"risk", "likelihood", "impact", "owner", "response"});
                    for (const char* k : {"risk", "owner", "response"}) {
                        field(r, k, rp, [&](json& v, const std::string& vp) { c.string(v, vp); });
                    }
                    field(r, "likelihood", rp, [&](json& v, const std::string& vp) { c.int_or_null(v, vp, 1, 5); });
                    field(r, "impact", rp, [&](json& v, const std::string& vp) { c.int_or_null(v, vp, 1, 5); });
                });
            });
            break;
    }
}

std::string answer_path(std::string_view key) { return "/answers/" + std::string(key); }

// Validates every answer of `answers` ("unit2/nps" -> answer) in place.
void check_answers(Checker& c, json& answers, const Course& course) {
    if (!c.object(answers, "/answers")) return;
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        std::string unit_id, exercise_id;
        if (!split_exercise_key(it.key(), unit_id, exercise_id)) {
            c.err(jc::child("/answers", it.key()), "expected an exercise key like \"unit2/nps\"");
            continue;
        }
        const std::string p = answer_path(it.key());
        if (const Exercise* ex = course.exercise(it.key())) {
            check_answer(c, *ex, it.value(), p);
        } else if (c.object(it.value(), p)) {
            c.any(it.value(), p);
        }
    }
}

// [SECTION] Orphans ------------------------------------------------------------------------------

void orphan_ids(std::vector<std::string>& out, const std::string& prefix, const json* obj,
                const std::set<std::string>& known) {
    if (!obj || !obj->is_object()) return;
    for (auto it = obj->begin(); it != obj->end(); ++it) {
        if (!known.count(it.key())) out.push_back(prefix + "/" + it.key());
    }
}

template <class V, class F>
std::set<std::string> ids_of(const V& v, F f) {
    std::set<std::string> s;
    for (const auto& x : v) s.insert(f(x));
    return s;
}

const json* get(const json& obj, const char* key) {
    if (!obj.is_object()) return nullptr;
    const auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
}

void orphans_in(std::vector<std::string>& out, const std::string& key, const Exercise& ex, const json& a) {
    const auto id = [](const auto& x) { return x.id; };
    if (const auto* s = ex.as<QuadrantMap>()) {
        std::set<std::string> known;
        for (const auto& q : s->quadrants) {
            for (const auto& st : q.strategies) known.insert(st.id);
        }
        orphan_ids(out, key + "/ratings", get(a, "ratings"), known);
    } else if (const auto* s = ex.as<Reflection>()) {
        if (const json* es = get(a, "entries"); es && es->is_array()) {
            for (size_t i = 0; i < es->size(); ++i) {
                orphan_ids(out, key + "/entries/" + std::to_string(i) + "/answers", get((*es)[i], "answers"),
                           ids_of(s->questions, id));
            }
        }
    } else if (const auto* s = ex.as<ChecklistTable>()) {
        orphan_ids(out, key + "/questions", get(a, "questions"), ids_of(s->questions, id));
        std::set<std::string> rows;
        for (const auto& g : s->groups) {
            for (const auto& r : g.rows) rows.insert(r.id);
        }
        orphan_ids(out, key + "/rows", get(a, "rows"), rows);
    } else if (const auto* s = ex.as<PreferenceScale>()) {
        orphan_ids(out, key + "/rows", get(a, "rows"), ids_of(s->rows, id));
    } else if (const auto* s = ex.as<RatingTable>()) {
        const json* rows = get(a, "rows");
        orphan_ids(out, key + "/rows", rows, ids_of(s->rows, id));
        if (rows && rows->is_object()) {
            for (auto it = rows->begin(); it != rows->end(); ++it) {
                orphan_ids(out, key + "/rows/" + it.key(), &it.value(), ids_of(s->criteria, id));
            }
        }
    } else if (const auto* s = ex.as<WeightedRating>()) {
        orphan_ids(out, key + "/rows", get(a, "rows"), ids_of(s->rows, id));
    } else if (const auto* s = ex.as<WeightedComparison>()) {
        const json* blocks = get(a, "blocks");
        orphan_ids(out, key + "/blocks", blocks, ids_of(s->blocks, id));
        for (const auto& b : s->blocks) {
            const json* bj = blocks ? get(*blocks, b.id.c_str()) : nullptr;
            orphan_ids(out, key + "/blocks/" + b.id + "/rows", bj ? get(*bj, "rows") : nullptr, ids_of(b.rows, id));
        }
    } else if (const auto* s = ex.as<StepPlan>()) {
        const json* steps = get(a, "steps");
        orphan_ids(out, key + "/steps", steps, ids_of(s->steps, id));
        for (const auto& st : s->steps) {
            const json* sj = steps ? get(*steps, st.id.c_str()) : nullptr;
            if (!sj) continue;
            orphan_ids(out, key + "/steps/" + st.id + "/fields", get(*sj, "fields"), ids_of(st.fields, id));
            orphan_ids(out, key + "/steps/" + st.id + "/checks", get(*sj, "checks"), ids_of(st.checklist, id));
        }
    } else if (const auto* s = ex.as<Survey>()) {
        orphan_ids(out, key + "/statements", get(a, "statements"), ids_of(s->statements, id));
    } else if (const auto* s = ex.as<Quiz>()) {
        orphan_ids(out, key + "/questions", get(a, "questions"), ids_of(s->questions, id));
    }
}

}  // namespace

std::vector<std::string> orphaned_answers(const Course& course, const Workbook& wb) {
    std::vector<std::string> out;
    if (!wb.answers.is_object()) return out;
    for (auto it = wb.answers.begin(); it != wb.answers.end(); ++it) {
        const Exercise* ex = course.exercise(it.key());
        if (!ex) out.push_back(it.key());
        else orphans_in(out, it.key(), *ex, it.value());
    }
    return out;
}

std::vector<std::string> validate_answer(const Exercise& ex, const json& answer, const std::string& path) {
    std::vector<std::string> errors;
    Checker c{errors};
    json copy = answer;
    if (jc::depth(copy) > jc::kMaxDepth) {
        c.err(path, "nesting deeper than " + std::to_string(jc::kMaxDepth) + " levels");
        return errors;
    }
    check_answer(c, ex, copy, path);
    return errors;
}

// [SECTION] Whole workbooks (parse, migrate, serialise) -------------------------------------------

namespace {

// Header fields shared by schema 1 and 2. Returns false when something is wrong (errors appended).
void read_header(Checker& c, const json& j, Workbook& wb, int schema) {
    if (schema >= 2) c.only(j, "", {"schema", "id", "name", "created", "updated", "content_version", "rev", "answers"});
    else c.only(j, "", {"schema", "id", "name", "created", "updated", "content_version", "answers"});

    const auto id = j.find("id");
    if (id == j.end()) c.err("/id", "missing required field");
    else if (!id->is_string() || !is_workbook_id(id->get_ref<const std::string&>()))
        c.err("/id", "expected a workbook id (1-64 characters: a-z, 0-9, '_' and '-', starting with a letter or digit)");
    else wb.id = id->get<std::string>();

    auto str = [&](const char* key, std::string& out, size_t max) {
        const auto it = j.find(key);
        if (it == j.end()) return;
        const size_t before = c.errors.size();
        c.string(*it, jc::child("", key), max);
        if (c.errors.size() == before) out = it->get<std::string>();
    };
    str("name", wb.name, kMaxNameBytes);
    str("created", wb.created, 64);
    str("updated", wb.updated, 64);
    str("content_version", wb.content_version, 64);

    if (schema >= 2) {
        const auto rev = j.find("rev");
        if (rev == j.end()) {
            c.err("/rev", "missing required field");
        } else {
            const auto v = rev->is_boolean() ? std::nullopt : jc::as_integer(*rev);
            if (!v || *v < 0) c.err("/rev", "expected a non-negative integer");
            else wb.rev = *v;
        }
    }
    if (j.find("answers") == j.end()) c.err("/answers", "missing required field");
}

}  // namespace

WorkbookParse parse_workbook(std::string_view text, const Course& course) {
    WorkbookParse r;
    std::string perr;
    auto parsed = jc::parse(text, perr);
    if (!parsed) {
        r.errors.push_back(perr);
        return r;
    }
    json& j = *parsed;
    if (!j.is_object()) {
        r.errors.push_back("expected a JSON object (a workbook)");
        return r;
    }
    const auto schema = j.find("schema");
    if (schema == j.end()) {
        r.errors.push_back("/schema: missing required field");
        return r;
    }
    const auto sv = schema->is_boolean() ? std::nullopt : jc::as_integer(*schema);
    if (!sv || *sv < 1 || *sv > 1000000) {
        r.errors.push_back("/schema: expected a positive integer");
        return r;
    }
    r.schema = static_cast<int>(*sv);
    if (r.schema > kWorkbookSchema) {
        r.future_schema = true;
        r.errors.push_back("/schema: this workbook was saved by a newer version of the tool (schema " +
                           std::to_string(r.schema) + "; this version reads schemas 1-" +
                           std::to_string(kWorkbookSchema) + ")");
        return r;
    }

    Workbook wb;
    Checker c{r.errors};
    read_header(c, j, wb, r.schema);
    const auto answers = j.find("answers");
    if (answers != j.end()) {
        if (r.schema == 1) {
            // {"unit2": {"nps": {...}}} -> {"unit2/nps": {...}}
            json flat = json::object();
            if (c.object(*answers, "/answers")) {
                for (auto u = answers->begin(); u != answers->end(); ++u) {
                    const std::string up = jc::child("/answers", u.key());
                    if (!jc::is_content_id(u.key())) {
                        c.err(up, "expected a unit id");
                        continue;
                    }
                    if (!c.object(u.value(), up)) continue;
                    for (auto e = u.value().begin(); e != u.value().end(); ++e) {
                        if (!jc::is_content_id(e.key())) {
                            c.err(jc::child(up, e.key()), "expected an exercise id");
                            continue;
                        }
                        flat[exercise_key(u.key(), e.key())] = std::move(e.value());
                    }
                }
            }
            wb.answers = std::move(flat);
        } else {
            wb.answers = std::move(*answers);
        }
        check_answers(c, wb.answers, course);
    }
    if (!r.errors.empty()) return r;
    r.orphaned = orphaned_answers(course, wb);
    r.workbook = std::move(wb);
    return r;
}

json workbook_to_json(const Workbook& wb) {
    json j = json::object();
    j["schema"] = kWorkbookSchema;
    j["id"] = wb.id;
    j["name"] = wb.name;
    j["created"] = wb.created;
    j["updated"] = wb.updated;
    j["content_version"] = wb.content_version;
    j["rev"] = wb.rev;
    j["answers"] = wb.answers.is_object() ? wb.answers : json::object();
    return j;
}

std::string serialize_workbook(const Workbook& wb, bool pretty) {
    // error_handler::replace: a string that is not UTF-8 (impossible after validation) must not abort.
    return workbook_to_json(wb).dump(pretty ? 2 : -1, ' ', false, json::error_handler_t::replace);
}

// [SECTION] Editing and reading answers ----------------------------------------------------------

AnswerResult set_answer(Workbook& wb, const Course& course, std::string_view key, json answer) {
    const Exercise* ex = course.exercise(key);
    if (!ex) return {"unknown exercise \"" + std::string(key) + "\""};
    if (jc::depth(answer) > jc::kMaxDepth) return {answer_path(key) + ": nesting deeper than 64 levels"};
    std::vector<std::string> errors;
    Checker c{errors};
    check_answer(c, *ex, answer, answer_path(key));
    if (!errors.empty()) return {errors.front()};
    if (!wb.answers.is_object()) wb.answers = json::object();
    wb.answers[std::string(key)] = std::move(answer);
    return {};
}

namespace {

// Walks `tokens` from `root`, creating containers on the way. nullptr + error when impossible.
json* walk_create(json& root, const std::vector<std::string>& tokens, std::string& error) {
    json* node = &root;
    for (const auto& tok : tokens) {
        const auto idx = jc::array_index(tok);
        if (node->is_null()) *node = (tok == "-" || idx) ? json::array() : json::object();
        if (node->is_object()) {
            node = &(*node)[tok];
        } else if (node->is_array()) {
            const size_t size = node->size();
            const size_t i = tok == "-" ? size : (idx ? *idx : SIZE_MAX);
            if (i > size) {
                error = "no array element \"" + tok + "\"";
                return nullptr;
            }
            if (i == size) node->push_back(nullptr);
            node = &(*node)[i];
        } else {
            error = "cannot set a value inside a " + std::string(node->type_name());
            return nullptr;
        }
    }
    return node;
}

template <class J>
J* walk(J* node, const std::vector<std::string>& tokens) {
    for (const auto& tok : tokens) {
        if (!node) return nullptr;
        if (node->is_object()) {
            const auto it = node->find(tok);
            node = it == node->end() ? nullptr : &*it;
        } else if (node->is_array()) {
            const auto idx = jc::array_index(tok);
            node = idx && *idx < node->size() ? &(*node)[*idx] : nullptr;
        } else {
            return nullptr;
        }
    }
    return node;
}

}  // namespace

AnswerResult set_value(Workbook& wb, const Course& course, std::string_view key, std::string_view pointer, json value) {
    std::vector<std::string> tokens;
    if (!jc::split_pointer(pointer, tokens)) return {"malformed JSON pointer \"" + std::string(pointer) + "\""};
    const json* current = answer(wb, key);
    json a = current ? *current : json::object();
    std::string error;
    json* slot = walk_create(a, tokens, error);
    if (!slot) return {answer_path(key) + std::string(pointer) + ": " + error};
    *slot = std::move(value);
    return set_answer(wb, course, key, std::move(a));
}

AnswerResult remove_value(Workbook& wb, const Course& course, std::string_view key, std::string_view pointer) {
    std::vector<std::string> tokens;
    if (!jc::split_pointer(pointer, tokens)) return {"malformed JSON pointer \"" + std::string(pointer) + "\""};
    if (tokens.empty()) {
        clear_answer(wb, key);
        return {};
    }
    const json* current = answer(wb, key);
    if (!current) return {};
    json a = *current;
    const std::string last = tokens.back();
    tokens.pop_back();
    json* parent = walk(&a, tokens);
    if (!parent) return {};
    if (parent->is_object()) {
        parent->erase(last);
    } else if (parent->is_array()) {
        const auto idx = jc::array_index(last);
        if (idx && *idx < parent->size()) parent->erase(*idx);
    }
    return set_answer(wb, course, key, std::move(a));
}

void clear_answer(Workbook& wb, std::string_view key) {
    if (wb.answers.is_object()) wb.answers.erase(std::string(key));
}

const json* answer(const Workbook& wb, std::string_view key) {
    if (!wb.answers.is_object()) return nullptr;
    const auto it = wb.answers.find(key);
    return it == wb.answers.end() ? nullptr : &*it;
}

const json* answer_at(const Workbook& wb, std::string_view key, std::string_view pointer) {
    std::vector<std::string> tokens;
    if (!jc::split_pointer(pointer, tokens)) return nullptr;
    return walk(answer(wb, key), tokens);
}

std::optional<int64_t> answer_int(const Workbook& wb, std::string_view key, std::string_view pointer) {
    const json* j = answer_at(wb, key, pointer);
    return j && !j->is_boolean() ? jc::as_integer(*j) : std::nullopt;
}

std::optional<double> answer_number(const Workbook& wb, std::string_view key, std::string_view pointer) {
    const json* j = answer_at(wb, key, pointer);
    return j && j->is_number() ? std::optional<double>(j->get<double>()) : std::nullopt;
}

std::optional<bool> answer_bool(const Workbook& wb, std::string_view key, std::string_view pointer) {
    const json* j = answer_at(wb, key, pointer);
    return j && j->is_boolean() ? std::optional<bool>(j->get<bool>()) : std::nullopt;
}

std::string answer_string(const Workbook& wb, std::string_view key, std::string_view pointer) {
    const json* j = answer_at(wb, key, pointer);
    return j && j->is_string() ? j->get<std::string>() : std::string();
}

json initial_answer(const Exercise& ex) {
    json a = json::object();
    if (const auto* n = ex.as<NpsSurvey>()) {
        a["respondents"] = json::array();
        for (int i = 0; i < n->default_respondents; ++i) a["respondents"].push_back({{"name", ""}, {"score", nullptr}});
    } else if (const auto* r = ex.as<Reflection>()) {
        a["entries"] = json::array();
        const int n = r->repeat ? r->repeat_default : 1;
        for (int i = 0; i < n; ++i) a["entries"].push_back({{"title", ""}, {"answers", json::object()}});
    } else if (const auto* roi = ex.as<Roi>()) {
        a["years"] = roi->default_years;
    }
    return a;
}

}  // namespace crb
