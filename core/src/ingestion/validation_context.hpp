#pragma once
// Shared state of one validation run (card_validation.cpp and its helper files).
#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/card_validation.hpp"
#include "scanstation/core/lesson_card_fields.hpp"
#include "scanstation/core/roster.hpp"

#include <map>
#include <optional>
#include <string>

namespace scanstation::core {

struct ValidationContext {
    Store& store;
    const CardReading& reading; // with review decisions applied
    const ReviewDecisions& decisions;
    const ValidationRules& rules;
    ValidationResult& result;
    std::optional<Card> card;

    // Adds a finding unless a person waived it in review (`waivable` false: only a changed
    // value or state of the store makes it go away, e.g. an nb removed, a period still locked).
    void add(const std::string& code, const std::string& fieldId, const std::string& message,
             bool administratorOnly = false, bool waivable = true);
};

// Who is printed on each 1-based row of the lesson's card, as the roster stands today. As the
// card printer lays rows out (card_printer.hpp): row i is the i-th active pupil of the class
// by register number, or of the group by class code then register number.
std::map<int, Pupil> rowPupils(Store& store, const LessonSlot& slot);

struct RosterMoves {
    std::map<std::string, std::string> pupils; // pupil id -> what changed (with the version)
    std::map<std::string, bool> shiftsRows;     // pupil id -> joined/left/renumbered (not a rename)
    std::map<std::string, std::string> groups;  // group id -> what changed
};

// What changed in the roster after `sinceVersion`.
RosterMoves rosterMovesSince(Store& store, std::int64_t sinceVersion);

// The first row of the lesson's card whose pupil may differ from the printed one, and why;
// rows from it on are never mapped silently. Nothing when no change touches the lesson.
std::optional<std::pair<int, std::string>> firstShiftedRow(Store& store, const LessonSlot& slot,
                                                           const std::map<int, Pupil>& rows, const RosterMoves& moves);

// "row 7 (Kowalska Zofia)"
std::string rowLabel(int row, const Pupil* pupil);

void checkRows(ValidationContext& ctx);
// Rows through the pupil list stored with the card (printed_rows.cpp); false when the card has
// none (issued before the list was stored), leaving the rows to checkRows' roster mapping.
bool checkPrintedRows(ValidationContext& ctx);
// The attendance and grade of one row whose pupil is certain.
void checkRowValues(ValidationContext& ctx, int row, const Pupil& pupil, const RowFields& fields);
void checkGrades(ValidationContext& ctx);
void checkAgainstRecorded(ValidationContext& ctx);
void checkLocks(ValidationContext& ctx);

} // namespace scanstation::core
