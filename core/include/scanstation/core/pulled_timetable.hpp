#pragma once
// The timetable as pulled from the register (sync's lessonSlots extension): applies lesson
// slots to core's timetable (timetable.hpp) with the same rules as a timetable CSV import
// (import/timetable_import.cpp): a slot is keyed by (date, lesson number, class or group code);
// one the register deletes goes away, or stays marked cancelled when cards refer to it.
// All-or-nothing: any slot that cannot be applied (unknown class, teacher or subject) applies
// nothing, so the caller keeps its pull cursor and asks again later (e.g. after a roster pull).
// Runs inside the caller's transaction, so that the pull cursor moves with the slots.
#include "scanstation/core/date.hpp"

#include <string>
#include <vector>

namespace scanstation::core {

class Store;

struct PulledLessonSlot {
    std::string sourcedId;      // the register's id, "{class}~{date}~{number}"
    bool active = true;         // false: the register deleted it (status tobedeleted)
    std::string classSourcedId; // a SchoolClass or ClassGroup sourcedId
    Date date;
    int lessonNumber = 0;
    std::string subjectCode;
    std::string subjectTitle;   // creates the subject when the station does not know it
    std::string teacherId;      // a Teacher sourcedId the roster knows
};

struct PulledTimetableChanges {
    int added = 0, updated = 0, unchanged = 0, removed = 0, cancelled = 0;
    std::vector<std::string> problems; // plain words naming the slot; nothing applied when any
    bool any() const { return added + updated + removed + cancelled > 0; }
};

PulledTimetableChanges applyPulledLessonSlots(Store& store, const std::string& actor,
                                              const std::vector<PulledLessonSlot>& slots);

} // namespace scanstation::core
