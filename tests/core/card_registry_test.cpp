// The card life cycle: allowed transitions only, each with who, when and why, audited.
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/demo_school.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/core/timetable.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

using namespace scanstation;
using core::CardState;
using scanstation::test::TempDir;

namespace {

class CardLifeCycle : public ::testing::Test {
protected:
    TempDir dir;
    std::shared_ptr<core::ManualClock> clock =
        std::make_shared<core::ManualClock>(core::TimePoint(std::chrono::seconds(1795000000)));
    core::Store store{dir / "data", clock};
    core::CardRegistry cards{store};

    void SetUp() override { ASSERT_TRUE(core::installDemoSchool(store, "admin", dir / "files").ok()); }

    std::int64_t slotId() { return core::Timetable(store).find(core::Date{2026, 11, 23}, 1, "1a")->id; }
};

} // namespace

TEST_F(CardLifeCycle, CardsBeforeAnyRosterAreRefused) {
    TempDir empty;
    core::Store fresh(empty.path());
    try {
        core::CardRegistry(fresh).issue("admin", {"attendance-a4", 1, std::nullopt, ""});
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Conflict);
    }
}

TEST_F(CardLifeCycle, IssueAssignsSerialsAndRecordsRosterVersionAndSlot) {
    const auto a = cards.issue("sekretariat", {"attendance-a4", 2, slotId(), ""});
    const auto b = cards.issue("sekretariat", {"outage-a4", 1, std::nullopt, "register down"});
    EXPECT_EQ(a.serial, "00000001");
    EXPECT_EQ(b.serial, "00000002");
    EXPECT_EQ(a.rosterVersion, 1);
    EXPECT_EQ(a.lessonSlotId, slotId());
    EXPECT_EQ(a.templateVersion, 2);
    EXPECT_FALSE(b.lessonSlotId);
    EXPECT_EQ(a.state, CardState::Issued);
    EXPECT_EQ(cards.forLessonSlot(slotId()).size(), 1u);
    EXPECT_THROW(cards.issue("admin", {"attendance-a4", 1, 987654, ""}), Error);
}

TEST_F(CardLifeCycle, TheWholeLifeIsRecordedWithWhoWhenAndWhy) {
    const auto card = cards.issue("abaran", {"attendance-a4", 1, slotId(), ""});
    const std::vector<std::tuple<CardState, std::string, std::string>> steps = {
        {CardState::Scanned, "sekretariat", ""},
        {CardState::NeedsReview, "station", "row 7: two marks"},
        {CardState::Accepted, "abaran", "row 7 is nb"},
        {CardState::Queued, "station", ""},
        {CardState::Acknowledged, "station", "register id 123"},
        {CardState::InCustody, "dyrektor", "box 2026-11-23"},
        {CardState::Shredded, "dyrektor", "P-4 shredder, witness: sekretariat"},
    };
    for (const auto& [state, who, why] : steps) {
        clock->advance(std::chrono::minutes(5));
        EXPECT_EQ(cards.transition(who, card.serial, state, why).state, state);
    }
    const auto history = cards.history(card.serial);
    ASSERT_EQ(history.size(), steps.size() + 1);
    EXPECT_FALSE(history[0].from);
    EXPECT_EQ(history[0].actor, "abaran");
    for (std::size_t i = 0; i < steps.size(); ++i) {
        EXPECT_EQ(history[i + 1].to, std::get<0>(steps[i]));
        EXPECT_EQ(history[i + 1].actor, std::get<1>(steps[i]));
        EXPECT_EQ(history[i + 1].reason, std::get<2>(steps[i]));
        EXPECT_EQ(history[i + 1].from, history[i].to);
        EXPECT_GT(history[i + 1].at, history[i].at);
    }
    core::AuditQuery query;
    query.subject = "card:" + card.serial;
    const auto audit = core::AuditLog(store).list(query);
    EXPECT_EQ(audit.size(), steps.size() + 1);
    EXPECT_EQ(audit.back().actor, "dyrektor");
    EXPECT_TRUE(core::AuditLog(store).verify().ok);
}

TEST_F(CardLifeCycle, ForbiddenTransitionsAreConflictsAndChangeNothing) {
    const auto card = cards.issue("abaran", {"attendance-a4", 1, slotId(), ""});
    cards.transition("sekretariat", card.serial, CardState::Scanned, "");
    for (auto to : {CardState::Shredded, CardState::InCustody, CardState::Acknowledged, CardState::Queued, CardState::Issued}) {
        try {
            cards.transition("dyrektor", card.serial, to, "because");
            FAIL() << "scanned -> " << core::toString(to) << " was allowed";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Conflict);
            EXPECT_NE(std::string(e.what()).find("is scanned"), std::string::npos) << e.what();
        }
    }
    EXPECT_THROW(cards.transition("x", card.serial, CardState::Rejected, ""), Error) << "rejection needs a reason";
    EXPECT_THROW(cards.transition("x", "99999999", CardState::Scanned, ""), Error);
    EXPECT_EQ(cards.find(card.serial)->state, CardState::Scanned);
    EXPECT_EQ(cards.history(card.serial).size(), 2u);
}

TEST_F(CardLifeCycle, StatesRoundTripAsText) {
    for (auto s : {CardState::Issued, CardState::Scanned, CardState::NeedsReview, CardState::Rejected, CardState::Accepted,
                   CardState::Queued, CardState::Acknowledged, CardState::InCustody, CardState::Shredded})
        EXPECT_EQ(core::cardStateFromString(core::toString(s)), s);
    EXPECT_FALSE(core::cardStateFromString("lost"));
}
