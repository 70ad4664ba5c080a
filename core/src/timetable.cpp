#include "scanstation/core/timetable.hpp"

#include "scanstation/core/store.hpp"
#include "sql/database.hpp"

namespace scanstation::core {

namespace {

constexpr const char* kSelect = "SELECT id, date, lesson_number, class_or_group_code, is_group, subject_code, teacher_id, "
                                "cancelled FROM lesson_slots";
constexpr const char* kOrder = " ORDER BY date, lesson_number, class_or_group_code";

LessonSlot readSlot(const sql::Statement& st) {
    LessonSlot s;
    s.id = st.getInt(0);
    s.date = Date::parse(st.getText(1)).value_or(Date{});
    s.lessonNumber = static_cast<int>(st.getInt(2));
    s.classOrGroupCode = st.getText(3);
    s.isGroup = st.getInt(4) != 0;
    s.subjectCode = st.getText(5);
    s.teacherId = st.getText(6);
    s.cancelled = st.getInt(7) != 0;
    return s;
}

std::vector<LessonSlot> readAll(sql::Statement& st) {
    std::vector<LessonSlot> out;
    while (st.step())
        out.push_back(readSlot(st));
    return out;
}

} // namespace

std::optional<LessonSlot> Timetable::slot(std::int64_t id) const {
    auto st = m_store.database().prepare(std::string(kSelect) + " WHERE id = ?");
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    return readSlot(st);
}

std::optional<LessonSlot> Timetable::find(const Date& date, int lessonNumber, const std::string& code) const {
    auto st = m_store.database().prepare(std::string(kSelect) +
                                         " WHERE date = ? AND lesson_number = ? AND class_or_group_code = ?");
    st.bind(1, date.toString()).bind(2, lessonNumber).bind(3, code);
    if (!st.step())
        return std::nullopt;
    return readSlot(st);
}

std::vector<LessonSlot> Timetable::onDate(const Date& date) const {
    return between(date, date);
}

std::vector<LessonSlot> Timetable::between(const Date& first, const Date& last) const {
    auto st = m_store.database().prepare(std::string(kSelect) + " WHERE date BETWEEN ? AND ?" + kOrder);
    st.bind(1, first.toString()).bind(2, last.toString());
    return readAll(st);
}

std::vector<LessonSlot> Timetable::ofTeacher(const std::string& teacherId, const Date& first, const Date& last) const {
    auto st = m_store.database().prepare(std::string(kSelect) + " WHERE teacher_id = ? AND date BETWEEN ? AND ?" + kOrder);
    st.bind(1, teacherId).bind(2, first.toString()).bind(3, last.toString());
    return readAll(st);
}

} // namespace scanstation::core
