// The timetable pulled from the register (the lessonSlots extension) into core's timetable,
// incrementally with a (timestamp, id) cursor, like the roster pull.
#include "sync_test_fixture.hpp"

#include "scanstation/core/roster_mirror.hpp"
#include "scanstation/sync/timetable_pull.hpp"

namespace scanstation::testing {
namespace {

class TimetablePull : public SyncFixture {
protected:
    void SetUp() override {
        SyncFixture::SetUp();
        startRegister();
        client = std::make_unique<sync::RegisterClient>(loopbackEndpoint(*reg));
        const core::Roster roster(*store);
        cls = roster.classes().front();
        teacher = roster.teachers().front().sourcedId;
        otherTeacher = roster.teachers().back().sourcedId;
    }

    nlohmann::json slot(const std::string& date, int lesson, const std::string& modified,
                        const std::string& teacherId, const std::string& status = "active") {
        return {{"sourcedId", cls.sourcedId + "~" + date + "~" + std::to_string(lesson)},
                {"status", status},
                {"dateLastModified", modified},
                {"lesson", {{"class", {{"sourcedId", cls.sourcedId}}}, {"date", date}, {"lessonNumber", lesson}}},
                {"subject", {{"code", "astro"}, {"title", "Astronomia"}}},
                {"teacher", {{"sourcedId", teacherId}}}};
    }
    std::optional<core::LessonSlot> stationSlot(const std::string& date, int lesson) {
        return core::Timetable(*store).find(*core::Date::parse(date), lesson, cls.code);
    }
    sync::TimetablePullReport pull(int pageSize = 2) { return sync::pullTimetable(*store, *client, "sync", pageSize); }

    std::unique_ptr<sync::RegisterClient> client;
    core::SchoolClass cls;
    std::string teacher, otherTeacher;
};

TEST_F(TimetablePull, SameInstantSlotsAreNeitherSkippedNorRepeated) {
    const std::string instant = "2026-11-20T10:00:00.000Z";
    nlohmann::json slots = nlohmann::json::array();
    for (int lesson = 1; lesson <= 5; ++lesson) slots.push_back(slot("2027-03-01", lesson, instant, teacher));
    reg->seed({{"lessonSlots", slots}});

    const auto first = pull(); // pages of 2 cut through the tie
    ASSERT_TRUE(first.complete) << first.plainWords;
    EXPECT_EQ(first.received, 5);
    EXPECT_EQ(first.added, 5);
    for (int lesson = 1; lesson <= 5; ++lesson) {
        const auto s = stationSlot("2027-03-01", lesson);
        ASSERT_TRUE(s) << lesson;
        EXPECT_EQ(s->subjectCode, "astro");
        EXPECT_EQ(s->teacherId, teacher);
    }
    const auto cursor = core::RosterMirror(*store).cursor(sync::kTimetableResource);
    ASSERT_TRUE(cursor);
    EXPECT_EQ(cursor->timestamp, instant);

    // Later: one more slot in the same instant (after the cursor's id), one slot changes teacher.
    reg->seed({{"lessonSlots", {slot("2027-03-01", 6, instant, teacher),
                                slot("2027-03-01", 2, "2026-11-21T08:00:00.000Z", otherTeacher)}}});
    const auto second = pull();
    ASSERT_TRUE(second.complete) << second.plainWords;
    EXPECT_EQ(second.received, 2);
    EXPECT_EQ(second.added, 1);
    EXPECT_EQ(second.updated, 1);
    EXPECT_EQ(stationSlot("2027-03-01", 2)->teacherId, otherTeacher);

    const auto third = pull();
    ASSERT_TRUE(third.complete);
    EXPECT_EQ(third.received, 0);
}

TEST_F(TimetablePull, DeletedSlotGoesAwayOrIsCancelledWhenACardRefersToIt) {
    reg->seed({{"lessonSlots", {slot("2027-03-02", 1, "2026-11-20T10:00:00.000Z", teacher),
                                slot("2027-03-02", 2, "2026-11-20T10:00:00.000Z", teacher)}}});
    ASSERT_TRUE(pull().complete);
    const auto printedFor = stationSlot("2027-03-02", 2);
    core::CardRegistry(*store).issue("admin", {"attendance-a4-v1", 1, printedFor->id, ""});
    reg->seed({{"lessonSlots", {slot("2027-03-02", 1, "2026-11-22T10:00:00.000Z", teacher, "tobedeleted"),
                                slot("2027-03-02", 2, "2026-11-22T10:00:00.000Z", teacher, "tobedeleted")}}});
    const auto report = pull();
    ASSERT_TRUE(report.complete) << report.plainWords;
    EXPECT_EQ(report.removed, 1);
    EXPECT_EQ(report.cancelled, 1);
    EXPECT_FALSE(stationSlot("2027-03-02", 1));
    EXPECT_TRUE(stationSlot("2027-03-02", 2)->cancelled);
}

TEST_F(TimetablePull, UnknownTeacherAppliesNothingAndKeepsTheCursor) {
    reg->seed({{"lessonSlots", {slot("2027-03-03", 1, "2026-11-20T10:00:00.000Z", teacher),
                                slot("2027-03-03", 2, "2026-11-20T11:00:00.000Z", "T-nobody")}}});
    const auto failed = pull();
    EXPECT_FALSE(failed.complete);
    ASSERT_EQ(failed.problems.size(), 1u);
    EXPECT_NE(failed.problems[0].find("unknown teacher 'T-nobody'"), std::string::npos) << failed.problems[0];
    EXPECT_FALSE(stationSlot("2027-03-03", 1)); // all or nothing
    EXPECT_FALSE(core::RosterMirror(*store).cursor(sync::kTimetableResource));

    // The register corrects the slot: the next pull takes both.
    reg->seed({{"lessonSlots", {slot("2027-03-03", 2, "2026-11-20T12:00:00.000Z", teacher)}}});
    const auto retried = pull();
    ASSERT_TRUE(retried.complete) << retried.plainWords;
    EXPECT_EQ(retried.added, 2);
}

TEST_F(TimetablePull, RegisterFailureKeepsTheCursor) {
    reg->seed({{"lessonSlots", {slot("2027-03-04", 1, "2026-11-20T10:00:00.000Z", teacher)}}});
    reg->setFaults("500:1");
    const auto failed = pull();
    EXPECT_FALSE(failed.complete);
    EXPECT_NE(failed.plainWords.find("HTTP 500"), std::string::npos) << failed.plainWords;
    EXPECT_FALSE(stationSlot("2027-03-04", 1));
    ASSERT_TRUE(pull().complete);
    EXPECT_TRUE(stationSlot("2027-03-04", 1));
}

} // namespace
} // namespace scanstation::testing
