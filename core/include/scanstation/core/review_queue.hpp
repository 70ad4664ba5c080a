#pragma once
// The review queue: every flagged field and every failed check of a card, with the reason.
// Resolving records the value chosen (or "as read"), who chose it and why; rejecting a card
// records why. When a card's last open item is settled the card is validated again with the
// decisions and, when clean, accepted in the same transaction.
//
// Permissions (permissions.hpp, DOMAIN.md "People and their rights"), enforced here:
//  - a teacher resolves and rejects only cards of own lessons; an attendance or grade value
//    is chosen only with ChangeAttendance / ChangeGrade;
//  - the secretariat never changes a value (ResolveReview refused);
//  - items held for an administrator (locked period, outage card to assign, differing rescan
//    of an accepted card, a page naming no card) only by an administrator;
//  - the inspector reads only.
#include "scanstation/core/card_reading.hpp"
#include "scanstation/core/card_validation.hpp"
#include "scanstation/core/clock.hpp"
#include "scanstation/core/timetable.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scanstation::core {

class Store;

enum class ReviewState { Open, Resolved, Rejected, Superseded };
std::string toString(ReviewState state); // "open", "resolved", "rejected", "superseded"

struct ReviewItem {
    std::int64_t id = 0;
    std::int64_t readingId = 0;
    std::string serial;  // empty for a page that names no card of this station
    std::string fieldId; // empty for a card-level finding
    std::string code;    // finding::k... or "rescan_differs"
    std::string message;
    bool administratorOnly = false;
    ReviewState state = ReviewState::Open;
    std::optional<std::string> chosenValue; // none: accepted as read (or not decided)
    std::optional<std::string> decidedBy;
    std::string decidedWhy;
    std::optional<TimePoint> decidedAt;
    TimePoint createdAt;
    // Context for the screen: what recognition measured for the field, the lesson, the page.
    std::optional<FieldReading> field;
    std::optional<LessonSlot> lesson;
    std::string pageHash;
    std::string source;
};

// One card with its current reading and all its review items (the Card screen).
struct CardReview {
    std::string serial;
    std::string state; // the card's life-cycle state
    std::optional<LessonSlot> lesson;
    std::int64_t readingId = 0;
    CardReading reading;
    std::vector<ReviewItem> items; // all, open first
};

struct ReviewFilter {
    bool openOnly = true;
    std::optional<std::string> serial;
};

struct ResolveOutcome {
    std::string serial;
    int openItemsLeft = 0;
    std::string cardState; // after the resolution
    std::vector<Finding> newFindings; // raised when the card was validated again
};

class ReviewQueue {
public:
    explicit ReviewQueue(Store& store, ValidationRules rules = {}) : m_store(store), m_rules(std::move(rules)) {}

    // Items the actor may see (ViewCards; a teacher sees own lessons only), oldest first.
    std::vector<ReviewItem> list(const std::string& actor, const ReviewFilter& filter = {}) const;
    CardReview show(const std::string& actor, const std::string& serial) const;

    // Settles one open item. `value`: the value chosen for the item's field ("" = nothing
    // marked); none = the reading is right as it is. For an outage card or a lesson not in the
    // timetable, the value is the lesson slot id to assign. `why` is required.
    ResolveOutcome resolve(const std::string& actor, std::int64_t itemId, const std::optional<std::string>& value,
                           const std::string& why);

    // The kiosk's "correct this field": settles every open item of the card's field with the
    // value. Error{NotFound} when the field has no open item (accepted data is never edited here).
    ResolveOutcome resolveField(const std::string& actor, const std::string& serial, const std::string& fieldId,
                                const std::optional<std::string>& value, const std::string& why);

    // Rejects the card (RejectCard): it waits for a corrected rescan. `why` is required.
    void reject(const std::string& actor, const std::string& serial, const std::string& why);

private:
    Store& m_store;
    ValidationRules m_rules;
};

} // namespace scanstation::core
