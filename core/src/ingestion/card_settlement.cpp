#include "ingestion/card_settlement.hpp"

#include "ingestion/reading_rows.hpp"
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/lesson_records.hpp"
#include "scanstation/core/outbox.hpp"
#include "scanstation/core/store.hpp"
#include "sql/database.hpp"
#include "time_util.hpp"

namespace scanstation::core {

namespace {

// Hands the accepted card to the register outbox (issue 6) in the same transaction: the card
// moves accepted -> queued together with its outgoing records.
void enqueueForRegister(Store& store, const std::string& actor, const std::string& serial, const LessonDraft& lesson) {
    Outbox(store).enqueueCard(actor, serial, lesson);
}

std::string summary(const ValidationResult& v) {
    std::string text = std::to_string(v.findings.size()) + " finding(s):";
    for (std::size_t i = 0; i < v.findings.size() && i < 3; ++i)
        text += " " + v.findings[i].code + (v.findings[i].fieldId.empty() ? "" : "@" + v.findings[i].fieldId);
    return text;
}

void moveTo(CardRegistry& cards, const std::string& actor, const std::string& serial, CardState to,
            const std::string& reason) {
    const auto card = cards.find(serial);
    if (card && card->state != to)
        cards.transition(actor, serial, to, reason);
}

} // namespace

SettleResult settleReading(Store& store, const std::string& actor, std::int64_t readingId,
                           const ValidationRules& rules, const std::string& reason) {
    auto& db = store.database();
    const auto stored = loadReading(db, readingId);
    if (!stored || !stored->serial)
        throw Error(ErrorKind::NotFound, "no card reading " + std::to_string(readingId));
    const std::string serial = *stored->serial;
    SettleResult out;
    out.validation = validateReading(store, stored->reading, decisionsOf(db, readingId), rules);
    const auto& v = out.validation;
    const auto now = toUnixMs(store.clock().now());
    CardRegistry cards(store);
    if (v.rejected) {
        insertReviewItems(db, readingId, serial, v.findings, now);
        closeOpenItems(db, readingId, "rejected", actor, v.findings.front().message, now);
        moveTo(cards, actor, serial, CardState::Rejected, v.findings.front().message);
        setReadingOutcome(db, readingId, "rejected");
        out.settlement = Settlement::Rejected;
    } else if (!v.clean()) {
        insertReviewItems(db, readingId, serial, v.findings, now);
        moveTo(cards, actor, serial, CardState::NeedsReview, summary(v));
        setReadingOutcome(db, readingId, "needs_review");
        out.settlement = Settlement::NeedsReview;
    } else {
        LessonRecords(store).write(actor, serial, readingId, v.lesson, reason);
        moveTo(cards, actor, serial, CardState::Accepted, reason);
        setReadingOutcome(db, readingId, "accepted");
        enqueueForRegister(store, actor, serial, v.lesson);
        out.settlement = Settlement::Accepted;
    }
    return out;
}

} // namespace scanstation::core
