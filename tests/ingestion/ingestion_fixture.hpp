#pragma once
// A real store in a temp dir with the demo school (roster, timetable, operators) and helpers
// that issue cards and build the readings recognition would deliver for them.
#include "scanstation/core/card_reading.hpp"
#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/clock.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/core/timetable.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

namespace scanstation::testing {

class IngestionTest : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    // A class lesson of the demo timetable (class code, e.g. "2b"), by date and lesson number.
    core::LessonSlot slotOf(const std::string& code, const std::string& date, int lesson);
    // The first lesson of `code` on 2026-11-23 taught by anyone.
    core::LessonSlot firstLessonOf(const std::string& code);
    // Issues a card for a lesson slot (or an outage card when none).
    core::Card issue(std::optional<std::int64_t> slotId, const std::string& templateId = "attendance-a4-v1");
    // A reading of `card` with every row of the class unmarked plus `marks` (field -> value;
    // "?reason" makes the field flagged). `rows` rows of attendance fields are present.
    core::CardReading reading(const core::Card& card, const std::map<std::string, std::string>& marks, int rows = 30);
    // Runs one SQL statement on the store's file through a second connection (test set-up only).
    void sql(const std::string& statement);
    int sqlRc(const std::string& statement); // SQLite's result code, 0 = ok
    // Active pupils of a class by register number.
    std::vector<core::Pupil> pupilsOf(const std::string& classCode);
    // Moves a card accepted -> queued -> acknowledged as the sync worker would.
    void acknowledge(const std::string& serial);

    std::filesystem::path m_dir;
    std::shared_ptr<core::ManualClock> m_clock;
    std::unique_ptr<core::Store> m_store;
    int m_pageCounter = 0;
};

// Demo operators: admin, dyrektor, sekretariat, wizytator (inspector), jkaczmarek (T01, class
// teacher), gsikora (T03, class teacher, mat), abaran (T05, ang), rjakubowski (T13, wf).
inline constexpr const char* kAdmin = "admin";
inline constexpr const char* kSecretariat = "sekretariat";
inline constexpr const char* kInspector = "wizytator";

} // namespace scanstation::testing
