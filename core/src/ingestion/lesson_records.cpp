#include "scanstation/core/lesson_records.hpp"

#include "scanstation/core/error.hpp"
#include "scanstation/core/store.hpp"
#include "sql/database.hpp"
#include "time_util.hpp"

namespace scanstation::core {

namespace {

void writeAttendance(sql::Database& db, const std::string& actor, const std::string& serial, std::int64_t slotId,
                     const AttendanceEntry& a, std::int64_t now, const std::string& reason) {
    auto held = db.prepare("SELECT code FROM attendance_records WHERE lesson_slot_id = ? AND pupil_id = ?");
    held.bind(1, slotId).bind(2, a.pupilId);
    std::optional<std::string> old;
    if (held.step())
        old = held.getText(0);
    if (old && *old == a.code)
        return;
    if (old)
        db.prepare("UPDATE attendance_records SET code = ?, serial = ?, field_id = ? WHERE lesson_slot_id = ? AND "
                   "pupil_id = ?")
            .bind(1, a.code)
            .bind(2, serial)
            .bind(3, a.fieldId)
            .bind(4, slotId)
            .bind(5, a.pupilId)
            .run();
    else
        db.prepare("INSERT INTO attendance_records (lesson_slot_id, pupil_id, code, serial, field_id) "
                   "VALUES (?, ?, ?, ?, ?)")
            .bind(1, slotId)
            .bind(2, a.pupilId)
            .bind(3, a.code)
            .bind(4, serial)
            .bind(5, a.fieldId)
            .run();
    db.prepare("INSERT INTO attendance_history (lesson_slot_id, pupil_id, old_code, new_code, serial, actor, at_ms, "
               "reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, slotId)
        .bind(2, a.pupilId)
        .bind(3, old)
        .bind(4, a.code)
        .bind(5, serial)
        .bind(6, actor)
        .bind(7, now)
        .bind(8, reason)
        .run();
}

void loadEntries(sql::Database& db, LessonRecord& r) {
    auto att = db.prepare("SELECT field_id, pupil_id, code FROM attendance_records WHERE serial = ? ORDER BY field_id");
    att.bind(1, r.serial);
    while (att.step()) {
        AttendanceEntry a{att.getText(0), 0, att.getText(1), att.getText(2)};
        a.row = std::atoi(a.fieldId.c_str() + 4);
        r.attendance.push_back(a);
    }
    auto gr = db.prepare("SELECT field_id, pupil_id, value, category, weight, counts_in_average FROM grade_records "
                         "WHERE serial = ? ORDER BY field_id");
    gr.bind(1, r.serial);
    while (gr.step()) {
        GradeEntry g{gr.getText(0), 0, gr.getText(1), gr.getText(2), gr.getText(3), static_cast<int>(gr.getInt(4)),
                     gr.getInt(5) != 0};
        g.row = std::atoi(g.fieldId.c_str() + 4);
        r.grades.push_back(g);
    }
}

constexpr const char* kSelect = "SELECT serial, lesson_slot_id, reading_id, topic_number, substitution, recorded_by, "
                                "recorded_at_ms FROM lesson_records";

LessonRecord readRecord(sql::Database& db, const sql::Statement& st) {
    LessonRecord r;
    r.serial = st.getText(0);
    r.lessonSlotId = st.getInt(1);
    r.readingId = st.getInt(2);
    r.topicNumber = st.getOptionalText(3);
    r.substitution = st.getInt(4) != 0;
    r.recordedBy = st.getText(5);
    r.recordedAt = fromUnixMs(st.getInt(6));
    loadEntries(db, r);
    return r;
}

} // namespace

void LessonRecords::write(const std::string& actor, const std::string& serial, std::int64_t readingId,
                          const LessonDraft& lesson, const std::string& reason) {
    if (!lesson.slot)
        throw Error(ErrorKind::Conflict, "card " + serial + " has no lesson to record");
    Transaction tx(m_store);
    auto& db = m_store.database();
    const auto now = toUnixMs(m_store.clock().now());
    const auto slotId = lesson.slot->id;
    db.prepare("INSERT INTO lesson_records (serial, lesson_slot_id, reading_id, topic_number, substitution, "
               "recorded_by, recorded_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, serial)
        .bind(2, slotId)
        .bind(3, readingId)
        .bind(4, lesson.topicNumber)
        .bind(5, lesson.substitution ? 1 : 0)
        .bind(6, actor)
        .bind(7, now)
        .run();
    for (const auto& a : lesson.attendance)
        writeAttendance(db, actor, serial, slotId, a, now, reason);
    auto grade = db.prepare("INSERT INTO grade_records (serial, pupil_id, field_id, value, category, weight, "
                            "counts_in_average) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const auto& g : lesson.grades) {
        grade.bind(1, serial).bind(2, g.pupilId).bind(3, g.fieldId).bind(4, g.value).bind(5, g.category);
        grade.bind(6, g.weight).bind(7, g.countsInAverage ? 1 : 0).run();
        grade.reset();
    }
    tx.commit();
}

std::optional<LessonRecord> LessonRecords::forCard(const std::string& serial) const {
    auto& db = m_store.database();
    auto st = db.prepare(std::string(kSelect) + " WHERE serial = ?");
    st.bind(1, serial);
    if (!st.step())
        return std::nullopt;
    return readRecord(db, st);
}

std::vector<LessonRecord> LessonRecords::forLesson(std::int64_t lessonSlotId) const {
    auto& db = m_store.database();
    auto st = db.prepare(std::string(kSelect) + " WHERE lesson_slot_id = ? ORDER BY serial");
    st.bind(1, lessonSlotId);
    std::vector<LessonRecord> out;
    while (st.step())
        out.push_back(readRecord(db, st));
    return out;
}

std::optional<std::string> LessonRecords::attendance(std::int64_t lessonSlotId, const std::string& pupilId) const {
    auto st = m_store.database().prepare(
        "SELECT code FROM attendance_records WHERE lesson_slot_id = ? AND pupil_id = ?");
    st.bind(1, lessonSlotId).bind(2, pupilId);
    return st.step() ? std::optional<std::string>(st.getText(0)) : std::nullopt;
}

std::vector<AttendanceChange> LessonRecords::attendanceHistory(std::int64_t lessonSlotId,
                                                               const std::string& pupilId) const {
    auto st = m_store.database().prepare(
        "SELECT lesson_slot_id, pupil_id, old_code, new_code, serial, actor, at_ms, reason FROM attendance_history "
        "WHERE lesson_slot_id = ? AND pupil_id = ? ORDER BY id");
    st.bind(1, lessonSlotId).bind(2, pupilId);
    std::vector<AttendanceChange> out;
    while (st.step())
        out.push_back(AttendanceChange{st.getInt(0), st.getText(1), st.getOptionalText(2), st.getText(3),
                                       st.getText(4), st.getText(5), fromUnixMs(st.getInt(6)), st.getText(7)});
    return out;
}

} // namespace scanstation::core
