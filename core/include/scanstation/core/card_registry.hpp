#pragma once
// Every physical card the station printed, and its life cycle:
//
//   issued -> scanned -> needs_review -> accepted -> queued -> acknowledged -> in_custody -> shredded
//                    \-> rejected    /                   \-> needs_review (register refused)
//                    \-> accepted
//   rejected -> scanned (the corrected card is scanned again)
//
// A card is shredded only after the register acknowledged its data and the paper was held in
// custody (DOMAIN.md: "scanned and uploaded ... must be shredded"; never before). Every
// transition is stored with who, when and why, and audited in the same transaction.
#include "scanstation/core/clock.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scanstation::core {

class Store;

enum class CardState { Issued, Scanned, NeedsReview, Rejected, Accepted, Queued, Acknowledged, InCustody, Shredded };

std::string toString(CardState state); // "issued", "scanned", "needs_review", ...
std::optional<CardState> cardStateFromString(const std::string& text);
bool isAllowedTransition(CardState from, CardState to);

struct CardIssueRequest {
    std::string templateId;
    int templateVersion = 1;
    std::optional<std::int64_t> lessonSlotId; // none for outage cards filled by hand
    std::string note;                         // optional, e.g. "reprint of 00000041"
};

// Who is printed on one row of an issued card (issue #3): validation maps the row to this
// pupil, whatever the roster says later.
struct CardRow {
    int row = 0;             // 1-based, as in field ids: row.01 is row 1
    std::string pupilId;     // Pupil::sourcedId
    int registerNumber = 0;  // as printed beside the row
};

struct Card {
    std::string serial;            // "00000042": 8 decimal digits, unique on this station
    std::string templateId;
    int templateVersion = 1;
    std::optional<std::int64_t> lessonSlotId;
    std::int64_t rosterVersion = 0; // the roster the card's pupil rows were printed from
    CardState state = CardState::Issued;
    TimePoint issuedAt;
    std::string issuedBy;
    TimePoint updatedAt;
};

struct CardTransition {
    std::string serial;
    std::optional<CardState> from; // none for the issue itself
    CardState to = CardState::Issued;
    std::string actor;
    TimePoint at;
    std::string reason;
};

class CardRegistry {
public:
    explicit CardRegistry(Store& store) : m_store(store) {}

    // Assigns the next serial, records the current roster version. Throws Error{NotFound} for
    // an unknown lesson slot, Error{Conflict} when no roster was imported yet.
    // `rows` are the pupils printed on the card, stored in the same transaction (Error{BadInput}
    // for a row below 1 or twice); outage cards have none.
    Card issue(const std::string& actor, const CardIssueRequest& request, const std::vector<CardRow>& rows = {});

    // Moves a card to `to`. Throws Error{NotFound} for an unknown serial and Error{Conflict}
    // for a transition the life cycle forbids (naming both states). `reason` is required
    // for rejected, needs_review and shredded.
    Card transition(const std::string& actor, const std::string& serial, CardState to, const std::string& reason);

    std::optional<Card> find(const std::string& serial) const;
    std::vector<CardTransition> history(const std::string& serial) const; // oldest first
    std::vector<Card> inState(CardState state) const;                     // by serial
    std::vector<Card> forLessonSlot(std::int64_t lessonSlotId) const;
    // The rows printed on the card, by row; empty for outage cards and for cards issued before
    // the row list was stored (schema version 6).
    std::vector<CardRow> rowsOf(const std::string& serial) const;

private:
    Store& m_store;
};

} // namespace scanstation::core
