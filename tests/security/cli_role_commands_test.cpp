// Every command that changes the station asks who acts: the signed-in operator, checked against
// core's permission matrix (refused: exit code 5, nothing recorded), and recorded in the audit
// chain when allowed. The hot folder (`watch`) alone acts as the scan-only "station".
#include "cli_station_test.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using scanstation::core::Role;
using scanstation::sectest::CliRun;
using scanstation::sectest::CliStationTest;

class CliRoleCommandsTest : public CliStationTest {
protected:
    // A register nobody listens on: a refusal must come before any connection is tried.
    const std::string kRegister = " --register http://127.0.0.1:9 --allow-http";

    void signIn(const std::string& login, const std::string& oneTime, const std::string& chosen) {
        const auto r = run("operator login " + login, oneTime + "\n" + chosen + "\n");
        ASSERT_EQ(r.code, 0) << r.out;
    }

    // A one-time password for an operator that exists already (e.g. one of the demo school's),
    // with the cheap test hash cost.
    void setOneTimePassword(const std::string& login, const std::string& password) {
        using namespace scanstation::core;
        Store store(SealedDataDir(dir / "data", dir / "keys"));
        Accounts accounts(store, PasswordHashCost::Minimal);
        const auto admin = accounts.anyPasswordSet() ? OperatorDirectory(store).find("admin") : std::nullopt;
        accounts.setOneTimePassword(admin, login, password);
    }

    void expectRefused(const std::string& args, const std::string& input = "") {
        const CliRun r = run(args, input);
        EXPECT_EQ(r.code, 5) << args << "\n" << r.out;
        EXPECT_NE(r.out.find("may not"), std::string::npos) << args << "\n" << r.out;
    }
};

} // namespace

TEST_F(CliRoleCommandsTest, ATeacherIsRefusedEveryStationWideChangeAndNothingIsRecorded) {
    bootstrapAdmin();
    seedOperator("nowak", Role::Teacher, "Teacher-one1");
    signIn("nowak", "Teacher-one1", "Teacher-two2");
    const auto roster = rosterFile();
    expectRefused("keys rotate");
    expectRefused("keys export --out '" + (dir / "ring.sealed").string() + "' --for 'station 2'", "Pass-phrase1\n");
    expectRefused("keys import '" + (dir / "ring.sealed").string() + "'", "Pass-phrase1\n");
    expectRefused("roster import " + roster);
    expectRefused("timetable import " + roster); // refused before the file is read
    expectRefused("demo init");
    expectRefused("cards print --outage 1 --format png --out '" + dir.string() + "'");
    expectRefused("sync" + kRegister + " --once --no-pull");
    expectRefused("sync" + kRegister + " pull-roster");
    expectRefused("sync" + kRegister + " pull-timetable");
    expectRefused("sync" + kRegister + " seed-register");
    EXPECT_FALSE(fs::exists(dir / "ring.sealed"));
    for (const auto& line : auditOf("nowak"))
        EXPECT_EQ(line.rfind("account.", 0), 0u) << "a refused command left a trace: " << line;
}

TEST_F(CliRoleCommandsTest, AnAdministratorManagesTheCardKeysAndIsTheOneRecorded) {
    bootstrapAdmin();
    ASSERT_EQ(run("keys rotate --grace-days 10").code, 0);
    const auto file = (dir / "ring.sealed").string();
    const auto exported = run("keys export --out '" + file + "' --for 'station 2'", "Pass-phrase1\n");
    ASSERT_EQ(exported.code, 0) << exported.out;
    const auto imported = run("keys import '" + file + "'", "Pass-phrase1\n");
    EXPECT_EQ(imported.code, 0) << imported.out;
    const auto admin = auditOf("admin");
    EXPECT_TRUE(has(admin, "keys.card_key_rotated"));
    EXPECT_TRUE(has(admin, "keys.card_keys_exported sealed with a passphrase for station 2"));
    EXPECT_TRUE(has(admin, "keys.card_keys_imported"));
}

