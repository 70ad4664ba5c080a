// `scanstation sync --once` and `scanstation sync status` as a person runs them.
#include "sync_test_fixture.hpp"

#include "scanstation/core/key_store.hpp"

#include <cstdio>
#include <sys/wait.h>

namespace scanstation::testing {
namespace {

struct Run {
    int exitCode = -1;
    std::string out;
};

Run runShell(const std::string& commandLine) {
    Run run;
    const std::string command = commandLine + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    char buffer[4096];
    while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) run.out.append(buffer, n);
    const int status = pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

Run runCli(const std::string& args) { return runShell(std::string(SCANSTATION_CLI) + " " + args); }

class CliSync : public SyncFixture {};

TEST_F(CliSync, OnceDeliversAndStatusTellsTheTruth) {
    startRegister();
    const auto serials = acceptCards(*store, 1);
    store.reset(); // the CLI opens the store itself
    const std::string data = "--data " + stationDir.path().string();

    const auto before = runCli(data + " sync status");
    EXPECT_EQ(before.exitCode, 0);
    EXPECT_NE(before.out.find("NOT DONE"), std::string::npos) << before.out;

    const std::string conn = " --register " + reg->url() + " --client scanstation:scanstation-secret --allow-http";
    reg->stop();
    const auto offline = runCli(data + " sync" + conn + " --once --budget 1");
    EXPECT_NE(offline.exitCode, 0) << offline.out;
    EXPECT_NE(offline.out.find("still waiting"), std::string::npos) << offline.out;
    const auto offlineStatus = runCli(data + " sync status");
    EXPECT_NE(offlineStatus.out.find("OFFLINE since"), std::string::npos) << offlineStatus.out;

    reg->start();
    const auto sent = runCli(data + " sync" + conn + " --once");
    EXPECT_EQ(sent.exitCode, 0) << sent.out;
    const auto after = runCli(data + " sync status");
    EXPECT_EQ(after.out.rfind("All records are in the register.", 0), 0u) << after.out;
    EXPECT_NE(after.out.find("online since"), std::string::npos) << after.out;
    const auto json = runCli(data + " --json sync status");
    EXPECT_NE(json.out.find("\"allDelivered\":true"), std::string::npos) << json.out;
}

// `scanstation sync` pulls the register's timetable first, then delivers; a refused record is
// settled by an administrator with `scanstation review` like any other review item.
TEST_F(CliSync, SyncPullsTheTimetableAndRefusalsAreSettledInReview) {
    startRegister();
    const std::string serial = scanCleanCard(*store, "2b", {{"row.02.attendance", "nb"}});
    core::OutboxRecord present;
    for (const auto& r : core::Outbox(*store).waiting())
        if (r.kind == core::OutboxKind::Attendance && r.value == "ob" && present.recordId.empty()) present = r;
    reg->admin("/admin/online", {{"class", present.classId}, {"date", present.date},
                                 {"lessonNumber", present.lessonNumber}, {"student", present.pupilId}, {"code", "sp"}});
    const core::Roster roster(*store);
    const auto cls = roster.classes().front();
    reg->seed({{"lessonSlots",
                {{{"sourcedId", cls.sourcedId + "~2027-03-01~1"},
                  {"dateLastModified", "2026-11-20T10:00:00.000Z"},
                  {"lesson", {{"class", {{"sourcedId", cls.sourcedId}}}, {"date", "2027-03-01"}, {"lessonNumber", 1}}},
                  {"subject", {{"code", roster.subjects().front().code}}},
                  {"teacher", {{"sourcedId", roster.teachers().front().sourcedId}}}}}}});
    store.reset();
    const std::string data = "--data " + stationDir.path().string();
    const std::string conn = " --register " + reg->url() + " --client scanstation:scanstation-secret --allow-http";

    const auto sent = runCli(data + " sync" + conn + " --once");
    EXPECT_EQ(sent.exitCode, 0) << sent.out;
    EXPECT_NE(sent.out.find("timetable: 1 lesson(s) added"), std::string::npos) << sent.out;
    EXPECT_NE(sent.out.find("1 refused"), std::string::npos) << sent.out;
    const auto refused = runCli(data + " sync review");
    EXPECT_NE(refused.out.find("[review item "), std::string::npos) << refused.out;

    // Operators act signed in: give the demo administrator a password, then decide.
    ASSERT_EQ(runShell("printf 'Once-admin1\\n' | " + std::string(SCANSTATION_CLI) + " " + data +
                     " operator passwd admin --reset").exitCode, 0);
    ASSERT_EQ(runShell("printf 'Once-admin1\\nDemo-pass1\\n' | " + std::string(SCANSTATION_CLI) + " " + data +
                     " operator passwd admin").exitCode, 0);
    const std::string admin = "printf 'Demo-pass1\\n' | " + std::string(SCANSTATION_CLI) + " " + data +
                              " --operator admin --password-stdin ";
    const auto list = runShell(admin + "--json review list");
    ASSERT_EQ(list.exitCode, 0) << list.out;
    const auto first = list.out.find('['), last = list.out.rfind(']'); // stderr notes may surround it
    ASSERT_NE(first, std::string::npos) << list.out;
    const auto items = nlohmann::json::parse(list.out.substr(first, last - first + 1));
    ASSERT_EQ(items.size(), 1u) << list.out;
    EXPECT_EQ(items[0]["code"], "register_conflict");
    const auto resolved = runShell(admin + "review resolve " + std::to_string(items[0]["id"].get<int>()) +
                                 " --value u --why 'parents excused the late arrival'");
    EXPECT_EQ(resolved.exitCode, 0) << resolved.out;
    EXPECT_NE(resolved.out.find("is queued"), std::string::npos) << resolved.out;
    const auto resent = runShell(admin + "sync" + conn + " --once --no-pull"); // accounts exist: a person runs it
    EXPECT_EQ(resent.exitCode, 0) << resent.out;
    const auto after = runCli(data + " sync status");
    EXPECT_EQ(after.out.rfind("All records are in the register.", 0), 0u) << after.out;
    // The CLI encrypted the store with the key directory of this environment: name it.
    core::Store reopened(core::SealedDataDir(stationDir.path(), core::KeyStore::defaultDir()));
    EXPECT_TRUE(core::Timetable(reopened).find(core::Date{2027, 3, 1}, 1, cls.code));
    EXPECT_EQ(core::CardRegistry(reopened).find(serial)->state, core::CardState::Acknowledged);
}

TEST(CliSyncRules, PlainHttpToAnotherHostIsRefused) {
    TempDir dir;
    const auto run = runCli("--data " + dir.path().string() + " sync --register http://192.0.2.1 --allow-http --once");
    EXPECT_NE(run.exitCode, 0);
    EXPECT_NE(run.out.find("only to 127.0.0.1"), std::string::npos) << run.out;
}

} // namespace
} // namespace scanstation::testing
