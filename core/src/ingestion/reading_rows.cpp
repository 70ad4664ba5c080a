#include "ingestion/reading_rows.hpp"

#include "sql/database.hpp"

#include <sstream>

namespace scanstation::core {

namespace {

std::string clean(std::string text) {
    for (auto& c : text)
        if (c == '\t' || c == '\n')
            c = ' ';
    return text;
}

std::optional<FieldState> fieldStateFromString(const std::string& text) {
    if (text == "value")
        return FieldState::Value;
    if (text == "nothing")
        return FieldState::Nothing;
    if (text == "flagged")
        return FieldState::Flagged;
    return std::nullopt;
}

std::vector<std::string> splitValues(const std::string& joined) {
    std::vector<std::string> out;
    if (joined.empty())
        return out;
    std::string part;
    std::istringstream in(joined);
    while (std::getline(in, part, ','))
        out.push_back(part);
    return out;
}

} // namespace

std::string encodeIssues(const std::vector<ReadingIssue>& issues) {
    std::string out;
    for (const auto& i : issues)
        out += clean(i.code) + "\t" + clean(i.fieldId) + "\t" + clean(i.message) + "\n";
    return out;
}

std::vector<ReadingIssue> decodeIssues(const std::string& text) {
    std::vector<ReadingIssue> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        const auto a = line.find('\t');
        const auto b = a == std::string::npos ? a : line.find('\t', a + 1);
        if (b == std::string::npos)
            continue;
        out.push_back(ReadingIssue{line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)});
    }
    return out;
}

namespace {

// The card frame (schema 8) in its own columns of the reading's row; NULL when none.
constexpr const char* kFrameColumns = "frame_h11, frame_h12, frame_h13, frame_h21, frame_h22, frame_h23, "
                                      "frame_h31, frame_h32, frame_h33, frame_rotation";

void storeFrame(sql::Database& db, std::int64_t readingId, const CardFrame& frame) {
    auto st = db.prepare("UPDATE card_readings SET (" + std::string(kFrameColumns) +
                         ") = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?");
    for (int i = 0; i < 9; ++i)
        st.bind(i + 1, frame.mmToPx[static_cast<std::size_t>(i)]);
    st.bind(10, frame.rotationDegrees).bind(11, readingId).run();
}

std::optional<CardFrame> loadFrame(sql::Database& db, std::int64_t readingId) {
    auto st = db.prepare("SELECT " + std::string(kFrameColumns) + " FROM card_readings WHERE id = ?");
    st.bind(1, readingId);
    if (!st.step() || st.isNull(9))
        return std::nullopt;
    CardFrame frame;
    for (int i = 0; i < 9; ++i)
        frame.mmToPx[static_cast<std::size_t>(i)] = st.getDouble(i);
    frame.rotationDegrees = static_cast<int>(st.getInt(9));
    return frame;
}

} // namespace

