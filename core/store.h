// store.h — where workbooks and settings live: a key-value interface (localStorage in the browser, a
// folder natively, memory in tests) and the WorkbookStore that keeps them consistent.
//
// Storage keys — FIXED FOREVER (existing learners' data is found by them; add, never rename):
//   crb:index              {"ids": ["wb-k3j9x2a1", ...], "current": "wb-k3j9x2a1"}  (order = list order)
//   crb:wb:<id>            one workbook, serialised (workbook.h, schema 2)
//   crb:backup:<id>:<n>    raw text kept for the learner (n = 1, 2, ...): a stored workbook that could
//                          not be read (bad JSON, wrong types, newer schema), or the schema-1 original
//                          of a migrated workbook. Never deleted by the store; listed by backups().
//   crb:settings           {"lang": "pl", "text_scale": 1.25, "theme": "dark", "last_place": "#/pl/unit/2/nps"}
//
// Guarantees:
//   - save() is atomic: write crb:wb:<id>, read it back and compare, only then touch the index. On any
//     failure the previous value is restored (or kept) and an error status is returned; the caller
//     keeps its unsaved workbook in memory and may retry.
//   - the index never lists a workbook that is not stored: workbooks are written before the index and
//     removed after it. open() repairs both directions (drops dangling entries, re-adds unlisted ones).
//   - a stored workbook that cannot be read never blocks the others: open() moves its raw text to a
//     backup key and reports it.
//   - two tabs: save() refuses to overwrite a stored workbook whose `rev` is newer than the one being
//     saved (StoreStatus::conflict); the app then calls reload() and merges or replaces.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/workbook.h"

namespace crb {

// [SECTION] Key-value backends

class KeyValue {
public:
    virtual ~KeyValue() = default;
    virtual std::optional<std::string> get(const std::string& key) = 0;
    virtual bool set(const std::string& key, const std::string& value) = 0;  // false = quota or unavailable
    virtual void remove(const std::string& key) = 0;
    virtual std::vector<std::string> keys() = 0;
};

// In memory; with a quota (bytes of keys + values, like localStorage) set() fails when it would be
// exceeded and leaves the old value in place.
class MemoryKeyValue : public KeyValue {
public:
    explicit MemoryKeyValue(std::optional<size_t> quota_bytes = std::nullopt) : quota_(quota_bytes) {}
    std::optional<std::string> get(const std::string& key) override;
    bool set(const std::string& key, const std::string& value) override;
    void remove(const std::string& key) override;
    std::vector<std::string> keys() override;

    void set_quota(std::optional<size_t> quota_bytes) { quota_ = quota_bytes; }
    size_t used_bytes() const;
    std::map<std::string, std::string>& raw() { return data_; }  // tests: inspect or corrupt directly

private:
    std::optional<size_t> quota_;
    std::map<std::string, std::string> data_;
};

// A folder, one file per key (key bytes outside [A-Za-z0-9._-] are %-encoded in the file name).
// set() writes a temporary file and renames it over the old one, so a crash leaves old or new.
class FileKeyValue : public KeyValue {
public:
    explicit FileKeyValue(std::string dir);  // creates the folder when missing
    bool usable() const { return usable_; }
    std::optional<std::string> get(const std::string& key) override;
    bool set(const std::string& key, const std::string& value) override;
    void remove(const std::string& key) override;
    std::vector<std::string> keys() override;

private:
    std::string path_for(const std::string& key) const;
    std::string dir_;
    bool usable_ = false;
};

// [SECTION] Status and messages

// Every outcome the UI may show; status_key() gives its i18n key ("store.conflict").
enum class StoreStatus {
    ok,
    not_found,          // no workbook (or backup) with that id
    write_failed,       // storage refused the write: full or unavailable
    verify_failed,      // storage accepted the write but read back something else
    conflict,           // a newer save of this workbook exists (another tab); reload()
    invalid,            // the workbook, name or imported file did not pass validation
    // reported by open() / reload() / import:
    index_repaired,     // the list of workbooks was unreadable or listed a missing workbook
    workbook_readded,   // a stored workbook missing from the list was put back
    corrupt_backed_up,  // a stored workbook could not be read; its text was moved to a backup
    corrupt_kept,       // ... and the backup could not be written: left where it was, not loaded
    migrated,           // an older format was upgraded; the original is kept as a backup
    future_schema,      // saved by a newer version; moved to a backup, not loaded
    orphaned,           // answers for exercises the course no longer has (kept, not shown)
    // reported by sync_list():
    deleted_elsewhere,  // the open workbook was deleted in another tab: kept open here, listed again on its next save
};
const char* status_key(StoreStatus status);

struct StoreMessage {
    StoreStatus status = StoreStatus::ok;
    std::string id;      // workbook concerned, if any
    std::string detail;  // English technical detail (paths, backup key) for logs and the details view
};

// [SECTION] Settings

struct Settings {
    Lang lang = Lang::en;         // interface and content language
    double text_scale = 1.0;      // 0.75-2.0, multiplies the base font size
    std::string theme = "light";  // "light", "dark" or "high_contrast"
    std::string last_place;       // deep link of the last screen, e.g. "#/pl/unit/2/nps" (≤ 200 bytes)
};
// Invalid fields fall back to their defaults, each with a warning; unknown fields are ignored.
Settings parse_settings(std::string_view text, std::vector<std::string>* warnings = nullptr);
std::string serialize_settings(const Settings& s);

// [SECTION] The workbook store

struct WorkbookInfo {
    std::string id, name, updated;
    int64_t rev = 0;
};

struct BackupInfo {
    std::string key;  // "crb:backup:<id>:<n>"
    std::string id;
    int n = 0;
    size_t bytes = 0;
};

class WorkbookStore {
public:
    static constexpr const char* kIndexKey = "crb:index";
    static constexpr const char* kWorkbookPrefix = "crb:wb:";
    static constexpr const char* kBackupPrefix = "crb:backup:";
    static constexpr const char* kSettingsKey = "crb:settings";

