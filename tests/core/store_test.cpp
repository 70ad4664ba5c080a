#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/store.hpp"
#include "sql/database.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

using namespace scanstation;
using scanstation::test::TempDir;

namespace {

std::string pragma(core::Store& store, const std::string& name) {
    auto st = store.database().prepare("PRAGMA " + name);
    EXPECT_TRUE(st.step());
    return st.getText(0);
}

std::int64_t count(core::Store& store, const std::string& table) {
    auto st = store.database().prepare("SELECT COUNT(*) FROM " + table);
    st.step();
    return st.getInt(0);
}

} // namespace

TEST(Store, OpensWithWalForeignKeysFullSyncAndBusyTimeout) {
    TempDir dir;
    core::Store store(dir / "data");
    EXPECT_TRUE(std::filesystem::exists(dir / "data" / core::Store::kFileName));
    EXPECT_EQ(pragma(store, "journal_mode"), "wal");
    EXPECT_EQ(pragma(store, "foreign_keys"), "1");
    EXPECT_EQ(pragma(store, "synchronous"), "2"); // FULL
    EXPECT_GT(std::stoi(pragma(store, "busy_timeout")), 0);
    EXPECT_EQ(store.schemaVersion(), core::Store::latestSchemaVersion());
    EXPECT_EQ(store.integrityCheck(), "ok");
}

TEST(Store, RefusesAFileFromANewerProgram) {
    TempDir dir;
    { core::Store store(dir.path()); }
    test::runSqliteShell(dir / core::Store::kFileName, "PRAGMA user_version = 999");
    try {
        core::Store again(dir.path());
        FAIL() << "opened a schema newer than the program";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Conflict);
        EXPECT_NE(std::string(e.what()).find("999"), std::string::npos) << e.what();
    }
}

TEST(Transaction, UncommittedWorkIsRolledBackAndNestedOnesAreSavepoints) {
    TempDir dir;
    core::Store store(dir.path());
    core::AuditLog audit(store);
    {
        core::Transaction outer(store);
        audit.append("tester", "test.one", "x", "");
        {
            core::Transaction inner(store);
            audit.append("tester", "test.two", "x", "");
            // inner not committed: only "test.two" is undone
        }
        outer.commit();
    }
    EXPECT_EQ(count(store, "audit_log"), 1);
    {
        core::Transaction outer(store);
        audit.append("tester", "test.three", "x", "");
    } // rolled back
    EXPECT_EQ(count(store, "audit_log"), 1);
    EXPECT_TRUE(audit.verify().ok);
}

TEST(Transaction, AnExceptionInsideLeavesTheStoreUnchanged) {
    TempDir dir;
    core::Store store(dir.path());
    core::AuditLog audit(store);
    EXPECT_THROW(
        {
            core::Transaction tx(store);
            audit.append("tester", "test.one", "x", "");
            audit.append("", "test.two", "x", ""); // no actor: refused
            tx.commit();
        },
        Error);
    EXPECT_EQ(count(store, "audit_log"), 0);
}