TEST_F(CliRoleCommandsTest, TheSecretariatRunsDeliveryButNeitherImportsNorConfigures) {
    bootstrapAdmin();
    seedOperator("sekr", Role::Secretariat, "Office-one1");
    signIn("sekr", "Office-one1", "Office-two2");
    const auto delivered = run("sync" + kRegister + " --once --no-pull"); // nothing waits: done at once
    EXPECT_EQ(delivered.code, 0) << delivered.out;
    EXPECT_TRUE(has(auditOf("sekr"), "sync.run one run, delivery only"));
    expectRefused("sync" + kRegister + " pull-roster");
    expectRefused("sync" + kRegister + " seed-register");
    expectRefused("keys rotate");
}

// The systemd sync timer runs with nobody signed in: delivery is then the station's own job.
TEST_F(CliRoleCommandsTest, TheUnattendedSyncTimerDeliversAsTheStationsSyncJob) {
    bootstrapAdmin();
    ASSERT_EQ(run("operator logout").code, 0);
    const auto delivered = run("sync" + kRegister + " --once --no-pull");
    EXPECT_EQ(delivered.code, 0) << delivered.out;
    EXPECT_TRUE(has(auditOf("sync"), "sync.run one run, delivery only"));
    EXPECT_FALSE(has(auditOf("admin"), "sync.run one run, delivery only"));
}

TEST_F(CliRoleCommandsTest, AnInspectorChangesNothingEvenWhatTheStationMayDo) {
    bootstrapAdmin();
    seedOperator("insp", Role::Inspector, "Inspect-one1");
    signIn("insp", "Inspect-one1", "Inspect-two2");
    expectRefused("sync" + kRegister + " --once --no-pull");
    expectRefused("cards print --outage 1 --format png --out '" + dir.string() + "'");
    EXPECT_EQ(run("keys list").code, 0); // reading is allowed
}

// The image purge opens the store and the vault with ONE key directory: with another one the
// keyed file names of the images would match nothing and nothing would be deleted, silently.
TEST_F(CliRoleCommandsTest, ThePurgeUsesTheStoresKeyDirectoryForItsImagesOrRefuses) {
    bootstrapAdmin();
    const auto purged = run("privacy purge-images --keep-days 30");
    EXPECT_EQ(purged.code, 0) << purged.out;
    EXPECT_NE(purged.out.find("0 images of 0 shredded cards deleted"), std::string::npos) << purged.out;
    const auto other = (dir / "other-keys").string();
    ASSERT_EQ(run("keys --keys '" + other + "' init").code, 0);
    const auto mismatched = run("privacy purge-images --keep-days 30 --keys '" + other + "'");
    EXPECT_EQ(mismatched.code, 7) << mismatched.out; // the store does not decrypt with that key
    EXPECT_EQ(run("privacy purge-images --keep-days 30 --keys '" + (dir / "keys").string() + "'").code, 0);
}

// A class teacher prints cards of her own lessons only (print_cards: own lessons), and each
// printed card is recorded as issued by her.
TEST_F(CliRoleCommandsTest, ATeacherPrintsCardsOfHerOwnLessonsOnly) {
    ASSERT_EQ(run("demo init").code, 0); // a station being set up: acts as "station"
    setOneTimePassword("admin", "First-admin1");
    setOneTimePassword("gsikora", "Teacher-one1"); // class teacher T03
    signIn("gsikora", "Teacher-one1", "Teacher-two2");
    const auto week = run("--json timetable show --from 2026-11-23");
    ASSERT_EQ(week.code, 0) << week.out;
    std::string ownSlot, foreignSlot;
    for (const auto& slot : nlohmann::json::parse(week.out.substr(week.out.find('['))))
        (slot["teacher"] == "T03" ? ownSlot : foreignSlot) = std::to_string(slot["id"].get<int>());
    ASSERT_FALSE(ownSlot.empty() || foreignSlot.empty()) << week.out;
    const std::string out = " --format png --dpi 75 --out '" + dir.string() + "'";
    const auto own = run("cards print --slot " + ownSlot + out);
    EXPECT_EQ(own.code, 0) << own.out;
    expectRefused("cards print --slot " + foreignSlot + out);
    // One foreign lesson refuses the whole job.
    expectRefused("cards print --slot " + ownSlot + " --slot " + foreignSlot + out);
    std::vector<std::string> issued;
    for (const auto& line : auditOf("gsikora"))
        if (line.rfind("card.issue", 0) == 0)
            issued.push_back(line);
    EXPECT_EQ(issued.size(), 1u);
}
