#pragma once
// Records one recognised page in the store, in ONE transaction: the reading with its fields, the
// validation findings as review items, and — when the card is clean — its lesson records, the
// card's move to accepted and its outbox records. Either all of it is stored or none.
//  - The same page (same SHA-256) again adds nothing: Duplicate.
//  - Another page of a card whose current reading says the same: Duplicate (the page hash is
//    kept so that it is recognised next time).
//  - A corrected rescan of a card not yet accepted supersedes the earlier reading (its open
//    review items close as "superseded"), audited as reading.supersede.
//  - A rescan that differs from a card already accepted changes nothing recorded: it becomes a
//    review item for an administrator.
#include "scanstation/core/card_reading.hpp"
#include "scanstation/core/card_validation.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace scanstation::core {

class Store;

enum class IngestOutcome { Accepted, NeedsReview, Rejected, Duplicate, NotACard };
std::string toString(IngestOutcome outcome); // "accepted", "needs_review", "rejected", "duplicate", "not_a_card"

struct RecordResult {
    IngestOutcome outcome = IngestOutcome::NotACard;
    std::string serial;          // empty when the page named no card of this station
    std::int64_t readingId = 0;  // the stored reading (the earlier one for a duplicate)
    std::vector<Finding> findings;
    bool supersededEarlier = false;
    std::string message;         // one line for people
};

class ReadingRecorder {
public:
    explicit ReadingRecorder(Store& store, ValidationRules rules = {}) : m_store(store), m_rules(std::move(rules)) {}

    // `actor` needs the ScanCards permission ("station", the unattended hot folder, may scan).
    RecordResult record(const std::string& actor, const CardReading& reading);

    // True when a page with this hash was recorded (a re-run of a batch skips it early).
    bool isRecorded(const std::string& pageHash) const;

private:
    Store& m_store;
    ValidationRules m_rules;
};

} // namespace scanstation::core