    using Clock = std::function<std::string()>;  // ISO 8601 timestamps; injectable for tests
    WorkbookStore(KeyValue& kv, const Course& course, Clock clock = now_utc_iso8601);

    // Reads the index and every workbook, repairing what it can. Always succeeds; returns one message
    // per problem found (empty when all was well). Call again to re-read everything.
    std::vector<StoreMessage> open();

    std::vector<WorkbookInfo> list() const;  // in index order
    const std::string& current_id() const { return current_; }  // "" when there is none
    std::optional<Workbook> current() const;
    std::optional<Workbook> get(const std::string& id) const;  // as last loaded or saved

    struct Created {
        StoreStatus status = StoreStatus::ok;
        std::string id;
        std::vector<std::string> errors;  // validation errors (import)
    };
    // create, duplicate and import store the new workbook and make it current.
    Created create(const std::string& name);
    Created duplicate(const std::string& id, const std::string& name);
    // An exported workbook file; gets a fresh id when its id is taken, and rev 0.
    Created import(std::string_view text);

    // Saves a workbook (new or existing). On success wb.rev and wb.updated are advanced to what was
    // stored. On failure nothing stored changes and wb is untouched; `detail` says why.
    StoreStatus save(Workbook& wb, std::string* detail = nullptr);

    // rename() saves the stored copy, so it advances `rev`: for the workbook you are editing, set
    // wb.name and save(wb) instead, or re-fetch it with get() afterwards.
    StoreStatus rename(const std::string& id, const std::string& name);
    StoreStatus remove(const std::string& id);  // its backups stay (listed by backups())
    StoreStatus select(const std::string& id);

    // Re-reads one workbook from storage (after a conflict). A corrupt entry is handled as in open().
    struct Reloaded {
        StoreStatus status = StoreStatus::ok;
        std::optional<Workbook> workbook;
        std::vector<StoreMessage> messages;
    };
    Reloaded reload(const std::string& id);
    // Catches up with other tabs (after a storage event): workbooks they created or renamed appear
    // in list(), ones they deleted disappear, except the current one, which stays open here with its
    // answers: that is reported once (deleted_elsewhere), and its next save stores it and puts it back
    // in the stored list. Writes nothing except the backups load errors make.
    std::vector<StoreMessage> sync_list();

    std::vector<BackupInfo> backups();
    std::optional<std::string> backup_text(const std::string& key);
    void remove_backup(const std::string& key);
    // Keeps `text` as the next backup of workbook `id` (or returns the key that already holds exactly
    // that text); nullopt when it cannot be written. For a version the app must set aside, e.g. the
    // other tab's edit of the same exercise after a save conflict.
    std::optional<std::string> keep_backup(const std::string& id, const std::string& text);

    Settings settings(std::vector<std::string>* warnings = nullptr) const;
    StoreStatus save_settings(const Settings& s);

    static bool valid_name(std::string_view name);  // non-blank, ≤ 200 bytes, UTF-8, no control chars

private:
    std::string new_id() const;
    bool write_verified(const std::string& key, const std::string& text);
    bool write_index(const std::vector<std::string>& ids, const std::string& current);
    std::set<std::string> stored_ids() const;
    std::optional<std::string> backup_raw(const std::string& id, const std::string& text);
    // Loads one stored workbook into the cache; handles migration and corruption.
    std::optional<Workbook> load_one(const std::string& id, std::vector<StoreMessage>& messages);
    Created add_new(Workbook wb);

    KeyValue& kv_;
    const Course& course_;
    Clock clock_;
    std::vector<std::string> ids_;
    std::string current_;
    bool current_unlisted_ = false;  // the current workbook was deleted in another tab (sync_list)
    std::map<std::string, Workbook> cache_;
};

}  // namespace crb
