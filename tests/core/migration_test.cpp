// Every earlier schema version upgrades to the latest, and the checked-in v1 fixture (a real
// station file of schema version 1, see fixtures/README.md) upgrades with its data intact.
#include "migrations/migration.hpp"
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/demo_school.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/store.hpp"
#include "sql/database.hpp"
#include "test_support.hpp"

#include <array>
#include <chrono>
#include <gtest/gtest.h>

using namespace scanstation;
using scanstation::test::TempDir;

namespace {

std::filesystem::path databaseAtVersion(const TempDir& dir, int version) {
    const auto file = dir / core::Store::kFileName;
    core::sql::Database db(file);
    core::migrations::migrate(db, version);
    EXPECT_EQ(db.userVersion(), version);
    return file;
}

} // namespace

TEST(Migrations, ListIsNumberedFromOne) {
    EXPECT_GE(core::Store::latestSchemaVersion(), 2);
    for (const auto* m : core::migrations::migrationList())
        EXPECT_NE(std::string(m->name), "");
}

TEST(Migrations, EveryEarlierVersionUpgradesToTheLatest) {
    for (int from = 0; from < core::Store::latestSchemaVersion(); ++from) {
        SCOPED_TRACE("from schema version " + std::to_string(from));
        TempDir dir;
        databaseAtVersion(dir, from);
        core::Store store(dir.path());
        EXPECT_EQ(store.schemaVersion(), core::Store::latestSchemaVersion());
        EXPECT_EQ(store.integrityCheck(), "ok");
        // The upgraded store works: a roster imports, a card is issued, the chain verifies.
        const auto report = core::installDemoSchool(store, "tester", dir / "demo");
        ASSERT_TRUE(report.ok()) << test::describe(report.problems);
        core::CardRegistry(store).issue("tester", {"attendance-a4", 1, std::nullopt, ""});
        EXPECT_TRUE(core::AuditLog(store).verify().ok);
    }
}

TEST(Migrations, VersionOneFixtureUpgradesWithItsDataAndChainIntact) {
    TempDir dir;
    const std::string dump = test::readFile(std::filesystem::path(SCANSTATION_CORE_FIXTURES) / "store_v1.sql");
    ASSERT_FALSE(dump.empty());
    {
        core::sql::Database db(dir / core::Store::kFileName);
        db.exec(dump);
        ASSERT_EQ(db.userVersion(), 1);
    }
    core::Store store(dir.path());
    EXPECT_EQ(store.schemaVersion(), core::Store::latestSchemaVersion());
    core::Roster roster(store);
    EXPECT_EQ(roster.currentVersion(), 1);
    const auto pupils = roster.pupilsOfClass("class-1a");
    ASSERT_EQ(pupils.size(), 3u);
    EXPECT_EQ(pupils[0].familyName, "Łukasik");
    const auto verification = core::AuditLog(store).verify();
    EXPECT_TRUE(verification.ok) << verification.problem;
    EXPECT_EQ(verification.entriesChecked, 4);
    // New tables of later versions are usable on the upgraded file.
    const auto card = core::CardRegistry(store).issue("tester", {"attendance-a4", 1, std::nullopt, ""});
    EXPECT_EQ(card.rosterVersion, 1);
}

TEST(Migrations, AFailedMigrationLeavesThePreviousVersion) {
    TempDir dir;
    const auto file = databaseAtVersion(dir, 1);
    // Make migration 2 fail half-way: its table name is taken.
    test::runSqliteShell(file, "CREATE INDEX cards_state_x ON terms(title); CREATE TABLE card_transitions (x);");
    core::sql::Database db(file);
    EXPECT_THROW(core::migrations::migrate(db), Error);
    EXPECT_EQ(db.userVersion(), 1);
    auto st = db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('lesson_slots', 'cards')");
    st.step();
    EXPECT_EQ(st.getInt(0), 0) << "a half-applied migration was kept";
}

// Generator of fixtures/store_v1.sql (run once when schema version 1 was released, with
// --gtest_also_run_disabled_tests --gtest_filter=*GenerateStoreV1*). The fixture is frozen:
// it must keep representing a version-1 file even after migration 1's source changes.
TEST(Migrations, DISABLED_GenerateStoreV1Fixture) {
    TempDir dir;
    const auto file = databaseAtVersion(dir, 1);
    {
        core::sql::Database db(file);
        db.exec(R"sql(
INSERT INTO school VALUES (1, 'org-sp7', 'Szkoła Podstawowa nr 7 w Łodzi');
INSERT INTO school_year VALUES (1, 'ay-2026', '2026/2027', '2026-09-01', '2027-08-31');
INSERT INTO teachers VALUES ('T01', 'Joanna', 'Kaczmarek', 1);
INSERT INTO classes VALUES ('class-1a', '1a', 'Klasa 1a', 'T01', 1);
INSERT INTO pupils VALUES ('P1', 'Żaneta', 'Łukasik', 'class-1a', 1, 'active');
INSERT INTO pupils VALUES ('P2', 'Jan', 'Nowak', 'class-1a', 2, 'active');
INSERT INTO pupils VALUES ('P3', 'Ewa', 'Ślusarczyk', 'class-1a', 3, 'active');
INSERT INTO roster_versions VALUES (1, 1790000000000, 'admin', 'roster.csv', 'fixture');
INSERT INTO roster_changes VALUES (1, 1, 'joined', 'P1', 'Łukasik Żaneta in 1a no. 1');
INSERT INTO roster_changes VALUES (1, 2, 'joined', 'P2', 'Nowak Jan in 1a no. 2');
INSERT INTO roster_changes VALUES (1, 3, 'joined', 'P3', 'Ślusarczyk Ewa in 1a no. 3');
INSERT INTO operators VALUES ('admin', 'Halina Administratorska', 'administrator', NULL, 1, 1790000000000);
)sql");
        std::string prev(64, '0');
        const std::vector<std::array<std::string, 3>> entries = {
            {"operator.add", "operator:admin", "role administrator"},
            {"roster.joined", "pupil:P1", "roster v1: Łukasik Żaneta in 1a no. 1"},
            {"roster.joined", "pupil:P2", "roster v1: Nowak Jan in 1a no. 2"},
            {"roster.import", "roster:v1", "3 changes from roster.csv"},
        };
        std::int64_t seq = 0;
        for (const auto& [action, subject, details] : entries) {
            core::AuditEntry e;
            e.seq = ++seq;
            e.at = core::TimePoint(std::chrono::milliseconds(1790000000000 + seq));
            e.actor = "admin";
            e.action = action;
            e.subject = subject;
            e.details = details;
            e.prevHash = prev;
            e.hash = core::AuditLog::entryHash(e);
            db.prepare("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(1, e.seq).bind(2, 1790000000000 + seq).bind(3, e.actor).bind(4, e.action).bind(5, e.subject)
                .bind(6, e.details).bind(7, e.prevHash).bind(8, e.hash).run();
            prev = e.hash;
        }
        db.prepare("UPDATE audit_head SET last_seq = ?, last_hash = ?").bind(1, seq).bind(2, prev).run();
    }
    const auto dump = test::runSqliteShell(file, ".dump");
    ASSERT_EQ(dump.exitCode, 0);
    test::writeFile(std::filesystem::path(SCANSTATION_CORE_FIXTURES) / "store_v1.sql",
                    "-- Schema version 1 store, generated by Migrations.DISABLED_GenerateStoreV1Fixture.\n"
                    "PRAGMA user_version = 1;\n" + dump.out);
}
