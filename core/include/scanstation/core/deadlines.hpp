#pragma once
// The next-day rule (DOMAIN.md, 004 ch. 8 §4): a teacher who records a lesson on a card must
// have the register completed from it by the next school day. The report lists lessons on
// cards whose data the register had not acknowledged by then, and issued cards never scanned.
#include "scanstation/core/date.hpp"
#include "scanstation/core/timetable.hpp"

#include <string>
#include <vector>

namespace scanstation::core {

class Store;

struct LateCard {
    std::string serial;
    LessonSlot lesson;
    std::string state; // the card's state now
    Date due;          // the next school day after the lesson
    std::string reason;
};

struct DeadlineReport {
    Date today;
    std::vector<LateCard> notInRegister; // scanned, but not acknowledged by the due day
    std::vector<LateCard> neverScanned;  // issued for a lesson, due day passed, never scanned
};

// The school day after `day` (Monday after a Friday). Holidays are not known to the station.
Date nextSchoolDay(const Date& day);

// Needs ViewReports; a teacher sees own lessons only.
DeadlineReport deadlineReport(Store& store, const std::string& actor, const Date& today);

} // namespace scanstation::core
