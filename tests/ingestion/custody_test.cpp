// Custody of the paper, shredding only after the register's acknowledgement, and deadlines.
#include "ingestion_fixture.hpp"

#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/custody.hpp"
#include "scanstation/core/deadlines.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/reading_recorder.hpp"
#include "scanstation/core/shredding.hpp"

#include <algorithm>

namespace scanstation::testing {
namespace {

using namespace core;

class CustodyTest : public IngestionTest {
protected:
    Card acceptedCard(const std::string& classCode, const std::string& date, int lesson) {
        const auto card = issue(slotOf(classCode, date, lesson).id);
        const auto r = ReadingRecorder(*m_store).record(
            kAdmin, reading(card, {}, static_cast<int>(pupilsOf(classCode).size())));
        EXPECT_EQ(r.outcome, IngestOutcome::Accepted);
        return card;
    }
};

TEST_F(CustodyTest, ShreddingIsRefusedBeforeTheRegisterAcknowledged) {
    const auto card = acceptedCard("2b", "2026-11-23", 1);
    ShreddingDesk desk(*m_store);
    const auto refused = desk.confirmCard(kSecretariat, card.serial);
    EXPECT_FALSE(refused.accepted);
    EXPECT_NE(refused.message.find("not yet in the register — keep it"), std::string::npos) << refused.message;
    EXPECT_EQ(CardRegistry(*m_store).find(card.serial)->state, CardState::Queued);
    EXPECT_TRUE(desk.eligible(kSecretariat).empty());
}

TEST_F(CustodyTest, AcknowledgedCardIsShreddedOnceLoggedAndAudited) {
    const auto card = acceptedCard("2b", "2026-11-23", 1);
    acknowledge(card.serial);
    ShreddingDesk desk(*m_store);
    ASSERT_EQ(desk.eligible(kSecretariat).size(), 1u);
    EXPECT_THROW(desk.confirmCard("gsikora", card.serial), Error); // teachers do not shred
    const auto done = desk.confirmCard(kSecretariat, " " + card.serial + "\r\n", "Zbigniew Dyrektorski");
    EXPECT_TRUE(done.accepted) << done.message;
    EXPECT_EQ(CardRegistry(*m_store).find(card.serial)->state, CardState::Shredded);
    const auto again = desk.confirmCard(kSecretariat, card.serial);
    EXPECT_FALSE(again.accepted);
    EXPECT_NE(again.message.find("shredded already"), std::string::npos);
    const auto log = desk.shreddedOn(kAdmin, *Date::parse("2026-11-23"));
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log.front().serial, card.serial);
    EXPECT_EQ(log.front().operatorLogin, kSecretariat);
    EXPECT_EQ(log.front().witness, "Zbigniew Dyrektorski");
    AuditQuery q;
    q.actionPrefix = "card.shred";
    EXPECT_EQ(AuditLog(*m_store).list(q).size(), 1u);
    EXPECT_FALSE(desk.confirmCard(kSecretariat, "not-a-code").accepted);
}

TEST_F(CustodyTest, WholeDayIsShreddedAllOrNothing) {
    const auto a = acceptedCard("2b", "2026-11-23", 1);
    const auto b = acceptedCard("1a", "2026-11-23", 1);
    acknowledge(a.serial);
    ShreddingDesk desk(*m_store);
    const auto refused = desk.confirmDay(kSecretariat, *Date::parse("2026-11-23"));
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_FALSE(refused.front().accepted);
    EXPECT_EQ(refused.front().serial, b.serial);
    EXPECT_EQ(CardRegistry(*m_store).find(a.serial)->state, CardState::Acknowledged);
    acknowledge(b.serial);
    const auto done = desk.confirmDay(kSecretariat, *Date::parse("2026-11-23"));
    ASSERT_EQ(done.size(), 2u);
    EXPECT_TRUE(done[0].accepted && done[1].accepted);
    EXPECT_THROW(desk.confirmDay(kSecretariat, *Date::parse("2026-11-23")), Error); // nothing held any more
}

TEST_F(CustodyTest, CustodyReportsEachDaysStackAndWhyCardsAreHeld) {
    const auto mon = acceptedCard("2b", "2026-11-23", 1);
    const auto tue = acceptedCard("2b", "2026-11-24", 1);
    acknowledge(tue.serial);
    const auto flagged = issue(slotOf("1a", "2026-11-24", 2).id);
    ReadingRecorder(*m_store).record(kAdmin, reading(flagged, {{"row.01.attendance", "?faint"}}));
    Custody custody(*m_store);
    const auto days = custody.days(kSecretariat);
    ASSERT_EQ(days.size(), 2u);
    EXPECT_EQ(days[0].day.toString(), "2026-11-23");
    EXPECT_EQ(days[1].serials.size(), 2u);
    EXPECT_EQ(days[1].eligible, 1);
    EXPECT_EQ(days[1].labelCode, Custody::labelCode(days[1].day, days[1].serials));
    EXPECT_NE(days[0].labelCode, days[1].labelCode);
    const auto cards = custody.heldCards(kSecretariat);
    const auto find = [&](const std::string& s) {
        return *std::find_if(cards.begin(), cards.end(), [&](const HeldCard& h) { return h.serial == s; });
    };
    EXPECT_NE(find(mon.serial).reason.find("not yet in the register"), std::string::npos);
    EXPECT_NE(find(flagged.serial).reason.find("open in review"), std::string::npos);
    EXPECT_TRUE(find(tue.serial).eligible);
    const auto label = custody.label(kSecretariat, *Date::parse("2026-11-24"));
    EXPECT_EQ(label.code, days[1].labelCode);
    EXPECT_EQ(label.serials, days[1].serials);
    EXPECT_THROW(custody.label("gsikora", *Date::parse("2026-11-24")), Error);
}

TEST_F(CustodyTest, DeadlineReportNamesLateCardsAndCardsNeverScanned) {
    const auto scanned = acceptedCard("2b", "2026-11-23", 1);
    const auto never = issue(slotOf("2b", "2026-11-23", 2).id);
    const auto fresh = issue(slotOf("2b", "2026-11-24", 2).id);
    const auto acked = acceptedCard("1a", "2026-11-23", 1);
    acknowledge(acked.serial);
    // Wednesday: Monday's lessons were due on Tuesday; Tuesday's are due today.
    const auto report = deadlineReport(*m_store, kAdmin, *Date::parse("2026-11-25"));
    ASSERT_EQ(report.notInRegister.size(), 1u);
    EXPECT_EQ(report.notInRegister.front().serial, scanned.serial);
    EXPECT_EQ(report.notInRegister.front().due.toString(), "2026-11-24");
    ASSERT_EQ(report.neverScanned.size(), 1u);
    EXPECT_EQ(report.neverScanned.front().serial, never.serial);
    (void)fresh;
    EXPECT_EQ(nextSchoolDay(*Date::parse("2026-11-27")).toString(), "2026-11-30");
    EXPECT_THROW(deadlineReport(*m_store, "nobody", *Date::parse("2026-11-25")), Error);
}

} // namespace
} // namespace scanstation::testing
