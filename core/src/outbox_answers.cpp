// The outbox's read side and the register's answers: acknowledgements, refusals to review,
// card state changes, the link state and status shown to people.
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/outbox.hpp"
#include "scanstation/core/store.hpp"
#include "sql/database.hpp"
#include "sync_review.hpp"
#include "time_util.hpp"

#include <map>
#include <set>

namespace scanstation::core {

namespace {

// A card moves on once none of its records waits: acknowledged when nothing was refused,
// needs_review when the register refused something (an administrator decides).
void settleCard(Store& store, const std::string& serial, OutcomeSummary& summary) {
    auto& db = store.database();
    auto waiting = db.prepare("SELECT count(*) FROM sync_outbox WHERE card_serial = ?1");
    waiting.bind(1, serial).step();
    auto refused = db.prepare("SELECT count(*), min(reason) FROM sync_review WHERE card_serial = ?1 AND resolved = 0");
    refused.bind(1, serial).step();
    CardRegistry cards(store);
    const auto card = cards.find(serial);
    if (!card || card->state != CardState::Queued) return; // records enqueued without a card (bench)
    if (refused.getInt(0) > 0) {
        cards.transition("sync", serial, CardState::NeedsReview,
                         "the register refused " + std::to_string(refused.getInt(0)) + " record(s): " + refused.getText(1));
        summary.cardsToReview.push_back(serial);
    } else if (waiting.getInt(0) == 0) {
        cards.transition("sync", serial, CardState::Acknowledged, "every record acknowledged by the register");
        summary.cardsAcknowledged.push_back(serial);
    }
}

} // namespace

OutcomeSummary Outbox::applyOutcomes(const std::string& key, const std::vector<RegisterOutcome>& outcomes) {
    Transaction tx(m_store);
    auto& db = m_store.database();
    const std::int64_t now = toUnixMs(m_store.clock().now());
    std::map<std::string, std::pair<std::string, std::string>> inBatch; // record id -> (serial, value)
    auto rows = db.prepare("SELECT record_id, card_serial, value FROM sync_outbox WHERE batch_key = ?1");
    rows.bind(1, key);
    while (rows.step()) inBatch[rows.getText(0)] = {rows.getText(1), rows.getText(2)};

    OutcomeSummary summary;
    std::set<std::string> cards;
    auto ack = db.prepare("INSERT OR REPLACE INTO sync_acks (record_id, card_serial, acked_at_ms, batch_key) "
                          "VALUES (?1, ?2, ?3, ?4)");
    auto remove = db.prepare("DELETE FROM sync_outbox WHERE record_id = ?1 AND batch_key = ?2");
    for (const auto& outcome : outcomes) {
        const auto it = inBatch.find(outcome.recordId);
        if (it == inBatch.end()) continue; // not ours to settle: ignore rather than guess
        const auto [serial, value] = it->second; // copies: the entry is erased below
        if (outcome.verdict == RegisterVerdict::Accepted) {
            ack.reset();
            ack.bind(1, outcome.recordId).bind(2, serial).bind(3, now).bind(4, key).run();
            ++summary.acknowledged;
        } else {
            recordRegisterRefusal(m_store, outcome, serial, value, key); // into the one review queue
            ++summary.toReview;
        }
        remove.reset();
        remove.bind(1, outcome.recordId).bind(2, key).run();
        inBatch.erase(it);
        cards.insert(serial);
    }
    summary.unanswered = static_cast<int>(inBatch.size());
    releaseBatch(key); // records the register did not answer go into a later batch
    for (const auto& serial : cards) settleCard(m_store, serial, summary);
    noteOnline();
    tx.commit();
    return summary;
}

void Outbox::noteOnline() {
    const std::int64_t now = toUnixMs(m_store.clock().now());
    auto st = m_store.database().prepare(
        "UPDATE sync_link SET since_ms = CASE WHEN online = 1 AND since_ms IS NOT NULL THEN since_ms ELSE ?1 END, "
        "online = 1, last_error = '', last_success_at_ms = ?1 WHERE id = 1");
    st.bind(1, now).run();
}

void Outbox::noteOffline(const std::string& plainWords) {
    const std::int64_t now = toUnixMs(m_store.clock().now());
    auto st = m_store.database().prepare(
        "UPDATE sync_link SET since_ms = CASE WHEN online = 0 AND since_ms IS NOT NULL THEN since_ms ELSE ?1 END, "
        "online = 0, last_error = ?2, last_error_at_ms = ?1, retries = retries + 1 WHERE id = 1");
    st.bind(1, now).bind(2, plainWords).run();
}

OutboxStatus Outbox::status() const {
    auto& db = m_store.database();
    OutboxStatus status;
    auto waiting = db.prepare("SELECT count(*), min(enqueued_at_ms) FROM sync_outbox");
    waiting.step();
    status.waiting = static_cast<int>(waiting.getInt(0));
    if (const auto oldest = waiting.getOptionalInt(1)) status.oldestWaiting = fromUnixMs(*oldest);
    auto review = db.prepare("SELECT count(*) FROM sync_review WHERE resolved = 0");
    review.step();
    status.inReview = static_cast<int>(review.getInt(0));
    auto acks = db.prepare("SELECT count(*) FROM sync_acks");
    acks.step();
    status.acknowledged = acks.getInt(0);
    auto link = db.prepare("SELECT online, since_ms, last_error, last_error_at_ms, last_success_at_ms, retries "
                           "FROM sync_link WHERE id = 1");
    if (link.step()) {
        status.link.online = link.getInt(0) != 0;
        if (const auto v = link.getOptionalInt(1)) status.link.since = fromUnixMs(*v);
        status.link.lastError = link.getText(2);
        if (const auto v = link.getOptionalInt(3)) status.link.lastErrorAt = fromUnixMs(*v);
        if (const auto v = link.getOptionalInt(4)) status.link.lastSuccessAt = fromUnixMs(*v);
        status.link.retries = link.getInt(5);
    }
    return status;
}

std::vector<SyncReviewItem> Outbox::reviewItems() const {
    auto st = m_store.database().prepare("SELECT record_id, card_serial, verdict, reason, message, current_value, "
                                         "sent_value, at_ms, COALESCE(review_item_id, 0) FROM sync_review "
                                         "WHERE resolved = 0 ORDER BY at_ms, record_id");
    std::vector<SyncReviewItem> items;
    while (st.step())
        items.push_back({st.getText(0), st.getText(1), st.getText(2), st.getText(3), st.getText(4), st.getText(5),
                         st.getText(6), fromUnixMs(st.getInt(7)), st.getInt(8)});
    return items;
}

bool Outbox::isAcknowledged(const std::string& recordId) const {
    auto st = m_store.database().prepare("SELECT 1 FROM sync_acks WHERE record_id = ?1");
    st.bind(1, recordId);
    return st.step();
}

} // namespace scanstation::core