std::int64_t insertReading(sql::Database& db, const NewReading& row) {
    const auto& r = *row.reading;
    std::string issues = encodeIssues(r.issues);
    if (r.card)
        issues += "identity\t\tserial " + clean(r.card->serial) + ", template " + clean(r.card->templateId) +
                  (r.card->signatureValid ? ", code verified" : ", code NOT verified") + "\n";
    db.prepare("INSERT INTO card_readings (page_hash, source, page_number, page_status, serial, outcome, is_current, "
               "measurements, issues, recorded_by, recorded_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, r.pageHash)
        .bind(2, r.source)
        .bind(3, r.pageNumber)
        .bind(4, toString(r.status))
        .bind(5, row.serial)
        .bind(6, row.outcome)
        .bind(7, row.isCurrent ? 1 : 0)
        .bind(8, r.measurements)
        .bind(9, issues)
        .bind(10, row.actor)
        .bind(11, row.atMs)
        .run();
    const auto id = db.lastInsertRowId();
    if (r.frame)
        storeFrame(db, id, *r.frame);
    auto field = db.prepare("INSERT INTO reading_fields (reading_id, field_id, state, value, reason, confidence) "
                            "VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& f : r.fields) {
        field.bind(1, id).bind(2, f.fieldId).bind(3, toString(f.state)).bind(4, f.joined()).bind(5, f.reason);
        field.bind(6, f.confidence).run();
        field.reset();
    }
    return id;
}

void setReadingOutcome(sql::Database& db, std::int64_t readingId, const std::string& outcome) {
    db.prepare("UPDATE card_readings SET outcome = ? WHERE id = ?").bind(1, outcome).bind(2, readingId).run();
}

std::optional<StoredReading> loadReading(sql::Database& db, std::int64_t readingId) {
    auto st = db.prepare("SELECT id, serial, outcome, is_current, recorded_at_ms, recorded_by, page_hash, source, "
                         "page_number, page_status, measurements, issues FROM card_readings WHERE id = ?");
    st.bind(1, readingId);
    if (!st.step())
        return std::nullopt;
    StoredReading s;
    s.id = st.getInt(0);
    s.serial = st.getOptionalText(1);
    s.outcome = st.getText(2);
    s.isCurrent = st.getInt(3) != 0;
    s.recordedAtMs = st.getInt(4);
    s.recordedBy = st.getText(5);
    s.reading.pageHash = st.getText(6);
    s.reading.source = st.getText(7);
    s.reading.pageNumber = static_cast<int>(st.getInt(8));
    s.reading.status = pageStatusFromString(st.getText(9)).value_or(PageStatus::Unreadable);
    s.reading.measurements = st.getText(10);
    s.reading.issues = decodeIssues(st.getText(11));
    s.reading.frame = loadFrame(db, s.id);
    if (s.serial) {
        // Only a verified identity code gives a reading its serial (reading_recorder.cpp), so
        // the identity is what the station issued for that serial.
        auto card = db.prepare("SELECT template_id, template_version, lesson_slot_id, roster_version FROM cards "
                               "WHERE serial = ?");
        card.bind(1, *s.serial);
        if (card.step())
            s.reading.card = CardIdentityReading{*s.serial, card.getText(0), static_cast<int>(card.getInt(1)), true,
                                                 card.getOptionalInt(2), card.getInt(3)};
    }
    auto fields = db.prepare("SELECT field_id, state, value, reason, confidence FROM reading_fields "
                             "WHERE reading_id = ? ORDER BY rowid");
    fields.bind(1, readingId);
    while (fields.step())
        s.reading.fields.push_back(FieldReading{fields.getText(0),
                                                fieldStateFromString(fields.getText(1)).value_or(FieldState::Flagged),
                                                splitValues(fields.getText(2)), fields.getText(3),
                                                fields.getDouble(4)});
    return s;
}

std::optional<std::int64_t> readingIdOfPage(sql::Database& db, const std::string& pageHash) {
    auto st = db.prepare("SELECT id FROM card_readings WHERE page_hash = ?");
    st.bind(1, pageHash);
    return st.step() ? std::optional<std::int64_t>(st.getInt(0)) : std::nullopt;
}

std::optional<std::int64_t> currentReadingId(sql::Database& db, const std::string& serial) {
    auto st = db.prepare("SELECT id FROM card_readings WHERE serial = ? AND is_current = 1 ORDER BY id DESC LIMIT 1");
    st.bind(1, serial);
    return st.step() ? std::optional<std::int64_t>(st.getInt(0)) : std::nullopt;
}

int insertReviewItems(sql::Database& db, std::int64_t readingId, const std::optional<std::string>& serial,
                      const std::vector<Finding>& findings, std::int64_t atMs) {
    auto st = db.prepare("INSERT INTO review_items (reading_id, serial, field_id, code, message, administrator_only, "
                         "state, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, 'open', ?)");
    for (const auto& f : findings) {
        st.bind(1, readingId).bind(2, serial).bind(3, f.fieldId).bind(4, f.code).bind(5, f.message);
        st.bind(6, f.administratorOnly ? 1 : 0).bind(7, atMs).run();
        st.reset();
    }
    return static_cast<int>(findings.size());
}

int openItemCount(sql::Database& db, std::int64_t readingId) {
    auto st = db.prepare("SELECT COUNT(*) FROM review_items WHERE reading_id = ? AND state = 'open'");
    st.bind(1, readingId);
    st.step();
    return static_cast<int>(st.getInt(0));
}

void closeOpenItems(sql::Database& db, std::int64_t readingId, const std::string& state, const std::string& actor,
                    const std::string& why, std::int64_t atMs) {
    db.prepare("UPDATE review_items SET state = ?, decided_by = ?, decided_why = ?, decided_at_ms = ? "
               "WHERE reading_id = ? AND state = 'open'")
        .bind(1, state)
        .bind(2, actor)
        .bind(3, why)
        .bind(4, atMs)
        .bind(5, readingId)
        .run();
}

ReviewDecisions decisionsOf(sql::Database& db, std::int64_t readingId) {
    ReviewDecisions d;
    auto st = db.prepare("SELECT code, field_id, chosen_value FROM review_items WHERE reading_id = ? "
                         "AND state = 'resolved' ORDER BY id");
    st.bind(1, readingId);
    while (st.step()) {
        const std::string code = st.getText(0), field = st.getText(1);
        const auto chosen = st.getOptionalText(2);
        if ((code == finding::kOutageUnresolved || code == finding::kLessonNotInTimetable) && chosen)
            d.assignedSlotId = std::stoll(*chosen);
        else {
            if (chosen && !field.empty())
                d.fieldValues[field] = *chosen;
            d.waived.insert({code, field}); // the person settled this finding for this field
        }
    }
    return d;
}

} // namespace scanstation::core
