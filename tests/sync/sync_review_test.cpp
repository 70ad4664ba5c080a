// Records the register refuses land in the one review queue (core::ReviewQueue, the same list
// as ingestion's findings) and a person settles them there: correct and resend (a new record id
// that supersedes the refused one; the register holds the entry once), keep the register's value,
// or reject the card. Every decision is audited with who and why.
#include "sync_test_fixture.hpp"

#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/review_queue.hpp"
#include "scanstation/core/sync_review.hpp"

#include <httplib.h>

namespace scanstation::testing {
namespace {

class SyncReview : public SyncFixture {
protected:
    // A scanned card of class 2b (row 2 absent), and a teacher's different entry made online in
    // the register for a pupil the card marks present: the card's record for that pupil conflicts.
    void scanCardThatConflicts() {
        startRegister();
        serial = scanCleanCard(*store, "2b", {{"row.02.attendance", "nb"}});
        for (const auto& r : core::Outbox(*store).waiting())
            if (r.kind == core::OutboxKind::Attendance && r.value == "ob" && conflicted.recordId.empty()) conflicted = r;
        ASSERT_FALSE(conflicted.recordId.empty());
        reg->admin("/admin/online", {{"class", conflicted.classId}, {"date", conflicted.date},
                                     {"lessonNumber", conflicted.lessonNumber}, {"student", conflicted.pupilId},
                                     {"code", "sp"}});
        client = std::make_unique<sync::RegisterClient>(loopbackEndpoint(*reg));
        const auto run = syncNow(*client);
        ASSERT_TRUE(run.outboxEmpty) << run.lastError;
        ASSERT_EQ(run.toReview, 1);
    }

    core::ReviewItem onlyRegisterItem() {
        std::vector<core::ReviewItem> found;
        for (const auto& item : core::ReviewQueue(*store).list("admin"))
            if (core::isRegisterRefusal(item.code)) found.push_back(item);
        EXPECT_EQ(found.size(), 1u);
        return found.at(0);
    }

    // What the register holds for the conflicted pupil's lesson (its documented lesson read).
    nlohmann::json registerAttendance() {
        httplib::Client http("127.0.0.1", reg->port());
        auto token = http.Post("/oauth/token", "grant_type=client_credentials&client_id=scanstation&client_secret="
                                               "scanstation-secret", "application/x-www-form-urlencoded");
        const std::string bearer = nlohmann::json::parse(token->body)["access_token"];
        const std::string lesson = conflicted.classId + "~" + conflicted.date + "~" + std::to_string(conflicted.lessonNumber);
        auto res = http.Get(("/ims/oneroster/ext/scanstation/v1p0/lessons/" + lesson).c_str(),
                            {{"Authorization", "Bearer " + bearer}});
        EXPECT_EQ(res->status, 200) << lesson << ": " << res->body;
        const auto body = nlohmann::json::parse(res->body);
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& row : body["lesson"]["attendance"])
            if (row["student"]["sourcedId"] == conflicted.pupilId) rows.push_back(row);
        return rows;
    }

    bool audited(const std::string& action, const std::string& why) {
        core::AuditQuery query;
        query.actionPrefix = action;
        for (const auto& entry : core::AuditLog(*store).list(query))
            if (entry.action == action && entry.actor == "admin" && entry.details.find(why) != std::string::npos) return true;
        return false;
    }

