// summary.cpp — class summaries over many workbooks (see summary.h).
#include "core/summary.h"

#include "core/answer_read.h"

namespace crb {

using answers::member;
using nlohmann::json;

bool answer_has_content(const json& answer) {
    switch (answer.type()) {
        case json::value_t::string:
            return answers::has_text(&answer);
        case json::value_t::boolean:
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float:
            return true;
        case json::value_t::array:
        case json::value_t::object:
            for (const auto& v : answer) {
                if (answer_has_content(v)) return true;
            }
            return false;
        default:
            return false;
    }
}

const ExerciseSummary* ClassSummary::find(const std::string& key) const {
    for (const auto& e : exercises) {
        if (e.key == key) return &e;
    }
    return nullptr;
}

namespace {

bool on_scale(const std::optional<int>& v, int lo, int hi) { return v && *v >= lo && *v <= hi; }

void add_weighted(ExerciseSummary& s, const std::string& prefix, const std::vector<IdText>& rows,
                  const json* rows_obj) {
    const auto input = answers::weighted_rows(rows, rows_obj);
    for (size_t i = 0; i < rows.size(); ++i) {
        if (on_scale(input[i].rating, 1, 5))
            s.averages[prefix + rows[i].id + "/rating"].add(*input[i].rating);
        if (input[i].weight) s.averages[prefix + rows[i].id + "/weight"].add(*input[i].weight);
    }
    // Only a finished block has an average worth pooling: a partial one would skew the class figure.
    const auto w = calc::weighted(input);
    if (w.complete && w.average) s.averages[prefix + "average"].add(*w.average);
}

// Adds one learner's answer of `ex` to `s`; `pooled_nps` collects NPS scores across learners.
void add_answer(ExerciseSummary& s, const Exercise& ex, const json* a,
                std::vector<std::optional<int>>& pooled_nps) {
    if (const auto* t = ex.as<RatingTable>()) {
        for (const auto& row : t->rows) {
            const auto values = answers::rating_row(*t, row, a);
            for (size_t c = 0; c < t->criteria.size(); ++c) {
                if (!on_scale(values[c], 1, 5)) continue;
                s.averages[row.id + "/" + t->criteria[c].id].add(*values[c]);
                s.averages[row.id].add(*values[c]);
            }
        }
    } else if (const auto* w = ex.as<WeightedRating>()) {
        add_weighted(s, "", w->rows, member(a, "rows"));
    } else if (const auto* wc = ex.as<WeightedComparison>()) {
        for (const auto& b : wc->blocks) {
            add_weighted(s, b.id + "/", b.rows, member(member(member(a, "blocks"), b.id), "rows"));
        }
    } else if (const auto* m = ex.as<QuadrantMap>()) {
        const json* ratings = member(a, "ratings");
        for (const auto& q : m->quadrants) {
            for (const auto& st : q.strategies) {
                const auto r = answers::int_of(member(ratings, st.id));
                if (on_scale(r, 1, 5)) s.averages[st.id].add(*r);
            }
        }
        if (const json* items = member(a, "items"); items && items->is_array()) {
            for (const auto& it : *items) {
                const auto interest = answers::int_of(member(&it, "interest"));
                const auto influence = answers::int_of(member(&it, "influence"));
                if (!interest || !influence) continue;
                const auto* q = m->find(*influence >= m->threshold, *interest >= m->threshold);
                if (q) ++s.counts["items/" + q->id];
            }
        }
    } else if (const auto* p = ex.as<PreferenceScale>()) {
        const auto choices = answers::preference_choices(*p, a);
        for (size_t i = 0; i < p->rows.size(); ++i) {
            if (on_scale(choices[i], 1, 5)) s.averages[p->rows[i].id].add(*choices[i]);
        }
    } else if (ex.as<NpsSurvey>()) {
        const auto scores = answers::nps_scores(a);
        pooled_nps.insert(pooled_nps.end(), scores.begin(), scores.end());
    } else if (const auto* sv = ex.as<Survey>()) {
        const auto ans = answers::survey_answers(*sv, a);
        for (size_t i = 0; i < sv->statements.size(); ++i) {
            if (!ans[i]) continue;
            ++s.counts["answered/" + sv->statements[i].id];
            if (*ans[i]) ++s.counts["agree/" + sv->statements[i].id];
        }
        const auto r = calc::survey(ans, sv->threshold);
        if (r.positive) ++s.counts[*r.positive ? "positive" : "negative"];
    } else if (const auto* c = ex.as<ChecklistTable>()) {
        for (const auto& g : c->groups) {
            const auto ans = answers::checklist_answers(g, a);
            for (size_t i = 0; i < g.rows.size(); ++i) {
                if (!ans[i]) continue;
                ++s.counts["answered/" + g.rows[i].id];
                if (*ans[i]) ++s.counts["yes/" + g.rows[i].id];
            }
        }
    } else if (const auto* q = ex.as<Quiz>()) {
        int answered = 0, correct = 0;
        for (const auto& question : q->questions) {
            const auto chosen = answers::quiz_chosen(question, a);
            if (chosen.empty()) continue;
            ++answered;
            ++s.counts["answered/" + question.id];
            if (calc::quiz_correct(chosen, question.correct_ids())) {
                ++correct;
                ++s.counts["correct/" + question.id];
            }
        }
        if (answered > 0) s.averages["score"].add(correct);
    }
}

}  // namespace

ClassSummary summarize(const Course& course, const std::vector<Workbook>& workbooks) {
    ClassSummary out;
    out.learners = static_cast<int>(workbooks.size());
    for (const auto& u : course.units) {
        for (const auto& ex : u.exercises) {
            ExerciseSummary s;
            s.key = exercise_key(u.id, ex.id);
            s.unit = &u;
            s.exercise = &ex;
            std::vector<std::optional<int>> pooled_nps;
            for (const auto& wb : workbooks) {
                const json* a = answer(wb, s.key);
                if (!a || !answer_has_content(*a)) continue;
                ++s.answered;
                if (exercise_done(course, wb, s.key)) ++s.done;
                add_answer(s, ex, a, pooled_nps);
            }
            if (ex.kind == Kind::nps_survey) s.nps = calc::nps(pooled_nps);
            out.exercises.push_back(std::move(s));
        }
    }
    return out;
}

// [SECTION] Output -------------------------------------------------------------------------------

namespace {

std::string fmt(double v, int decimals = 2) { return calc::format_number(v, decimals, false); }

std::string mean_text(const Mean& m) {
    const auto v = m.value();
    return (v ? fmt(*v) : std::string("-")) + " (n=" + std::to_string(m.count) + ")";
}

const Mean* find_mean(const ExerciseSummary& s, const std::string& key) {
    const auto it = s.averages.find(key);
    return it == s.averages.end() ? nullptr : &it->second;
}

int count(const ExerciseSummary& s, const std::string& key) {
    const auto it = s.counts.find(key);
    return it == s.counts.end() ? 0 : it->second;
}

void line(std::string& out, int indent, const std::string& text) {
    out.append(static_cast<size_t>(indent) * 2, ' ');
    out += text;
    out += '\n';
}

void mean_line(std::string& out, int indent, const ExerciseSummary& s, const std::string& label,
               const std::string& key) {
    const Mean* m = find_mean(s, key);
    line(out, indent, label + ": " + (m ? mean_text(*m) : std::string("- (n=0)")));
}

void weighted_lines(std::string& out, const ExerciseSummary& s, const std::string& prefix,
                    const std::vector<IdText>& rows, Lang lang) {
    for (const auto& r : rows) {
        const Mean* rating = find_mean(s, prefix + r.id + "/rating");
        const Mean* weight = find_mean(s, prefix + r.id + "/weight");
        line(out, 3,
             r.text.get(lang) + ": rating " + (rating ? mean_text(*rating) : "- (n=0)") + ", weight " +
                 (weight ? mean_text(*weight) : "- (n=0)"));
    }
    mean_line(out, 3, s, "Weighted average of completed answers", prefix + "average");
}

void kind_lines(std::string& out, const ExerciseSummary& s, Lang lang) {
    const Exercise& ex = *s.exercise;
    if (const auto* t = ex.as<RatingTable>()) {
        line(out, 2, "Average ratings (1-5):");
        for (const auto& row : t->rows) {
            std::string text = row.label.get(lang) + ": ";
            for (const auto& c : t->criteria) {
                const Mean* m = find_mean(s, row.id + "/" + c.id);
                text += c.text.get(lang) + " " + (m ? mean_text(*m) : "- (n=0)") + "; ";
            }
            const Mean* all = find_mean(s, row.id);
            text += "overall " + (all ? mean_text(*all) : std::string("- (n=0)"));
            line(out, 3, text);
        }
    } else if (const auto* w = ex.as<WeightedRating>()) {
        line(out, 2, "Average rating (1-5) and weight per row:");
        weighted_lines(out, s, "", w->rows, lang);
    } else if (const auto* wc = ex.as<WeightedComparison>()) {
        for (const auto& b : wc->blocks) {
            line(out, 2, b.title.get(lang) + ":");
            weighted_lines(out, s, b.id + "/", b.rows, lang);
        }
    } else if (const auto* m = ex.as<QuadrantMap>()) {
        line(out, 2, "Average importance of each strategy (1-5):");
        for (const auto& q : m->quadrants) {
            for (const auto& st : q.strategies)
                mean_line(out, 3, s, q.name.get(lang) + " / " + st.text.get(lang), st.id);
        }
        std::string placed;
        for (const auto& q : m->quadrants) {
            placed += (placed.empty() ? "" : ", ") + q.name.get(lang) + " " +
                      std::to_string(count(s, "items/" + q.id));
        }
        line(out, 2, "Customers placed per quadrant: " + placed);
    } else if (const auto* p = ex.as<PreferenceScale>()) {
        line(out, 2,
             "Average choice (1 = " + p->col_left.get(lang) + ", 5 = " + p->col_right.get(lang) + "):");
        for (const auto& row : p->rows) mean_line(out, 3, s, row.feature.get(lang), row.id);
    } else if (ex.as<NpsSurvey>()) {
        const auto& n = s.nps;
        line(out, 2,
             "Combined NPS over " + std::to_string(n.answered) +
                 " respondents: " + (n.answered ? fmt(n.nps, 1) : std::string("-")));
        line(out, 3,
             "promoters " + std::to_string(n.promoters) + " (" + fmt(n.pct_promoters, 1) + "%), passives " +
                 std::to_string(n.passives) + " (" + fmt(n.pct_passives, 1) + "%), detractors " +
                 std::to_string(n.detractors) + " (" + fmt(n.pct_detractors, 1) + "%)");
    } else if (const auto* sv = ex.as<Survey>()) {
        line(out, 2, "Agree (of those who answered):");
        for (const auto& st : sv->statements) {
            line(out, 3,
                 st.text.get(lang) + ": " + std::to_string(count(s, "agree/" + st.id)) + " of " +
                     std::to_string(count(s, "answered/" + st.id)));
        }
        line(out, 2,
             "Recommendation: positive " + std::to_string(count(s, "positive")) + ", negative " +
                 std::to_string(count(s, "negative")));
    } else if (const auto* c = ex.as<ChecklistTable>()) {
        line(out, 2, "Yes (of those who answered):");
        for (const auto& g : c->groups) {
            for (const auto& r : g.rows) {
                line(out, 3,
                     r.dimension.get(lang) + ": " + std::to_string(count(s, "yes/" + r.id)) + " of " +
                         std::to_string(count(s, "answered/" + r.id)));
            }
        }
    } else if (const auto* q = ex.as<Quiz>()) {
        const Mean* m = find_mean(s, "score");
        line(out, 2,
             "Average score: " + (m && m->value() ? fmt(*m->value()) : std::string("-")) + " of " +
                 std::to_string(q->questions.size()) + " (n=" + std::to_string(m ? m->count : 0) + ")");
        for (const auto& question : q->questions) {
            line(out, 3,
                 question.text.get(lang) + ": " + std::to_string(count(s, "correct/" + question.id)) +
                     " correct of " + std::to_string(count(s, "answered/" + question.id)) + " answered");
        }
    }
}

}  // namespace

std::string summary_text(const ClassSummary& summary, Lang lang) {
    std::string out;
    line(out, 0,
         "Class summary: " + std::to_string(summary.learners) +
             (summary.learners == 1 ? " workbook" : " workbooks"));
    const Unit* current = nullptr;
    for (const auto& s : summary.exercises) {
        if (s.unit != current) {
            current = s.unit;
            out += '\n';
            line(out, 0, "Unit " + std::to_string(current->number) + ". " + current->title.get(lang));
        }
        line(out, 1, s.exercise->title.get(lang) + " [" + s.key + "]");
        line(out, 2,
             "answered by " + std::to_string(s.answered) + " of " + std::to_string(summary.learners) +
                 ", completed by " + std::to_string(s.done));
        if (s.answered > 0) kind_lines(out, s, lang);
    }
    return out;
}

json summary_json(const ClassSummary& summary, Lang lang) {
    json out = {{"learners", summary.learners}, {"exercises", json::array()}};
    for (const auto& s : summary.exercises) {
        json e = {{"key", s.key},
                  {"kind", kind_name(s.exercise->kind)},
                  {"title", s.exercise->title.get(lang)},
                  {"answered", s.answered},
                  {"done", s.done},
                  {"averages", json::object()},
                  {"counts", json::object()}};
        for (const auto& [key, m] : s.averages) {
            const auto v = m.value();
            e["averages"][key] = {{"mean", v ? json(*v) : json(nullptr)}, {"n", m.count}};
        }
        for (const auto& [key, n] : s.counts) e["counts"][key] = n;
        if (s.exercise->kind == Kind::nps_survey) {
            e["nps"] = {{"answered", s.nps.answered},
                        {"promoters", s.nps.promoters},
                        {"passives", s.nps.passives},
                        {"detractors", s.nps.detractors},
                        {"pct_promoters", s.nps.pct_promoters},
                        {"pct_passives", s.nps.pct_passives},
                        {"pct_detractors", s.nps.pct_detractors},
                        {"nps", s.nps.nps}};
        }
        out["exercises"].push_back(std::move(e));
    }
    return out;
}

LoadedWorkbooks load_workbook_files(const std::vector<std::string>& paths, const Course& course) {
    LoadedWorkbooks out;
    for (const auto& path : paths) {
        std::string text;
        if (!read_file(path, text)) {
            out.errors.push_back(path + ": cannot read the file");
            continue;
        }
        WorkbookParse p = parse_workbook(text, course);
        if (!p.workbook) {
            std::string reason = p.errors.empty() ? std::string("not a valid workbook") : p.errors.front();
            if (p.errors.size() > 1)
                reason += " (and " + std::to_string(p.errors.size() - 1) + " more problems)";
            out.errors.push_back(path + ": " + reason);
            continue;
        }
        out.workbooks.push_back(std::move(*p.workbook));
        out.names.push_back(path);
    }
    return out;
}

}  // namespace crb
