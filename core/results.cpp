// results.cpp — per-kind results from answers + calculators (see results.h for the outer shape).
// Each function below documents the "result" object of its kind.
#include "core/results.h"

#include <algorithm>

#include "core/answer_read.h"
#include "core/calc/calc.h"
#include "core/small_sort.h"

namespace crb {

using answers::member;
using nlohmann::json;

namespace {

template <class T>
json opt(const std::optional<T>& v) {
    return v ? json(*v) : json(nullptr);
}

const char* nps_code(calc::NpsCategory c) {
    switch (c) {
        case calc::NpsCategory::promoter: return "promoter";
        case calc::NpsCategory::passive: return "passive";
        case calc::NpsCategory::detractor: return "detractor";
        case calc::NpsCategory::none: break;
    }
    return "none";
}

const char* risk_code(calc::RiskLevel l) {
    switch (l) {
        case calc::RiskLevel::low: return "low";
        case calc::RiskLevel::medium: return "medium";
        case calc::RiskLevel::high: return "high";
        case calc::RiskLevel::critical: return "critical";
    }
    return "low";
}

// {"quadrants": [{"id", "name", "influence": "high"|"low", "interest", "items": [{"index", "name",
//   "interest", "influence"}], "strategies": [{"id", "text", "rating"}]}], "threshold",
//  "placed", "unplaced": [{"index", "name"}], "top_strategies": [{"id", "text", "rating", "quadrant"}]}
// top_strategies: strategies rated 4 or 5, best first (ties in content order).
json quadrant_result(const QuadrantMap& m, const json* a, Lang lang) {
    json r = {{"threshold", m.threshold}, {"quadrants", json::array()}, {"unplaced", json::array()}};
    const json* ratings = member(a, "ratings");
    for (const auto& q : m.quadrants) {
        json strategies = json::array();
        for (const auto& s : q.strategies) {
            strategies.push_back({{"id", s.id}, {"text", s.text.get(lang)}, {"rating", opt(answers::int_of(member(ratings, s.id)))}});
        }
        r["quadrants"].push_back({{"id", q.id},
                                  {"name", q.name.get(lang)},
                                  {"influence", q.high_influence ? "high" : "low"},
                                  {"interest", q.high_interest ? "high" : "low"},
                                  {"items", json::array()},
                                  {"strategies", strategies}});
    }
    int placed = 0;
    if (const json* items = member(a, "items"); items && items->is_array()) {
        for (size_t i = 0; i < items->size(); ++i) {
            const json& it = (*items)[i];
            const std::string name = m.item_label.name_or_numbered(answers::string_of(member(&it, "name")), i, lang);
            const auto interest = answers::int_of(member(&it, "interest"));
            const auto influence = answers::int_of(member(&it, "influence"));
            if (!interest || !influence) {
                r["unplaced"].push_back({{"index", i}, {"name", name}});
                continue;
            }
            const calc::Quadrant cq = calc::quadrant(*influence, *interest, m.threshold);
            const bool hi_infl = cq == calc::Quadrant::key || cq == calc::Quadrant::keep_satisfied;
            const bool hi_int = cq == calc::Quadrant::key || cq == calc::Quadrant::keep_informed;
            for (size_t k = 0; k < m.quadrants.size(); ++k) {
                if (m.quadrants[k].high_influence == hi_infl && m.quadrants[k].high_interest == hi_int) {
                    r["quadrants"][k]["items"].push_back(
                        {{"index", i}, {"name", name}, {"interest", *interest}, {"influence", *influence}});
                    ++placed;
                }
            }
        }
    }
    r["placed"] = placed;
    struct Top {
        int rating;
        size_t order;
        json entry;
    };
    std::vector<Top> top;
    size_t order = 0;
    for (const auto& q : m.quadrants) {
        for (const auto& s : q.strategies) {
            const auto rating = answers::int_of(member(ratings, s.id));
            if (rating && *rating >= 4) {
                top.push_back({*rating, order, {{"id", s.id}, {"text", s.text.get(lang)}, {"rating", *rating}, {"quadrant", q.id}}});
            }
            ++order;
        }
    }
    small_sort(top.begin(), top.end(), [](const Top& x, const Top& y) { return x.rating > y.rating; });
    r["top_strategies"] = json::array();
    for (auto& t : top) r["top_strategies"].push_back(std::move(t.entry));
    return r;
}

// {"entries", "questions", "answered", "total", "per_entry": [{"title", "answered"}]}
json reflection_result(const Reflection& s, const json* a) {
    json r = {{"questions", s.questions.size()}, {"per_entry", json::array()}};
    int entries = 0, answered = 0;
    if (const json* es = member(a, "entries"); es && es->is_array()) {
        for (const auto& e : *es) {
            ++entries;
            int n = 0;
            for (const auto& q : s.questions) {
                if (answers::has_text(member(member(&e, "answers"), q.id))) ++n;
            }
            answered += n;
            r["per_entry"].push_back({{"title", answers::string_of(member(&e, "title"))}, {"answered", n}});
        }
    }
    r["entries"] = entries;
    r["answered"] = answered;
    r["total"] = entries * static_cast<int>(s.questions.size());
    return r;
}

json yes_json(const calc::YesCount& y) {
    return {{"yes", y.yes}, {"no", y.no}, {"unanswered", y.unanswered}, {"total", y.total}};
}

// {"groups": [{"id", "title", "yes", "no", "unanswered", "total"}], "overall": {...same counts},
//  "questions_answered", "questions_total"}
json checklist_result(const ChecklistTable& t, const json* a, Lang lang) {
    json r = {{"groups", json::array()}};
    std::vector<std::optional<bool>> all;
    for (const auto& g : t.groups) {
        const auto ans = answers::checklist_answers(g, a);
        all.insert(all.end(), ans.begin(), ans.end());
        json gj = yes_json(calc::yes_count(ans));
        gj["id"] = g.id;
        gj["title"] = g.title.get(lang);
        r["groups"].push_back(std::move(gj));
    }
    r["overall"] = yes_json(calc::yes_count(all));
    int q = 0;
    for (const auto& x : t.questions) {
        if (answers::has_text(member(member(a, "questions"), x.id))) ++q;
    }
    r["questions_answered"] = q;
    r["questions_total"] = t.questions.size();
    return r;
}

// {"rows": rows with both sides filled, "entered": rows in the answer}
json pair_result(const json* a) {
    int complete = 0, entered = 0;
    if (const json* rows = member(a, "rows"); rows && rows->is_array()) {
        for (const auto& row : *rows) {
            ++entered;
            if (answers::has_text(member(&row, "left")) && answers::has_text(member(&row, "right"))) ++complete;
        }
    }
    return {{"rows", complete}, {"entered", entered}};
}

// {"answered", "total", "left", "right", "neutral", "lean", "side": "left"|"right"|"balanced",
//  "strength", "side_label": the winning column's header, or null}
json preference_result(const PreferenceScale& s, const json* a, Lang lang) {
    const auto p = calc::preference(answers::preference_choices(s, a));
    const char* side = p.side < 0 ? "left" : p.side > 0 ? "right" : "balanced";
    json label = p.side < 0 ? json(s.col_left.get(lang)) : p.side > 0 ? json(s.col_right.get(lang)) : json(nullptr);
    return {{"answered", p.answered}, {"total", s.rows.size()}, {"left", p.left},     {"right", p.right},
            {"neutral", p.neutral},   {"lean", p.lean},          {"side", side},       {"strength", p.strength},
            {"side_label", label}};
}

// {"rows": [{"id", "label", "average", "rated", "criteria"}], "ranking": [row ids with an average,
//  best first], "best": id | null}
json rating_result(const RatingTable& t, const json* a, Lang lang) {
    json r = {{"rows", json::array()}, {"ranking", json::array()}};
    std::vector<calc::RowAverage> avgs;
    for (const auto& row : t.rows) {
        const auto avg = calc::row_average(answers::rating_row(t, row, a));
        avgs.push_back(avg);
        r["rows"].push_back({{"id", row.id},
                             {"label", row.label.get(lang)},
                             {"average", opt(avg.average)},
                             {"rated", avg.rated},
                             {"criteria", t.criteria.size()}});
    }
    for (const size_t i : calc::ranking(avgs)) {
        if (avgs[i].average) r["ranking"].push_back(t.rows[i].id);
    }
    r["best"] = r["ranking"].empty() ? json(nullptr) : r["ranking"][0];
    return r;
}

// {"answered", "promoters", "passives", "detractors", "pct_promoters", "pct_passives",
//  "pct_detractors", "nps", "respondents": [{"index", "name", "score", "category"}]}
// category: "promoter" | "passive" | "detractor" | "none" (not scored)
json nps_result(const NpsSurvey& s, const json* a, Lang lang) {
    const auto scores = answers::nps_scores(a);
    const auto n = calc::nps(scores);
    json r = {{"answered", n.answered},
              {"promoters", n.promoters},
              {"passives", n.passives},
              {"detractors", n.detractors},
              {"pct_promoters", n.pct_promoters},
              {"pct_passives", n.pct_passives},
              {"pct_detractors", n.pct_detractors},
              {"nps", n.nps},
              {"respondents", json::array()}};
    const json* rs = member(a, "respondents");
    for (size_t i = 0; i < scores.size(); ++i) {
        const std::string& name = answers::string_of(member(&(*rs)[i], "name"));
        r["respondents"].push_back({{"index", i},
                                    {"name", s.respondent_label.name_or_numbered(name, i, lang)},
                                    {"score", opt(scores[i])},
                                    {"category", nps_code(calc::nps_category(scores[i]))}});
    }
    return r;
}

// {"rows": [{"id", "text", "rating", "weight", "product"}], "weight_sum", "weights_ok", "total",
//  "rated", "average", "complete"}
json weighted_json(const std::vector<IdText>& rows, const json* rows_obj, Lang lang, calc::WeightedSummary& w) {
    const auto input = answers::weighted_rows(rows, rows_obj);
    w = calc::weighted(input);
    json r = {{"rows", json::array()}};
    for (size_t i = 0; i < rows.size(); ++i) {
        r["rows"].push_back({{"id", rows[i].id},
                             {"text", rows[i].text.get(lang)},
                             {"rating", opt(input[i].rating)},
                             {"weight", opt(input[i].weight)},
                             {"product", i < w.products.size() ? opt(w.products[i]) : json(nullptr)}});
    }
    r["weight_sum"] = w.weight_sum;
    r["weights_ok"] = w.weights_ok;
    r["total"] = w.rows;
    r["rated"] = w.rated;
    r["average"] = opt(w.average);
    r["complete"] = w.complete;
    return r;
}

// weighted_json + {"band": index into the content's bands | null, "band_text": text | null}
// The band follows the average as soon as there is one; "complete" says whether it is final.
json weighted_rating_result(const WeightedRating& s, const json* a, Lang lang) {
    calc::WeightedSummary w;
    json r = weighted_json(s.rows, member(a, "rows"), lang, w);
    std::optional<size_t> band;
    if (w.average) {
        std::vector<calc::Band> bands;
        for (const auto& b : s.bands) bands.push_back({b.min, b.max});
        band = calc::band_index(bands, *w.average);
    }
    r["band"] = opt(band);
    r["band_text"] = band ? json(s.bands[*band].text.get(lang)) : json(nullptr);
    return r;
}

// {"blocks": [{"id", "title", ...weighted_json}], "comparison": 1 | 0 | -1 | null,
//  "verdict": "first" | "second" | "equal" | null, "verdict_text", "complete": both blocks complete}
json weighted_comparison_result(const WeightedComparison& s, const json* a, Lang lang) {
    json r = {{"blocks", json::array()}};
    std::vector<calc::WeightedSummary> sums;
    bool complete = true;
    for (const auto& b : s.blocks) {
        calc::WeightedSummary w;
        json bj = weighted_json(b.rows, member(member(member(a, "blocks"), b.id), "rows"), lang, w);
        bj["id"] = b.id;
        bj["title"] = b.title.get(lang);
        complete = complete && w.complete;
        sums.push_back(w);
        r["blocks"].push_back(std::move(bj));
    }
    std::optional<int> cmp;
    if (sums.size() == 2) cmp = calc::compare_averages(sums[0].average, sums[1].average);
    r["comparison"] = opt(cmp);
    r["complete"] = complete;
    if (!cmp) {
        r["verdict"] = nullptr;
        r["verdict_text"] = nullptr;
    } else {
        const char* v = *cmp > 0 ? "first" : *cmp < 0 ? "second" : "equal";
        const Text& t = *cmp > 0 ? s.verdict_first : *cmp < 0 ? s.verdict_second : s.verdict_equal;
        r["verdict"] = v;
        r["verdict_text"] = t.get(lang);
    }
    return r;
}

// {"steps": [{"id", "name", "fields_filled", "fields_total", "checks_ticked", "checks_total",
//  "tool": "unit4/roi" | null}], "fields_filled", "fields_total", "checks_ticked", "checks_total"}
json step_plan_result(const StepPlan& p, const json* a, const std::string& unit_id, Lang lang) {
    json r = {{"steps", json::array()}};
    int ff = 0, ft = 0, ct = 0, cn = 0;
    for (const auto& s : p.steps) {
        const json* sj = member(member(a, "steps"), s.id);
        int filled = 0, ticked = 0;
        for (const auto& f : s.fields) {
            if (answers::has_text(member(member(sj, "fields"), f.id))) ++filled;
        }
        for (const auto& c : s.checklist) {
            if (answers::bool_of(member(member(sj, "checks"), c.id)).value_or(false)) ++ticked;
        }
        ff += filled;
        ft += static_cast<int>(s.fields.size());
        ct += ticked;
        cn += static_cast<int>(s.checklist.size());
        r["steps"].push_back({{"id", s.id},
                              {"name", s.name.get(lang)},
                              {"fields_filled", filled},
                              {"fields_total", s.fields.size()},
                              {"checks_ticked", ticked},
                              {"checks_total", s.checklist.size()},
                              {"tool", s.tool.empty() ? json(nullptr) : json(exercise_key(unit_id, s.tool))}});
    }
    r["fields_filled"] = ff;
    r["fields_total"] = ft;
    r["checks_ticked"] = ct;
    r["checks_total"] = cn;
    return r;
}

// {"agree", "disagree", "unanswered", "threshold", "recommendation": "positive" | "negative" | null
//  (null until every statement is answered), "recommendation_text"}
json survey_result(const Survey& s, const json* a, Lang lang) {
    const auto sv = calc::survey(answers::survey_answers(s, a), s.threshold);
    json r = {{"agree", sv.agree}, {"disagree", sv.disagree}, {"unanswered", sv.unanswered}, {"threshold", s.threshold}};
    if (sv.positive) {
        r["recommendation"] = *sv.positive ? "positive" : "negative";
        r["recommendation_text"] = (*sv.positive ? s.positive : s.negative).get(lang);
    } else {
        r["recommendation"] = nullptr;
        r["recommendation_text"] = nullptr;
    }
    return r;
}

// {"answered", "correct", "total", "questions": [{"id", "answered", "correct"}]}
json quiz_result(const Quiz& q, const json* a) {
    json r = {{"questions", json::array()}};
    int answered = 0, correct = 0;
    for (const auto& question : q.questions) {
        const auto chosen = answers::quiz_chosen(question, a);
        const bool ok = !chosen.empty() && calc::quiz_correct(chosen, question.correct_ids());
        answered += chosen.empty() ? 0 : 1;
        correct += ok ? 1 : 0;
        r["questions"].push_back({{"id", question.id}, {"answered", !chosen.empty()}, {"correct", ok}});
    }
    r["answered"] = answered;
    r["correct"] = correct;
    r["total"] = q.questions.size();
    return r;
}

// {"currency", "cost", "benefit", "running", "years", "complete", "total_cost", "total_gain", "net",
//  "roi_pct", "payback_months"} — running defaults to 0 and years to the content's default_years;
// the computed fields are null until cost and benefit are entered.
json roi_result(const Roi& s, const json* a) {
    const auto cost = answers::number_of(member(a, "cost"));
    const auto benefit = answers::number_of(member(a, "benefit"));
    const double running = answers::number_of(member(a, "running")).value_or(0);
    const int years = answers::int_of(member(a, "years")).value_or(s.default_years);
    json r = {{"currency", s.currency}, {"cost", opt(cost)}, {"benefit", opt(benefit)}, {"running", running},
              {"years", years},         {"complete", cost && benefit}};
    if (cost && benefit) {
        const auto x = calc::roi(*cost, *benefit, running, years);
        r["total_cost"] = x.total_cost;
        r["total_gain"] = x.total_gain;
        r["net"] = x.net;
        r["roi_pct"] = opt(x.roi_pct);
        r["payback_months"] = opt(x.payback_months);
    } else {
        for (const char* k : {"total_cost", "total_gain", "net", "roi_pct", "payback_months"}) r[k] = nullptr;
    }
    return r;
}

// {"risks": [{"index", "risk", "likelihood", "impact", "score", "level", "owner", "response"}] in
//  priority order (score desc, unscored last), "heat": [likelihood-1][impact-1] counts,
//  "levels": {"low", "medium", "high", "critical"}, "scored", "unscored"}
json risk_result(const json* a) {
    const auto inputs = answers::risk_inputs(a);
    json r = {{"risks", json::array()}};
    json levels = {{"low", 0}, {"medium", 0}, {"high", 0}, {"critical", 0}};
    int scored = 0;
    const json* rs = member(a, "risks");
    for (const size_t i : calc::risk_order(inputs)) {
        const json& e = (*rs)[i];
        json entry = {{"index", i},
                      {"risk", answers::string_of(member(&e, "risk"))},
                      {"likelihood", opt(inputs[i].likelihood)},
                      {"impact", opt(inputs[i].impact)},
                      {"owner", answers::string_of(member(&e, "owner"))},
                      {"response", answers::string_of(member(&e, "response"))}};
        if (inputs[i].likelihood && inputs[i].impact) {
            const int score = *inputs[i].likelihood * *inputs[i].impact;
            const char* level = risk_code(calc::risk_level(score));
            entry["score"] = score;
            entry["level"] = level;
            levels[level] = levels[level].get<int>() + 1;
            ++scored;
        } else {
            entry["score"] = nullptr;
            entry["level"] = nullptr;
        }
        r["risks"].push_back(std::move(entry));
    }
    json heat = json::array();
    for (const auto& row : calc::risk_heat(inputs)) heat.push_back(row);
    r["heat"] = heat;
    r["levels"] = levels;
    r["scored"] = scored;
    r["unscored"] = static_cast<int>(inputs.size()) - scored;
    return r;
}

json kind_result(const Unit& u, const Exercise& ex, const json* a, Lang lang) {
    if (const auto* s = ex.as<QuadrantMap>()) return quadrant_result(*s, a, lang);
    if (const auto* s = ex.as<Reflection>()) return reflection_result(*s, a);
    if (const auto* s = ex.as<ChecklistTable>()) return checklist_result(*s, a, lang);
    if (ex.as<PairTable>()) return pair_result(a);
    if (const auto* s = ex.as<PreferenceScale>()) return preference_result(*s, a, lang);
    if (const auto* s = ex.as<RatingTable>()) return rating_result(*s, a, lang);
    if (const auto* s = ex.as<NpsSurvey>()) return nps_result(*s, a, lang);
    if (const auto* s = ex.as<WeightedRating>()) return weighted_rating_result(*s, a, lang);
    if (const auto* s = ex.as<WeightedComparison>()) return weighted_comparison_result(*s, a, lang);
    if (const auto* s = ex.as<StepPlan>()) return step_plan_result(*s, a, u.id, lang);
    if (const auto* s = ex.as<Survey>()) return survey_result(*s, a, lang);
    if (const auto* s = ex.as<Quiz>()) return quiz_result(*s, a);
    if (const auto* s = ex.as<Roi>()) return roi_result(*s, a);
    if (ex.as<RiskRegister>()) return risk_result(a);
    return json::object();
}

json entry(const Course& course, const Workbook& wb, const Unit& u, const Exercise& ex, Lang lang) {
    const std::string key = exercise_key(u.id, ex.id);
    return {{"key", key},
            {"id", ex.id},
            {"kind", kind_name(ex.kind)},
            {"title", ex.title.get(lang)},
            {"done", exercise_done(course, wb, key)},
            {"result", kind_result(u, ex, answer(wb, key), lang)}};
}

}  // namespace

json exercise_result(const Course& course, const Workbook& wb, std::string_view key, Lang lang) {
    const Unit* u = course.unit_of(key);
    const Exercise* ex = course.exercise(key);
    if (!u || !ex) return nullptr;
    return entry(course, wb, *u, *ex, lang);
}

json compute_results(const Course& course, const Workbook& wb, Lang lang) {
    json r = {{"lang", lang_code(lang)},
              {"content_version", course.version},
              {"workbook", {{"id", wb.id}, {"name", wb.name}}},
              {"units", json::array()}};
    for (const auto& u : course.units) {
        const auto p = unit_progress(course, wb, u.id);
        json uj = {{"id", u.id},
                   {"number", u.number},
                   {"title", u.title.get(lang)},
                   {"progress",
                    {{"done", p.done},
                     {"total", p.total},
                     {"quiz_score", p.quiz_score},
                     {"quiz_total", p.quiz_total},
                     {"quiz_answered", p.quiz_answered}}},
                   {"exercises", json::array()}};
        for (const auto& ex : u.exercises) uj["exercises"].push_back(entry(course, wb, u, ex, lang));
        r["units"].push_back(std::move(uj));
    }
    r["orphaned"] = orphaned_answers(course, wb);
    return r;
}

namespace {

std::string csv_text(const std::string& v) {
    std::string o = "\"";
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) o += '\'';
    for (char ch : v) o += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return o + "\"";
}

std::string csv_int(std::optional<int> v) { return v ? std::to_string(*v) : std::string(); }

}  // namespace

