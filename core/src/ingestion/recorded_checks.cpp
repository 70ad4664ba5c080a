// Checks against what the station already holds: nb never deleted, double absence in the same
// lesson hour, contradictions with another card of the same lesson, and period locks.
#include "ingestion/validation_context.hpp"
#include "scanstation/core/period_locks.hpp"
#include "scanstation/core/store.hpp"
#include "sql/database.hpp"

#include <set>

namespace scanstation::core {

namespace {

bool isExcuseOfNb(const std::string& code) {
    return code == "nb" || code == "u" || code == "sp" || code == "zw";
}

void checkExisting(ValidationContext& ctx, const AttendanceEntry& a, const LessonSlot& slot) {
    auto st = ctx.store.database().prepare(
        "SELECT code, serial FROM attendance_records WHERE lesson_slot_id = ? AND pupil_id = ?");
    st.bind(1, slot.id).bind(2, a.pupilId);
    if (!st.step())
        return;
    const std::string held = st.getText(0), heldSerial = st.getText(1);
    if (held == "nb" && !isExcuseOfNb(a.code)) {
        ctx.add(finding::kNbNeverDeleted, a.fieldId,
                "row " + std::to_string(a.row) + ": card " + heldSerial +
                    " recorded nb for this pupil in this lesson; an nb is never deleted and may change only to "
                    "u, sp or zw, not to '" + a.code + "'",
                false, false);
        return;
    }
    if (heldSerial != ctx.result.serial && held != a.code)
        ctx.add(finding::kConflictsWithRecorded, a.fieldId,
                "row " + std::to_string(a.row) + ": card " + heldSerial + " already recorded '" + held +
                    "' for this pupil in this lesson, this card says '" + a.code + "'; nothing is overwritten");
}

void checkDoubleAbsence(ValidationContext& ctx, const AttendanceEntry& a, const LessonSlot& slot) {
    if (a.code != "nb")
        return;
    auto st = ctx.store.database().prepare(
        "SELECT ar.serial, ls.class_or_group_code, ls.subject_code FROM attendance_records ar "
        "JOIN lesson_slots ls ON ls.id = ar.lesson_slot_id "
        "WHERE ar.pupil_id = ? AND ar.code = 'nb' AND ls.date = ? AND ls.lesson_number = ? AND ls.id <> ?");
    st.bind(1, a.pupilId).bind(2, slot.date.toString()).bind(3, slot.lessonNumber).bind(4, slot.id);
    while (st.step())
        ctx.add(finding::kDoubleAbsence, a.fieldId,
                "row " + std::to_string(a.row) + ": this pupil is also marked nb in lesson " +
                    std::to_string(slot.lessonNumber) + " on " + slot.date.toString() + " by card " + st.getText(0) +
                    " (" + st.getText(1) + ", " + st.getText(2) +
                    "); two absences in the same lesson hour must be corrected by the class teacher");
}

} // namespace

void checkAgainstRecorded(ValidationContext& ctx) {
    const auto& slot = *ctx.result.lesson.slot;
    for (const auto& a : ctx.result.lesson.attendance) {
        checkExisting(ctx, a, slot);
        checkDoubleAbsence(ctx, a, slot);
    }
}

void checkLocks(ValidationContext& ctx) {
    const auto& slot = *ctx.result.lesson.slot;
    std::set<std::string> classes;
    if (!slot.isGroup) {
        classes.insert(slot.classOrGroupCode);
    } else {
        Roster roster(ctx.store);
        std::map<std::string, std::string> codeById;
        for (const auto& c : roster.classes())
            codeById[c.sourcedId] = c.code;
        for (const auto& [row, pupil] : rowPupils(ctx.store, slot))
            classes.insert(codeById[pupil.classId]);
    }
    PeriodLocks locks(ctx.store);
    for (const auto& code : classes)
        if (const auto lock = locks.activeLock(code, slot.date))
            ctx.add(finding::kPeriodLocked, "",
                    "class " + code + " is locked for " + lock->first.toString() + ".." + lock->last.toString() +
                        " (lock " + std::to_string(lock->id) + " by " + lock->lockedBy +
                        (lock->reason.empty() ? "" : ": " + lock->reason) +
                        "); the card is held for an administrator",
                    true, false);
}

} // namespace scanstation::core
