#pragma once
// The checks a card reading passes before it becomes lesson records (issue 5, "Validation";
// every rule from ../shared/DOMAIN.md). Each failed check is a Finding with a precise reason,
// attached to the field it concerns (or to the card). Validation reads the store, never writes.
#include "scanstation/core/card_reading.hpp"
#include "scanstation/core/timetable.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace scanstation::core {

class Store;

// School configuration of codes and values (DOMAIN.md: the sets are configuration).
struct ValidationRules {
    std::vector<std::string> attendanceCodes{"nb", "u", "sp", "zw", "ob"};
    std::string presentCode = "ob";          // recorded for a row with nothing marked
    std::vector<std::string> absentCodes{"nb", "u"}; // what makes a 0 grade legitimate
    // Grade with its modifier as recorded; "1-" and "6+" are not on the Polish scale.
    std::vector<std::string> gradeValues{"0",  "1",  "1+", "2-", "2", "2+", "3-", "3",  "3+", "4-",
                                         "4",  "4+", "5-", "5",  "5+", "6-", "6", "np", "bz"};
    // The options of the grade card's header.grade.category (card-templates/templates/grade-a4-v1.json).
    std::vector<std::string> gradeCategories{"sprawdzian", "kartkowka", "odpowiedz", "praca_domowa", "aktywnosc", "inne"};
    std::vector<std::string> notInAverage{"np", "bz"}; // recorded, never counted in the average
    int minWeight = 1;
    int maxWeight = 5;
};

// Finding codes, stable for scripts and the kiosk.
namespace finding {
inline constexpr const char* kNoIdentity = "no_identity";           // no code on the page
inline constexpr const char* kSignatureInvalid = "signature_invalid";
inline constexpr const char* kUnknownCard = "unknown_card";         // serial not issued here
inline constexpr const char* kIdentityMismatch = "identity_mismatch"; // code vs issued card
inline constexpr const char* kPageUnreadable = "page_unreadable";   // identified, marks not read: rescan
inline constexpr const char* kLessonNotInTimetable = "lesson_not_in_timetable";
inline constexpr const char* kOutageUnresolved = "outage_unresolved"; // waits for an administrator
inline constexpr const char* kFlaggedField = "flagged_field";       // recognition was not sure
inline constexpr const char* kRowNotOnRoster = "row_not_on_roster";
inline constexpr const char* kRosterChanged = "roster_changed";
inline constexpr const char* kPupilNotOnCard = "pupil_not_on_card"; // joined after the card was printed
inline constexpr const char* kAttendanceInvalid = "attendance_invalid";
inline constexpr const char* kNbNeverDeleted = "nb_never_deleted";
inline constexpr const char* kDoubleAbsence = "double_absence";
inline constexpr const char* kGradeInvalid = "grade_invalid";
inline constexpr const char* kZeroNotAbsent = "zero_not_absent";
inline constexpr const char* kGradeCategoryInvalid = "grade_category_invalid";
inline constexpr const char* kGradeWeightInvalid = "grade_weight_invalid";
inline constexpr const char* kPeriodLocked = "period_locked";       // held for an administrator
inline constexpr const char* kConflictsWithRecorded = "conflicts_with_recorded";
} // namespace finding

struct Finding {
    std::string code;    // one of finding::k...
    std::string fieldId; // empty for the card as a whole
    std::string message; // names the card, the row, the pupil and the values concerned
    bool administratorOnly = false; // only an administrator may settle it (lock, outage card)
};

struct AttendanceEntry {
    std::string fieldId;
    int row = 0; // 1-based
    std::string pupilId;
    std::string code;
};

struct GradeEntry {
    std::string fieldId;
    int row = 0;
    std::string pupilId;
    std::string value;
    std::string category;
    int weight = 1;
    bool countsInAverage = true;
};

// What the card says about its lesson, as far as it could be read.
struct LessonDraft {
    std::optional<LessonSlot> slot;
    std::optional<std::string> topicNumber;
    bool substitution = false;
    bool notHeld = false; // "the lesson did not take place": no attendance is recorded
    std::vector<AttendanceEntry> attendance;
    std::vector<GradeEntry> grades;
};

// What people decided in review, applied on top of the reading when it is validated again.
struct ReviewDecisions {
    std::map<std::string, std::string> fieldValues;       // field id -> chosen value ("" = nothing)
    std::set<std::pair<std::string, std::string>> waived; // (code, field id) accepted as is
    std::optional<std::int64_t> assignedSlotId;           // an outage card assigned to a lesson
};

struct ValidationResult {
    std::string serial;       // empty when the page named no card
    LessonDraft lesson;
    std::vector<Finding> findings;
    bool rejected = false;    // the card cannot be used at all (identity); findings say why

    bool clean() const { return findings.empty() && !rejected; }
};

// Validates `reading` (with `decisions` applied) against the card registry, roster, timetable,
// period locks and the lesson records already held. `ignoreSerial` excludes one card's own
// earlier records (a rescan is compared with other cards, not with the reading it replaces).
ValidationResult validateReading(Store& store, const CardReading& reading, const ReviewDecisions& decisions = {},
                                 const ValidationRules& rules = {});

// The reading with review decisions applied: chosen fields become unflagged values.
CardReading applyDecisions(const CardReading& reading, const ReviewDecisions& decisions);

} // namespace scanstation::core
