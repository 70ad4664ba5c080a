#pragma once
// The school's roster as the station keeps it: school, school year and terms, classes
// (oddziały) and inter-class groups, pupils with their register number within their class
// (numer w dzienniku), teachers and subjects. People and classes are keyed by the identifier
// the school information system gives them (OneRoster sourcedId, or the CSV's pupil_id), so
// that a later roster recognises the same pupil after a transfer.
//
// Every import that changes anything creates a new roster version; cards record the version
// they were printed from. Pupils who leave are never deleted: they are kept, marked struck off
// (skreślony) and excluded from new cards.
#include "scanstation/core/clock.hpp"
#include "scanstation/core/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scanstation::core {

class Store;

struct School {
    std::string sourcedId;
    std::string name;
};

struct SchoolYear {
    std::string sourcedId;
    std::string title; // e.g. "2026/2027"
    Date start;
    Date end;
};

struct Term {
    std::string sourcedId;
    std::string title; // e.g. "Semestr 1"
    Date start;
    Date end;
};

// A class (oddział): the pupils' home class, in which attendance is recorded.
struct SchoolClass {
    std::string sourcedId;
    std::string code;  // short name printed on cards, e.g. "2b"; unique
    std::string title; // e.g. "Klasa 2b"
    std::optional<std::string> classTeacherId; // wychowawca, a teacher's sourcedId
};

// An inter-class group (e.g. a language group across 2a and 2b). Lessons of a group are
// recorded in each member's real class; the group only says who attends.
struct ClassGroup {
    std::string sourcedId;
    std::string code;  // unique across classes and groups, e.g. "2ab-ang-g1"
    std::string title;
    std::optional<std::string> subjectCode;
    std::vector<std::string> pupilIds;   // members, by pupil sourcedId
    std::vector<std::string> teacherIds; // by teacher sourcedId
};

enum class PupilStatus { Active, StruckOff };

struct Pupil {
    std::string sourcedId;
    std::string givenName;
    std::string familyName;
    std::string classId;     // SchoolClass::sourcedId (the last class, when struck off)
    int registerNumber = 0;  // 1-based, unique among the active pupils of the class
    PupilStatus status = PupilStatus::Active;
};

struct Teacher {
    std::string sourcedId;
    std::string givenName;
    std::string familyName;
};

struct Subject {
    std::string code; // e.g. "mat"; unique
    std::string name; // e.g. "Matematyka"
};

// Everything one roster file says: what an import compares against the store.
struct RosterSnapshot {
    std::optional<School> school;
    std::optional<SchoolYear> schoolYear;
    std::vector<Term> terms;
    std::vector<SchoolClass> classes;
    std::vector<ClassGroup> groups;
    std::vector<Pupil> pupils; // pupils absent from a later snapshot are struck off
    std::vector<Teacher> teachers;
    std::vector<Subject> subjects;
};

enum class RosterChangeKind {
    Joined,      // a pupil appears for the first time (also mid-year joiners)
    Transferred, // moved to another class
    Renumbered,  // same class, another register number
    Renamed,
    StruckOff,
    Reinstated,  // struck off earlier, active again
    ClassAdded,
    ClassChanged,
    GroupChanged, // a group added, or its title, subject, members or teachers changed
    TeacherChanged,
    SubjectChanged,
    SchoolChanged, // school, school year or terms
};

struct RosterChange {
    RosterChangeKind kind = RosterChangeKind::Joined;
    std::string subjectId; // pupil, class, group, teacher sourcedId or subject code
    std::string details;   // e.g. "1a -> 2b", "register number 5 -> 7"
};

struct RosterVersion {
    std::int64_t number = 0; // 1, 2, 3, ...; 0 means "no roster imported yet"
    TimePoint importedAt;
    std::string importedBy;
    std::string source;      // file or folder the roster came from
    std::string contentHash; // SHA-256 hex of the normalised snapshot
    std::vector<RosterChange> changes;
};

std::string toString(PupilStatus status);
std::string toString(RosterChangeKind kind);

// Read access to the current roster.
class Roster {
public:
    explicit Roster(Store& store) : m_store(store) {}

    std::int64_t currentVersion() const; // 0 when none was imported
    std::optional<RosterVersion> version(std::int64_t number) const; // with its changes
    std::vector<RosterVersion> versions() const;                     // without changes

    std::optional<School> school() const;
    std::optional<SchoolYear> schoolYear() const;
    std::vector<Term> terms() const;
    std::vector<SchoolClass> classes() const; // ordered by code
    std::vector<ClassGroup> groups() const;   // ordered by code
    std::vector<Teacher> teachers() const;
    std::vector<Subject> subjects() const;

    std::optional<Pupil> pupil(const std::string& sourcedId) const;
    // Pupils of a class by register number; struck-off pupils only when asked for.
    std::vector<Pupil> pupilsOfClass(const std::string& classId, bool includeStruckOff = false) const;
    // Active members of a group, ordered by class code then register number.
    std::vector<Pupil> pupilsOfGroup(const std::string& groupId) const;
    std::optional<SchoolClass> classByCode(const std::string& code) const;
    std::optional<ClassGroup> groupByCode(const std::string& code) const;

    // The whole current roster (struck-off pupils included), e.g. for export or comparison.
    RosterSnapshot snapshot() const;

private:
    Store& m_store;
};

} // namespace scanstation::core
