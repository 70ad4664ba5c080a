// Register refusals in the review queue, and the decisions on them (sync_review.hpp).
#include "sync_review.hpp"

#include "ingestion/operator_check.hpp"
#include "outbox_rows.hpp"
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/core/sync_review.hpp"
#include "sql/database.hpp"
#include "time_util.hpp"

namespace scanstation::core {

bool isRegisterRefusal(const std::string& code) { return code == kRegisterRejected || code == kRegisterConflict; }

std::string baseRecordId(const std::string& recordId) { return recordId.substr(0, recordId.find(':')); }

// ':' never occurs in a first record id (Outbox::recordId escapes it), so the suffix is unique.
std::string nextRevisionId(const std::string& recordId) {
    const auto mark = recordId.find(":r");
    const int revision = mark == std::string::npos ? 0 : std::stoi(recordId.substr(mark + 2));
    return baseRecordId(recordId) + ":r" + std::to_string(revision + 1);
}

namespace {

std::optional<std::int64_t> currentReading(sql::Database& db, const std::string& serial) {
    auto st = db.prepare("SELECT id FROM card_readings WHERE serial = ?1 AND is_current = 1 ORDER BY id DESC LIMIT 1");
    st.bind(1, serial);
    return st.step() ? std::optional<std::int64_t>(st.getInt(0)) : std::nullopt;
}

std::string itemMessage(const RegisterOutcome& o, const std::string& sentValue) {
    std::string text = "the register refused " + o.recordId + " (" + o.reason + "): " + o.message + "; sent '" +
                       sentValue + "'";
    if (o.verdict == RegisterVerdict::Conflict) text += ", the register holds '" + o.currentValue + "'";
    return text + ". Resolve with a corrected value to resend it, as read to keep the register's answer, "
                  "or reject the card";
}

struct Refusal {
    std::string recordId, serial, verdict, currentValue, sentValue;
};

Refusal openRefusalOf(sql::Database& db, const ReviewItem& item) {
    auto st = db.prepare("SELECT record_id, card_serial, verdict, current_value, sent_value FROM sync_review "
                         "WHERE review_item_id = ?1 AND resolved = 0");
    st.bind(1, item.id);
    if (!st.step())
        throw Error(ErrorKind::Conflict, "review item " + std::to_string(item.id) + ": its register refusal is settled already");
    return {st.getText(0), st.getText(1), st.getText(2), st.getText(3), st.getText(4)};
}

// Queues the corrected copy of a refused record under its next revision id. Returns that id.
std::string queueCorrection(Store& store, const Refusal& refusal, const std::string& value) {
    // The kept copy, in the outbox's column order (outbox_rows.hpp); the outbox's own columns
    // (seq, times, attempts, batch, supersedes) start afresh.
    auto st = store.database().prepare(
        "SELECT 0, record_id, card_serial, kind, class_id, lesson_date, lesson_number, pupil_id, value, substitution, "
        "teacher_id, line_item_id, category, weight, counts_in_average, 0, 0, 0, '', NULL "
        "FROM sync_refused_records WHERE record_id = ?1");
    st.bind(1, refusal.recordId);
    if (!st.step())
        throw Error(ErrorKind::Conflict, "record " + refusal.recordId + " was refused before this station kept refused "
                                         "records; reject the card and scan it again");
    OutboxRecord r = readOutboxRecord(st);
    r.recordId = nextRevisionId(refusal.recordId);
    r.value = value;
    r.supersedes = refusal.recordId;
    if (refusal.verdict == "conflict") r.registerValue = refusal.currentValue;
    Outbox(store).enqueue({r});
    return r.recordId;
}

void recordDecision(Store& store, std::int64_t itemId, const std::string& recordId, const std::string& itemState,
                    const std::string& decision, const std::optional<std::string>& value, const std::string& actor,
                    const std::string& why, const std::string& resentAs) {
    auto& db = store.database();
    const auto now = toUnixMs(store.clock().now());
    db.prepare("UPDATE sync_review SET resolved = 1, decision = ?1, decided_by = ?2, decided_why = ?3, "
               "decided_at_ms = ?4, resent_as = ?5 WHERE record_id = ?6")
        .bind(1, decision).bind(2, actor).bind(3, why).bind(4, now)
        .bind(5, resentAs.empty() ? std::nullopt : std::optional<std::string>(resentAs)).bind(6, recordId).run();
    if (itemId > 0)
        db.prepare("UPDATE review_items SET state = ?1, chosen_value = ?2, decided_by = ?3, decided_why = ?4, "
                   "decided_at_ms = ?5 WHERE id = ?6")
            .bind(1, itemState).bind(2, value).bind(3, actor).bind(4, why).bind(5, now).bind(6, itemId).run();
}

// Once none of the card's refusals is open, the card goes back on its way to the register.
void settleCardAfterDecisions(Store& store, const std::string& actor, const std::string& serial, const std::string& why) {
    auto& db = store.database();
    auto open = db.prepare("SELECT count(*) FROM sync_review WHERE card_serial = ?1 AND resolved = 0");
    open.bind(1, serial).step();
    CardRegistry cards(store);
    const auto card = cards.find(serial);
    if (open.getInt(0) > 0 || !card || card->state != CardState::NeedsReview) return;
    auto waiting = db.prepare("SELECT count(*) FROM sync_outbox WHERE card_serial = ?1");
    waiting.bind(1, serial).step();
    const auto count = waiting.getInt(0);
    cards.transition(actor, serial, CardState::Accepted, "the register's refusals were decided: " + why);
    cards.transition(actor, serial, CardState::Queued,
                     count > 0 ? std::to_string(count) + " corrected record(s) queued for the register"
                               : "nothing left to send");
    if (count == 0) cards.transition(actor, serial, CardState::Acknowledged, "every record settled with the register");
}

} // namespace

void recordRegisterRefusal(Store& store, const RegisterOutcome& outcome, const std::string& serial,
                           const std::string& sentValue, const std::string& batchKey) {
    auto& db = store.database();
    const auto now = toUnixMs(store.clock().now());
    const std::string verdict = outcome.verdict == RegisterVerdict::Conflict ? "conflict" : "rejected";
    db.prepare("INSERT OR REPLACE INTO sync_refused_records SELECT record_id, card_serial, kind, class_id, lesson_date, "
               "lesson_number, pupil_id, value, substitution, teacher_id, line_item_id, category, weight, "
               "counts_in_average FROM sync_outbox WHERE record_id = ?1 AND batch_key = ?2")
        .bind(1, outcome.recordId).bind(2, batchKey).run();
    std::optional<std::int64_t> itemId;
    if (const auto reading = currentReading(db, serial)) {
        db.prepare("INSERT INTO review_items (reading_id, serial, field_id, code, message, administrator_only, state, "
                   "created_at_ms) VALUES (?1, ?2, ?3, ?4, ?5, 1, 'open', ?6)")
            .bind(1, *reading).bind(2, serial).bind(3, outcome.recordId)
            .bind(4, outcome.verdict == RegisterVerdict::Conflict ? kRegisterConflict : kRegisterRejected)
            .bind(5, itemMessage(outcome, sentValue)).bind(6, now).run();
        itemId = db.lastInsertRowId();
    }
    db.prepare("INSERT OR REPLACE INTO sync_review (record_id, card_serial, verdict, reason, message, current_value, "
               "sent_value, at_ms, review_item_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bind(1, outcome.recordId).bind(2, serial).bind(3, verdict).bind(4, outcome.reason).bind(5, outcome.message)
        .bind(6, outcome.currentValue).bind(7, sentValue).bind(8, now).bind(9, itemId).run();
    AuditLog(store).append("sync", "sync.refused", "card:" + serial,
                           outcome.recordId + ": " + verdict + " (" + outcome.reason + ") " + outcome.message);
}

ResolveOutcome settleRegisterRefusal(Store& store, const std::string& actor, const ReviewItem& item,
                                     const std::optional<std::string>& value, const std::string& why) {
    Transaction tx(store);
    const Refusal refusal = openRefusalOf(store.database(), item);
    if (value && value->empty())
        throw Error(ErrorKind::BadInput, "review item " + std::to_string(item.id) +
                                             ": give the corrected value to resend, or resolve as read to keep the "
                                             "register's answer");
    std::string details = "item " + std::to_string(item.id) + " " + item.code + " " + refusal.recordId + ": ";
    if (value) {
        const std::string resentAs = queueCorrection(store, refusal, *value);
        recordDecision(store, item.id, refusal.recordId, "resolved", "resent", value, actor, why, resentAs);
        details += "value '" + *value + "' resent as " + resentAs +
                   (refusal.verdict == "conflict" ? " over the register's '" + refusal.currentValue + "'" : "");
        AuditLog(store).append(actor, "sync.review.resend", "card:" + refusal.serial, details + "; " + why);
    } else {
        recordDecision(store, item.id, refusal.recordId, "resolved", "register_value", std::nullopt, actor, why, "");
        details += refusal.verdict == "conflict" ? "the register's value '" + refusal.currentValue + "' stands"
                                                 : "withdrawn; the register keeps what it holds";
        AuditLog(store).append(actor, "sync.review.register_value", "card:" + refusal.serial, details + "; " + why);
    }
    settleCardAfterDecisions(store, actor, refusal.serial, why);
    ResolveOutcome out;
    out.serial = refusal.serial;
    auto open = store.database().prepare("SELECT count(*) FROM review_items WHERE serial = ?1 AND state = 'open'");
    open.bind(1, refusal.serial).step();
    out.openItemsLeft = static_cast<int>(open.getInt(0));
    if (const auto card = CardRegistry(store).find(refusal.serial)) out.cardState = toString(card->state);
    tx.commit();
    return out;
}

void rejectRegisterRefusals(Store& store, const std::string& actor, const std::string& serial, const std::string& why) {
    auto& db = store.database();
    auto st = db.prepare("SELECT record_id, COALESCE(review_item_id, 0) FROM sync_review "
                         "WHERE card_serial = ?1 AND resolved = 0");
    st.bind(1, serial);
    std::vector<std::pair<std::string, std::int64_t>> open;
    while (st.step()) open.emplace_back(st.getText(0), st.getInt(1));
    if (open.empty()) return;
    if (operatorFor(store, actor).role != Role::Administrator)
        throw Error(ErrorKind::PermissionDenied, "card " + serial + " holds records the register refused: only an "
                                                 "administrator may reject it");
    Transaction tx(store);
    for (const auto& [recordId, itemId] : open) {
        recordDecision(store, itemId, recordId, "rejected", "rejected", std::nullopt, actor, why, "");
        AuditLog(store).append(actor, "sync.review.reject", "card:" + serial, recordId + ": withdrawn; " + why);
    }
    tx.commit();
}

} // namespace scanstation::core
