// The outbox's write side: enqueueing at acceptance, fixing batches, applying the register's
// answers. See outbox.hpp for the guarantees.
#include "scanstation/core/outbox.hpp"

#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/store.hpp"
#include "outbox_rows.hpp"
#include "sql/database.hpp"
#include "time_util.hpp"

#include <sodium.h>

#include <map>
#include <set>

namespace scanstation::core {

std::string toString(OutboxKind kind) {
    switch (kind) {
    case OutboxKind::LessonTopic: return "lessonTopic";
    case OutboxKind::Attendance: return "attendance";
    case OutboxKind::LineItem: return "lineItem";
    case OutboxKind::Result: return "result";
    }
    return "attendance";
}

std::string Outbox::recordId(const std::string& serial, const std::string& field, const std::string& pupilId) {
    static const char* hex = "0123456789ABCDEF";
    std::string id = "c" + serial + "-" + field;
    if (pupilId.empty()) return id;
    id += "-";
    for (const unsigned char c : pupilId) {
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
                           c == '~' || c == '-';
        if (plain) {
            id.push_back(static_cast<char>(c));
        } else {
            id.push_back('_');
            id.push_back(hex[c >> 4]);
            id.push_back(hex[c & 15]);
        }
    }
    return id;
}

namespace {

std::string lessonClassId(Store& store, const LessonSlot& slot) {
    Roster roster(store);
    if (slot.isGroup) {
        if (const auto group = roster.groupByCode(slot.classOrGroupCode)) return group->sourcedId;
    } else if (const auto cls = roster.classByCode(slot.classOrGroupCode)) {
        return cls->sourcedId;
    }
    throw Error(ErrorKind::Conflict, "lesson class or group '" + slot.classOrGroupCode + "' is not in the roster");
}

std::vector<OutboxRecord> recordsOfLesson(Store& store, const std::string& serial, const LessonDraft& lesson) {
    if (!lesson.slot) throw Error(ErrorKind::Conflict, "card " + serial + " has no lesson assigned; nothing to send");
    OutboxRecord base;
    base.cardSerial = serial;
    base.classId = lessonClassId(store, *lesson.slot);
    base.date = lesson.slot->date.toString();
    base.lessonNumber = lesson.slot->lessonNumber;
    std::vector<OutboxRecord> records;
    if (lesson.topicNumber) {
        OutboxRecord r = base;
        r.kind = OutboxKind::LessonTopic;
        r.recordId = Outbox::recordId(serial, "topic");
        r.value = *lesson.topicNumber;
        r.substitution = lesson.substitution;
        r.teacherId = lesson.slot->teacherId;
        records.push_back(r);
    }
    for (const auto& entry : lesson.attendance) {
        OutboxRecord r = base;
        r.kind = OutboxKind::Attendance;
        r.recordId = Outbox::recordId(serial, "att", entry.pupilId);
        r.pupilId = entry.pupilId;
        r.value = entry.code;
        records.push_back(r);
    }
    if (lesson.grades.empty()) return records;
    OutboxRecord item = base;
    item.kind = OutboxKind::LineItem;
    item.recordId = item.lineItemId = Outbox::recordId(serial, "grades");
    item.value = lesson.slot->subjectCode;
    item.category = lesson.grades.front().category;
    item.weight = lesson.grades.front().weight;
    item.countsInAverage = lesson.grades.front().countsInAverage;
    records.push_back(item);
    for (const auto& grade : lesson.grades) {
        OutboxRecord r = base;
        r.kind = OutboxKind::Result;
        r.recordId = Outbox::recordId(serial, "grade", grade.pupilId);
        r.lineItemId = item.lineItemId;
        r.pupilId = grade.pupilId;
        r.value = grade.value;
        records.push_back(r);
    }
    return records;
}

std::string newBatchKey() {
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    char hex[33];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return std::string("b-") + hex;
}

} // namespace

int Outbox::enqueueCard(const std::string& actor, const std::string& serial, const LessonDraft& lesson) {
    Transaction tx(m_store);
    CardRegistry cards(m_store);
    const auto card = cards.find(serial);
    if (!card) throw Error(ErrorKind::NotFound, "card " + serial + " is not known to this station");
    if (card->state != CardState::Accepted)
        throw Error(ErrorKind::Conflict, "card " + serial + " is " + toString(card->state) + ", not accepted");
    const int count = enqueue(recordsOfLesson(m_store, serial, lesson));
    cards.transition(actor, serial, CardState::Queued, std::to_string(count) + " records queued for the register");
    tx.commit();
    return count;
}

int Outbox::enqueue(const std::vector<OutboxRecord>& records) {
    Transaction tx(m_store);
    auto& db = m_store.database();
    const std::int64_t now = toUnixMs(m_store.clock().now());
    auto remove = db.prepare("DELETE FROM sync_outbox WHERE record_id = ?1");
    auto insert = db.prepare(
        "INSERT INTO sync_outbox (record_id, card_serial, kind, class_id, lesson_date, lesson_number, pupil_id, value, "
        "substitution, teacher_id, line_item_id, category, weight, counts_in_average, enqueued_at_ms, supersedes, "
        "register_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)");
    for (const auto& r : records) {
        if (r.recordId.empty() || r.cardSerial.empty())
            throw Error(ErrorKind::BadInput, "an outbox record needs a record id and a card serial");
        remove.reset();
        remove.bind(1, r.recordId).run();
        insert.reset();
        insert.bind(1, r.recordId).bind(2, r.cardSerial).bind(3, toString(r.kind)).bind(4, r.classId).bind(5, r.date);
        insert.bind(6, r.lessonNumber).bind(7, r.pupilId).bind(8, r.value).bind(9, r.substitution ? 1 : 0);
        insert.bind(10, r.teacherId).bind(11, r.lineItemId).bind(12, r.category).bind(13, r.weight);
        insert.bind(14, r.countsInAverage ? 1 : 0).bind(15, now).bind(16, r.supersedes).bind(17, r.registerValue).run();
    }
    tx.commit();
    return static_cast<int>(records.size());
}

namespace {

OutboxKind kindFromString(const std::string& text) {
    if (text == "lessonTopic") return OutboxKind::LessonTopic;
    if (text == "lineItem") return OutboxKind::LineItem;
    if (text == "result") return OutboxKind::Result;
    return OutboxKind::Attendance;
}

} // namespace

OutboxRecord readOutboxRecord(const sql::Statement& st) {
    OutboxRecord r;
    r.seq = st.getInt(0);
    r.recordId = st.getText(1);
    r.cardSerial = st.getText(2);
    r.kind = kindFromString(st.getText(3));
    r.classId = st.getText(4);
    r.date = st.getText(5);
    r.lessonNumber = static_cast<int>(st.getInt(6));
    r.pupilId = st.getText(7);
    r.value = st.getText(8);
    r.substitution = st.getInt(9) != 0;
    r.teacherId = st.getText(10);
    r.lineItemId = st.getText(11);
    r.category = st.getText(12);
    r.weight = static_cast<int>(st.getInt(13));
    r.countsInAverage = st.getInt(14) != 0;
    r.enqueuedAt = fromUnixMs(st.getInt(15));
    r.attempts = static_cast<int>(st.getInt(16));
    r.supersedes = st.getText(18);
    r.registerValue = st.getOptionalText(19);
    return r;
}

namespace {

std::vector<OutboxRecord> recordsOfBatch(sql::Database& db, const std::string& key, bool* sent = nullptr) {
    auto st = db.prepare(std::string("SELECT ") + kRecordColumns + " FROM sync_outbox WHERE batch_key = ?1 ORDER BY seq");
    st.bind(1, key);
    std::vector<OutboxRecord> records;
    while (st.step()) {
        records.push_back(readOutboxRecord(st));
        if (sent && st.getInt(17) != 0) *sent = true;
    }
    return records;
}

} // namespace

std::vector<OutboxRecord> Outbox::waiting(int limit) const {
    auto st = m_store.database().prepare(std::string("SELECT ") + kRecordColumns + " FROM sync_outbox ORDER BY seq LIMIT ?1");
    st.bind(1, limit);
    std::vector<OutboxRecord> records;
    while (st.step()) records.push_back(readOutboxRecord(st));
    return records;
}

OutboxBatch Outbox::nextBatch(int maxRecords) {
    Transaction tx(m_store);
    auto& db = m_store.database();
    OutboxBatch batch;
    auto open = db.prepare("SELECT batch_key FROM sync_outbox WHERE batch_key IS NOT NULL ORDER BY seq LIMIT 1");
    if (open.step()) {
        batch.key = open.getText(0);
        batch.records = recordsOfBatch(db, batch.key, &batch.resend);
    } else {
        batch.key = newBatchKey();
        auto fix = db.prepare("UPDATE sync_outbox SET batch_key = ?1 WHERE seq IN "
                              "(SELECT seq FROM sync_outbox WHERE batch_key IS NULL ORDER BY seq LIMIT ?2)");
        fix.bind(1, batch.key).bind(2, maxRecords).run();
        batch.records = recordsOfBatch(db, batch.key);
        if (batch.records.empty()) batch.key.clear();
    }
    tx.commit();
    return batch;
}

void Outbox::releaseBatch(const std::string& key) {
    auto st = m_store.database().prepare("UPDATE sync_outbox SET batch_key = NULL, batch_sent = 0 WHERE batch_key = ?1");
    st.bind(1, key).run();
}

void Outbox::noteFailure(const std::string& key, const std::string& plainWords) {
    Transaction tx(m_store);
    auto st = m_store.database().prepare(
        "UPDATE sync_outbox SET attempts = attempts + 1, batch_sent = 1 WHERE batch_key = ?1");
    st.bind(1, key).run();
    noteOffline(plainWords);
    tx.commit();
}

} // namespace scanstation::core
