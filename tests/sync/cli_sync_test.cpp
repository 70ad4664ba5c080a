// `scanstation sync --once` and `scanstation sync status` as a person runs them.
#include "sync_test_fixture.hpp"

#include <cstdio>
#include <sys/wait.h>

namespace scanstation::testing {
namespace {

struct Run {
    int exitCode = -1;
    std::string out;
};

Run runCli(const std::string& args) {
    Run run;
    const std::string command = std::string(SCANSTATION_CLI) + " " + args + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    char buffer[4096];
    while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) run.out.append(buffer, n);
    const int status = pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

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

TEST(CliSyncRules, PlainHttpToAnotherHostIsRefused) {
    TempDir dir;
    const auto run = runCli("--data " + dir.path().string() + " sync --register http://192.0.2.1 --allow-http --once");
    EXPECT_NE(run.exitCode, 0);
    EXPECT_NE(run.out.find("only to 127.0.0.1"), std::string::npos) << run.out;
}

} // namespace
} // namespace scanstation::testing
