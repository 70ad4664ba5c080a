#include "scanstation/core/pulled_timetable.hpp"

#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/store.hpp"
#include "lesson_slot_write.hpp"
#include "sql/database.hpp"

#include <map>
#include <set>

namespace scanstation::core {

namespace {

struct SlotPlace {
    std::string code;
    bool isGroup = false;
};

// Class and group sourcedIds the roster knows, and their codes (the timetable keys by code).
std::map<std::string, SlotPlace> placesOf(const Roster& roster) {
    std::map<std::string, SlotPlace> places;
    for (const auto& c : roster.classes()) places[c.sourcedId] = {c.code, false};
    for (const auto& g : roster.groups()) places[g.sourcedId] = {g.code, true};
    return places;
}

std::string checkSlot(const PulledLessonSlot& s, const std::map<std::string, SlotPlace>& places,
                      const std::set<std::string>& teachers, const std::set<std::string>& subjects) {
    const std::string where = "lessonSlot " + s.sourcedId + ": ";
    if (!places.count(s.classSourcedId)) return where + "unknown class or group '" + s.classSourcedId + "'";
    if (!s.active) return "";
    if (s.lessonNumber < 0 || s.lessonNumber > 12) return where + "lesson number " + std::to_string(s.lessonNumber) + " is not 0..12";
    if (!teachers.count(s.teacherId)) return where + "unknown teacher '" + s.teacherId + "' (pull the roster first)";
    if (!subjects.count(s.subjectCode) && s.subjectTitle.empty())
        return where + "unknown subject '" + s.subjectCode + "' without a title to create it";
    return "";
}

// Removes a slot the register deleted, or marks it cancelled when cards refer to it.
void dropSlot(sql::Database& db, const PulledLessonSlot& s, const SlotPlace& place, PulledTimetableChanges& changes) {
    auto st = db.prepare("SELECT id, cancelled, (SELECT count(*) FROM cards c WHERE c.lesson_slot_id = s.id) "
                         "FROM lesson_slots s WHERE date = ? AND lesson_number = ? AND class_or_group_code = ?");
    st.bind(1, s.date.toString()).bind(2, s.lessonNumber).bind(3, place.code);
    if (!st.step()) {
        ++changes.unchanged; // deleted before the station ever had it
        return;
    }
    if (st.getInt(2) == 0) {
        db.prepare("DELETE FROM lesson_slots WHERE id = ?").bind(1, st.getInt(0)).run();
        ++changes.removed;
    } else if (st.getInt(1) == 0) {
        db.prepare("UPDATE lesson_slots SET cancelled = 1 WHERE id = ?").bind(1, st.getInt(0)).run();
        ++changes.cancelled;
    } else {
        ++changes.unchanged;
    }
}

void putSlot(sql::Database& db, const PulledLessonSlot& s, const SlotPlace& place, PulledTimetableChanges& changes) {
    switch (writeLessonSlot(db, {s.date.toString(), s.lessonNumber, place.code, place.isGroup, s.subjectCode, s.teacherId})) {
    case SlotWrite::Unchanged: ++changes.unchanged; break;
    case SlotWrite::Added: ++changes.added; break;
    case SlotWrite::Updated: ++changes.updated; break;
    }
}

} // namespace

PulledTimetableChanges applyPulledLessonSlots(Store& store, const std::string& actor,
                                              const std::vector<PulledLessonSlot>& slots) {
    PulledTimetableChanges changes;
    Roster roster(store);
    const auto places = placesOf(roster);
    std::set<std::string> teachers, subjects;
    for (const auto& t : roster.teachers()) teachers.insert(t.sourcedId);
    for (const auto& s : roster.subjects()) subjects.insert(s.code);
    for (const auto& s : slots)
        if (auto problem = checkSlot(s, places, teachers, subjects); !problem.empty()) changes.problems.push_back(problem);
    if (!changes.problems.empty()) return changes;

    Transaction tx(store);
    auto& db = store.database();
    AuditLog audit(store);
    for (const auto& s : slots) {
        const SlotPlace& place = places.at(s.classSourcedId);
        if (!s.active) {
            dropSlot(db, s, place, changes);
            continue;
        }
        if (!subjects.count(s.subjectCode)) {
            db.prepare("INSERT INTO subjects (code, name) VALUES (?, ?)").bind(1, s.subjectCode).bind(2, s.subjectTitle).run();
            audit.append(actor, "timetable.subject_added", "subject:" + s.subjectCode, s.subjectTitle + " (from the register)");
            subjects.insert(s.subjectCode);
        }
        putSlot(db, s, place, changes);
    }
    if (changes.any())
        audit.append(actor, "timetable.pull", "timetable:register",
                     std::to_string(changes.added) + " added, " + std::to_string(changes.updated) + " changed, " +
                         std::to_string(changes.removed) + " removed, " + std::to_string(changes.cancelled) +
                         " cancelled");
    tx.commit();
    return changes;
}

} // namespace scanstation::core
