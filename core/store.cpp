// store.cpp — MemoryKeyValue, settings and WorkbookStore (FileKeyValue is in files.cpp).
//
// [SECTION] MemoryKeyValue
// [SECTION] Status keys
// [SECTION] Settings
// [SECTION] WorkbookStore: open and repair
// [SECTION] WorkbookStore: save and the other operations
// [SECTION] WorkbookStore: backups and settings
#include "core/store.h"

#include <algorithm>
#include <random>
#include <set>

#include <nlohmann/json.hpp>

#include "core/json_checks.h"
#include "core/small_sort.h"

namespace crb {

namespace jc = json_checks;
using nlohmann::json;

// [SECTION] MemoryKeyValue -----------------------------------------------------------------------

std::optional<std::string> MemoryKeyValue::get(const std::string& key) {
    const auto it = data_.find(key);
    if (it == data_.end()) return std::nullopt;
    return it->second;
}

bool MemoryKeyValue::set(const std::string& key, const std::string& value) {
    if (quota_) {
        size_t used = used_bytes();
        if (const auto it = data_.find(key); it != data_.end()) used -= it->first.size() + it->second.size();
        if (used + key.size() + value.size() > *quota_) return false;
    }
    data_[key] = value;
    return true;
}

void MemoryKeyValue::remove(const std::string& key) { data_.erase(key); }

std::vector<std::string> MemoryKeyValue::keys() {
    std::vector<std::string> out;
    for (const auto& kv : data_) out.push_back(kv.first);
    return out;
}

size_t MemoryKeyValue::used_bytes() const {
    size_t n = 0;
    for (const auto& kv : data_) n += kv.first.size() + kv.second.size();
    return n;
}

// [SECTION] Status keys --------------------------------------------------------------------------

const char* status_key(StoreStatus status) {
    switch (status) {
        case StoreStatus::ok: return "store.ok";
        case StoreStatus::not_found: return "store.not_found";
        case StoreStatus::write_failed: return "store.write_failed";
        case StoreStatus::verify_failed: return "store.verify_failed";
        case StoreStatus::conflict: return "store.conflict";
        case StoreStatus::invalid: return "store.invalid";
        case StoreStatus::index_repaired: return "store.index_repaired";
        case StoreStatus::workbook_readded: return "store.workbook_readded";
        case StoreStatus::corrupt_backed_up: return "store.corrupt_backed_up";
        case StoreStatus::corrupt_kept: return "store.corrupt_kept";
        case StoreStatus::migrated: return "store.migrated";
        case StoreStatus::future_schema: return "store.future_schema";
        case StoreStatus::orphaned: return "store.orphaned";
        case StoreStatus::deleted_elsewhere: return "store.deleted_elsewhere";
    }
    return "store.invalid";
}

// [SECTION] Settings -----------------------------------------------------------------------------

Settings parse_settings(std::string_view text, std::vector<std::string>* warnings) {
    Settings s;
    auto warn = [&](const std::string& w) {
        if (warnings) warnings->push_back("settings: " + w);
    };
    std::string err;
    const auto j = jc::parse(text, err, 64 * 1024);
    if (!j || !j->is_object()) {
        warn(j ? "expected a JSON object; using defaults" : err + "; using defaults");
        return s;
    }
    if (const auto it = j->find("lang"); it != j->end()) {
        const auto l = it->is_string() ? parse_lang(it->get_ref<const std::string&>()) : std::nullopt;
        if (l) s.lang = *l;
        else warn("/lang: expected \"en\" or \"pl\"");
    }
    if (const auto it = j->find("text_scale"); it != j->end()) {
        const double v = it->is_number() ? it->get<double>() : 0;
        if (v >= 0.75 && v <= 2.0) s.text_scale = v;
        else warn("/text_scale: expected a number 0.75-2");
    }
    if (const auto it = j->find("theme"); it != j->end()) {
        const bool ok = it->is_string() && (*it == "light" || *it == "dark" || *it == "high_contrast");
        if (ok) s.theme = it->get<std::string>();
        else warn("/theme: expected \"light\", \"dark\" or \"high_contrast\"");
    }
    if (const auto it = j->find("last_place"); it != j->end()) {
        const bool ok = it->is_string() && it->get_ref<const std::string&>().size() <= 200 &&
                        jc::first_control_char(it->get_ref<const std::string&>()) < 0;
        if (ok) s.last_place = it->get<std::string>();
        else warn("/last_place: expected a string of at most 200 bytes");
    }
    return s;
}

std::string serialize_settings(const Settings& s) {
    json j = {{"lang", lang_code(s.lang)}, {"text_scale", s.text_scale}, {"theme", s.theme}, {"last_place", s.last_place}};
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// [SECTION] WorkbookStore: open and repair -------------------------------------------------------

namespace {

std::string wb_key(const std::string& id) { return WorkbookStore::kWorkbookPrefix + id; }

bool starts_with(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// The rev of a stored text, when it is readable enough to have one.
std::optional<int64_t> stored_rev(const std::string& text) {
    std::string err;
    const auto j = jc::parse(text, err);
    if (!j || !j->is_object()) return std::nullopt;
    const auto it = j->find("rev");
    if (it == j->end()) return j->contains("schema") ? std::optional<int64_t>(0) : std::nullopt;
    return it->is_boolean() ? std::nullopt : jc::as_integer(*it);
}

std::string join_some(const std::vector<std::string>& v, size_t max) {
    std::string out;
    for (size_t i = 0; i < v.size() && i < max; ++i) out += (i ? ", " : "") + v[i];
    if (v.size() > max) out += ", ... (" + std::to_string(v.size()) + " in all)";
    return out;
}

}  // namespace

WorkbookStore::WorkbookStore(KeyValue& kv, const Course& course, Clock clock)
    : kv_(kv), course_(course), clock_(std::move(clock)) {}

// The ids of every "crb:wb:<id>" entry in storage.
std::set<std::string> WorkbookStore::stored_ids() const {
    std::set<std::string> ids;
    for (const auto& k : kv_.keys()) {
        if (starts_with(k, kWorkbookPrefix) && is_workbook_id(k.substr(std::string_view(kWorkbookPrefix).size()))) {
            ids.insert(k.substr(std::string_view(kWorkbookPrefix).size()));
        }
    }
    return ids;
}

std::vector<StoreMessage> WorkbookStore::open() {
    std::vector<StoreMessage> msgs;
    ids_.clear();
    cache_.clear();
    current_.clear();
    current_unlisted_ = false;

    const std::set<std::string> stored = stored_ids();

    // The index as stored, then repaired.
    std::vector<std::string> listed;
    std::string listed_current;
    const auto index_text = kv_.get(kIndexKey);
    bool index_bad = false;
    if (index_text) {
        std::string err;
        const auto j = jc::parse(*index_text, err);
        bool ok = j && j->is_object() && j->contains("ids") && (*j)["ids"].is_array();
        if (ok) {
            for (const auto& v : (*j)["ids"]) {
                if (v.is_string() && is_workbook_id(v.get_ref<const std::string&>()) &&
                    std::find(listed.begin(), listed.end(), v.get<std::string>()) == listed.end()) {
                    listed.push_back(v.get<std::string>());
                } else {
                    ok = false;
                }
            }
            const auto cur = j->find("current");
            if (cur != j->end() && cur->is_string()) listed_current = cur->get<std::string>();
        }
        if (!ok) {
            index_bad = true;
            msgs.push_back({StoreStatus::index_repaired, "",
                            std::string(kIndexKey) + " was unreadable" + (err.empty() ? "" : " (" + err + ")") +
                                "; the list was rebuilt from the stored workbooks"});
        }
    }
    for (const auto& id : listed) {
        if (stored.count(id)) {
            ids_.push_back(id);
        } else {
            msgs.push_back({StoreStatus::index_repaired, id, "workbook " + id + " was listed but is not stored; removed from the list"});
        }
    }
    for (const auto& id : stored) {
        if (std::find(ids_.begin(), ids_.end(), id) == ids_.end()) {
            ids_.push_back(id);
            msgs.push_back({StoreStatus::workbook_readded, id, "workbook " + id + " was stored but not listed; added back"});
        }
    }

    std::vector<std::string> readable;
    for (const auto& id : ids_) {
        if (auto wb = load_one(id, msgs)) {
            cache_[id] = std::move(*wb);
            readable.push_back(id);
        }
    }
    ids_ = readable;
    current_ = std::find(ids_.begin(), ids_.end(), listed_current) != ids_.end() ? listed_current
               : ids_.empty()                                                     ? std::string()
                                                                                  : ids_.front();
    if (ids_ != listed || current_ != listed_current || !index_text || index_bad) {
        if (!(ids_.empty() && !index_text) && !write_index(ids_, current_)) {
            msgs.push_back({StoreStatus::write_failed, "", "could not write the repaired list of workbooks"});
        }
    }
    return msgs;
}

std::vector<StoreMessage> WorkbookStore::sync_list() {
    std::vector<StoreMessage> msgs;
    const std::set<std::string> stored = stored_ids();
    std::vector<std::string> ids;
    for (const auto& id : ids_) {
        if (id == current_) {
            ids.push_back(id);
            const bool gone = !stored.count(id);
            if (gone && !current_unlisted_)
                msgs.push_back({StoreStatus::deleted_elsewhere, id,
                                "workbook " + id + " was deleted in another tab; it stays open here and its next save stores it again"});
            current_unlisted_ = gone;
        } else if (stored.count(id)) {
            if (auto wb = load_one(id, msgs)) {  // renamed or edited there
                cache_[id] = std::move(*wb);
                ids.push_back(id);
            } else {
                cache_.erase(id);
            }
        } else {
            cache_.erase(id);  // deleted there
        }
    }
    for (const auto& id : stored) {
        if (std::find(ids.begin(), ids.end(), id) != ids.end()) continue;
        if (auto wb = load_one(id, msgs)) {  // created there
            cache_[id] = std::move(*wb);
            ids.push_back(id);
        }
    }
    ids_ = std::move(ids);
    return msgs;
}

std::optional<Workbook> WorkbookStore::load_one(const std::string& id, std::vector<StoreMessage>& msgs) {
    const auto text = kv_.get(wb_key(id));
    if (!text) return std::nullopt;
    WorkbookParse p = parse_workbook(*text, course_);
    if (!p.workbook) {
        const StoreStatus why = p.future_schema ? StoreStatus::future_schema : StoreStatus::corrupt_backed_up;
        if (const auto backup = backup_raw(id, *text)) {
            kv_.remove(wb_key(id));
            msgs.push_back({why, id, "workbook " + id + " could not be read (" + p.error() + "); its text was moved to " + *backup});
        } else {
            msgs.push_back({StoreStatus::corrupt_kept, id,
                            "workbook " + id + " could not be read (" + p.error() +
                                ") and no backup could be written; it was left in place and not loaded"});
        }
        return std::nullopt;
    }
    Workbook wb = std::move(*p.workbook);
    bool rewrite = false;
    if (wb.id != id) {  // the key is authoritative: it is what the index and backups refer to
        wb.id = id;
        rewrite = true;
    }
    if (p.migrated()) {
        const auto backup = backup_raw(id, *text);
        if (backup) {
            msgs.push_back({StoreStatus::migrated, id,
                            "workbook " + id + " was upgraded from schema " + std::to_string(p.schema) +
                                "; the original is kept as " + *backup});
            rewrite = true;
        } else {
            msgs.push_back({StoreStatus::migrated, id,
                            "workbook " + id + " was upgraded in memory; the original stays stored until a backup can be written"});
            rewrite = false;
        }
    }
    if (rewrite && !write_verified(wb_key(id), serialize_workbook(wb))) {
        kv_.set(wb_key(id), *text);  // keep the original rather than a half-written upgrade
    }
    if (!p.orphaned.empty()) {
        msgs.push_back({StoreStatus::orphaned, id,
                        "workbook " + id + " keeps answers the course no longer has: " + join_some(p.orphaned, 5)});
    }
    return wb;
}

std::optional<std::string> WorkbookStore::backup_raw(const std::string& id, const std::string& text) {
    int next = 1;
    for (const auto& b : backups()) {
        if (b.id != id) continue;
        if (kv_.get(b.key) == text) return b.key;  // this exact text is already kept
        next = std::max(next, b.n + 1);
    }
    const std::string key = std::string(kBackupPrefix) + id + ":" + std::to_string(next);
    if (!write_verified(key, text)) {
        kv_.remove(key);
        return std::nullopt;
    }
    return key;
}

// [SECTION] WorkbookStore: save and the other operations -----------------------------------------

bool WorkbookStore::write_verified(const std::string& key, const std::string& text) {
    return kv_.set(key, text) && kv_.get(key) == text;
}

bool WorkbookStore::write_index(const std::vector<std::string>& ids, const std::string& current) {
    json j = {{"ids", ids}, {"current", current}};
    const auto previous = kv_.get(kIndexKey);
    if (write_verified(kIndexKey, j.dump())) return true;
    if (previous) kv_.set(kIndexKey, *previous);
    else kv_.remove(kIndexKey);
    return false;
}

std::vector<WorkbookInfo> WorkbookStore::list() const {
    std::vector<WorkbookInfo> out;
    for (const auto& id : ids_) {
        const auto it = cache_.find(id);
        if (it != cache_.end()) out.push_back({id, it->second.name, it->second.updated, it->second.rev});
    }
    return out;
}

std::optional<Workbook> WorkbookStore::current() const { return get(current_); }

std::optional<Workbook> WorkbookStore::get(const std::string& id) const {
    const auto it = cache_.find(id);
    if (it == cache_.end()) return std::nullopt;
    return it->second;
}

bool WorkbookStore::valid_name(std::string_view name) {
    if (name.size() > 200 || !jc::valid_utf8(name) || jc::first_control_char(name) >= 0) return false;
    return name.find_first_not_of(" \t") != std::string_view::npos;
}

std::string WorkbookStore::new_id() const {
    static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::random_device rd;
    std::mt19937 gen(rd());
    std::uniform_int_distribution<int> pick(0, 35);
    for (;;) {
        std::string id = "wb-";
        for (int i = 0; i < 8; ++i) id += digits[pick(gen)];
        if (!cache_.count(id) && !kv_.get(wb_key(id))) return id;
    }
}

StoreStatus WorkbookStore::save(Workbook& wb, std::string* detail) {
    auto fail = [&](StoreStatus s, const std::string& why) {
        if (detail) *detail = why;
        return s;
    };
    if (!is_workbook_id(wb.id)) return fail(StoreStatus::invalid, "invalid workbook id \"" + wb.id + "\"");
    if (!valid_name(wb.name)) return fail(StoreStatus::invalid, "invalid workbook name");

    const std::string key = wb_key(wb.id);
    const auto previous = kv_.get(key);
    int64_t base = wb.rev;
    if (previous) {
        const auto rev = stored_rev(*previous);
        if (rev && *rev > wb.rev) {
            return fail(StoreStatus::conflict, "workbook " + wb.id + " was saved elsewhere (stored rev " +
                                                   std::to_string(*rev) + ", this copy rev " + std::to_string(wb.rev) + ")");
        }
        if (!rev && !backup_raw(wb.id, *previous)) {
            return fail(StoreStatus::write_failed, "the stored copy of " + wb.id + " is unreadable and could not be backed up");
        }
        if (rev) base = std::max(base, *rev);
    }

    Workbook next = wb;
    next.rev = base + 1;
    next.updated = clock_();
    if (next.created.empty()) next.created = next.updated;
    next.content_version = course_.version;
    const std::string text = serialize_workbook(next);
    // Only what loads back is stored.
    const WorkbookParse check = parse_workbook(text, course_);
    if (!check.workbook) return fail(StoreStatus::invalid, check.error());

    auto restore = [&] {
        if (previous) kv_.set(key, *previous);
        else kv_.remove(key);
    };
    if (!kv_.set(key, text)) {
        restore();
        return fail(StoreStatus::write_failed, "storage refused " + std::to_string(text.size()) + " bytes for " + key);
    }
    if (kv_.get(key) != text) {
        restore();
        return fail(StoreStatus::verify_failed, "reading " + key + " back gave different data");
    }
    const bool listed = std::find(ids_.begin(), ids_.end(), wb.id) != ids_.end();
    if (!listed || (current_unlisted_ && wb.id == current_)) {
        std::vector<std::string> ids = ids_;
        if (!listed) ids.push_back(wb.id);
        const std::string cur = current_.empty() ? wb.id : current_;
        if (!write_index(ids, cur)) {
            restore();
            return fail(StoreStatus::write_failed, "could not add " + wb.id + " to the list of workbooks");
        }
        ids_ = ids;
        current_ = cur;
        if (wb.id == current_) current_unlisted_ = false;
    }
    cache_[wb.id] = next;
    wb = std::move(next);
    return StoreStatus::ok;
}

WorkbookStore::Created WorkbookStore::add_new(Workbook wb) {
    Created c;
    std::string detail;
    c.status = save(wb, &detail);
    if (c.status != StoreStatus::ok) {
        c.errors.push_back(detail);
        return c;
    }
    c.id = wb.id;
    if (select(wb.id) != StoreStatus::ok) c.errors.push_back("created, but could not be made current");
    return c;
}

WorkbookStore::Created WorkbookStore::create(const std::string& name) {
    if (!valid_name(name)) return {StoreStatus::invalid, "", {"invalid workbook name"}};
    Workbook wb;
    wb.id = new_id();
    wb.name = name;
    wb.created = clock_();
    return add_new(std::move(wb));
}

WorkbookStore::Created WorkbookStore::duplicate(const std::string& id, const std::string& name) {
    const auto it = cache_.find(id);
    if (it == cache_.end()) return {StoreStatus::not_found, "", {"no workbook " + id}};
    if (!valid_name(name)) return {StoreStatus::invalid, "", {"invalid workbook name"}};
    Workbook wb = it->second;
    wb.id = new_id();
    wb.name = name;
    wb.rev = 0;
    wb.created = clock_();
    return add_new(std::move(wb));
}

WorkbookStore::Created WorkbookStore::import(std::string_view text) {
    WorkbookParse p = parse_workbook(text, course_);
    if (!p.workbook) return {StoreStatus::invalid, "", p.errors};
    Workbook wb = std::move(*p.workbook);
    if (cache_.count(wb.id) || kv_.get(wb_key(wb.id))) wb.id = new_id();
    if (!valid_name(wb.name)) wb.name = "Imported workbook";
    wb.rev = 0;
    return add_new(std::move(wb));
}

StoreStatus WorkbookStore::rename(const std::string& id, const std::string& name) {
    const auto it = cache_.find(id);
    if (it == cache_.end()) return StoreStatus::not_found;
    if (!valid_name(name)) return StoreStatus::invalid;
    Workbook wb = it->second;
    wb.name = name;
    return save(wb);
}

StoreStatus WorkbookStore::remove(const std::string& id) {
    const auto pos = std::find(ids_.begin(), ids_.end(), id);
    if (pos == ids_.end()) return StoreStatus::not_found;
    std::vector<std::string> ids = ids_;
    ids.erase(ids.begin() + (pos - ids_.begin()));
    const std::string cur = current_ != id ? current_ : (ids.empty() ? std::string() : ids.front());
    if (!write_index(ids, cur)) return StoreStatus::write_failed;  // index first: never lists a missing workbook
    kv_.remove(wb_key(id));
    ids_ = ids;
    if (cur != current_) current_unlisted_ = false;
    current_ = cur;
    cache_.erase(id);
    return StoreStatus::ok;
}

StoreStatus WorkbookStore::select(const std::string& id) {
    if (std::find(ids_.begin(), ids_.end(), id) == ids_.end()) return StoreStatus::not_found;
    if (id == current_) return StoreStatus::ok;
    if (!write_index(ids_, id)) return StoreStatus::write_failed;
    current_ = id;
    current_unlisted_ = false;
    return StoreStatus::ok;
}

WorkbookStore::Reloaded WorkbookStore::reload(const std::string& id) {
    Reloaded r;
    if (!is_workbook_id(id) || !kv_.get(wb_key(id))) {
        r.status = StoreStatus::not_found;
        return r;
    }
    r.workbook = load_one(id, r.messages);
    if (!r.workbook) {
        r.status = r.messages.empty() ? StoreStatus::not_found : r.messages.front().status;
        cache_.erase(id);
        return r;
    }
    cache_[id] = *r.workbook;
    if (std::find(ids_.begin(), ids_.end(), id) == ids_.end()) ids_.push_back(id);
    return r;
}

// [SECTION] WorkbookStore: backups and settings --------------------------------------------------

std::vector<BackupInfo> WorkbookStore::backups() {
    std::vector<BackupInfo> out;
    const std::string_view prefix = kBackupPrefix;
    for (const auto& k : kv_.keys()) {
        if (!starts_with(k, prefix)) continue;
        const auto colon = k.rfind(':');
        if (colon <= prefix.size()) continue;
        const auto n = jc::array_index(std::string_view(k).substr(colon + 1));
        if (!n || *n == 0) continue;
        BackupInfo b;
        b.key = k;
        b.id = k.substr(prefix.size(), colon - prefix.size());
        b.n = static_cast<int>(*n);
        const auto text = kv_.get(k);
        b.bytes = text ? text->size() : 0;
        out.push_back(std::move(b));
    }
    small_sort(out.begin(), out.end(), [](const BackupInfo& a, const BackupInfo& b) {
        return a.id != b.id ? a.id < b.id : a.n < b.n;
    });
    return out;
}

std::optional<std::string> WorkbookStore::backup_text(const std::string& key) {
    if (!starts_with(key, kBackupPrefix)) return std::nullopt;
    return kv_.get(key);
}

void WorkbookStore::remove_backup(const std::string& key) {
    if (starts_with(key, kBackupPrefix)) kv_.remove(key);
}

std::optional<std::string> WorkbookStore::keep_backup(const std::string& id, const std::string& text) {
    if (!is_workbook_id(id)) return std::nullopt;
    return backup_raw(id, text);
}

Settings WorkbookStore::settings(std::vector<std::string>* warnings) const {
    const auto text = kv_.get(kSettingsKey);
    return text ? parse_settings(*text, warnings) : Settings{};
}

StoreStatus WorkbookStore::save_settings(const Settings& s) {
    std::vector<std::string> warnings;
    const std::string text = serialize_settings(s);
    parse_settings(text, &warnings);
    if (!warnings.empty()) return StoreStatus::invalid;
    return write_verified(kSettingsKey, text) ? StoreStatus::ok : StoreStatus::write_failed;
}

}  // namespace crb
