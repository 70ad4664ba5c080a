// End to end: records of real accepted cards go through a register in fault mode while the
// station's sync process is SIGKILLed and restarted several times. At the end the register
// holds each record exactly once, the outbox is empty, every refusal is in the review queue
// and every card is acknowledged or waits for review.
//
// Size: SCANSTATION_E2E_RECORDS (default 1000); the 10,000-record run is documented in
// sync/README.md. It prints how long it took and how many retries were needed.
#include "sync_test_fixture.hpp"

#include "scanstation/core/card_registry.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <random>
#include <set>
#include <thread>

namespace scanstation::testing {
namespace {

constexpr const char* kFaults =
    "drop-before:60@0.08,drop-after:60@0.08,500:40@0.05,503:20@0.04,429:10@0.03,garbage:40@0.05,"
    "expire-token:10@0.03,revoke-token:10@0.03,conflict:5@0.03,crash:4@0.03,delay:10@0.04,delay-ms=300,"
    "retry-after=1,seed=7";

int recordsWanted() {
    const char* text = std::getenv("SCANSTATION_E2E_RECORDS");
    return text ? std::max(1, std::atoi(text)) : 1000;
}

// The station's sync process: opens its own store, drains the outbox, exits 0 when empty.
[[noreturn]] void runStation(const std::filesystem::path& dataDir, const RegisterProcess& reg) {
    try {
        core::Store store(dataDir);
        sync::RegisterClient client(loopbackEndpoint(reg));
        sync::SyncOptions options;
        options.batchSize = 25;
        options.backoffBase = std::chrono::milliseconds(20);
        options.backoffCap = std::chrono::milliseconds(400);
        options.runBudget = std::chrono::seconds(60);
        const auto report = sync::SyncWorker(store, client, options).runOnce();
        _exit(report.outboxEmpty ? 0 : 3);
    } catch (const std::exception& e) {
        std::cerr << "station: " << e.what() << "\n";
        _exit(4);
    }
}

TEST(EndToEnd, RecordsSurviveFaultsAndStationKillsExactlyOnce) {
    const int wanted = recordsWanted();
    TempDir stationDir, registerDir;
    installDemo(stationDir.path(), wanted > 2000 ? 400 : 0);
    std::set<std::string> serials;
    int records = 0;
    {
        core::Store store(stationDir.path());
        const int lessons = classLessonCount(store);
        for (int slot = 0; records < wanted && slot < lessons; ++slot) {
            CardPlan plan;
            plan.grades = true;
            if (slot % 10 == 3) plan.extraPupilIds = {"not-in-register-" + std::to_string(slot)};
            serials.insert(acceptCards(store, 1, plan, slot).front());
            records = core::Outbox(store).status().waiting;
        }
        ASSERT_GE(records, std::min(wanted, 500)) << "the demo timetable is too small";
    }
    RegisterProcess reg(registerDir.path(), kFaults);
    {
        core::Store store(stationDir.path());
        reg.seed(oneRosterJsonOf(core::Roster(store).snapshot()));
    }

    const auto start = std::chrono::steady_clock::now();
    std::mt19937 random(11);
    int kills = 0, runs = 0;
    for (; runs < 40; ++runs) {
        const pid_t pid = fork();
        if (pid == 0) runStation(stationDir.path(), reg);
        int status = 0;
        if (kills < 5) {
            std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(50, 400)(random)));
            if (waitpid(pid, &status, WNOHANG) == 0) {
                kill(pid, SIGKILL);
                waitpid(pid, &status, 0);
                ++kills;
                continue;
            }
        } else {
            waitpid(pid, &status, 0);
        }
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0) break;
    }
    const auto elapsed = std::chrono::steady_clock::now() - start;

    core::Store store(stationDir.path());
    core::Outbox outbox(store);
    const auto status = outbox.status();
    EXPECT_EQ(status.waiting, 0);
    const auto stats = reg.admin("/admin/stats");
    EXPECT_EQ(stats["receipts"].get<int>(), records) << stats.dump();
    const auto receipts = reg.admin("/admin/receipts");
    for (const auto& receipt : receipts["receipts"])
        ASSERT_EQ(receipt["timesReceived"].get<int>(), 1) << receipt.dump();
    const int refused = stats["rejected"].get<int>() + stats["conflicts"].get<int>();
    EXPECT_EQ(static_cast<int>(outbox.reviewItems().size()), refused);
    EXPECT_EQ(status.acknowledged, records - refused);
    EXPECT_GT(refused, 0); // the cards with unknown pupils
    std::set<std::string> inReview;
    for (const auto& item : outbox.reviewItems()) inReview.insert(item.cardSerial);
    core::CardRegistry cards(store);
    for (const auto& serial : serials) {
        const auto state = cards.find(serial)->state;
        EXPECT_EQ(state, inReview.count(serial) ? core::CardState::NeedsReview : core::CardState::Acknowledged) << serial;
    }
    std::cout << "end-to-end: " << records << " records, " << serials.size() << " cards, "
              << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() << " ms, " << runs + 1
              << " station runs (" << kills << " killed), " << status.link.retries << " failed sends retried, "
              << refused << " refused to review; register faults " << stats["faults"].dump() << "\n";
}

} // namespace
} // namespace scanstation::testing
