#pragma once
// The permission matrix of DOMAIN.md ("People and their rights") as data: for every Role and
// every Action, whether it is allowed, allowed only for the operator's own lessons, or refused.
//  - the secretariat scans, files and keeps paper but never changes a grade or an attendance
//    value (004 ch. 9 §2);
//  - a teacher and a class teacher change values only of their own lessons; a class teacher
//    cannot edit grades of subjects taught by others (001 §13), but may excuse absences of
//    the own class (004 ch. 7 §15);
//  - the inspector reads everything and changes nothing (000 ch. II §16);
//  - the administrator reconciles anything.
// "Own" means: the lesson (card) is taught by the operator's roster teacher, or, for
// class-wide actions (ExcuseAbsence, ViewPupilData), the class is the operator's own class.
// The caller decides ownership from the roster and timetable; this file only holds the rules.
#include "scanstation/core/operators.hpp"

#include <optional>
#include <string>
#include <vector>

namespace scanstation::core {

enum class Action {
    ScanCards,         // feed pages into the station
    FileCards,         // keep paper in custody, print custody labels
    ViewCards,         // see card readings, the review queue and its crops
    ResolveReview,     // choose a value for a flagged field of a card
    RejectCard,        // reject a card as unusable, stating why
    ChangeAttendance,  // change an attendance value already read from a card
    ChangeGrade,       // change a grade already read from a card
    ExcuseAbsence,     // nb -> u for pupils of a class
    AssignOutageCard,  // resolve an outage card to a lesson of the timetable
    LockPeriod,        // lock grades and attendance before the classification council
    UnlockPeriod,      // temporary unlock on the director's order
    ShredCards,        // confirm cards going into the shredder
    ViewPupilData,     // names, register numbers, attendance and grades of pupils
    ExportPupilData,   // a copy of one pupil's data (a recorded extra copy)
    ErasePupilData,    // erase a pupil entirely (only 1-15 September)
    ImportRoster,      // import or update the roster (CSV, OneRoster, or pulled from the register)
    ImportTimetable,   // import or pull the timetable (lesson slots)
    ManageOperators,   // add operators, change roles, unlock accounts
    PrintCards,        // print blank cards for lessons
    RunSync,           // deliver data to the register
    ExportArchive,     // the monthly signed XML archive
    ViewAudit,         // read and verify the audit chain
    ViewReports,       // deadline, custody and shredding reports
    ConfigureStation,  // templates, keys, retention, register connection
};

enum class Allowance {
    Allowed,
    OwnLessonsOnly, // allowed when the lesson (or class) is the operator's own
    Refused,
};

// The matrix entry for one role and action.
Allowance allowance(Role role, Action action);

// True when `role` may do `action`; `own` says whether the lesson or class concerned is the
// operator's own (ignored for actions the role may do anywhere).
bool isAllowed(Role role, Action action, bool own = false);

// Throws Error{PermissionDenied} naming the role and the action when isAllowed is false.
void require(Role role, Action action, bool own = false);

std::string toString(Action action);  // "scan_cards", "resolve_review", ...
std::string toString(Allowance allowance); // "allowed", "own_lessons_only", "refused"
std::optional<Action> actionFromString(const std::string& text);

// Every action in declaration order (for printing the matrix and for tests).
const std::vector<Action>& allActions();

} // namespace scanstation::core
