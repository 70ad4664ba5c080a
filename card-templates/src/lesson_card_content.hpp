#pragma once
// What a lesson card prints, from the roster: header lines and one row per active pupil.
// Internal to card-templates.
#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/station_key.hpp"
#include "scanstation/core/timetable.hpp"
#include "scanstation/templates/card_renderer.hpp"

namespace scanstation::templates::detail {

struct LessonCardData {
    CardContent content;               // without identity payload and serial
    std::vector<core::Pupil> pupils;   // row i <-> pupils[i]
};

// Error{NotFound} when the roster does not know the slot's class or group, Error{Conflict}
// when there are more active pupils than rows.
LessonCardData lessonCardData(const core::Roster& roster, const core::CardTemplate& tpl, const core::LessonSlot& slot);

// The title and header line of a lesson card (no rows, no identity).
CardContent lessonHeader(const core::Roster& roster, const core::CardTemplate& tpl, const core::LessonSlot& slot);
// What is printed beside 0-based row `row` for pupil `p`.
PrintedRow printedRow(const core::Roster& roster, const core::LessonSlot& slot, int row, const core::Pupil& p);

// The row list stored with the issued card: row i + 1 <-> data.pupils[i].
std::vector<core::CardRow> cardRowsOf(const LessonCardData& data);

// Adds the signed identity code and the serial of an issued lesson card, and the roster
// version to its last header line.
void signLessonContent(CardContent& content, const core::Card& card, const core::CardTemplate& tpl,
                       const std::string& school, const core::LessonSlot& slot, const core::StationKey& key);

// Everything an outage card prints: its signed identity, serial, instruction line and rows 1..40.
CardContent outageContent(const core::Card& card, const core::CardTemplate& tpl, const std::string& school,
                          const core::StationKey& key);

} // namespace scanstation::templates::detail
