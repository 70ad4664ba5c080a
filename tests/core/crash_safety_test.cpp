// SIGKILL at random moments during a large roster import, twenty times: the store is always
// either the old roster or the new one, PRAGMA integrity_check is ok and the audit chain holds.
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/demo_school.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/store.hpp"
#include "test_support.hpp"

#include <chrono>
#include <csignal>
#include <gtest/gtest.h>
#include <random>
#include <sys/wait.h>
#include <thread>

using namespace scanstation;
using scanstation::test::TempDir;

namespace {

// Every pupil's id, class, number and status: equal fingerprints mean equal rosters.
std::string fingerprint(const std::filesystem::path& dataDir) {
    core::Store store(test::cliDataDir(dataDir));
    std::string out = "v" + std::to_string(core::Roster(store).currentVersion()) + "\n";
    for (const auto& p : core::Roster(store).snapshot().pupils)
        out += p.sourcedId + "," + p.classId + "," + std::to_string(p.registerNumber) + "," + core::toString(p.status) + "\n";
    return out;
}

int waitFor(int pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return status;
}

} // namespace

TEST(CrashSafety, KilledRosterImportLeavesOldOrNewRosterTwentyTimes) {
    TempDir dir;
    const auto small = core::writeDemoFiles(core::makeDemoSchool(), dir / "small");
    const auto large = core::writeDemoFiles(core::makeDemoSchool(700), dir / "large");
    const auto base = dir / "base";
    ASSERT_EQ(test::runCli({"--data", base.string(), "roster", "import", small.oneRosterDir.string()}).exitCode, 0);
    const std::string oldRoster = fingerprint(base);

    // One undisturbed run gives the new roster and how long an import takes here.
    const auto reference = dir / "reference";
    std::filesystem::copy(base, reference, std::filesystem::copy_options::recursive);
    const auto started = std::chrono::steady_clock::now();
    const auto done = test::runCli({"--data", reference.string(), "roster", "import", large.oneRosterDir.string()});
    const auto importTime = std::chrono::steady_clock::now() - started;
    ASSERT_EQ(done.exitCode, 0) << done.err;
    const std::string newRoster = fingerprint(reference);
    ASSERT_NE(oldRoster, newRoster);

    const unsigned seed = std::random_device{}();
    std::mt19937 rng(seed);
    const auto maxDelayUs = std::chrono::duration_cast<std::chrono::microseconds>(importTime).count() * 11 / 10;
    std::uniform_int_distribution<long long> delayUs(0, maxDelayUs);
    int sawOld = 0, sawNew = 0;
    for (int round = 1; round <= 20; ++round) {
        const long long delay = delayUs(rng);
        SCOPED_TRACE("round " + std::to_string(round) + ", kill after " + std::to_string(delay) + " us, seed " +
                     std::to_string(seed));
        const auto data = dir / ("round" + std::to_string(round));
        std::filesystem::copy(base, data, std::filesystem::copy_options::recursive);
        const int pid = test::spawnCli({"--data", data.string(), "roster", "import", large.oneRosterDir.string()});
        ASSERT_GT(pid, 0);
        std::this_thread::sleep_for(std::chrono::microseconds(delay));
        kill(pid, SIGKILL);
        waitFor(pid);

        const std::string now = fingerprint(data);
        EXPECT_TRUE(now == oldRoster || now == newRoster) << "the store holds neither the old nor the new roster";
        (now == oldRoster ? sawOld : sawNew)++;
        core::Store store(test::cliDataDir(data));
        EXPECT_EQ(store.integrityCheck(), "ok");
        const auto audit = core::AuditLog(store).verify();
        EXPECT_TRUE(audit.ok) << audit.problem;
        std::filesystem::remove_all(data);
    }
    std::cout << "[ crash    ] import takes " << maxDelayUs * 10 / 11 / 1000 << " ms; after 20 kills the store held the old roster "
              << sawOld << " times, the new one " << sawNew << " times (seed " << seed << ")\n";
}