    std::string serial;
    core::OutboxRecord conflicted;
    std::unique_ptr<sync::RegisterClient> client;
};

TEST_F(SyncReview, RefusalIsInTheSameReviewListHeldForAnAdministrator) {
    scanCardThatConflicts();
    EXPECT_EQ(stateOf(serial), core::CardState::NeedsReview);
    const auto item = onlyRegisterItem();
    EXPECT_EQ(item.code, core::kRegisterConflict);
    EXPECT_EQ(item.serial, serial);
    EXPECT_EQ(item.fieldId, conflicted.recordId);
    EXPECT_TRUE(item.administratorOnly);
    EXPECT_NE(item.message.find("the register holds 'sp'"), std::string::npos) << item.message;
    // The card's own screen shows it too.
    const auto card = core::ReviewQueue(*store).show("admin", serial);
    EXPECT_TRUE(std::any_of(card.items.begin(), card.items.end(), [&](const auto& i) { return i.id == item.id; }));
    // Nobody but an administrator decides.
    EXPECT_THROW(core::ReviewQueue(*store).resolve("sekretariat", item.id, "u", "why"), Error);
    EXPECT_THROW(core::ReviewQueue(*store).resolve("gsikora", item.id, "u", "why"), Error);
    EXPECT_EQ(core::Outbox(*store).status().inReview, 1);
}

TEST_F(SyncReview, CorrectedValueIsResentOnceUnderANewIdAndOverridesTheRegister) {
    scanCardThatConflicts();
    const auto item = onlyRegisterItem();
    const auto out = core::ReviewQueue(*store).resolve("admin", item.id, "u", "excused: note from parents");
    EXPECT_EQ(out.cardState, "queued");
    const auto waiting = core::Outbox(*store).waiting();
    ASSERT_EQ(waiting.size(), 1u);
    EXPECT_EQ(waiting[0].recordId, conflicted.recordId + ":r1");
    EXPECT_EQ(waiting[0].supersedes, conflicted.recordId);
    EXPECT_EQ(waiting[0].registerValue, std::optional<std::string>("sp"));

    const auto run = syncNow(*client);
    EXPECT_EQ(run.acknowledged, 1) << run.lastError;
    EXPECT_EQ(run.toReview, 0);
    EXPECT_EQ(stateOf(serial), core::CardState::Acknowledged);
    const auto rows = registerAttendance();
    ASSERT_EQ(rows.size(), 1u) << rows.dump(); // one entry, never two
    EXPECT_EQ(rows[0]["code"], "u");
    EXPECT_EQ(rows[0]["source"], "card");
    EXPECT_TRUE(audited("sync.review.resend", "excused: note from parents"));
    const auto status = core::Outbox(*store).status();
    EXPECT_EQ(status.waiting + status.inReview, 0);
    // A second run sends nothing more.
    EXPECT_EQ(syncNow(*client).batchesSent, 0);
}

TEST_F(SyncReview, ResendRefusedAgainWhenTheRegisterChangedMeanwhile) {
    scanCardThatConflicts();
    const auto item = onlyRegisterItem();
    core::ReviewQueue(*store).resolve("admin", item.id, "u", "excused");
    reg->admin("/admin/online", {{"class", conflicted.classId}, {"date", conflicted.date},
                                 {"lessonNumber", conflicted.lessonNumber}, {"student", conflicted.pupilId},
                                 {"code", "zw"}});
    const auto run = syncNow(*client);
    EXPECT_EQ(run.toReview, 1);
    const auto again = onlyRegisterItem();
    EXPECT_EQ(again.fieldId, conflicted.recordId + ":r1");
    EXPECT_NE(again.message.find("'zw'"), std::string::npos) << again.message;
    EXPECT_EQ(registerAttendance()[0]["code"], "zw"); // nothing overwritten without a decision
}

TEST_F(SyncReview, KeepingTheRegistersValueSendsNothingAndSettlesTheCard) {
    scanCardThatConflicts();
    const auto receipts = reg->admin("/admin/stats")["receipts"].get<int>();
    const auto item = onlyRegisterItem();
    const auto out = core::ReviewQueue(*store).resolve("admin", item.id, std::nullopt, "the online entry is right");
    EXPECT_EQ(out.cardState, "acknowledged");
    EXPECT_TRUE(core::Outbox(*store).waiting().empty());
    EXPECT_EQ(core::Outbox(*store).status().inReview, 0);
    EXPECT_EQ(syncNow(*client).batchesSent, 0);
    EXPECT_EQ(reg->admin("/admin/stats")["receipts"].get<int>(), receipts);
    EXPECT_EQ(registerAttendance()[0]["code"], "sp");
    EXPECT_TRUE(audited("sync.review.register_value", "the online entry is right"));
    core::ReviewFilter all;
    all.openOnly = false;
    all.serial = serial;
    bool decided = false;
    for (const auto& i : core::ReviewQueue(*store).list("admin", all))
        if (i.id == item.id) decided = i.state == core::ReviewState::Resolved && i.decidedBy == "admin";
    EXPECT_TRUE(decided);
    EXPECT_THROW(core::ReviewQueue(*store).resolve("admin", item.id, std::nullopt, "again"), Error);
}

TEST_F(SyncReview, RejectingTheCardWithdrawsEveryRefusal) {
    startRegister();
    serial = scanCleanCard(*store, "2b", {{"row.03.attendance", "nb"}});
    const auto classId = core::Outbox(*store).waiting().front().classId;
    reg->admin("/admin/lock", {{"class", classId}, {"firstDate", "2026-11-01"}, {"lastDate", "2026-11-30"}});
    client = std::make_unique<sync::RegisterClient>(loopbackEndpoint(*reg));
    const auto run = syncNow(*client);
    ASSERT_GT(run.toReview, 1);
    int locked = 0;
    for (const auto& item : core::ReviewQueue(*store).list("admin"))
        locked += item.code == core::kRegisterRejected && item.message.find("lesson_locked") != std::string::npos;
    EXPECT_EQ(locked, run.toReview);
    EXPECT_THROW(core::ReviewQueue(*store).reject("sekretariat", serial, "no"), Error);
    core::ReviewQueue(*store).reject("admin", serial, "council locked the month; rescan after the unlock");
    EXPECT_EQ(stateOf(serial), core::CardState::Rejected);
    EXPECT_TRUE(core::ReviewQueue(*store).list("admin").empty());
    EXPECT_EQ(core::Outbox(*store).status().inReview, 0);
    EXPECT_TRUE(audited("sync.review.reject", "council locked the month"));
}

TEST(SyncReviewIds, RevisionsNeverCollideWithFirstIds) {
    EXPECT_EQ(core::nextRevisionId("c00000042-att-P0007"), "c00000042-att-P0007:r1");
    EXPECT_EQ(core::nextRevisionId("c00000042-att-P0007:r1"), "c00000042-att-P0007:r2");
    EXPECT_EQ(core::baseRecordId("c00000042-grade-P0007:r2"), "c00000042-grade-P0007");
    // ':' in a pupil id is escaped, so a first id never looks like a revision.
    EXPECT_EQ(core::Outbox::recordId("00000042", "att", "P:r1"), "c00000042-att-P_3Ar1");
}

} // namespace
} // namespace scanstation::testing
