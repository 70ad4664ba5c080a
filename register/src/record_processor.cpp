#include "record_processor.hpp"

#include "util.hpp"

#include <regex>
#include <set>

namespace scanstation::reg {

using nlohmann::json;

json acceptedOutcome(const std::string& recordId) { return {{"recordId", recordId}, {"status", "accepted"}}; }

json rejectedOutcome(const std::string& recordId, const std::string& reason, const std::string& message) {
    return {{"recordId", recordId}, {"status", "rejected"}, {"reason", reason}, {"message", message}};
}

json conflictOutcome(const std::string& recordId, const std::string& current, const std::string& message) {
    return {{"recordId", recordId},
            {"status", "conflict"},
            {"reason", "conflicts_with_online_entry"},
            {"currentValue", current},
            {"message", message}};
}

namespace {

const std::set<std::string> kAttendanceCodes{"present", "nb", "u", "sp", "zw"};

std::string textAt(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string refId(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_object() ? textAt(*it, "sourcedId") : std::string();
}

struct LessonKey {
    std::string classId;
    std::string date;
    std::int64_t number = -1;
    std::string problem; // empty when the lesson reference is valid
};

LessonKey lessonKey(const json& body) {
    LessonKey key;
    const auto it = body.find("lesson");
    if (it == body.end() || !it->is_object()) {
        key.problem = "lesson is missing";
        return key;
    }
    key.classId = refId(*it, "class");
    key.date = textAt(*it, "date");
    const auto n = it->find("lessonNumber");
    if (n != it->end() && n->is_number_integer()) key.number = n->get<std::int64_t>();
    if (key.classId.empty()) key.problem = "lesson.class.sourcedId is missing";
    else if (!isIsoDate(key.date)) key.problem = "lesson.date is not a YYYY-MM-DD date";
    else if (key.number < 0 || key.number > 12) key.problem = "lesson.lessonNumber is not 0..12";
    return key;
}

} // namespace

bool RecordProcessor::isStudentOf(const std::string& studentId, const std::string& classId) {
    auto q = m_db.query("SELECT 1 FROM student s JOIN enrollment e ON e.user_id = s.sourced_id "
                        "WHERE s.sourced_id = ?1 AND e.class_id = ?2");
    q.bind(1, studentId).bind(2, classId);
    return q.step();
}

bool RecordProcessor::classExists(const std::string& classId) {
    auto q = m_db.query("SELECT 1 FROM roster WHERE resource = 'classes' AND sourced_id = ?1");
    q.bind(1, classId);
    return q.step();
}

bool RecordProcessor::isLocked(const std::string& classId, const std::string& date) {
    auto q = m_db.query("SELECT 1 FROM lock_period WHERE class_id = ?1 AND first_date <= ?2 AND last_date >= ?2");
    q.bind(1, classId).bind(2, date);
    return q.step();
}

json RecordProcessor::process(const json& record) {
    const std::string recordId = record.is_object() ? textAt(record, "recordId") : std::string();
    if (recordId.empty()) return rejectedOutcome("", "invalid_value", "recordId is missing");
    const std::string hash = sha256Hex(record.dump());
    {
        auto q = m_db.query("SELECT content_hash, status FROM receipt WHERE record_id = ?1");
        q.bind(1, recordId);
        if (q.step() && q.text(0) == hash && q.text(1) == "accepted") {
            auto bump = m_db.query("UPDATE receipt SET times_received = times_received + 1 WHERE record_id = ?1");
            bump.bind(1, recordId).run();
            json outcome = acceptedOutcome(recordId);
            outcome["duplicate"] = true;
            return outcome;
        }
    }
    json outcome = evaluate(recordId, record);
    auto save = m_db.query(
        "INSERT INTO receipt (record_id, content_hash, status, outcome, times_received) VALUES (?1, ?2, ?3, ?4, 1) "
        "ON CONFLICT (record_id) DO UPDATE SET content_hash = ?2, status = ?3, outcome = ?4, "
        "times_received = times_received + 1");
    save.bind(1, recordId).bind(2, hash).bind(3, outcome["status"].get<std::string>()).bind(4, outcome.dump()).run();
    return outcome;
}

json RecordProcessor::evaluate(const std::string& recordId, const json& record) {
    const std::string kind = textAt(record, "kind");
    const auto body = record.find(kind);
    if (kind.empty() || body == record.end() || !body->is_object())
        return rejectedOutcome(recordId, "invalid_value", "kind is missing or its payload '" + kind + "' is absent");
    DecidedOver over;
    if (const auto s = record.find("supersedes"); s != record.end() && s->is_object() && s->contains("registerValue"))
        over = textAt(*s, "registerValue");
    if (kind == "lessonTopic") return topic(recordId, *body, over);
    if (kind == "attendance") return attendance(recordId, *body, over);
    if (kind == "lineItem") return lineItem(recordId, *body);
    if (kind == "result") return result(recordId, *body, over);
    return rejectedOutcome(recordId, "invalid_value", "unknown kind '" + kind + "'");
}

json RecordProcessor::topic(const std::string& recordId, const json& body, const DecidedOver& over) {
    const LessonKey key = lessonKey(body);
    if (!key.problem.empty()) return rejectedOutcome(recordId, "invalid_value", "lessonTopic." + key.problem);
    const std::string text = textAt(body, "topic");
    if (text.empty() || text.size() > 500)
        return rejectedOutcome(recordId, "invalid_value", "lessonTopic.topic must have 1..500 characters");
    if (!classExists(key.classId))
        return rejectedOutcome(recordId, "invalid_value", "lessonTopic.lesson.class '" + key.classId + "' is unknown");
    if (isLocked(key.classId, key.date))
        return rejectedOutcome(recordId, "lesson_locked", "class " + key.classId + " is locked on " + key.date);
    const bool substitution = body.value("substitution", false);
    auto existing = m_db.query("SELECT topic, source, record_id FROM topic WHERE class_id=?1 AND date=?2 AND lesson=?3");
    existing.bind(1, key.classId).bind(2, key.date).bind(3, key.number);
    if (existing.step() && existing.text(2) != recordId) {
        if (existing.text(0) == text) return acceptedOutcome(recordId);
        if (over != existing.text(0))
            return conflictOutcome(recordId, existing.text(0), "the lesson already has another topic (" + existing.text(1) + ")");
    }
    auto write = m_db.query(
        "INSERT INTO topic (class_id, date, lesson, topic, substitution, teacher_id, source, record_id) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'card', ?7) ON CONFLICT (class_id, date, lesson) DO UPDATE SET "
        "topic = ?4, substitution = ?5, teacher_id = ?6, source = 'card', record_id = ?7");
    write.bind(1, key.classId).bind(2, key.date).bind(3, key.number).bind(4, text).bind(5, substitution ? 1 : 0);
    write.bind(6, refId(body, "teacher")).bind(7, recordId).run();
    return acceptedOutcome(recordId);
}

json RecordProcessor::attendance(const std::string& recordId, const json& body, const DecidedOver& over) {
    const LessonKey key = lessonKey(body);
    if (!key.problem.empty()) return rejectedOutcome(recordId, "invalid_value", "attendance." + key.problem);
    const std::string code = textAt(body, "code");
    if (!kAttendanceCodes.count(code))
        return rejectedOutcome(recordId, "invalid_value", "attendance.code '" + code + "' is not present, nb, u, sp or zw");
    const std::string student = refId(body, "student");
    if (!isStudentOf(student, key.classId))
        return rejectedOutcome(recordId, "unknown_pupil",
                               "attendance.student '" + student + "' is not a pupil of class " + key.classId);
    if (isLocked(key.classId, key.date))
        return rejectedOutcome(recordId, "lesson_locked", "class " + key.classId + " is locked on " + key.date);
    auto existing = m_db.query("SELECT code, source, record_id FROM attendance "
                               "WHERE class_id=?1 AND date=?2 AND lesson=?3 AND student_id=?4");
    existing.bind(1, key.classId).bind(2, key.date).bind(3, key.number).bind(4, student);
    if (existing.step()) {
        const std::string current = existing.text(0);
        if (existing.text(2) != recordId) {
            if (current == code) return acceptedOutcome(recordId);
            if (over != current)
                return conflictOutcome(recordId, current,
                                       "the register holds '" + current + "' for " + student + " (" + existing.text(1) + ")");
        }
        // A corrected card or a person's decision: nb is never deleted, only changed to u, sp or zw.
        if (current == "nb" && code != "nb" && code != "u" && code != "sp" && code != "zw")
            return rejectedOutcome(recordId, "invalid_value", "nb may only change to u, sp or zw, not to " + code);
    }
    auto write = m_db.query("INSERT INTO attendance (class_id, date, lesson, student_id, code, source, record_id) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, 'card', ?6) ON CONFLICT (class_id, date, lesson, student_id) "
                            "DO UPDATE SET code = ?5, source = 'card', record_id = ?6");
    write.bind(1, key.classId).bind(2, key.date).bind(3, key.number).bind(4, student).bind(5, code).bind(6, recordId).run();
    return acceptedOutcome(recordId);
}

json RecordProcessor::lineItem(const std::string& recordId, const json& body) {
    const std::string classId = refId(body, "class");
    const std::string assignDate = textAt(body, "assignDate");
    if (textAt(body, "title").empty()) return rejectedOutcome(recordId, "invalid_value", "lineItem.title is missing");
    if (!isIsoDate(assignDate)) return rejectedOutcome(recordId, "invalid_value", "lineItem.assignDate is not a date");
    if (!classExists(classId))
        return rejectedOutcome(recordId, "invalid_value", "lineItem.class '" + classId + "' is unknown");
    if (isLocked(classId, assignDate))
        return rejectedOutcome(recordId, "lesson_locked", "class " + classId + " is locked on " + assignDate);
    const std::string id = textAt(body, "sourcedId").empty() ? recordId : textAt(body, "sourcedId");
    auto write = m_db.query("INSERT INTO line_item (sourced_id, class_id, assign_date, body) VALUES (?1, ?2, ?3, ?4) "
                            "ON CONFLICT (sourced_id) DO UPDATE SET class_id = ?2, assign_date = ?3, body = ?4");
    write.bind(1, id).bind(2, classId).bind(3, assignDate).bind(4, body.dump()).run();
    return acceptedOutcome(recordId);
}

json RecordProcessor::result(const std::string& recordId, const json& body, const DecidedOver& over) {
    static const std::regex kMark("^([0-6][+-]?|np|bz|\\+|-)$");
    const std::string mark = textAt(body, "textScore");
    if (!std::regex_match(mark, kMark))
        return rejectedOutcome(recordId, "invalid_value", "result.textScore '" + mark + "' is not a mark");
    const std::string lineItemId = refId(body, "lineItem");
    auto item = m_db.query("SELECT class_id, assign_date FROM line_item WHERE sourced_id = ?1");
    item.bind(1, lineItemId);
    if (!item.step())
        return rejectedOutcome(recordId, "invalid_value", "result.lineItem '" + lineItemId + "' is unknown");
    const std::string classId = item.text(0);
    const std::string student = refId(body, "student");
    if (!isStudentOf(student, classId))
        return rejectedOutcome(recordId, "unknown_pupil", "result.student '" + student + "' is not in class " + classId);
    if (isLocked(classId, item.text(1)))
        return rejectedOutcome(recordId, "lesson_locked", "class " + classId + " is locked on " + item.text(1));
    const std::string id = textAt(body, "sourcedId").empty() ? recordId : textAt(body, "sourcedId");
    auto existing = m_db.query("SELECT text_score, source FROM result WHERE sourced_id = ?1");
    existing.bind(1, id);
    if (existing.step() && existing.text(1) == "online" && existing.text(0) != mark && over != existing.text(0))
        return conflictOutcome(recordId, existing.text(0), "a teacher entered " + existing.text(0) + " online");
    auto write = m_db.query("INSERT INTO result (sourced_id, line_item_id, student_id, text_score, score_status, source) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, 'card') ON CONFLICT (sourced_id) DO UPDATE SET "
                            "text_score = ?4, score_status = ?5, source = 'card'");
    write.bind(1, id).bind(2, lineItemId).bind(3, student).bind(4, mark);
    write.bind(5, textAt(body, "scoreStatus")).run();
    return acceptedOutcome(recordId);
}

void RecordProcessor::changeOnlineBefore(const json& record) {
    const std::string kind = textAt(record, "kind");
    if (kind == "attendance" && record.contains("attendance")) {
        const json& body = record["attendance"];
        const LessonKey key = lessonKey(body);
        if (!key.problem.empty()) return;
        const std::string code = textAt(body, "code") == "present" ? "nb" : "present";
        auto write = m_db.query("INSERT INTO attendance (class_id, date, lesson, student_id, code, source, record_id) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, 'online', NULL) ON CONFLICT "
                                "(class_id, date, lesson, student_id) DO UPDATE SET code = ?5, source = 'online', "
                                "record_id = NULL");
        write.bind(1, key.classId).bind(2, key.date).bind(3, key.number).bind(4, refId(body, "student")).bind(5, code);
        write.run();
    } else if (kind == "lessonTopic" && record.contains("lessonTopic")) {
        const LessonKey key = lessonKey(record["lessonTopic"]);
        if (!key.problem.empty()) return;
        auto write = m_db.query("INSERT INTO topic (class_id, date, lesson, topic, substitution, source, record_id) "
                                "VALUES (?1, ?2, ?3, 'Entered online', 0, 'online', NULL) ON CONFLICT "
                                "(class_id, date, lesson) DO UPDATE SET topic = 'Entered online', source = 'online', "
                                "record_id = NULL");
        write.bind(1, key.classId).bind(2, key.date).bind(3, key.number).run();
    }
}

} // namespace scanstation::reg
