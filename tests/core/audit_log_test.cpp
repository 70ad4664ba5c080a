// The audit chain detects entries changed, removed or inserted behind the station's back,
// here with the real sqlite3 shell as someone with access to the file would do it.
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/operators.hpp"
#include "scanstation/core/store.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

using namespace scanstation;
using scanstation::test::TempDir;

namespace {

// A store with five audited changes.
std::filesystem::path storeWithEntries(const TempDir& dir) {
    core::Store store(dir.path());
    core::AuditLog audit(store);
    for (int i = 1; i <= 5; ++i)
        audit.append("admin", "test.entry", "thing:" + std::to_string(i), "entry number " + std::to_string(i));
    return store.databaseFile();
}

core::AuditVerification verify(const TempDir& dir) {
    core::Store store(dir.path());
    return core::AuditLog(store).verify();
}

void tamper(const std::filesystem::path& db, const std::string& sqlText) {
    // The triggers refuse UPDATE/DELETE; whoever tampers drops them first.
    const auto r = test::runSqliteShell(db, "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; " + sqlText);
    ASSERT_EQ(r.exitCode, 0) << r.err;
}

} // namespace

TEST(AuditLog, AnUntouchedChainVerifies) {
    TempDir dir;
    storeWithEntries(dir);
    const auto v = verify(dir);
    EXPECT_TRUE(v.ok) << v.problem;
    EXPECT_EQ(v.entriesChecked, 5);
}

TEST(AuditLog, EntriesCarryWhoWhatAndTheChain) {
    TempDir dir;
    core::Store store(dir.path());
    core::OperatorDirectory(store).add("admin", core::Operator{"jkowalska", "Joanna Kowalska", core::Role::Teacher,
                                                               std::nullopt, true, {}});
    const auto entries = core::AuditLog(store).list();
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].actor, "admin");
    EXPECT_EQ(entries[0].action, "operator.add");
    EXPECT_EQ(entries[0].subject, "operator:jkowalska");
    EXPECT_EQ(entries[0].prevHash, std::string(64, '0'));
    EXPECT_EQ(entries[0].hash, core::AuditLog::entryHash(entries[0]));
}

TEST(AuditLog, TheDatabaseRefusesUpdatesAndDeletes) {
    TempDir dir;
    const auto db = storeWithEntries(dir);
    EXPECT_NE(test::runSqliteShell(db, "UPDATE audit_log SET actor = 'x' WHERE seq = 2").exitCode, 0);
    EXPECT_NE(test::runSqliteShell(db, "DELETE FROM audit_log WHERE seq = 2").exitCode, 0);
    EXPECT_TRUE(verify(dir).ok);
}

TEST(AuditLog, VerifyNamesAChangedEntry) {
    TempDir dir;
    tamper(storeWithEntries(dir), "UPDATE audit_log SET details = 'nothing happened' WHERE seq = 3");
    const auto v = verify(dir);
    EXPECT_FALSE(v.ok);
    EXPECT_EQ(v.firstBadSeq, 3);
    EXPECT_NE(v.problem.find("audit entry 3"), std::string::npos) << v.problem;
    EXPECT_NE(v.problem.find("changed"), std::string::npos) << v.problem;
}

TEST(AuditLog, VerifyNamesAChangedEntryEvenWhenItsHashWasRecomputed) {
    // Rewriting an entry together with its own hash breaks the link to the next entry.
    TempDir dir;
    const auto db = storeWithEntries(dir);
    tamper(db, "UPDATE audit_log SET hash = 'f00d' || substr(hash, 5) WHERE seq = 2");
    const auto v = verify(dir);
    EXPECT_FALSE(v.ok);
    EXPECT_EQ(v.firstBadSeq, 2);
}

TEST(AuditLog, VerifyNamesARemovedEntry) {
    TempDir dir;
    tamper(storeWithEntries(dir), "DELETE FROM audit_log WHERE seq = 2");
    const auto v = verify(dir);
    EXPECT_FALSE(v.ok);
    EXPECT_EQ(v.firstBadSeq, 2);
    EXPECT_NE(v.problem.find("removed"), std::string::npos) << v.problem;
}

TEST(AuditLog, VerifyNamesEntriesRemovedFromTheEnd) {
    TempDir dir;
    tamper(storeWithEntries(dir), "DELETE FROM audit_log WHERE seq >= 4");
    const auto v = verify(dir);
    EXPECT_FALSE(v.ok);
    EXPECT_EQ(v.firstBadSeq, 4);
}

TEST(AuditLog, VerifyNamesAnInsertedEntry) {
    TempDir dir;
    // Shift entries 3..5 up and put a forged entry 3 in between.
    tamper(storeWithEntries(dir),
           "UPDATE audit_log SET seq = seq + 10 WHERE seq >= 3; UPDATE audit_log SET seq = seq - 9 WHERE seq >= 13; "
           "INSERT INTO audit_log SELECT 3, at_ms, 'intruder', 'test.entry', 'thing:x', 'forged', hash, hash "
           "FROM audit_log WHERE seq = 2");
    const auto v = verify(dir);
    EXPECT_FALSE(v.ok);
    EXPECT_EQ(v.firstBadSeq, 3);
}

TEST(AuditLog, CliVerifyExitsWithIntegrityCodeNamingTheEntry) {
    // The CLI encrypts a plain store when it first opens it (docs/SECURITY.md), after which no
    // shell can change a row: tamper with one store before that, and check a twin untouched.
    TempDir good;
    storeWithEntries(good);
    auto ok = test::runCli({"--data", good.path().string(), "audit", "verify"});
    EXPECT_EQ(ok.exitCode, 0) << ok.err;
    TempDir dir;
    const auto db = storeWithEntries(dir);
    tamper(db, "UPDATE audit_log SET actor = 'someone-else' WHERE seq = 4");
    auto bad = test::runCli({"--data", dir.path().string(), "audit", "verify"});
    EXPECT_EQ(bad.exitCode, exitCodeFor(ErrorKind::Integrity));
    EXPECT_NE(bad.err.find("audit entry 4"), std::string::npos) << bad.err;
    auto json = test::runCli({"--data", dir.path().string(), "--json", "audit", "verify"});
    EXPECT_EQ(json.exitCode, 7);
    EXPECT_NE(json.out.find("\"firstBadSeq\": 4"), std::string::npos) << json.out;
}
