// Store: atomic saves under a quota, index consistency, corrupt and future entries backed up while the
// others load, schema-1 migration keeping the original once, two-tab conflicts, workbook operations,
// settings, and the file backend.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "core/store.h"
#include "tests/unit/test_support.h"

using namespace crb;
using nlohmann::json;
using crb_test::course;

namespace {

// A clock that ticks one second per call, for predictable timestamps.
struct TestClock {
    int t = 0;
    std::string operator()() {
        char buf[32];
        std::snprintf(buf, sizeof buf, "2024-01-01T00:%02d:%02dZ", (t / 60) % 60, t % 60);
        ++t;
        return buf;
    }
};

WorkbookStore make_store(KeyValue& kv) { return WorkbookStore(kv, course(), TestClock{}); }

json index_of(MemoryKeyValue& kv) { return json::parse(kv.raw().at(WorkbookStore::kIndexKey)); }

std::vector<StoreStatus> statuses(const std::vector<StoreMessage>& m) {
    std::vector<StoreStatus> s;
    for (const auto& x : m) s.push_back(x.status);
    return s;
}

// Fails writes to chosen keys, or once stores something else than asked (to test read-back).
class FaultyKeyValue : public MemoryKeyValue {
public:
    std::set<std::string> refuse, garble_once;
    bool set(const std::string& key, const std::string& value) override {
        if (refuse.count(key)) return false;
        if (garble_once.erase(key)) return MemoryKeyValue::set(key, value + " ");
        return MemoryKeyValue::set(key, value);
    }
};

const StoreMessage* find(const std::vector<StoreMessage>& msgs, StoreStatus status, const std::string& id) {
    for (const auto& m : msgs) {
        if (m.status == status && m.id == id) return &m;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("create, list, select, rename, duplicate, delete") {
    MemoryKeyValue kv;
    WorkbookStore store = make_store(kv);
    CHECK(store.open().empty());
    CHECK(store.list().empty());
    CHECK(store.current_id().empty());
    CHECK_FALSE(store.current());
    CHECK(kv.raw().empty());  // opening an empty store writes nothing

    const auto a = store.create("Bakery");
    REQUIRE(a.status == StoreStatus::ok);
    CHECK(is_workbook_id(a.id));
    CHECK(a.id.rfind("wb-", 0) == 0);
    CHECK(store.current_id() == a.id);
    const auto b = store.create("Dental clinic");
    REQUIRE(b.status == StoreStatus::ok);
    CHECK(a.id != b.id);
    CHECK(store.current_id() == b.id);
    REQUIRE(store.list().size() == 2);
    CHECK(store.list()[0].name == "Bakery");
    CHECK(store.list()[1].name == "Dental clinic");
    CHECK(store.list()[0].rev == 1);
    CHECK(index_of(kv) == json{{"ids", {a.id, b.id}}, {"current", b.id}});
    CHECK(json::parse(kv.raw().at("crb:wb:" + a.id))["schema"] == 2);

    CHECK(store.select(a.id) == StoreStatus::ok);
    CHECK(index_of(kv)["current"] == a.id);
    CHECK(store.select("wb-nothere") == StoreStatus::not_found);

    CHECK(store.rename(a.id, "Bakery „Pod Gruszą”") == StoreStatus::ok);
    CHECK(store.get(a.id)->name == "Bakery „Pod Gruszą”");
    CHECK(store.get(a.id)->rev == 2);
    CHECK(store.rename(a.id, "   ") == StoreStatus::invalid);
    CHECK(store.rename(a.id, std::string(201, 'x')) == StoreStatus::invalid);
    CHECK(store.rename("wb-nothere", "x") == StoreStatus::not_found);

    Workbook wa = *store.get(a.id);
    REQUIRE(set_answer(wa, course(), "unit1/blog", {{"rows", {{"content", 2}}}}).ok());
    REQUIRE(store.save(wa) == StoreStatus::ok);
    const auto c = store.duplicate(a.id, "Bakery (copy)");
    REQUIRE(c.status == StoreStatus::ok);
    CHECK(store.current_id() == c.id);
    CHECK(store.get(c.id)->answers == wa.answers);
    CHECK(store.get(c.id)->rev == 1);
    CHECK(store.duplicate("wb-nothere", "x").status == StoreStatus::not_found);

    CHECK(store.remove(c.id) == StoreStatus::ok);
    CHECK(kv.raw().count("crb:wb:" + c.id) == 0);
    CHECK(store.current_id() == a.id);  // the first remaining one
    CHECK(index_of(kv)["ids"] == json{a.id, b.id});
    CHECK(store.remove(c.id) == StoreStatus::not_found);

    // A second instance over the same storage sees the same state.
    WorkbookStore again = make_store(kv);
    CHECK(again.open().empty());
    REQUIRE(again.list().size() == 2);
    CHECK(again.current_id() == a.id);
    CHECK(again.get(a.id)->answers == wa.answers);
}

TEST_CASE("a save that hits the quota changes nothing stored") {
    MemoryKeyValue kv;
    WorkbookStore store = make_store(kv);
    store.open();
    const auto a = store.create("Small");
    Workbook wb = *store.get(a.id);
    REQUIRE(set_answer(wb, course(), "unit1/loyalty", {{"rows", {{{"left", "a"}, {"right", "b"}}}}}).ok());
    REQUIRE(store.save(wb) == StoreStatus::ok);
    CHECK(wb.rev == 2);
    const auto before = kv.raw();

    kv.set_quota(kv.used_bytes() + 100);
    REQUIRE(set_answer(wb, course(), "unit1/loyalty", {{"rows", {{{"left", std::string(5000, 'x')}, {"right", "b"}}}}}).ok());
    const Workbook unsaved = wb;
    std::string detail;
    CHECK(store.save(wb, &detail) == StoreStatus::write_failed);
    CHECK(detail.find("storage refused") != std::string::npos);
    CHECK(kv.raw() == before);     // previous value intact, index untouched
    CHECK(wb.answers == unsaved.answers);  // the caller still has its edits
    CHECK(wb.rev == 2);
    CHECK(store.get(a.id)->rev == 2);

    // Room again: the retry succeeds.
    kv.set_quota(std::nullopt);
    CHECK(store.save(wb) == StoreStatus::ok);
    CHECK(wb.rev == 3);
    WorkbookStore other = make_store(kv);
    other.open();
    CHECK(answer_string(*other.get(a.id), "unit1/loyalty", "/rows/0/left").size() == 5000);
}

TEST_CASE("a new workbook whose index entry cannot be written is not left behind") {
    FaultyKeyValue kv;
    WorkbookStore store = make_store(kv);
    store.open();
    const auto a = store.create("First");
    REQUIRE(a.status == StoreStatus::ok);
    const auto before = kv.raw();
    kv.refuse.insert(WorkbookStore::kIndexKey);
    const auto b = store.create("Second");
    CHECK(b.status == StoreStatus::write_failed);
    CHECK(kv.raw() == before);  // no crb:wb:<id> without an index entry, and the index unchanged
    CHECK(store.list().size() == 1);
    // And removing needs the index first: nothing is deleted when it cannot be written.
    CHECK(store.remove(a.id) == StoreStatus::write_failed);
    CHECK(kv.raw() == before);
}

TEST_CASE("a write that reads back differently is undone") {
    FaultyKeyValue kv;
    WorkbookStore store = make_store(kv);
    store.open();
    const auto a = store.create("First");
    const auto before = kv.raw();
    kv.garble_once.insert("crb:wb:" + a.id);
    Workbook wb = *store.get(a.id);
    wb.name = "Renamed";
    CHECK(store.save(wb) == StoreStatus::verify_failed);
    CHECK(kv.raw() == before);
}

TEST_CASE("open repairs the index in both directions") {
    MemoryKeyValue kv;
    {
        WorkbookStore store = make_store(kv);
        store.open();
        store.create("One");
        store.create("Two");
    }
    const json index = index_of(kv);
    const std::string one = index["ids"][0], two = index["ids"][1];

    SUBCASE("an index entry without its workbook is dropped") {
        kv.remove("crb:wb:" + two);
        WorkbookStore store = make_store(kv);
        const auto msgs = store.open();
        CHECK(statuses(msgs) == std::vector<StoreStatus>{StoreStatus::index_repaired});
        CHECK(msgs[0].id == two);
        REQUIRE(store.list().size() == 1);
        CHECK(store.current_id() == one);
        CHECK(index_of(kv) == json{{"ids", {one}}, {"current", one}});
    }
    SUBCASE("a workbook missing from the index is re-added") {
        kv.set(WorkbookStore::kIndexKey, json{{"ids", {two}}, {"current", two}}.dump());
        WorkbookStore store = make_store(kv);
        CHECK(statuses(store.open()) == std::vector<StoreStatus>{StoreStatus::workbook_readded});
        CHECK(store.list().size() == 2);
        CHECK(index_of(kv)["ids"] == json{two, one});
    }
    SUBCASE("an unreadable index is rebuilt") {
        kv.set(WorkbookStore::kIndexKey, "{not json");
        WorkbookStore store = make_store(kv);
        const auto msgs = store.open();
        REQUIRE(!msgs.empty());
        CHECK(msgs[0].status == StoreStatus::index_repaired);
        CHECK(store.list().size() == 2);
        CHECK(index_of(kv)["ids"].size() == 2);
    }
}

TEST_CASE("corrupt and future entries are backed up while the others load") {
    MemoryKeyValue kv;
    std::string good, bad, future;
    {
        WorkbookStore store = make_store(kv);
        store.open();
        good = store.create("Good").id;
        bad = store.create("Bad").id;
        future = store.create("Future").id;
    }
    const std::string bad_text = R"({"schema":2,"id":")" + bad + R"(","rev":1,"answers":{"unit1/nps":{"respondents":[{"score":42}]}}})";
    kv.set("crb:wb:" + bad, bad_text);
    const std::string future_text = R"({"schema":9,"id":")" + future + R"(","whatever":true})";
    kv.set("crb:wb:" + future, future_text);
    kv.set("crb:wb:wb-garbage", "\x01\x02 not json");

    WorkbookStore store = make_store(kv);
    const auto msgs = store.open();
    CHECK(msgs.size() == 4);
    const StoreMessage* m = find(msgs, StoreStatus::corrupt_backed_up, bad);
    REQUIRE(m);
    CHECK(m->detail == "workbook " + bad +
                           " could not be read (/answers/unit1/nps/respondents/0/score: expected an integer 0-10 "
                           "or null); its text was moved to crb:backup:" + bad + ":1");
    m = find(msgs, StoreStatus::future_schema, future);
    REQUIRE(m);
    CHECK(m->detail == "workbook " + future +
                           " could not be read (/schema: this workbook was saved by a newer version of the tool "
                           "(schema 9; this version reads schemas 1-2)); its text was moved to crb:backup:" + future + ":1");
    CHECK(find(msgs, StoreStatus::workbook_readded, "wb-garbage"));
    m = find(msgs, StoreStatus::corrupt_backed_up, "wb-garbage");
    REQUIRE(m);
    CHECK(m->detail.find("invalid JSON at line 1, column 1") != std::string::npos);

    REQUIRE(store.list().size() == 1);
    CHECK(store.list()[0].id == good);
    CHECK(store.current_id() == good);  // the current one (Future) is gone
    CHECK(kv.raw().count("crb:wb:" + bad) == 0);
    CHECK(index_of(kv)["ids"] == json{good});

    const auto backups = store.backups();
    REQUIRE(backups.size() == 3);
    CHECK(store.backup_text("crb:backup:" + bad + ":1") == bad_text);
    CHECK(store.backup_text("crb:backup:" + future + ":1") == future_text);
    CHECK(store.backup_text("crb:backup:wb-garbage:1") == std::string("\x01\x02 not json"));
    CHECK_FALSE(store.backup_text("crb:settings"));

    // Opening again finds nothing new to repair, and backups are not duplicated.
    WorkbookStore again = make_store(kv);
    CHECK(again.open().empty());
    CHECK(again.backups().size() == 3);
    again.remove_backup("crb:backup:wb-garbage:1");
    CHECK(again.backups().size() == 2);
}

TEST_CASE("when no backup can be written, a corrupt entry is left in place") {
    MemoryKeyValue kv;
    kv.set("crb:wb:wb-broken", "{oops");
    kv.set_quota(kv.used_bytes());
    WorkbookStore store = make_store(kv);
    const auto msgs = store.open();
    REQUIRE(!msgs.empty());
    CHECK(msgs[1].status == StoreStatus::corrupt_kept);
    CHECK(kv.raw().at("crb:wb:wb-broken") == "{oops");
    CHECK(store.list().empty());
}

TEST_CASE("a schema-1 workbook is migrated and its original kept once") {
    MemoryKeyValue kv;
    const std::string original = crb_test::read(crb_test::fixture("workbook_schema1.json"));
    kv.set("crb:wb:wb-legacy01", original);
    kv.set(WorkbookStore::kIndexKey, R"({"ids":["wb-legacy01"],"current":"wb-legacy01"})");

    WorkbookStore store = make_store(kv);
    const auto msgs = store.open();
    REQUIRE(msgs.size() == 2);
    CHECK(msgs[0].status == StoreStatus::migrated);
    CHECK(msgs[0].detail == "workbook wb-legacy01 was upgraded from schema 1; the original is kept as crb:backup:wb-legacy01:1");
    CHECK(msgs[1].status == StoreStatus::orphaned);
    CHECK(msgs[1].detail == "workbook wb-legacy01 keeps answers the course no longer has: unit7/gone");
    CHECK(kv.raw().at("crb:backup:wb-legacy01:1") == original);
    const json stored = json::parse(kv.raw().at("crb:wb:wb-legacy01"));
    CHECK(stored["schema"] == 2);
    CHECK(stored["answers"].contains("unit7/gone"));
    CHECK(store.current()->answers.contains("unit1/nps"));

    // Once only: a second open has nothing to migrate; putting the same original back reuses the backup.
    WorkbookStore again = make_store(kv);
    CHECK(statuses(again.open()) == std::vector<StoreStatus>{StoreStatus::orphaned});
    kv.set("crb:wb:wb-legacy01", original);
    WorkbookStore third = make_store(kv);
    third.open();
    CHECK(third.backups().size() == 1);
}

TEST_CASE("two tabs: a save over a newer stored revision is a conflict") {
    MemoryKeyValue kv;
    WorkbookStore tab_a = make_store(kv);
    tab_a.open();
    const std::string id = tab_a.create("Shared").id;
    WorkbookStore tab_b = make_store(kv);
    tab_b.open();

    Workbook a = *tab_a.get(id), b = *tab_b.get(id);
    REQUIRE(set_answer(a, course(), "unit1/blog", {{"rows", {{"content", 1}}}}).ok());
    REQUIRE(tab_a.save(a) == StoreStatus::ok);
    CHECK(a.rev == 2);

    REQUIRE(set_answer(b, course(), "unit1/blog", {{"rows", {{"content", 5}}}}).ok());
    const auto before = kv.raw();
    std::string detail;
    CHECK(tab_b.save(b, &detail) == StoreStatus::conflict);
    CHECK(detail == "workbook " + id + " was saved elsewhere (stored rev 2, this copy rev 1)");
    CHECK(kv.raw() == before);

    const auto reloaded = tab_b.reload(id);
    REQUIRE(reloaded.status == StoreStatus::ok);
    REQUIRE(reloaded.workbook);
    CHECK(reloaded.workbook->rev == 2);
    CHECK(answer_int(*reloaded.workbook, "unit1/blog", "/rows/content") == 1);
    Workbook merged = *reloaded.workbook;
    REQUIRE(set_value(merged, course(), "unit1/blog", "/rows/author", 4).ok());
    CHECK(tab_b.save(merged) == StoreStatus::ok);
    CHECK(merged.rev == 3);
    CHECK(tab_b.reload("wb-nothere").status == StoreStatus::not_found);
}

TEST_CASE("import gives a fresh id when the id is taken, and validates") {
    MemoryKeyValue kv;
    WorkbookStore store = make_store(kv);
    store.open();
    const std::string original = crb_test::read(crb_test::fixture("workbook_schema1.json"));
    const auto first = store.import(original);
    REQUIRE(first.status == StoreStatus::ok);
    CHECK(first.id == "wb-legacy01");
    const auto second = store.import(original);
    REQUIRE(second.status == StoreStatus::ok);
    CHECK(second.id != "wb-legacy01");
    CHECK(store.list().size() == 2);
    CHECK(store.current_id() == second.id);
    const auto bad = store.import(R"({"schema":2,"id":"wb-x","rev":0,"answers":{"unit1/roi":{"years":0}}})");
    CHECK(bad.status == StoreStatus::invalid);
    CHECK(bad.errors == std::vector<std::string>{"/answers/unit1/roi/years: expected an integer 1-10 or null"});
    CHECK(store.list().size() == 2);
}

TEST_CASE("save refuses invalid workbooks") {
    MemoryKeyValue kv;
    WorkbookStore store = make_store(kv);
    store.open();
    Workbook wb = crb_test::empty_workbook("Bad Id");
    CHECK(store.save(wb) == StoreStatus::invalid);
    wb.id = "wb-ok";
    wb.answers["unit1/nps"] = {{"respondents", {{{"score", 99}}}}};  // bypassing set_answer
    std::string detail;
    CHECK(store.save(wb, &detail) == StoreStatus::invalid);
    CHECK(detail == "/answers/unit1/nps/respondents/0/score: expected an integer 0-10 or null");
    CHECK(kv.raw().empty());
}

TEST_CASE("settings: defaults, round trip, invalid fields fall back") {
    MemoryKeyValue kv;
    WorkbookStore store = make_store(kv);
    const Settings d = store.settings();
    CHECK(d.lang == Lang::en);
    CHECK(d.text_scale == 1.0);
    CHECK(d.theme == "light");
    CHECK(d.last_place.empty());

    Settings s;
    s.lang = Lang::pl;
    s.text_scale = 1.25;
    s.theme = "dark";
    s.last_place = "#/pl/unit/2/nps";
    CHECK(store.save_settings(s) == StoreStatus::ok);
    const Settings back = store.settings();
    CHECK(back.lang == Lang::pl);
    CHECK(back.text_scale == 1.25);
    CHECK(back.theme == "dark");
    CHECK(back.last_place == "#/pl/unit/2/nps");

    s.theme = "neon";
    CHECK(store.save_settings(s) == StoreStatus::invalid);

    kv.set(WorkbookStore::kSettingsKey, R"({"lang":"de","text_scale":9,"theme":"dark","future_field":1})");
    std::vector<std::string> warnings;
    const Settings partial = store.settings(&warnings);
    CHECK(partial.lang == Lang::en);
    CHECK(partial.text_scale == 1.0);
    CHECK(partial.theme == "dark");
    CHECK(warnings == std::vector<std::string>{"settings: /lang: expected \"en\" or \"pl\"",
                                               "settings: /text_scale: expected a number 0.75-2"});
    kv.set(WorkbookStore::kSettingsKey, "garbage");
    warnings.clear();
    CHECK(store.settings(&warnings).theme == "light");
    CHECK(warnings.size() == 1);
}

TEST_CASE("status keys are i18n keys") {
    CHECK(std::string(status_key(StoreStatus::conflict)) == "store.conflict");
    CHECK(std::string(status_key(StoreStatus::write_failed)) == "store.write_failed");
    CHECK(std::string(status_key(StoreStatus::orphaned)) == "store.orphaned");
}

TEST_CASE("FileKeyValue: one file per key, atomic replace, and a store on top") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("crb_store_test_" + std::to_string(std::rand()));
    fs::remove_all(dir);
    {
        FileKeyValue kv(dir.string());
        REQUIRE(kv.usable());
        CHECK_FALSE(kv.get("crb:index"));
        CHECK(kv.set("crb:wb:wb-1", "hello"));
        CHECK(kv.set("crb:wb:wb-1", "hello again"));
        CHECK(kv.set("odd/key with space", "x"));
        CHECK(kv.get("crb:wb:wb-1") == std::string("hello again"));
        CHECK(kv.keys() == std::vector<std::string>{"crb:wb:wb-1", "odd/key with space"});
        CHECK(fs::exists(dir / "crb%3Awb%3Awb-1"));
        kv.remove("odd/key with space");
        CHECK(kv.keys() == std::vector<std::string>{"crb:wb:wb-1"});
        kv.remove("crb:wb:wb-1");

        WorkbookStore store(kv, course(), TestClock{});
        store.open();
        const auto a = store.create("On disk");
        REQUIRE(a.status == StoreStatus::ok);
        WorkbookStore again(kv, course(), TestClock{});
        CHECK(again.open().empty());
        CHECK(again.current()->name == "On disk");
    }
    fs::remove_all(dir);
}

TEST_CASE("sync_list catches up with workbooks another tab created, renamed and deleted") {
    MemoryKeyValue kv;
    WorkbookStore a = make_store(kv);  // two tabs on one storage
    a.open();
    const auto first = a.create("Bakery");
    REQUIRE(first.status == StoreStatus::ok);
    WorkbookStore b = make_store(kv);
    b.open();
    REQUIRE(b.list().size() == 1);

    const auto second = a.create("Dental clinic");
    REQUIRE(second.status == StoreStatus::ok);
    CHECK(b.list().size() == 1);  // not yet: B has not looked
    CHECK(b.sync_list().empty());
    REQUIRE(b.list().size() == 2);
    CHECK(b.list()[1].name == "Dental clinic");
    CHECK(b.current_id() == first.id);  // B's open workbook is unchanged

    REQUIRE(a.rename(second.id, "Dental clinic Smile") == StoreStatus::ok);
    b.sync_list();
    CHECK(b.list()[1].name == "Dental clinic Smile");

    // A deletes both, including the one open in B: B keeps that one (its answers stay open there).
    REQUIRE(a.remove(second.id) == StoreStatus::ok);
    REQUIRE(a.remove(first.id) == StoreStatus::ok);
    b.sync_list();
    REQUIRE(b.list().size() == 1);
    CHECK(b.list()[0].id == first.id);
    REQUIRE(b.current());
    CHECK(b.current()->name == "Bakery");
}

TEST_CASE("the open workbook deleted in another tab is reported once, and its next save lists it again") {
    MemoryKeyValue kv;
    WorkbookStore a = make_store(kv);
    a.open();
    const auto made = a.create("Bakery");
    REQUIRE(made.status == StoreStatus::ok);
    WorkbookStore b = make_store(kv);
    b.open();
    REQUIRE(b.current_id() == made.id);

    REQUIRE(a.remove(made.id) == StoreStatus::ok);  // tab A deletes the workbook tab B has open
    auto msgs = b.sync_list();
    REQUIRE(msgs.size() == 1);
    CHECK(msgs[0].status == StoreStatus::deleted_elsewhere);
    CHECK(msgs[0].id == made.id);
    CHECK(std::string(status_key(msgs[0].status)) == "store.deleted_elsewhere");
    CHECK(b.sync_list().empty());  // once, not on every storage event
    REQUIRE(b.current());

    // Tab B goes on: its save stores the workbook and lists it again, so a new start finds it
    // listed (no "put back" repair) and tab A sees it again.
    Workbook wb = *b.current();
    wb.name = "Bakery (kept)";
    REQUIRE(b.save(wb) == StoreStatus::ok);
    WorkbookStore fresh = make_store(kv);
    for (const auto& m : fresh.open()) CHECK_MESSAGE(m.status != StoreStatus::workbook_readded, m.detail);
    REQUIRE(fresh.list().size() == 1);
    CHECK(fresh.list()[0].name == "Bakery (kept)");
    CHECK(a.sync_list().empty());
    REQUIRE(a.list().size() == 1);
    CHECK(a.list()[0].id == made.id);

    // Deleted again later: reported again.
    REQUIRE(a.remove(made.id) == StoreStatus::ok);
    msgs = b.sync_list();
    REQUIRE(msgs.size() == 1);
    CHECK(msgs[0].status == StoreStatus::deleted_elsewhere);
}
