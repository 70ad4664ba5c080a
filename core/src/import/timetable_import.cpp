// The timetable CSV: one line per lesson slot (columns in core/README.md).
#include "import/csv_table.hpp"
#include "import/roster_parsers.hpp"
#include "lesson_slot_write.hpp"
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/roster_import.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/core/timetable.hpp"
#include "sql/database.hpp"

#include <map>
#include <set>
#include <tuple>

namespace scanstation::core {

namespace {

const std::vector<std::string> kRequired = {"date", "lesson", "class", "subject", "teacher_id"};

struct TimetableFile {
    std::vector<LessonSlot> slots;
    std::map<std::string, Subject> newSubjects;
    std::map<std::string, Teacher> newTeachers;
    std::set<std::string> dates;
};

class TimetableReader {
public:
    TimetableReader(Store& store, const import::CsvTable& table, std::vector<ImportProblem>& problems)
        : m_table(table), m_problems(problems) {
        Roster roster(store);
        for (const auto& c : roster.classes())
            m_codes[c.code] = false;
        for (const auto& g : roster.groups())
            m_codes[g.code] = true;
        for (const auto& s : roster.subjects())
            m_subjects.insert(s.code);
        for (const auto& t : roster.teachers())
            m_teachers.insert(t.sourcedId);
    }

    TimetableFile read() {
        for (const auto& r : m_table.records)
            readRecord(r);
        return std::move(m_out);
    }

private:
    const import::CsvTable& m_table;
    std::vector<ImportProblem>& m_problems;
    std::map<std::string, bool> m_codes; // class or group code -> is group
    std::set<std::string> m_subjects, m_teachers;
    std::map<std::tuple<std::string, int, std::string>, int> m_slotLines;
    std::map<std::tuple<std::string, int, std::string>, std::pair<int, std::string>> m_teacherBusy;
    TimetableFile m_out;

    std::string get(const import::CsvRecord& r, const char* column) { return import::field(m_table, r, column); }

    void problem(const import::CsvRecord& r, const std::string& column, const std::string& reason) {
        m_problems.push_back({m_table.file, r.line, column, reason});
    }

    void readRecord(const import::CsvRecord& r) {
        bool ok = true;
        LessonSlot s;
        const std::string dateText = get(r, "date");
        if (auto d = Date::parse(dateText); d && dateText.size() == 10)
            s.date = *d;
        else {
            problem(r, "date", dateText.empty() ? "empty date" : "bad date '" + dateText + "' (expected YYYY-MM-DD)");
            ok = false;
        }
        const std::string lesson = get(r, "lesson");
        if (lesson == "0")
            s.lessonNumber = 0;
        else if (auto n = import::parsePositiveInt(lesson); n && *n <= 12)
            s.lessonNumber = *n;
        else {
            problem(r, "lesson", "bad lesson number '" + lesson + "' (0 to 12)");
            ok = false;
        }
        s.classOrGroupCode = get(r, "class");
        if (auto it = m_codes.find(s.classOrGroupCode); it != m_codes.end())
            s.isGroup = it->second;
        else {
            problem(r, "class", "unknown class or group '" + s.classOrGroupCode + "'");
            ok = false;
        }
        ok = readSubject(r, s) & readTeacher(r, s) && ok;
        if (!ok)
            return;
        const auto key = std::make_tuple(s.date.toString(), s.lessonNumber, s.classOrGroupCode);
        if (auto [it, fresh] = m_slotLines.emplace(key, r.line); !fresh) {
            problem(r, "lesson", "a second lesson " + std::to_string(s.lessonNumber) + " for " + s.classOrGroupCode + " on " +
                                     s.date.toString() + " (also line " + std::to_string(it->second) + ")");
            return;
        }
        const auto busy = std::make_tuple(s.date.toString(), s.lessonNumber, s.teacherId);
        if (auto [it, fresh] = m_teacherBusy.emplace(busy, std::make_pair(r.line, s.classOrGroupCode)); !fresh) {
            problem(r, "teacher_id", "teacher '" + s.teacherId + "' already teaches " + it->second.second + " in lesson " +
                                         std::to_string(s.lessonNumber) + " on " + s.date.toString() + " (line " +
                                         std::to_string(it->second.first) + ")");
            return;
        }
        m_out.dates.insert(s.date.toString());
        m_out.slots.push_back(std::move(s));
    }

    bool readSubject(const import::CsvRecord& r, LessonSlot& s) {
        s.subjectCode = get(r, "subject");
        if (s.subjectCode.empty()) {
            problem(r, "subject", "empty subject");
            return false;
        }
        if (m_subjects.count(s.subjectCode))
            return true;
        const std::string name = get(r, "subject_name");
        if (name.empty()) {
            problem(r, "subject", "unknown subject '" + s.subjectCode + "' (add a subject_name column to create it)");
            return false;
        }
        m_out.newSubjects[s.subjectCode] = Subject{s.subjectCode, name};
        return true;
    }

