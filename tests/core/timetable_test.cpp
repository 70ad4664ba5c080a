// Timetable import: the demo week, every bad line named, re-import as a no-op, and slots that
// cards refer to surviving a changed timetable as "cancelled".
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/demo_school.hpp"
#include "scanstation/core/roster_import.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/core/timetable.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <sstream>
#include <gtest/gtest.h>

using namespace scanstation;
using scanstation::test::TempDir;

namespace {

class TimetableImport : public ::testing::Test {
protected:
    TempDir dir;
    core::DemoSchool school = core::makeDemoSchool();
    core::DemoFiles files = core::writeDemoFiles(school, dir / "files");
    core::Store store{dir / "data"};

    void SetUp() override { ASSERT_TRUE(core::importRoster(store, "admin", files.oneRosterDir).ok()); }

    bool hasProblem(const core::ImportReport& r, int line, const std::string& reasonPart) {
        return std::any_of(r.problems.begin(), r.problems.end(), [&](const auto& p) {
            return p.file == "timetable.csv" && p.line == line && p.reason.find(reasonPart) != std::string::npos;
        });
    }
};

} // namespace

TEST_F(TimetableImport, DemoWeekImports) {
    const auto r = core::importTimetable(store, "admin", files.timetableCsv);
    ASSERT_TRUE(r.ok()) << test::describe(r.problems);
    EXPECT_TRUE(r.changed);
    EXPECT_EQ(r.lessonSlots, static_cast<int>(school.timetable.size()));
    core::Timetable timetable(store);
    const auto monday = timetable.onDate(core::Date{2026, 11, 23});
    EXPECT_GE(monday.size(), 40u);
    const auto slot = timetable.find(core::Date{2026, 11, 23}, 2, "1ab-ang-g1");
    ASSERT_TRUE(slot) << "grade 1 has English in groups in lesson 2 on Monday";
    EXPECT_TRUE(slot->isGroup);
    EXPECT_EQ(slot->teacherId, "T05");
    EXPECT_EQ(timetable.between(core::Date{2026, 11, 23}, core::Date{2026, 11, 27}).size(), school.timetable.size());
}

TEST_F(TimetableImport, ReimportChangesNothing) {
    ASSERT_TRUE(core::importTimetable(store, "admin", files.timetableCsv).changed);
    const auto auditBefore = core::AuditLog(store).list().size();
    const auto again = core::importTimetable(store, "admin", files.timetableCsv);
    EXPECT_TRUE(again.ok());
    EXPECT_FALSE(again.changed);
    EXPECT_EQ(core::AuditLog(store).list().size(), auditBefore);
}

TEST_F(TimetableImport, EveryBadLineIsNamedAndNothingIsImported) {
    const auto& f = files.timetableCsv;
    const int unknownClass = test::lineOf(f, "2026-11-23,1,1a,");
    test::replaceInFile(f, "2026-11-23,1,1a,", "2026-11-23,1,5c,");
    const int badDate = test::lineOf(f, "2026-11-24,1,1a,");
    test::replaceInFile(f, "2026-11-24,1,1a,", "2026-11-31,1,1a,");
    const int badLesson = test::lineOf(f, "2026-11-25,1,1a,");
    test::replaceInFile(f, "2026-11-25,1,1a,", "2026-11-25,14,1a,");
    const int unknownTeacher = test::lineOf(f, "2026-11-26,1,1a,");
    std::string text = test::readFile(f);
    auto pos = text.find("2026-11-26,1,1a,");
    text.replace(text.find('\n', pos) - 3, 3, "T99");
    test::writeFile(f, text);

    const auto r = core::importTimetable(store, "admin", f);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.problems.size(), 4u) << test::describe(r.problems);
    EXPECT_TRUE(hasProblem(r, unknownClass, "unknown class or group '5c'")) << test::describe(r.problems);
    EXPECT_TRUE(hasProblem(r, badDate, "bad date '2026-11-31'")) << test::describe(r.problems);
    EXPECT_TRUE(hasProblem(r, badLesson, "bad lesson number '14'")) << test::describe(r.problems);
    EXPECT_TRUE(hasProblem(r, unknownTeacher, "unknown teacher 'T99'")) << test::describe(r.problems);
    EXPECT_TRUE(core::Timetable(store).onDate(core::Date{2026, 11, 23}).empty());
}

TEST_F(TimetableImport, ATeacherInTwoPlacesAtOnceIsRejected) {
    std::string text = test::readFile(files.timetableCsv);
    text += "2026-11-23,2,1ab-ang-g1,ang,T05\n"; // a second copy of an existing slot
    text += "2026-11-23,7,4a,ang,T05\n";
    text += "2026-11-23,7,4b,ang,T05\n"; // T05 is already teaching 4a then
    test::writeFile(files.timetableCsv, text);
    const auto r = core::importTimetable(store, "admin", files.timetableCsv);
    EXPECT_EQ(r.problems.size(), 2u) << test::describe(r.problems);
    const int last = test::lineOf(files.timetableCsv, "2026-11-23,7,4b,ang,T05");
    EXPECT_TRUE(hasProblem(r, last, "teacher 'T05' already teaches 4a in lesson 7")) << test::describe(r.problems);
    EXPECT_TRUE(hasProblem(r, last - 2, "a second lesson 2 for 1ab-ang-g1")) << test::describe(r.problems);
}

TEST_F(TimetableImport, ADroppedSlotWithCardsIsCancelledOthersAreRemoved) {
    ASSERT_TRUE(core::importTimetable(store, "admin", files.timetableCsv).ok());
    core::Timetable timetable(store);
    const auto withCard = *timetable.find(core::Date{2026, 11, 23}, 1, "1a");
    const auto withoutCard = *timetable.find(core::Date{2026, 11, 23}, 1, "1b");
    core::CardRegistry(store).issue("admin", {"attendance-a4", 1, withCard.id, ""});
    std::string text = test::readFile(files.timetableCsv), kept;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("2026-11-23,1,1a,", 0) != 0 && line.rfind("2026-11-23,1,1b,", 0) != 0)
            kept += line + "\n";
    test::writeFile(dir / "changed.csv", kept);
    const auto r = core::importTimetable(store, "admin", dir / "changed.csv");
    ASSERT_TRUE(r.ok()) << test::describe(r.problems);
    EXPECT_TRUE(r.changed);
    const auto cancelled = timetable.slot(withCard.id);
    ASSERT_TRUE(cancelled);
    EXPECT_TRUE(cancelled->cancelled);
    EXPECT_FALSE(timetable.slot(withoutCard.id));
}
