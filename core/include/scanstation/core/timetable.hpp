#pragma once
// The timetable: lesson slots (date, lesson number, class or inter-class group, subject,
// teacher). A card is printed for one slot; outage cards have none.
#include "scanstation/core/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scanstation::core {

class Store;

struct LessonSlot {
    std::int64_t id = 0;      // store id, stable across re-imports of the same slot
    Date date;
    int lessonNumber = 0;     // 0..12, lesson of the day (0 = "lekcja zerowa")
    std::string classOrGroupCode; // a SchoolClass::code or a ClassGroup::code
    bool isGroup = false;
    std::string subjectCode;
    std::string teacherId;    // Teacher::sourcedId
    bool cancelled = false;   // dropped from a later timetable while cards referred to it
};

class Timetable {
public:
    explicit Timetable(Store& store) : m_store(store) {}

    std::optional<LessonSlot> slot(std::int64_t id) const;
    std::optional<LessonSlot> find(const Date& date, int lessonNumber, const std::string& classOrGroupCode) const;
    std::vector<LessonSlot> onDate(const Date& date) const;
    std::vector<LessonSlot> between(const Date& first, const Date& last) const; // inclusive
    std::vector<LessonSlot> ofTeacher(const std::string& teacherId, const Date& first, const Date& last) const;

private:
    Store& m_store;
};

} // namespace scanstation::core
