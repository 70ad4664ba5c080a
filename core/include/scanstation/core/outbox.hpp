#pragma once
// The outbox: every record of an accepted card waits here until the register acknowledges it.
//
//  - Filled in the same transaction that accepts a card (enqueueCard), so an accepted card and
//    its outgoing records exist together or not at all.
//  - Each record has a stable id derived from the card serial and the field, e.g.
//    "c00000042-att-P0007", so the register recognises a resend.
//  - Records are sent in batches. A batch is fixed (its records and its Idempotency-Key are
//    stored) before it is first sent, and resent unchanged until the register answers, so a
//    lost answer is replayed by the register, not processed twice.
//  - A record leaves the outbox only with the register's answer: acknowledged (accepted), or
//    moved to the review queue (rejected or conflict, with the register's reason). Never after
//    some number of failures. When all records of a card are acknowledged, the card becomes
//    acknowledged (eligible for custody and shredding); a refused record sends the card to
//    needs_review.
// The wire format lives in scanstation::sync; this is the store side.
#include "scanstation/core/card_validation.hpp"
#include "scanstation/core/clock.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scanstation::core {

class Store;

enum class OutboxKind { LessonTopic, Attendance, LineItem, Result };
std::string toString(OutboxKind kind); // "lessonTopic", "attendance", "lineItem", "result"

struct OutboxRecord {
    std::int64_t seq = 0;     // enqueue order
    std::string recordId;     // stable: card serial + field
    std::string cardSerial;
    OutboxKind kind = OutboxKind::Attendance;
    // The lesson: class (or group) sourcedId, date "YYYY-MM-DD", lesson number 0..12.
    std::string classId;
    std::string date;
    int lessonNumber = 0;
    std::string pupilId;      // attendance and result
    std::string value;        // topic text, attendance code ("ob" = present), or the mark
    bool substitution = false; // topic: the lesson was a substitution
    std::string teacherId;    // topic
    std::string lineItemId;   // result: its line item; lineItem: its own id
    std::string category;     // lineItem: grade category
    int weight = 1;           // lineItem
    bool countsInAverage = true; // lineItem
    TimePoint enqueuedAt;
    int attempts = 0;         // sends of the batch that holds it
    // A corrected resend after the register refused a record (sync_review.hpp): the refused
    // record's id, and the register's value the person decided over (none: it held none).
    std::string supersedes;
    std::optional<std::string> registerValue;
};

struct OutboxBatch {
    std::string key;                  // the Idempotency-Key; empty when nothing waits
    std::vector<OutboxRecord> records; // in enqueue order
    bool resend = false;              // the batch was sent before (the answer was not received)
};

enum class RegisterVerdict { Accepted, Rejected, Conflict };

struct RegisterOutcome {
    std::string recordId;
    RegisterVerdict verdict = RegisterVerdict::Accepted;
    std::string reason;       // machine-readable, e.g. "unknown_pupil"; empty when accepted
    std::string message;      // the register's words
    std::string currentValue; // conflict: what the register holds
};

struct OutcomeSummary {
    int acknowledged = 0;
    int toReview = 0;
    int unanswered = 0; // records of the batch the register did not answer: sent again later
    std::vector<std::string> cardsAcknowledged;
    std::vector<std::string> cardsToReview;
};

// A record the register refused: waits for an administrator, never resent by itself.
struct SyncReviewItem {
    std::string recordId;
    std::string cardSerial;
    std::string kind;         // "rejected" or "conflict"
    std::string reason;
    std::string message;
    std::string currentValue;
    std::string sentValue;
    TimePoint at;
    std::int64_t reviewItemId = 0; // its item in the review queue (0: the card has no reading)
};

struct LinkState {
    bool online = false;
    std::optional<TimePoint> since;       // when it became online / offline
    std::string lastError;                // plain words; empty when none since the last success
    std::optional<TimePoint> lastErrorAt;
    std::optional<TimePoint> lastSuccessAt;
    std::int64_t retries = 0;             // failed sends since the outbox was created
};

struct OutboxStatus {
    int waiting = 0;
    std::optional<TimePoint> oldestWaiting;
    int inReview = 0;
    std::int64_t acknowledged = 0;
    LinkState link;
};

class Outbox {
public:
    explicit Outbox(Store& store) : m_store(store) {}

    // Call inside the transaction that accepts the card: adds one record per field of `lesson`
    // (topic, one attendance record per pupil row, one line item and one result per grade) and
    // moves the card accepted -> queued. Waiting records with the same ids are replaced (a
    // corrected rescan). Throws Error{NotFound} for an unknown card, Error{Conflict} when the
    // card is not accepted or the lesson's class/group is not in the roster. Returns the count.
    int enqueueCard(const std::string& actor, const std::string& serial, const LessonDraft& lesson);

    // Lower level: adds records as given (ids must be stable). Returns the count.
    int enqueue(const std::vector<OutboxRecord>& records);

    // The batch to send: the one sent before without an answer, else a new one of up to
    // `maxRecords` waiting records with a fresh key. Empty key: nothing waits.
    OutboxBatch nextBatch(int maxRecords);
    // After the register refused the key (422: same key, different body): forget the key.
    void releaseBatch(const std::string& key);
    // A send failed (network, 5xx, 429, garbage): counts the attempt, marks the link offline.
    void noteFailure(const std::string& key, const std::string& plainWords);
    // The register answered: acks leave the outbox, refusals go to review, cards move on.
    OutcomeSummary applyOutcomes(const std::string& key, const std::vector<RegisterOutcome>& outcomes);

    void noteOnline();
    void noteOffline(const std::string& plainWords);
    OutboxStatus status() const;
    std::vector<OutboxRecord> waiting(int limit = 1000) const;
    std::vector<SyncReviewItem> reviewItems() const;
    bool isAcknowledged(const std::string& recordId) const;

    // Stable record ids: "c" + serial + "-" + field, with characters outside [A-Za-z0-9._~-]
    // of a pupil id written as "_XX" (hex).
    static std::string recordId(const std::string& serial, const std::string& field, const std::string& pupilId = "");

private:
    Store& m_store;
};

} // namespace scanstation::core
