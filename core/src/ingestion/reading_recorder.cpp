#include "scanstation/core/reading_recorder.hpp"

#include "ingestion/card_settlement.hpp"
#include "ingestion/operator_check.hpp"
#include "ingestion/reading_rows.hpp"
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/store.hpp"
#include "sql/database.hpp"
#include "time_util.hpp"

#include <map>

namespace scanstation::core {

namespace {

using Values = std::map<std::string, std::pair<FieldState, std::string>>;

Values valuesOf(const CardReading& r) {
    Values v;
    for (const auto& f : r.fields)
        v[f.fieldId] = {f.state, f.joined()};
    return v;
}

// "row.07.attendance: nb -> u; ..." for the fields two readings disagree on.
std::string differences(const CardReading& before, const CardReading& after) {
    const auto a = valuesOf(before), b = valuesOf(after);
    std::string text;
    for (const auto& [id, value] : b) {
        const auto it = a.find(id);
        if (it != a.end() && it->second == value)
            continue;
        const auto show = [](const std::pair<FieldState, std::string>& v) {
            return v.first == FieldState::Nothing ? std::string("nothing")
                                                  : v.second + (v.first == FieldState::Flagged ? " (flagged)" : "");
        };
        text += (text.empty() ? "" : "; ") + id + ": " + (it == a.end() ? "missing" : show(it->second)) + " -> " +
                show(value);
    }
    return text;
}

RecordResult duplicateOf(std::int64_t readingId, const std::string& serial, const std::string& why) {
    RecordResult r;
    r.outcome = IngestOutcome::Duplicate;
    r.readingId = readingId;
    r.serial = serial;
    r.message = why;
    return r;
}

IngestOutcome outcomeOf(Settlement s) {
    switch (s) {
    case Settlement::Accepted: return IngestOutcome::Accepted;
    case Settlement::NeedsReview: return IngestOutcome::NeedsReview;
    case Settlement::Rejected: return IngestOutcome::Rejected;
    }
    return IngestOutcome::NeedsReview;
}

bool isSettled(CardState s) {
    return s == CardState::Accepted || s == CardState::Queued || s == CardState::Acknowledged ||
           s == CardState::InCustody;
}

} // namespace

std::string toString(IngestOutcome outcome) {
    switch (outcome) {
    case IngestOutcome::Accepted: return "accepted";
    case IngestOutcome::NeedsReview: return "needs_review";
    case IngestOutcome::Rejected: return "rejected";
    case IngestOutcome::Duplicate: return "duplicate";
    case IngestOutcome::NotACard: return "not_a_card";
    }
    return "unknown";
}

bool ReadingRecorder::isRecorded(const std::string& pageHash) const {
    return readingIdOfPage(m_store.database(), pageHash).has_value();
}

RecordResult ReadingRecorder::record(const std::string& actor, const CardReading& reading) {
    if (actor != kStationActor)
        requirePermission(m_store, actor, Action::ScanCards, false, "page " + reading.source);
    if (reading.pageHash.size() != 64)
        throw Error(ErrorKind::BadInput, "page " + reading.source + " has no SHA-256 content hash");
    Transaction tx(m_store);
    auto& db = m_store.database();
    const auto now = toUnixMs(m_store.clock().now());
    if (const auto earlier = readingIdOfPage(db, reading.pageHash)) {
        const auto stored = loadReading(db, *earlier);
        return duplicateOf(*earlier, stored && stored->serial ? *stored->serial : "",
                           "page already recorded as reading " + std::to_string(*earlier));
    }
    RecordResult result;
    if (reading.status == PageStatus::NotACard || reading.status == PageStatus::Blank) {
        result.readingId = insertReading(db, {&reading, std::nullopt, "not_a_card", false, actor, now});
        result.outcome = IngestOutcome::NotACard;
        result.message = reading.status == PageStatus::Blank ? "blank page" : "not a card";
        tx.commit();
        return result;
    }
    // Identity first: a page that names no card of this station is rejected as a page.
    const auto identity = validateReading(m_store, reading, {}, m_rules);
    if (identity.rejected) {
        result.readingId = insertReading(db, {&reading, std::nullopt, "rejected", false, actor, now});
        insertReviewItems(db, result.readingId, std::nullopt, identity.findings, now);
        result.outcome = IngestOutcome::Rejected;
        result.findings = identity.findings;
        result.message = identity.findings.front().message;
        tx.commit();
        return result;
    }
    const std::string serial = identity.serial;
    result.serial = serial;
    CardRegistry cards(m_store);
    const auto card = cards.find(serial);
    if (card->state == CardState::Shredded) {
        result.readingId = insertReading(db, {&reading, std::nullopt, "rejected", false, actor, now});
        result.outcome = IngestOutcome::Rejected;
        result.message = "card " + serial + " was shredded already; this page is a copy";
        tx.commit();
        return result;
    }
    const auto current = currentReadingId(db, serial);
    if (current) {
        const auto earlier = loadReading(db, *current);
        const std::string diff = differences(earlier->reading, reading);
        if (diff.empty()) {
            const auto id = insertReading(db, {&reading, serial, "duplicate_card", false, actor, now});
            tx.commit();
            return duplicateOf(id, serial, "card " + serial + " was recorded already (reading " +
                                               std::to_string(*current) + "); nothing new on this page");
        }
        if (isSettled(card->state)) {
            // Accepted data is never overwritten by a rescan: a person decides.
            result.readingId = insertReading(db, {&reading, serial, "needs_review", false, actor, now});
            insertReviewItems(db, result.readingId, serial,
                              {Finding{"rescan_differs", "",
                                       "card " + serial + " is " + toString(card->state) +
                                           "; this rescan differs from the accepted data: " + diff,
                                       true}},
                              now);
            result.outcome = IngestOutcome::NeedsReview;
            result.message = "rescan of accepted card " + serial + " differs; held for an administrator";
            tx.commit();
            return result;
        }
        result.supersededEarlier = true;
    }
    result.readingId = insertReading(db, {&reading, serial, "needs_review", true, actor, now});
    if (current) {
        db.prepare("UPDATE card_readings SET is_current = 0, superseded_by = ? WHERE id = ?")
            .bind(1, result.readingId)
            .bind(2, *current)
            .run();
        closeOpenItems(db, *current, "superseded", actor, "superseded by reading " + std::to_string(result.readingId),
                       now);
        AuditLog(m_store).append(actor, "reading.supersede", "card:" + serial,
                                 "reading " + std::to_string(*current) + " superseded by " +
                                     std::to_string(result.readingId) + " (" + reading.source + "): " +
                                     differences(loadReading(db, *current)->reading, reading));
    }
    if (card->state == CardState::Issued || card->state == CardState::Rejected)
        cards.transition(actor, serial, CardState::Scanned, "page " + reading.source);
    const auto settled = settleReading(m_store, actor, result.readingId, m_rules, "read from card " + serial);
    result.outcome = outcomeOf(settled.settlement);
    result.findings = settled.validation.findings;
    result.message = "card " + serial + ": " + toString(result.outcome);
    tx.commit();
    return result;
}

} // namespace scanstation::core