std::string table_csv(const Exercise& ex, const nlohmann::json& answer) {
    using answers::int_of;
    using answers::member;
    using answers::string_of;
    std::string csv;
    if (ex.as<NpsSurvey>()) {
        csv = "no,respondent,score,category\n";
        const json* rows = member(&answer, "respondents");
        if (!rows || !rows->is_array()) return csv;
        for (size_t i = 0; i < rows->size(); ++i) {
            const json& r = (*rows)[i];
            const auto score = int_of(member(&r, "score"));
            const char* cat = "";
            switch (calc::nps_category(score)) {
                case calc::NpsCategory::promoter: cat = "promoter"; break;
                case calc::NpsCategory::passive: cat = "passive"; break;
                case calc::NpsCategory::detractor: cat = "detractor"; break;
                case calc::NpsCategory::none: break;
            }
            csv += std::to_string(i + 1) + "," + csv_text(string_of(member(&r, "name"))) + "," + csv_int(score) + "," +
                   cat + "\n";
        }
    } else if (ex.as<RiskRegister>()) {
        csv = "risk,likelihood,impact,score,owner,response\n";
        const json* risks = member(&answer, "risks");
        if (!risks || !risks->is_array()) return csv;
        for (const json& r : *risks) {
            const auto l = int_of(member(&r, "likelihood")), im = int_of(member(&r, "impact"));
            csv += csv_text(string_of(member(&r, "risk"))) + "," + csv_int(l) + "," + csv_int(im) + "," +
                   (l && im ? std::to_string(*l * *im) : std::string()) + "," + csv_text(string_of(member(&r, "owner"))) +
                   "," + csv_text(string_of(member(&r, "response"))) + "\n";
        }
    }
    return csv;
}

int paste_nps_scores(nlohmann::json& answer, std::string_view text) {
    std::vector<int> scores;
    if (const int bad = calc::parse_score_lines(text, scores)) return bad;
    if (!answer.is_object()) answer = json::object();
    json& rows = answer["respondents"];
    if (!rows.is_array()) rows = json::array();
    size_t next = 0;
    for (int v : scores) {
        while (next < rows.size() && answers::int_of(answers::member(&rows[next], "score"))) ++next;
        if (next == rows.size()) rows.push_back(json{{"name", ""}});
        rows[next]["score"] = v;
    }
    return 0;
}

}  // namespace crb
