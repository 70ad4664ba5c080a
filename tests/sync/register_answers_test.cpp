// Each answer of the register, through the real client, worker and outbox.
#include "sync_test_fixture.hpp"

#include "scanstation/core/timetable.hpp"
#include "scanstation/sync/sync_status.hpp"

namespace scanstation::testing {
namespace {

using core::CardState;

class RegisterAnswers : public SyncFixture {
protected:
    void SetUp() override {
        SyncFixture::SetUp();
        startRegister();
    }
};

TEST_F(RegisterAnswers, AcceptedRecordsAcknowledgeTheCardOnlyAfterTheAnswer) {
    CardPlan withGrades;
    withGrades.grades = true;
    const auto serials = acceptCards(*store, 2, withGrades);
    core::Outbox outbox(*store);
    const int queued = outbox.status().waiting;
    ASSERT_GT(queued, 0);
    EXPECT_EQ(stateOf(serials[0]), CardState::Queued);
    const auto before = sync::describeStatus(outbox.status(), std::chrono::system_clock::now());
    EXPECT_EQ(before.find("All records are in the register"), std::string::npos) << before;

    sync::RegisterClient client(loopbackEndpoint(*reg));
    const auto report = syncNow(client);

    EXPECT_TRUE(report.outboxEmpty);
    EXPECT_EQ(report.acknowledged, queued);
    EXPECT_EQ(report.toReview, 0);
    EXPECT_EQ(stateOf(serials[0]), CardState::Acknowledged);
    EXPECT_EQ(stateOf(serials[1]), CardState::Acknowledged);
    const auto stats = reg->admin("/admin/stats");
    EXPECT_EQ(stats["accepted"].get<int>(), queued);
    EXPECT_EQ(stats["topics"].get<int>(), 2);
    EXPECT_EQ(stats["lineItems"].get<int>(), 2);
    const auto after = sync::describeStatus(outbox.status(), std::chrono::system_clock::now());
    EXPECT_EQ(after.rfind("All records are in the register.", 0), 0u) << after;
}

TEST_F(RegisterAnswers, UnknownPupilGoesToReviewWithTheReason) {
    CardPlan plan;
    plan.extraPupilIds = {"ghost-pupil"};
    const auto serials = acceptCards(*store, 1, plan);
    sync::RegisterClient client(loopbackEndpoint(*reg));
    const auto report = syncNow(client);

    EXPECT_TRUE(report.outboxEmpty);
    EXPECT_EQ(report.toReview, 1);
    core::Outbox outbox(*store);
    const auto items = outbox.reviewItems();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].reason, "unknown_pupil");
    EXPECT_EQ(items[0].kind, "rejected");
    EXPECT_NE(items[0].message.find("ghost-pupil"), std::string::npos);
    EXPECT_EQ(stateOf(serials[0]), CardState::NeedsReview);
    const auto text = sync::describeStatus(outbox.status(), std::chrono::system_clock::now());
    EXPECT_EQ(text.find("All records are in the register"), std::string::npos) << text;
}

TEST_F(RegisterAnswers, LockedPeriodIsRefused) {
    const auto serials = acceptCards(*store, 1);
    const auto card = core::CardRegistry(*store).find(serials[0]);
    const auto slot = core::Timetable(*store).slot(*card->lessonSlotId);
    reg->admin("/admin/lock", {{"class", classOfCard(serials[0])},
                               {"firstDate", slot->date.toString()},
                               {"lastDate", slot->date.toString()}});
    sync::RegisterClient client(loopbackEndpoint(*reg));
    const auto report = syncNow(client);
    EXPECT_EQ(report.acknowledged, 0);
    const auto items = core::Outbox(*store).reviewItems();
    ASSERT_FALSE(items.empty());
    for (const auto& item : items) EXPECT_EQ(item.reason, "lesson_locked") << item.recordId;
    EXPECT_EQ(stateOf(serials[0]), CardState::NeedsReview);
}

TEST_F(RegisterAnswers, OnlineEntryIsAConflictShowingTheRegistersValue) {
    const auto serials = acceptCards(*store, 1);
    const auto card = core::CardRegistry(*store).find(serials[0]);
    const auto slot = core::Timetable(*store).slot(*card->lessonSlotId);
    const auto firstPupil = core::Roster(*store).pupilsOfClass(classOfCard(serials[0])).front().sourcedId;
    reg->admin("/admin/online", {{"class", classOfCard(serials[0])},
                                 {"date", slot->date.toString()},
                                 {"lessonNumber", slot->lessonNumber},
                                 {"student", firstPupil},
                                 {"code", "u"}});
    sync::RegisterClient client(loopbackEndpoint(*reg));
    syncNow(client);
    const auto items = core::Outbox(*store).reviewItems();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].kind, "conflict");
    EXPECT_EQ(items[0].reason, "conflicts_with_online_entry");
    EXPECT_EQ(items[0].currentValue, "u");
    EXPECT_EQ(items[0].sentValue, "ob");
    EXPECT_EQ(items[0].recordId, core::Outbox::recordId(serials[0], "att", firstPupil));
}

TEST_F(RegisterAnswers, InvalidValueAndNbNeverDeleted) {
    const auto serials = acceptCards(*store, 1);
    sync::RegisterClient client(loopbackEndpoint(*reg));
    syncNow(client);
    ASSERT_EQ(stateOf(serials[0]), CardState::Acknowledged);
    core::Outbox outbox(*store);
    // A corrected rescan of the same card: an nb becomes "present" (forbidden) and a code the
    // register does not know.
    const auto draft = draftFor(*store, *core::CardRegistry(*store).find(serials[0])->lessonSlotId, {});
    core::OutboxRecord nbToPresent, badCode;
    for (const auto& entry : draft.attendance) {
        core::OutboxRecord r;
        r.cardSerial = serials[0];
        r.kind = core::OutboxKind::Attendance;
        r.classId = classOfCard(serials[0]);
        r.date = draft.slot->date.toString();
        r.lessonNumber = draft.slot->lessonNumber;
        r.pupilId = entry.pupilId;
        r.recordId = core::Outbox::recordId(serials[0], "att", entry.pupilId);
        if (entry.code == "nb" && nbToPresent.recordId.empty()) {
            nbToPresent = r;
            nbToPresent.value = "ob";
        } else if (entry.code == "ob" && badCode.recordId.empty()) {
            badCode = r;
            badCode.value = "trip";
        }
    }
    outbox.enqueue({nbToPresent, badCode});
    syncNow(client);
    const auto items = outbox.reviewItems();
    ASSERT_EQ(items.size(), 2u);
    for (const auto& item : items) EXPECT_EQ(item.reason, "invalid_value") << item.message;
    EXPECT_EQ(outbox.status().waiting, 0);
}

} // namespace
} // namespace scanstation::testing
