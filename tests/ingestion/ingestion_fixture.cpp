#include "ingestion_fixture.hpp"

#include "scanstation/core/demo_school.hpp"
#include "scanstation/core/error.hpp"

#include <sqlite3.h>

#include <random>

namespace scanstation::testing {

namespace fs = std::filesystem;

void IngestionTest::SetUp() {
    std::random_device rd;
    m_dir = fs::temp_directory_path() / ("ingestion-test-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(m_dir);
    // Monday 2026-11-23 10:00 UTC, the first day of the demo timetable.
    m_clock = std::make_shared<core::ManualClock>(core::TimePoint(std::chrono::seconds(1795428000)));
    m_store = std::make_unique<core::Store>(m_dir / "data", m_clock);
    const auto report = core::installDemoSchool(*m_store, kAdmin, m_dir / "demo");
    ASSERT_TRUE(report.ok()) << (report.problems.empty() ? "" : report.problems.front().reason);
}

void IngestionTest::TearDown() {
    m_store.reset();
    std::error_code ec;
    fs::remove_all(m_dir, ec);
}

core::LessonSlot IngestionTest::slotOf(const std::string& code, const std::string& date, int lesson) {
    const auto slot = core::Timetable(*m_store).find(*core::Date::parse(date), lesson, code);
    if (!slot)
        throw Error(ErrorKind::NotFound, "no demo lesson " + code + " " + date + " " + std::to_string(lesson));
    return *slot;
}

core::LessonSlot IngestionTest::firstLessonOf(const std::string& code) {
    for (const auto& s : core::Timetable(*m_store).onDate(*core::Date::parse("2026-11-23")))
        if (s.classOrGroupCode == code)
            return s;
    throw Error(ErrorKind::NotFound, "no lesson of " + code + " on 2026-11-23");
}

core::Card IngestionTest::issue(std::optional<std::int64_t> slotId, const std::string& templateId) {
    core::CardIssueRequest request;
    request.templateId = templateId;
    request.lessonSlotId = slotId;
    return core::CardRegistry(*m_store).issue(kAdmin, request);
}

core::CardReading IngestionTest::reading(const core::Card& card, const std::map<std::string, std::string>& marks,
                                         int rows) {
    core::CardReading r;
    char hash[65];
    std::snprintf(hash, sizeof hash, "%064x", ++m_pageCounter);
    r.pageHash = hash;
    r.source = "test-page-" + std::to_string(m_pageCounter) + ".png";
    r.status = core::PageStatus::Read;
    r.card = core::CardIdentityReading{card.serial, card.templateId, card.templateVersion, true, card.lessonSlotId,
                                       card.rosterVersion};
    std::map<std::string, std::string> all;
    if (card.templateId != "grade-a4-v1")
        for (int row = 1; row <= rows; ++row) {
            char id[32];
            std::snprintf(id, sizeof id, "row.%02d.attendance", row);
            all[id] = "";
        }
    for (const auto& [id, value] : marks)
        all[id] = value;
    for (const auto& [id, value] : all) {
        core::FieldReading f;
        f.fieldId = id;
        if (value.empty()) {
            f.state = core::FieldState::Nothing;
        } else if (value[0] == '?') {
            f.state = core::FieldState::Flagged;
            f.reason = value.substr(1);
            r.status = core::PageStatus::NeedsReview;
        } else {
            f.state = core::FieldState::Value;
            std::string v = value;
            for (std::size_t comma; (comma = v.find(',')) != std::string::npos; v = v.substr(comma + 1))
                f.values.push_back(v.substr(0, comma));
            f.values.push_back(v);
        }
        r.fields.push_back(f);
    }
    return r;
}

int IngestionTest::sqlRc(const std::string& statement) {
    sqlite3* db = nullptr;
    if (sqlite3_open(m_store->databaseFile().c_str(), &db) != SQLITE_OK)
        return -1;
    sqlite3_busy_timeout(db, 5000);
    const int rc = sqlite3_exec(db, statement.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc;
}

void IngestionTest::sql(const std::string& statement) {
    ASSERT_EQ(sqlRc(statement), SQLITE_OK) << statement;
}

std::vector<core::Pupil> IngestionTest::pupilsOf(const std::string& classCode) {
    core::Roster roster(*m_store);
    return roster.pupilsOfClass(roster.classByCode(classCode)->sourcedId);
}

void IngestionTest::acknowledge(const std::string& serial) {
    core::CardRegistry cards(*m_store);
    if (cards.find(serial)->state == core::CardState::Accepted)
        cards.transition("station", serial, core::CardState::Queued, "sent to the register");
    cards.transition("station", serial, core::CardState::Acknowledged, "register acknowledged");
}

} // namespace scanstation::testing
