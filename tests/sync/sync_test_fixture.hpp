#pragma once
// A station with the demo school and a reference register seeded with the same roster.
#include "station_fixture.hpp"

#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/outbox.hpp"
#include "scanstation/sync/sync_worker.hpp"

#include <gtest/gtest.h>

namespace scanstation::testing {

class SyncFixture : public ::testing::Test {
protected:
    void startRegister(const std::string& faults = "", std::vector<std::string> extraArgs = {}) {
        reg = std::make_unique<RegisterProcess>(registerDir.path(), faults, std::move(extraArgs));
        reg->seed(oneRosterJsonOf(core::Roster(*store).snapshot()));
    }
    void SetUp() override {
        installDemo(stationDir.path());
        store = std::make_unique<core::Store>(stationDir.path());
    }
    sync::SyncRunReport syncNow(sync::RegisterClient& client, std::chrono::seconds budget = std::chrono::seconds(30)) {
        sync::SyncOptions options;
        options.backoffBase = std::chrono::milliseconds(20);
        options.backoffCap = std::chrono::milliseconds(200);
        options.runBudget = budget;
        return sync::SyncWorker(*store, client, options).runOnce();
    }
    core::CardState stateOf(const std::string& serial) { return core::CardRegistry(*store).find(serial)->state; }
    std::string classOfCard(const std::string& serial) {
        const auto card = core::CardRegistry(*store).find(serial);
        const auto slot = core::Timetable(*store).slot(*card->lessonSlotId);
        return core::Roster(*store).classByCode(slot->classOrGroupCode)->sourcedId;
    }

    TempDir stationDir;
    TempDir registerDir;
    std::unique_ptr<core::Store> store;
    std::unique_ptr<RegisterProcess> reg;
};

} // namespace scanstation::testing
