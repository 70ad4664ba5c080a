#pragma once
// What a lesson card prints, from the roster: header lines and one row per active pupil.
// Internal to card-templates.
#include "scanstation/core/roster.hpp"
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

} // namespace scanstation::templates::detail
