// i18n.h — UI strings, one flat JSON file per language: content/i18n/en.json, content/i18n/pl.json.
//
// Keys are dotted names ("nps.promoters"); values are non-empty strings that may contain named
// placeholders in braces ("{done} of {total}"), filled with fill(). Both files must hold the same keys
// and the same placeholders; missing_string_keys() lists every difference and a unit test fails on it.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/content.h"

namespace crb {

class Strings {
public:
    // Parses one language file: a flat object of key -> non-empty string. Errors are appended as
    // "<name>: /<key>: <problem>" and the valid entries are still loaded. Returns true when clean.
    bool load(Lang lang, const std::string& name, const std::string& text, std::vector<std::string>& errors);

    // The string, else the English one, else the key itself (so a gap is visible, never a crash).
    // The reference stays valid until the next load() or set().
    const std::string& get(Lang lang, std::string_view key) const;
    bool has(Lang lang, std::string_view key) const;
    std::vector<std::string> keys(Lang lang) const;  // sorted

    void set(Lang lang, const std::string& key, const std::string& value);  // for tests and tools

private:
    using Map = std::map<std::string, std::string, std::less<>>;
    const Map& map(Lang lang) const { return lang == Lang::pl ? pl_ : en_; }
    Map en_, pl_;
    mutable Map missing_;  // keys returned as themselves
};

// Keys core itself uses (results labels, NPS categories, risk levels, store messages, "unit").
const std::vector<std::string>& core_string_keys();

// Every problem that makes the two languages differ: "pl: missing key \"unit\"", a core key missing
// in a language, or placeholders that differ between the languages. Empty when all is well.
std::vector<std::string> missing_string_keys(const Strings& strings);

// Native helper: loads <content_dir>/i18n/en.json and pl.json. Errors name the files.
bool load_strings_dir(const std::string& content_dir, Strings& strings, std::vector<std::string>& errors);

// Replaces "{name}" by its value for each pair; unknown placeholders are left as they are. One pass:
// a value that itself holds "{...}" is not filled again.
using Placeholder = std::pair<std::string_view, std::string_view>;
std::string fill(std::string_view tmpl, std::initializer_list<Placeholder> values);
// The same with positional placeholders: "{0}" is args[0], "{1}" args[1], and so on.
std::string fill_args(std::string_view tmpl, std::initializer_list<std::string_view> args);

}  // namespace crb