    bool readTeacher(const import::CsvRecord& r, LessonSlot& s) {
        s.teacherId = get(r, "teacher_id");
        if (s.teacherId.empty()) {
            problem(r, "teacher_id", "empty teacher_id");
            return false;
        }
        if (m_teachers.count(s.teacherId))
            return true;
        const std::string given = get(r, "teacher_given_name"), family = get(r, "teacher_family_name");
        if (given.empty() || family.empty()) {
            problem(r, "teacher_id", "unknown teacher '" + s.teacherId +
                                         "' (import the roster first, or give teacher_given_name and teacher_family_name)");
            return false;
        }
        m_out.newTeachers[s.teacherId] = Teacher{s.teacherId, given, family};
        return true;
    }
};

struct SlotCounts {
    int added = 0, updated = 0, removed = 0, cancelled = 0;
    bool any() const { return added + updated + removed + cancelled > 0; }
};

SlotCounts applySlots(Store& store, const TimetableFile& file) {
    auto& db = store.database();
    SlotCounts counts;
    std::set<std::tuple<std::string, int, std::string>> keep;
    for (const auto& s : file.slots) {
        keep.insert({s.date.toString(), s.lessonNumber, s.classOrGroupCode});
        const auto written = writeLessonSlot(
            db, {s.date.toString(), s.lessonNumber, s.classOrGroupCode, s.isGroup, s.subjectCode, s.teacherId});
        if (written != SlotWrite::Unchanged)
            ++(written == SlotWrite::Updated ? counts.updated : counts.added);
    }
    // A slot on a date the file covers but no longer lists goes away; one that cards refer
    // to stays, marked cancelled, so the cards keep their meaning.
    for (const auto& date : file.dates) {
        auto st = db.prepare("SELECT id, lesson_number, class_or_group_code, cancelled, "
                             "(SELECT COUNT(*) FROM cards c WHERE c.lesson_slot_id = s.id) FROM lesson_slots s WHERE date = ?");
        st.bind(1, date);
        while (st.step()) {
            if (keep.count({date, static_cast<int>(st.getInt(1)), st.getText(2)}))
                continue;
            if (st.getInt(4) > 0) {
                if (st.getInt(3) == 0) {
                    db.prepare("UPDATE lesson_slots SET cancelled = 1 WHERE id = ?").bind(1, st.getInt(0)).run();
                    ++counts.cancelled;
                }
            } else {
                db.prepare("DELETE FROM lesson_slots WHERE id = ?").bind(1, st.getInt(0)).run();
                ++counts.removed;
            }
        }
    }
    return counts;
}

} // namespace

ImportReport importTimetable(Store& store, const std::string& actor, const std::filesystem::path& path) {
    if (!std::filesystem::is_regular_file(path))
        throw Error(ErrorKind::BadInput, "no such file: " + path.string());
    ImportReport report;
    report.source = path.string();
    report.format = "timetable-csv";
    const import::CsvTable table = import::parseCsv(import::readTextFile(path), path.filename().string(), report.problems);
    TimetableFile file;
    if (import::requireColumns(table, kRequired, report.problems))
        file = TimetableReader(store, table, report.problems).read();
    report.lessonSlots = static_cast<int>(file.slots.size());
    report.rosterVersion = Roster(store).currentVersion();
    if (!report.problems.empty())
        return report;
    Transaction tx(store);
    auto& db = store.database();
    AuditLog audit(store);
    for (const auto& [code, s] : file.newSubjects) {
        db.prepare("INSERT INTO subjects (code, name) VALUES (?, ?)").bind(1, code).bind(2, s.name).run();
        audit.append(actor, "timetable.subject_added", "subject:" + code, s.name);
    }
    for (const auto& [id, t] : file.newTeachers) {
        db.prepare("INSERT INTO teachers (sourced_id, given_name, family_name, active) VALUES (?, ?, ?, 1) "
                   "ON CONFLICT (sourced_id) DO UPDATE SET given_name = excluded.given_name, "
                   "family_name = excluded.family_name, active = 1")
            .bind(1, id).bind(2, t.givenName).bind(3, t.familyName).run();
        audit.append(actor, "timetable.teacher_added", "teacher:" + id, t.givenName + " " + t.familyName);
    }
    const SlotCounts counts = applySlots(store, file);
    if (!counts.any() && file.newSubjects.empty() && file.newTeachers.empty())
        return report; // the same timetable again: nothing to record
    audit.append(actor, "timetable.import", "timetable:" + path.filename().string(),
                 std::to_string(counts.added) + " added, " + std::to_string(counts.updated) + " changed, " +
                     std::to_string(counts.removed) + " removed, " + std::to_string(counts.cancelled) + " cancelled");
    tx.commit();
    report.changed = true;
    return report;
}

} // namespace scanstation::core
