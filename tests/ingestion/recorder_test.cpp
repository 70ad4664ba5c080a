// Recording pages: duplicates add nothing, a corrected rescan supersedes with an audit entry,
// a differing rescan of an accepted card never overwrites, pages that are not cards are kept apart.
#include "ingestion_fixture.hpp"

#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/lesson_records.hpp"
#include "scanstation/core/reading_recorder.hpp"
#include "scanstation/core/review_queue.hpp"

#include <sqlite3.h>

namespace scanstation::testing {
namespace {

using namespace core;

class RecorderTest : public IngestionTest {
protected:
    int count(const std::string& table) {
        sqlite3* db = nullptr;
        sqlite3_open(m_store->databaseFile().c_str(), &db);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, ("SELECT COUNT(*) FROM " + table).c_str(), -1, &st, nullptr);
        sqlite3_step(st);
        const int n = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
        sqlite3_close(db);
        return n;
    }
    int rows() { return static_cast<int>(pupilsOf("2b").size()); }
};

// Where the card lay on the page (schema 8) comes back with the reading, bit for bit, so a
// screen can draw on the stored page; a reading without a frame comes back without one.
TEST_F(RecorderTest, TheCardFrameIsKeptWithTheReading) {
    const auto card = issue(firstLessonOf("2b").id);
    auto page = reading(card, {{"row.02.attendance", "?two marks"}}, rows());
    page.frame = CardFrame{{-5.9, 0.21, 1241.5, -0.2, -5.91, 1757.25, 1e-6, -2e-6, 1.0}, 180};
    ReadingRecorder recorder(*m_store);
    ASSERT_EQ(recorder.record(kAdmin, page).outcome, IngestOutcome::NeedsReview);
    const auto stored = ReviewQueue(*m_store).show(kAdmin, card.serial).reading;
    ASSERT_TRUE(stored.frame);
    EXPECT_EQ(stored.frame->mmToPx, page.frame->mmToPx);
    EXPECT_EQ(stored.frame->rotationDegrees, 180);
    const auto p = stored.frame->toPage(10, 10);
    EXPECT_NEAR(p.x, (-59 + 2.1 + 1241.5) / (1 + 1e-5 - 2e-5), 1e-9);

    const auto other = issue(firstLessonOf("2b").id);
    ASSERT_EQ(recorder.record(kAdmin, reading(other, {{"row.02.attendance", "?two marks"}}, rows())).outcome,
              IngestOutcome::NeedsReview);
    EXPECT_FALSE(ReviewQueue(*m_store).show(kAdmin, other.serial).reading.frame);
}

TEST_F(RecorderTest, SamePageAgainAddsNothing) {
    const auto card = issue(firstLessonOf("2b").id);
    const auto page = reading(card, {{"row.02.attendance", "nb"}}, rows());
    ReadingRecorder recorder(*m_store);
    ASSERT_EQ(recorder.record(kAdmin, page).outcome, IngestOutcome::Accepted);
    const int readings = count("card_readings"), audit = count("audit_log"), att = count("attendance_history");
    EXPECT_TRUE(recorder.isRecorded(page.pageHash));
    const auto again = recorder.record(kAdmin, page);
    EXPECT_EQ(again.outcome, IngestOutcome::Duplicate);
    EXPECT_EQ(again.serial, card.serial);
    EXPECT_EQ(count("card_readings"), readings);
    EXPECT_EQ(count("audit_log"), audit);
    EXPECT_EQ(count("attendance_history"), att);
}

TEST_F(RecorderTest, SameCardOnAnotherPageWithTheSameMarksIsADuplicate) {
    const auto card = issue(firstLessonOf("2b").id);
    ReadingRecorder recorder(*m_store);
    ASSERT_EQ(recorder.record(kAdmin, reading(card, {{"row.02.attendance", "nb"}}, rows())).outcome,
              IngestOutcome::Accepted);
    const int att = count("attendance_history");
    EXPECT_EQ(recorder.record(kAdmin, reading(card, {{"row.02.attendance", "nb"}}, rows())).outcome,
              IngestOutcome::Duplicate);
    EXPECT_EQ(count("attendance_history"), att);
}

TEST_F(RecorderTest, CorrectedRescanSupersedesTheEarlierReadingWithAnAuditEntry) {
    const auto card = issue(firstLessonOf("2b").id);
    ReadingRecorder recorder(*m_store);
    const auto first = recorder.record(kAdmin, reading(card, {{"row.02.attendance", "?faint_mark"}}, rows()));
    ASSERT_EQ(first.outcome, IngestOutcome::NeedsReview);
    const auto second = recorder.record(kAdmin, reading(card, {{"row.02.attendance", "nb"}}, rows()));
    EXPECT_EQ(second.outcome, IngestOutcome::Accepted);
    EXPECT_TRUE(second.supersededEarlier);
    EXPECT_TRUE(ReviewQueue(*m_store).list(kAdmin, {true, card.serial}).empty());
    AuditQuery q;
    q.actionPrefix = "reading.supersede";
    const auto entries = AuditLog(*m_store).list(q);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries.front().subject, "card:" + card.serial);
    EXPECT_NE(entries.front().details.find("row.02.attendance"), std::string::npos);
    EXPECT_TRUE(AuditLog(*m_store).verify().ok);
}

TEST_F(RecorderTest, DifferingRescanOfAnAcceptedCardIsHeldAndChangesNothingRecorded) {
    const auto slot = firstLessonOf("2b");
    const auto card = issue(slot.id);
    ReadingRecorder recorder(*m_store);
    ASSERT_EQ(recorder.record(kAdmin, reading(card, {{"row.02.attendance", "nb"}}, rows())).outcome,
              IngestOutcome::Accepted);
    const auto r = recorder.record(kAdmin, reading(card, {{"row.02.attendance", "u"}}, rows()));
    EXPECT_EQ(r.outcome, IngestOutcome::NeedsReview);
    EXPECT_EQ(LessonRecords(*m_store).attendance(slot.id, pupilsOf("2b")[1].sourcedId).value_or(""), "nb");
    const auto items = ReviewQueue(*m_store).list(kAdmin, {true, card.serial});
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items.front().code, "rescan_differs");
    EXPECT_TRUE(items.front().administratorOnly);
    EXPECT_EQ(CardRegistry(*m_store).find(card.serial)->state, CardState::Queued);
}

TEST_F(RecorderTest, PagesThatAreNotCardsAreCountedApart) {
    CardReading page;
    page.pageHash = std::string(64, 'b');
    page.source = "back.png";
    page.status = PageStatus::Blank;
    ReadingRecorder recorder(*m_store);
    EXPECT_EQ(recorder.record(kAdmin, page).outcome, IngestOutcome::NotACard);
    EXPECT_EQ(recorder.record(kAdmin, page).outcome, IngestOutcome::Duplicate);
}

TEST_F(RecorderTest, InspectorMayNotScanButTheUnattendedStationMay) {
    const auto card = issue(firstLessonOf("2b").id);
    ReadingRecorder recorder(*m_store);
    EXPECT_THROW(recorder.record(kInspector, reading(card, {}, rows())), Error);
    EXPECT_THROW(recorder.record("nobody", reading(card, {}, rows())), Error);
    EXPECT_EQ(recorder.record("station", reading(card, {}, rows())).outcome, IngestOutcome::Accepted);
}

} // namespace
} // namespace scanstation::testing
