// Every validation rule of issue 5, each checked through the recorder on a real store.
#include "ingestion_fixture.hpp"

#include "scanstation/core/card_validation.hpp"
#include "scanstation/core/demo_school.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/lesson_records.hpp"
#include "scanstation/core/period_locks.hpp"
#include "scanstation/core/reading_recorder.hpp"
#include "scanstation/core/review_queue.hpp"
#include "scanstation/core/roster_import.hpp"

#include <algorithm>

namespace scanstation::testing {
namespace {

using namespace core;

bool hasFinding(const RecordResult& r, const std::string& code, const std::string& field = "*") {
    return std::any_of(r.findings.begin(), r.findings.end(), [&](const Finding& f) {
        return f.code == code && (field == "*" || f.fieldId == field);
    });
}

std::string codes(const RecordResult& r) {
    std::string s;
    for (const auto& f : r.findings)
        s += f.code + "@" + f.fieldId + " (" + f.message + ")\n";
    return s;
}

class ValidationTest : public IngestionTest {};

TEST_F(ValidationTest, CleanCardBecomesLessonRecordsWithPresentForUnmarkedRows) {
    const auto slot = firstLessonOf("2b");
    const auto card = issue(slot.id);
    const auto pupils = pupilsOf("2b");
    auto r = ReadingRecorder(*m_store).record(kAdmin, reading(card, {{"row.03.attendance", "nb"}, {"header.topic.d1", "0"},
                                                                     {"header.topic.d2", "4"}, {"header.topic.d3", "2"}},
                                                              static_cast<int>(pupils.size())));
    ASSERT_EQ(r.outcome, IngestOutcome::Accepted) << codes(r);
    const auto record = LessonRecords(*m_store).forCard(card.serial);
    ASSERT_TRUE(record);
    EXPECT_EQ(record->topicNumber.value_or(""), "042");
    EXPECT_EQ(record->attendance.size(), pupils.size());
    EXPECT_EQ(LessonRecords(*m_store).attendance(slot.id, pupils[2].sourcedId).value_or(""), "nb");
    EXPECT_EQ(LessonRecords(*m_store).attendance(slot.id, pupils[0].sourcedId).value_or(""), "ob");
    EXPECT_EQ(CardRegistry(*m_store).find(card.serial)->state, CardState::Queued);
}

TEST_F(ValidationTest, IdentityThatDoesNotVerifyIsRejectedAndTouchesNoCard) {
    const auto card = issue(firstLessonOf("2b").id);
    auto page = reading(card, {});
    page.card->signatureValid = false;
    const auto r = ReadingRecorder(*m_store).record(kAdmin, page);
    EXPECT_EQ(r.outcome, IngestOutcome::Rejected);
    EXPECT_TRUE(hasFinding(r, finding::kSignatureInvalid)) << codes(r);
    EXPECT_EQ(CardRegistry(*m_store).find(card.serial)->state, CardState::Issued);
}

TEST_F(ValidationTest, SerialNeverIssuedIsRejected) {
    auto card = issue(firstLessonOf("2b").id);
    card.serial = "00009999";
    const auto r = ReadingRecorder(*m_store).record(kAdmin, reading(card, {}));
    EXPECT_EQ(r.outcome, IngestOutcome::Rejected);
    EXPECT_TRUE(hasFinding(r, finding::kUnknownCard)) << codes(r);
}

TEST_F(ValidationTest, CodeNamingAnotherLessonThanIssuedIsRejected) {
    const auto card = issue(firstLessonOf("2b").id);
    auto page = reading(card, {});
    page.card->lessonSlotId = firstLessonOf("1a").id;
    const auto r = ReadingRecorder(*m_store).record(kAdmin, page);
    EXPECT_TRUE(hasFinding(r, finding::kIdentityMismatch)) << codes(r);
}

TEST_F(ValidationTest, LessonCancelledInTheTimetableIsHeldForAnAdministrator) {
    const auto slot = firstLessonOf("2b");
    const auto card = issue(slot.id);
    sql("UPDATE lesson_slots SET cancelled = 1 WHERE id = " + std::to_string(slot.id));
    const auto r = ReadingRecorder(*m_store).record(kAdmin, reading(card, {}));
    EXPECT_EQ(r.outcome, IngestOutcome::NeedsReview);
    ASSERT_TRUE(hasFinding(r, finding::kLessonNotInTimetable)) << codes(r);
    EXPECT_TRUE(r.findings.front().administratorOnly);
}

TEST_F(ValidationTest, OutageCardResolvesClassDateAndLessonFromItsBubbles) {
    const auto slot = slotOf("2b", "2026-11-24", 2);
    const auto classes = Roster(*m_store).classes();
    const auto pos = std::find_if(classes.begin(), classes.end(), [](const SchoolClass& c) { return c.code == "2b"; }) -
                     classes.begin() + 1;
    const auto card = issue(std::nullopt, "outage-a4-v1");
    const std::string n = std::to_string(pos);
    const auto r = ReadingRecorder(*m_store).record(
        kAdmin, reading(card, {{"header.class.d1", pos < 10 ? "0" : n.substr(0, 1)}, {"header.class.d2", n.substr(n.size() - 1)},
                               {"header.month.d1", "1"}, {"header.month.d2", "1"}, {"header.day.d1", "2"},
                               {"header.day.d2", "4"}, {"header.lesson.d1", "0"}, {"header.lesson.d2", "2"}},
                        static_cast<int>(pupilsOf("2b").size())));
    ASSERT_EQ(r.outcome, IngestOutcome::Accepted) << codes(r);
    EXPECT_EQ(LessonRecords(*m_store).forCard(card.serial)->lessonSlotId, slot.id);
}

TEST_F(ValidationTest, OutageCardThatDoesNotResolveWaitsForAnAdministratorToAssignIt) {
    const auto card = issue(std::nullopt, "outage-a4-v1");
    const auto r = ReadingRecorder(*m_store).record(kAdmin, reading(card, {{"header.day.d1", "?two marks"}}));
    ASSERT_EQ(r.outcome, IngestOutcome::NeedsReview);
    ASSERT_TRUE(hasFinding(r, finding::kOutageUnresolved)) << codes(r);
    ReviewQueue queue(*m_store);
    const auto items = queue.list(kAdmin, {true, card.serial});
    const auto outage = std::find_if(items.begin(), items.end(),
                                     [](const ReviewItem& i) { return i.code == finding::kOutageUnresolved; });
    ASSERT_NE(outage, items.end());
    EXPECT_THROW(queue.resolve("gsikora", outage->id, std::to_string(firstLessonOf("2b").id), "mine"), Error);
    const auto slot = slotOf("2b", "2026-11-24", 3);
    for (const auto& item : items)
        queue.resolve(kAdmin, item.id,
                      item.code == finding::kOutageUnresolved ? std::optional<std::string>(std::to_string(slot.id))
                                                              : std::optional<std::string>(""),
                      "teacher confirmed 2b lesson 3 on the phone");
    EXPECT_EQ(CardRegistry(*m_store).find(card.serial)->state, CardState::Queued);
    EXPECT_EQ(LessonRecords(*m_store).forCard(card.serial)->lessonSlotId, slot.id);
}

TEST_F(ValidationTest, MarkedRowWithoutAPupilOfTheClassIsFlagged) {
    const auto card = issue(firstLessonOf("2b").id);
    const int rows = static_cast<int>(pupilsOf("2b").size());
    char field[32];
    std::snprintf(field, sizeof field, "row.%02d.attendance", rows + 1);
    const auto r = ReadingRecorder(*m_store).record(kAdmin, reading(card, {{field, "nb"}}, rows + 2));
    EXPECT_EQ(r.outcome, IngestOutcome::NeedsReview);
    EXPECT_TRUE(hasFinding(r, finding::kRowNotOnRoster, field)) << codes(r);
}

TEST_F(ValidationTest, RowsWhosePupilChangedSinceThePrintedRosterAreFlaggedNotMapped) {
    const auto card = issue(firstLessonOf("2b").id);
    // A new roster version: pupil 3 of 2b is struck off, so every later number moves up.
    auto school = makeDemoSchool();
    const auto cls = Roster(*m_store).classByCode("2b")->sourcedId;
    const auto gone = pupilsOf("2b")[2].sourcedId;
    auto& pupils = school.roster.pupils;
    pupils.erase(std::remove_if(pupils.begin(), pupils.end(), [&](const Pupil& p) { return p.sourcedId == gone; }),
                 pupils.end());
    for (auto& p : pupils)
        if (p.classId == cls && p.registerNumber > 3)
            --p.registerNumber;
    writeSimpleRosterCsv(school.roster, m_dir / "roster-v2.csv");
    const auto report = importRoster(*m_store, kAdmin, m_dir / "roster-v2.csv");
    ASSERT_TRUE(report.ok() && report.changed) << (report.problems.empty() ? "" : report.problems.front().reason);
    const auto r = ReadingRecorder(*m_store).record(kAdmin, reading(card, {{"row.05.attendance", "nb"}},
                                                                    static_cast<int>(pupilsOf("2b").size())));
    EXPECT_EQ(r.outcome, IngestOutcome::NeedsReview);
    EXPECT_TRUE(hasFinding(r, finding::kRosterChanged, "row.05.attendance")) << codes(r);
    EXPECT_FALSE(hasFinding(r, finding::kRosterChanged, "row.02.attendance")) << codes(r);
    EXPECT_FALSE(LessonRecords(*m_store).forCard(card.serial));
}

TEST_F(ValidationTest, TwoAttendanceValuesForOnePupilAreRefused) {
    const auto card = issue(firstLessonOf("2b").id);
    const auto r = ReadingRecorder(*m_store).record(kAdmin, reading(card, {{"row.04.attendance", "nb,sp"}}));
    EXPECT_TRUE(hasFinding(r, finding::kAttendanceInvalid, "row.04.attendance")) << codes(r);
}

TEST_F(ValidationTest, NbIsNeverDeletedAndChangesOnlyToUSpOrZw) {
    const auto slot = firstLessonOf("2b");
    const int rows = static_cast<int>(pupilsOf("2b").size());
    const auto first = issue(slot.id);
    ASSERT_EQ(ReadingRecorder(*m_store).record(kAdmin, reading(first, {{"row.04.attendance", "nb"}}, rows)).outcome,
              IngestOutcome::Accepted);
    // A second card of the same lesson says the pupil was present: the nb may not disappear.
    const auto second = issue(slot.id);
    const auto r = ReadingRecorder(*m_store).record(kAdmin, reading(second, {}, rows));
    ASSERT_TRUE(hasFinding(r, finding::kNbNeverDeleted, "row.04.attendance")) << codes(r);
    ReviewQueue queue(*m_store);
    const auto items = queue.list(kAdmin, {true, second.serial});
    const auto nb = std::find_if(items.begin(), items.end(), [](const ReviewItem& i) { return i.code == finding::kNbNeverDeleted; });
    ASSERT_NE(nb, items.end());
    EXPECT_THROW(queue.resolve(kAdmin, nb->id, std::string(""), "pupil was there"), Error);
    EXPECT_THROW(queue.resolve(kAdmin, nb->id, std::nullopt, "as read"), Error);
    queue.resolve(kAdmin, nb->id, std::string("u"), "parent's note: excused");
    for (const auto& item : queue.list(kAdmin, {true, second.serial}))
        queue.resolve(kAdmin, item.id, std::nullopt, "second card is the correction");
    EXPECT_EQ(LessonRecords(*m_store).attendance(slot.id, pupilsOf("2b")[3].sourcedId).value_or(""), "u");
    // And the store itself refuses to drop or blank an nb.
    const std::string where = " WHERE lesson_slot_id = " + std::to_string(slot.id) + " AND code = 'u'";
    EXPECT_EQ(sqlRc("UPDATE attendance_records SET code = 'nb'" + where), 0);
    EXPECT_NE(sqlRc("UPDATE attendance_records SET code = 'ob' WHERE code = 'nb'"), 0);
    EXPECT_NE(sqlRc("DELETE FROM attendance_records WHERE code = 'nb'"), 0);
}

TEST_F(ValidationTest, SamePupilAbsentInTwoLessonsOfTheSameHourIsADoubleAbsence) {
    Roster roster(*m_store);
    std::optional<LessonSlot> groupSlot;
    for (const auto& s : Timetable(*m_store).onDate(*Date::parse("2026-11-23")))
        if (s.isGroup && s.classOrGroupCode.rfind("2ab", 0) == 0)
            groupSlot = s;
    ASSERT_TRUE(groupSlot);
    const auto group = roster.groupByCode(groupSlot->classOrGroupCode);
    const auto members = roster.pupilsOfGroup(group->sourcedId);
    const auto cls2b = roster.classByCode("2b")->sourcedId;
    const auto member = std::find_if(members.begin(), members.end(), [&](const Pupil& p) { return p.classId == cls2b; });
    ASSERT_NE(member, members.end());
    char groupRow[32], classRow[32];
    std::snprintf(groupRow, sizeof groupRow, "row.%02d.attendance", static_cast<int>(member - members.begin()) + 1);
    std::snprintf(classRow, sizeof classRow, "row.%02d.attendance", member->registerNumber);
    // The same hour also appears as a 2b class lesson (two teachers think they had the pupil).
    auto classSlot = Timetable(*m_store).find(groupSlot->date, groupSlot->lessonNumber, "2b");
    if (!classSlot) {
        sql("INSERT INTO lesson_slots (date, lesson_number, class_or_group_code, is_group, subject_code, teacher_id) "
            "VALUES ('" + groupSlot->date.toString() + "', " + std::to_string(groupSlot->lessonNumber) +
            ", '2b', 0, 'mat', 'T03')");
        classSlot = Timetable(*m_store).find(groupSlot->date, groupSlot->lessonNumber, "2b");
    }
    ASSERT_EQ(ReadingRecorder(*m_store).record(kAdmin, reading(issue(groupSlot->id), {{groupRow, "nb"}},
                                                               static_cast<int>(members.size()))).outcome,
              IngestOutcome::Accepted);
    const auto r = ReadingRecorder(*m_store).record(
        kAdmin, reading(issue(classSlot->id), {{classRow, "nb"}}, static_cast<int>(pupilsOf("2b").size())));
    EXPECT_TRUE(hasFinding(r, finding::kDoubleAbsence, classRow)) << codes(r);
}

TEST_F(ValidationTest, GradeValuesCategoriesAndWeightsAreChecked) {
    const auto card = issue(firstLessonOf("2b").id, "grade-a4-v1");
    const auto r = ReadingRecorder(*m_store).record(
        kAdmin, reading(card, {{"row.01.grade", "6"}, {"row.01.modifier", "+"}, {"row.02.modifier", "-"},
                               {"row.03.grade", "4"}, {"header.grade.weight", "7"}}));
    EXPECT_TRUE(hasFinding(r, finding::kGradeInvalid, "row.01.grade")) << codes(r);      // 6+ is not a grade
    EXPECT_TRUE(hasFinding(r, finding::kGradeInvalid, "row.02.modifier")) << codes(r);   // - without a grade
    EXPECT_TRUE(hasFinding(r, finding::kGradeCategoryInvalid, "header.grade.category")) << codes(r);
    EXPECT_TRUE(hasFinding(r, finding::kGradeWeightInvalid, "header.grade.weight")) << codes(r);
    EXPECT_FALSE(hasFinding(r, finding::kGradeInvalid, "row.03.grade")) << codes(r);
}

TEST_F(ValidationTest, ZeroIsOnlyAbsentAtTheTest) {
    const auto slot = firstLessonOf("2b");
    const auto card = issue(slot.id, "grade-a4-v1");
    const auto r = ReadingRecorder(*m_store).record(
        kAdmin, reading(card, {{"row.01.grade", "0"}, {"row.02.grade", "5"}, {"header.grade.category", "sprawdzian"},
                               {"header.grade.weight", "3"}}));
    EXPECT_TRUE(hasFinding(r, finding::kZeroNotAbsent, "row.01.grade")) << codes(r);
    // The same 0 for a pupil marked nb on the lesson's attendance card is accepted.
    const auto att = issue(slot.id);
    ASSERT_EQ(ReadingRecorder(*m_store).record(kAdmin, reading(att, {{"row.01.attendance", "nb"}},
                                                               static_cast<int>(pupilsOf("2b").size()))).outcome,
              IngestOutcome::Accepted);
}

TEST_F(ValidationTest, LockedPeriodHoldsTheCardUntilAnAdministratorUnlocksOnOrder) {
    const auto slot = firstLessonOf("2b");
    PeriodLocks locks(*m_store);
    EXPECT_THROW(locks.lock("gsikora", "2b", slot.date, slot.date, "council"), Error);
    const auto lock = locks.lock(kAdmin, "2b", slot.date.plusDays(-3), slot.date.plusDays(3), "klasyfikacja");
    const auto card = issue(slot.id);
    const auto r = ReadingRecorder(*m_store).record(kAdmin, reading(card, {}, static_cast<int>(pupilsOf("2b").size())));
    ASSERT_EQ(r.outcome, IngestOutcome::NeedsReview);
    ASSERT_TRUE(hasFinding(r, finding::kPeriodLocked)) << codes(r);
    ReviewQueue queue(*m_store);
    const auto item = queue.list(kAdmin, {true, card.serial}).front();
    EXPECT_THROW(queue.resolve(kAdmin, item.id, std::nullopt, "release"), Error);  // still locked
    EXPECT_THROW(locks.unlock(kAdmin, lock.id, "", "why"), Error);                  // who ordered it?
    EXPECT_THROW(locks.unlock("dyrektor", lock.id, "dyrektor", "why"), Error);      // only the administrator
    const auto unlocked = locks.unlock(kAdmin, lock.id, "Zbigniew Dyrektorski", "late cards of 2b");
    EXPECT_EQ(unlocked.unlockOrderedBy.value_or(""), "Zbigniew Dyrektorski");
    EXPECT_THROW(queue.resolve("gsikora", item.id, std::nullopt, "mine"), Error);  // held for an administrator
    const auto out = queue.resolve(kAdmin, item.id, std::nullopt, "unlocked on the director's order");
    EXPECT_EQ(out.cardState, "queued");
}

TEST_F(ValidationTest, ContradictionWithWhatIsAlreadyRecordedGoesToReviewAndOverwritesNothing) {
    const auto slot = firstLessonOf("2b");
    const int rows = static_cast<int>(pupilsOf("2b").size());
    ASSERT_EQ(ReadingRecorder(*m_store).record(kAdmin, reading(issue(slot.id), {{"row.02.attendance", "sp"}}, rows)).outcome,
              IngestOutcome::Accepted);
    const auto r = ReadingRecorder(*m_store).record(kAdmin, reading(issue(slot.id), {}, rows));
    EXPECT_TRUE(hasFinding(r, finding::kConflictsWithRecorded, "row.02.attendance")) << codes(r);
    EXPECT_EQ(LessonRecords(*m_store).attendance(slot.id, pupilsOf("2b")[1].sourcedId).value_or(""), "sp");
}

TEST_F(ValidationTest, FlaggedFieldGoesToReviewWithRecognitionsReason) {
    const auto card = issue(firstLessonOf("2b").id);
    const auto r = ReadingRecorder(*m_store).record(kAdmin, reading(card, {{"row.05.attendance", "?multiple_marks"}}));
    ASSERT_EQ(r.outcome, IngestOutcome::NeedsReview);
    ASSERT_TRUE(hasFinding(r, finding::kFlaggedField, "row.05.attendance")) << codes(r);
    EXPECT_NE(r.findings.front().message.find("multiple_marks"), std::string::npos);
}

} // namespace
} // namespace scanstation::testing

namespace scanstation::testing {
namespace {

using namespace core;

TEST_F(IngestionTest, IdentifiedCardWhoseMarksWereNotReadIsNeverAcceptedAsAllPresent) {
    const auto card = issue(firstLessonOf("2b").id);
    auto page = reading(card, {});
    page.status = PageStatus::Unreadable;
    page.fields.clear();
    page.issues.push_back(ReadingIssue{"registration_residual", "", "the registration marks disagree by 1.2 mm"});
    const auto r = ReadingRecorder(*m_store).record(kAdmin, page);
    EXPECT_EQ(r.outcome, IngestOutcome::NeedsReview);
    ASSERT_FALSE(r.findings.empty());
    EXPECT_EQ(r.findings.front().code, finding::kPageUnreadable);
    EXPECT_FALSE(LessonRecords(*m_store).forCard(card.serial));
    // The corrected rescan supersedes it.
    EXPECT_EQ(ReadingRecorder(*m_store).record(kAdmin, reading(card, {}, static_cast<int>(pupilsOf("2b").size()))).outcome,
              IngestOutcome::Accepted);
}

} // namespace
} // namespace scanstation::testing
