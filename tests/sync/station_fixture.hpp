#pragma once
// A station store with the demo school, the same roster seeded into a reference register, and
// accepted cards whose records wait in the outbox.
#include "register_process.hpp"

#include "scanstation/core/card_validation.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/sync/register_client.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace scanstation::testing {

// A fresh temporary directory, removed at the end of the test.
class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

// The roster in the register's seed format (OneRoster JSON), same sourcedIds as the station.
nlohmann::json oneRosterJsonOf(const core::RosterSnapshot& roster, const std::string& modified = "");

// Installs the demo school into a new store in `dataDir`.
void installDemo(const std::filesystem::path& dataDir, int extraPupils = 0);

struct CardPlan {
    bool grades = false;
    std::string absentCode = "nb"; // every third pupil gets it; others are present ("ob")
    std::vector<std::string> extraPupilIds; // rows for pupils the register does not know
};

// Issues `count` cards on distinct class lessons, accepts them and enqueues their records.
// Returns the serials.
std::vector<std::string> acceptCards(core::Store& store, int count, const CardPlan& plan = {}, int firstSlot = 0);

// Class lessons of the demo timetable available for cards.
int classLessonCount(core::Store& store);

// The lesson draft acceptCards built for a card's slot (for tests that send by hand).
core::LessonDraft draftFor(core::Store& store, std::int64_t slotId, const CardPlan& plan);

// Scans a card the way ingestion records it (a real reading through core::ReadingRecorder): a
// card for the first lesson of `classCode` on the demo's first day, with `marks` (field id ->
// value, e.g. {"row.02.attendance", "nb"}) and nothing else marked. The card is accepted and
// its records wait in the outbox. Returns the serial.
std::string scanCleanCard(core::Store& store, const std::string& classCode,
                          const std::map<std::string, std::string>& marks);

sync::RegisterEndpoint loopbackEndpoint(const RegisterProcess& reg);

} // namespace scanstation::testing
