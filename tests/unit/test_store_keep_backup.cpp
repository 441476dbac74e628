// WorkbookStore::keep_backup: the app sets the other tab's version aside with it after a save
// conflict where both tabs changed the same exercise (app/ui/app.cpp, resolve_conflict).
#include <doctest/doctest.h>

#include "core/store.h"
#include "tests/unit/test_support.h"

using namespace crb;

TEST_CASE("keep_backup numbers backups per workbook, reuses an identical one, and refuses bad ids or no room") {
    MemoryKeyValue kv;
    WorkbookStore store(kv, crb_test::course(), [] { return std::string("2024-01-01T00:00:00Z"); });
    store.open();
    CHECK(store.keep_backup("wb-a", "one") == std::optional<std::string>("crb:backup:wb-a:1"));
    CHECK(store.keep_backup("wb-a", "two") == std::optional<std::string>("crb:backup:wb-a:2"));
    CHECK(store.keep_backup("wb-a", "one") == std::optional<std::string>("crb:backup:wb-a:1"));
    CHECK(store.keep_backup("wb-b", "one") == std::optional<std::string>("crb:backup:wb-b:1"));
    CHECK(store.backup_text("crb:backup:wb-a:2") == std::optional<std::string>("two"));
    CHECK_FALSE(store.keep_backup("../x", "three"));
    CHECK_FALSE(store.keep_backup("", "three"));
    kv.set_quota(kv.used_bytes() + 10);
    CHECK_FALSE(store.keep_backup("wb-a", "a text that does not fit"));
    CHECK(store.backups().size() == 3);
}
