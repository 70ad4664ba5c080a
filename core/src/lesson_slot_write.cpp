#include "lesson_slot_write.hpp"

namespace scanstation::core {

SlotWrite writeLessonSlot(sql::Database& db, const LessonSlotValues& s) {
    auto st = db.prepare("SELECT subject_code, teacher_id, cancelled, is_group FROM lesson_slots "
                         "WHERE date = ? AND lesson_number = ? AND class_or_group_code = ?");
    st.bind(1, s.date).bind(2, s.lessonNumber).bind(3, s.classOrGroupCode);
    const bool exists = st.step();
    if (exists && st.getText(0) == s.subjectCode && st.getText(1) == s.teacherId && st.getInt(2) == 0 &&
        (st.getInt(3) != 0) == s.isGroup)
        return SlotWrite::Unchanged;
    db.prepare("INSERT INTO lesson_slots (date, lesson_number, class_or_group_code, is_group, subject_code, teacher_id, "
               "cancelled) VALUES (?, ?, ?, ?, ?, ?, 0) ON CONFLICT (date, lesson_number, class_or_group_code) DO UPDATE "
               "SET is_group = excluded.is_group, subject_code = excluded.subject_code, "
               "teacher_id = excluded.teacher_id, cancelled = 0")
        .bind(1, s.date).bind(2, s.lessonNumber).bind(3, s.classOrGroupCode).bind(4, s.isGroup ? 1 : 0)
        .bind(5, s.subjectCode).bind(6, s.teacherId).run();
    return exists ? SlotWrite::Updated : SlotWrite::Added;
}

} // namespace scanstation::core
