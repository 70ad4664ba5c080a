#pragma once
// Writing one lesson slot of the timetable, shared by the timetable file import and the pull
// from the register: the same slot written again changes nothing, a changed one is updated
// (and un-cancelled) in place, so cards that refer to it keep their meaning.
#include "sql/database.hpp"

#include <string>

namespace scanstation::core {

struct LessonSlotValues {
    std::string date; // YYYY-MM-DD
    int lessonNumber = 0;
    std::string classOrGroupCode;
    bool isGroup = false;
    std::string subjectCode;
    std::string teacherId;
};

enum class SlotWrite { Unchanged, Added, Updated };

SlotWrite writeLessonSlot(sql::Database& db, const LessonSlotValues& slot);

} // namespace scanstation::core
