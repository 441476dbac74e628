// i18n.cpp — see i18n.h.
#include "core/i18n.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "core/json_checks.h"

namespace crb {

namespace jc = json_checks;

bool Strings::load(Lang lang, const std::string& name, const std::string& text, std::vector<std::string>& errors) {
    Map& m = lang == Lang::pl ? pl_ : en_;
    m.clear();
    missing_.clear();
    std::string err;
    const auto j = jc::parse(text, err);
    if (!j) {
        errors.push_back(name + ": " + err);
        return false;
    }
    if (!j->is_object()) {
        errors.push_back(name + ": expected a flat JSON object of \"key\": \"text\"");
        return false;
    }
    bool clean = true;
    for (auto it = j->begin(); it != j->end(); ++it) {
        const std::string path = jc::child("", it.key());
        const auto& v = it.value();
        if (!v.is_string() || v.get_ref<const std::string&>().empty()) {
            errors.push_back(name + ": " + path + ": expected a non-empty string");
            clean = false;
            continue;
        }
        const auto& s = v.get_ref<const std::string&>();
        if (jc::first_control_char(s) >= 0) {
            errors.push_back(name + ": " + path + ": control characters other than \\n and \\t are not allowed");
            clean = false;
            continue;
        }
        m[it.key()] = s;
    }
    return clean;
}

const std::string& Strings::get(Lang lang, std::string_view key) const {
    const Map& m = map(lang);
    if (auto it = m.find(key); it != m.end()) return it->second;
    if (auto it = en_.find(key); it != en_.end()) return it->second;
    auto it = missing_.find(key);
    if (it == missing_.end()) it = missing_.emplace(std::string(key), std::string(key)).first;
    return it->second;
}

bool Strings::has(Lang lang, std::string_view key) const {
    const Map& m = map(lang);
    return m.find(key) != m.end();
}

std::vector<std::string> Strings::keys(Lang lang) const {
    std::vector<std::string> out;
    for (const auto& kv : map(lang)) out.push_back(kv.first);
    return out;
}

void Strings::set(Lang lang, const std::string& key, const std::string& value) {
    (lang == Lang::pl ? pl_ : en_)[key] = value;
    missing_.clear();
}

const std::vector<std::string>& core_string_keys() {
    static const std::vector<std::string> keys = {
        // reading material and names
        "unit", "respondent",
        // NPS
        "nps.score", "nps.promoter", "nps.passive", "nps.detractor", "nps.promoters", "nps.passives",
        "nps.detractors", "nps.answered",
        // risk levels
        "risk.level.low", "risk.level.medium", "risk.level.high", "risk.level.critical",
        "risk.score", "risk.likelihood", "risk.impact",
        // results
        "result.average", "result.weighted_average", "result.weight_sum", "result.weights_must_sum",
        "result.incomplete", "result.rated", "result.ranking", "result.yes", "result.no",
        "result.unanswered", "result.yes_count", "result.agree", "result.disagree",
        "result.recommendation", "result.preference_left", "result.preference_right",
        "result.preference_balanced", "result.strength", "result.quiz_score", "result.correct",
        "result.incorrect", "result.top_strategies", "result.unplaced", "result.entries",
        "result.answered", "result.pairs", "result.fields_filled", "result.checks_ticked",
        "result.total_cost", "result.total_gain", "result.net", "result.roi", "result.roi_undefined",
        "result.payback", "result.payback_never", "result.months", "result.years", "result.heat_map",
        // progress
        "progress.exercises_done", "progress.quiz",
        // store status (StoreStatus, see store.h)
        "store.ok", "store.not_found", "store.write_failed", "store.verify_failed",
        "store.conflict", "store.invalid", "store.index_repaired", "store.workbook_readded",
        "store.corrupt_backed_up", "store.corrupt_kept", "store.migrated", "store.future_schema",
        "store.orphaned",
    };
    return keys;
}

namespace {

std::set<std::string> placeholders(const std::string& s) {
    std::set<std::string> out;
    size_t pos = 0;
    while ((pos = s.find('{', pos)) != std::string::npos) {
        const size_t end = s.find('}', pos);
        if (end == std::string::npos) break;
        out.insert(s.substr(pos, end - pos + 1));
        pos = end + 1;
    }
    return out;
}

std::string join(const std::set<std::string>& s) {
    std::string out;
    for (const auto& x : s) out += (out.empty() ? "" : " ") + x;
    return out.empty() ? "none" : out;
}

}  // namespace

std::vector<std::string> missing_string_keys(const Strings& strings) {
    std::vector<std::string> problems;
    std::set<std::string> all;
    for (const Lang l : kLangs) {
        for (const auto& k : strings.keys(l)) all.insert(k);
    }
    for (const auto& k : core_string_keys()) all.insert(k);
    for (const auto& k : all) {
        bool both = true;
        for (const Lang l : kLangs) {
            if (!strings.has(l, k)) {
                problems.push_back(std::string(lang_code(l)) + ": missing key \"" + k + "\"");
                both = false;
            }
        }
        if (!both) continue;
        const auto a = placeholders(strings.get(Lang::en, k)), b = placeholders(strings.get(Lang::pl, k));
        if (a != b) {
            problems.push_back("key \"" + k + "\": placeholders differ (en: " + join(a) + "; pl: " + join(b) + ")");
        }
    }
    return problems;
}

namespace {
// One pass over tmpl; value(name) gives the text for "{name}", or nullptr to keep it as it is.
template <class Lookup>
std::string fill_with(std::string_view tmpl, const Lookup& value) {
    std::string out;
    out.reserve(tmpl.size() + 16);
    size_t i = 0;
    while (i < tmpl.size()) {
        if (tmpl[i] == '{') {
            const size_t end = tmpl.find('}', i);
            if (end != std::string_view::npos) {
                if (const std::string_view* v = value(tmpl.substr(i + 1, end - i - 1))) {
                    out += *v;
                    i = end + 1;
                    continue;
                }
            }
        }
        out += tmpl[i++];
    }
    return out;
}
}  // namespace

std::string fill(std::string_view tmpl, std::initializer_list<Placeholder> values) {
    return fill_with(tmpl, [&](std::string_view name) -> const std::string_view* {
        for (const auto& p : values)
            if (p.first == name) return &p.second;
        return nullptr;
    });
}

std::string fill_args(std::string_view tmpl, std::initializer_list<std::string_view> args) {
    return fill_with(tmpl, [&](std::string_view name) -> const std::string_view* {
        if (name.empty() || name.size() > 2 || (name.size() == 2 && name[0] == '0')) return nullptr;
        size_t n = 0;
        for (const char c : name) {
            if (c < '0' || c > '9') return nullptr;
            n = n * 10 + static_cast<size_t>(c - '0');
        }
        return n < args.size() ? args.begin() + n : nullptr;
    });
}

}  // namespace crb
