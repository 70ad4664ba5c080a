#pragma once
// What accepted cards recorded: per lesson the topic number, substitution flag, one attendance
// value per pupil and the grades (with category and weight). Read by the Card screen, reports
// and the sync outbox; written only by ingestion when a card is accepted.
#include "scanstation/core/card_validation.hpp"
#include "scanstation/core/clock.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scanstation::core {

class Store;

struct LessonRecord {
    std::string serial;
    std::int64_t lessonSlotId = 0;
    std::int64_t readingId = 0;
    std::optional<std::string> topicNumber;
    bool substitution = false;
    std::string recordedBy;
    TimePoint recordedAt;
    std::vector<AttendanceEntry> attendance; // by row
    std::vector<GradeEntry> grades;          // by row
};

struct AttendanceChange {
    std::int64_t lessonSlotId = 0;
    std::string pupilId;
    std::optional<std::string> oldCode; // none when first recorded
    std::string newCode;
    std::string serial;
    std::string actor;
    TimePoint at;
    std::string reason;
};

class LessonRecords {
public:
    explicit LessonRecords(Store& store) : m_store(store) {}

    std::optional<LessonRecord> forCard(const std::string& serial) const;
    std::vector<LessonRecord> forLesson(std::int64_t lessonSlotId) const;
    // The attendance value held for a pupil in a lesson, from whichever card recorded it.
    std::optional<std::string> attendance(std::int64_t lessonSlotId, const std::string& pupilId) const;
    std::vector<AttendanceChange> attendanceHistory(std::int64_t lessonSlotId, const std::string& pupilId) const;

    // Writes an accepted card's lesson (inside the caller's transaction). Existing attendance
    // of the same lesson and pupil is updated with a history row; an nb only to u, sp or zw
    // (the store's trigger refuses anything else: Error{Conflict}).
    void write(const std::string& actor, const std::string& serial, std::int64_t readingId, const LessonDraft& lesson,
               const std::string& reason);

private:
    Store& m_store;
};

} // namespace scanstation::core
