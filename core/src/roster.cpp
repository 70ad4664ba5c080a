#include "scanstation/core/roster.hpp"

#include "scanstation/core/store.hpp"
#include "sql/database.hpp"
#include "time_util.hpp"

#include <array>
#include <utility>

namespace scanstation::core {

namespace {

constexpr std::array<std::pair<RosterChangeKind, const char*>, 12> kChangeKinds{{
    {RosterChangeKind::Joined, "joined"},
    {RosterChangeKind::Transferred, "transferred"},
    {RosterChangeKind::Renumbered, "renumbered"},
    {RosterChangeKind::Renamed, "renamed"},
    {RosterChangeKind::StruckOff, "struck_off"},
    {RosterChangeKind::Reinstated, "reinstated"},
    {RosterChangeKind::ClassAdded, "class_added"},
    {RosterChangeKind::ClassChanged, "class_changed"},
    {RosterChangeKind::GroupChanged, "group_changed"},
    {RosterChangeKind::TeacherChanged, "teacher_changed"},
    {RosterChangeKind::SubjectChanged, "subject_changed"},
    {RosterChangeKind::SchoolChanged, "school_changed"},
}};

constexpr const char* kPupilSelect =
    "SELECT p.sourced_id, p.given_name, p.family_name, p.class_id, p.register_number, p.status FROM pupils p";

Pupil readPupil(const sql::Statement& st) {
    Pupil p;
    p.sourcedId = st.getText(0);
    p.givenName = st.getText(1);
    p.familyName = st.getText(2);
    p.classId = st.getText(3);
    p.registerNumber = static_cast<int>(st.getInt(4));
    p.status = st.getText(5) == "struck_off" ? PupilStatus::StruckOff : PupilStatus::Active;
    return p;
}

std::vector<Pupil> readPupils(sql::Statement& st) {
    std::vector<Pupil> out;
    while (st.step())
        out.push_back(readPupil(st));
    return out;
}

std::vector<std::string> readStrings(sql::Database& db, const char* sqlText, const std::string& key) {
    auto st = db.prepare(sqlText);
    st.bind(1, key);
    std::vector<std::string> out;
    while (st.step())
        out.push_back(st.getText(0));
    return out;
}

SchoolClass readClass(const sql::Statement& st) {
    return SchoolClass{st.getText(0), st.getText(1), st.getText(2), st.getOptionalText(3)};
}

constexpr const char* kClassSelect = "SELECT sourced_id, code, title, class_teacher_id FROM classes";
constexpr const char* kGroupSelect = "SELECT sourced_id, code, title, subject_code FROM class_groups";

} // namespace

std::string toString(PupilStatus status) {
    return status == PupilStatus::Active ? "active" : "struck_off";
}

std::string toString(RosterChangeKind kind) {
    for (const auto& [k, name] : kChangeKinds)
        if (k == kind)
            return name;
    return "unknown";
}

std::optional<RosterChangeKind> rosterChangeKindFromString(const std::string& text) {
    for (const auto& [k, name] : kChangeKinds)
        if (text == name)
            return k;
    return std::nullopt;
}

std::int64_t Roster::currentVersion() const {
    auto st = m_store.database().prepare("SELECT COALESCE(MAX(number), 0) FROM roster_versions");
    st.step();
    return st.getInt(0);
}

std::vector<RosterVersion> Roster::versions() const {
    auto st = m_store.database().prepare(
        "SELECT number, imported_at_ms, imported_by, source, content_hash FROM roster_versions ORDER BY number");
    std::vector<RosterVersion> out;
    while (st.step())
        out.push_back(RosterVersion{st.getInt(0), fromUnixMs(st.getInt(1)), st.getText(2), st.getText(3), st.getText(4), {}});
    return out;
}

std::optional<RosterVersion> Roster::version(std::int64_t number) const {
    auto& db = m_store.database();
    auto st = db.prepare("SELECT number, imported_at_ms, imported_by, source, content_hash FROM roster_versions WHERE number = ?");
    st.bind(1, number);
    if (!st.step())
        return std::nullopt;
    RosterVersion v{st.getInt(0), fromUnixMs(st.getInt(1)), st.getText(2), st.getText(3), st.getText(4), {}};
    auto ch = db.prepare("SELECT kind, subject_id, details FROM roster_changes WHERE version = ? ORDER BY seq");
    ch.bind(1, number);
    while (ch.step())
        v.changes.push_back(RosterChange{rosterChangeKindFromString(ch.getText(0)).value_or(RosterChangeKind::Joined),
                                         ch.getText(1), ch.getText(2)});
    return v;
}

std::optional<School> Roster::school() const {
    auto st = m_store.database().prepare("SELECT sourced_id, name FROM school WHERE id = 1");
    if (!st.step())
        return std::nullopt;
    return School{st.getText(0), st.getText(1)};
}

std::optional<SchoolYear> Roster::schoolYear() const {
    auto st = m_store.database().prepare("SELECT sourced_id, title, start_date, end_date FROM school_year WHERE id = 1");
    if (!st.step())
        return std::nullopt;
    return SchoolYear{st.getText(0), st.getText(1), Date::parse(st.getText(2)).value_or(Date{}),
                      Date::parse(st.getText(3)).value_or(Date{})};
}

std::vector<Term> Roster::terms() const {
    auto st = m_store.database().prepare("SELECT sourced_id, title, start_date, end_date FROM terms ORDER BY start_date");
    std::vector<Term> out;
    while (st.step())
        out.push_back(Term{st.getText(0), st.getText(1), Date::parse(st.getText(2)).value_or(Date{}),
                           Date::parse(st.getText(3)).value_or(Date{})});
    return out;
}

std::vector<SchoolClass> Roster::classes() const {
    auto st = m_store.database().prepare(std::string(kClassSelect) + " WHERE active = 1 ORDER BY code");
    std::vector<SchoolClass> out;
    while (st.step())
        out.push_back(readClass(st));
    return out;
}

std::vector<ClassGroup> Roster::groups() const {
    auto& db = m_store.database();
    auto st = db.prepare(std::string(kGroupSelect) + " WHERE active = 1 ORDER BY code");
    std::vector<ClassGroup> out;
    while (st.step()) {
        ClassGroup g{st.getText(0), st.getText(1), st.getText(2), st.getOptionalText(3), {}, {}};
        g.pupilIds = readStrings(db, "SELECT pupil_id FROM group_members WHERE group_id = ? ORDER BY pupil_id", g.sourcedId);
        g.teacherIds = readStrings(db, "SELECT teacher_id FROM group_teachers WHERE group_id = ? ORDER BY teacher_id", g.sourcedId);
        out.push_back(std::move(g));
    }
    return out;
}

std::vector<Teacher> Roster::teachers() const {
    auto st = m_store.database().prepare(
        "SELECT sourced_id, given_name, family_name FROM teachers WHERE active = 1 ORDER BY family_name, given_name, sourced_id");
    std::vector<Teacher> out;
    while (st.step())
        out.push_back(Teacher{st.getText(0), st.getText(1), st.getText(2)});
    return out;
}

std::vector<Subject> Roster::subjects() const {
    auto st = m_store.database().prepare("SELECT code, name FROM subjects ORDER BY code");
    std::vector<Subject> out;
    while (st.step())
        out.push_back(Subject{st.getText(0), st.getText(1)});
    return out;
}

std::optional<Pupil> Roster::pupil(const std::string& sourcedId) const {
    auto st = m_store.database().prepare(std::string(kPupilSelect) + " WHERE p.sourced_id = ?");
    st.bind(1, sourcedId);
    if (!st.step())
        return std::nullopt;
    return readPupil(st);
}

std::vector<Pupil> Roster::pupilsOfClass(const std::string& classId, bool includeStruckOff) const {
    auto st = m_store.database().prepare(std::string(kPupilSelect) +
                                         " WHERE p.class_id = ? AND (? OR p.status = 'active') "
                                         "ORDER BY p.status, p.register_number, p.family_name");
    st.bind(1, classId).bind(2, includeStruckOff ? 1 : 0);
    return readPupils(st);
}

std::vector<Pupil> Roster::pupilsOfGroup(const std::string& groupId) const {
    auto st = m_store.database().prepare(std::string(kPupilSelect) +
                                         " JOIN group_members m ON m.pupil_id = p.sourced_id "
                                         "JOIN classes c ON c.sourced_id = p.class_id "
                                         "WHERE m.group_id = ? AND p.status = 'active' ORDER BY c.code, p.register_number");
    st.bind(1, groupId);
    return readPupils(st);
}

std::optional<SchoolClass> Roster::classByCode(const std::string& code) const {
    auto st = m_store.database().prepare(std::string(kClassSelect) + " WHERE code = ? ORDER BY active DESC LIMIT 1");
    st.bind(1, code);
    if (!st.step())
        return std::nullopt;
    return readClass(st);
}

std::optional<ClassGroup> Roster::groupByCode(const std::string& code) const {
    for (auto& g : groups())
        if (g.code == code)
            return g;
    return std::nullopt;
}

RosterSnapshot Roster::snapshot() const {
    RosterSnapshot s;
    s.school = school();
    s.schoolYear = schoolYear();
    s.terms = terms();
    s.classes = classes();
    s.groups = groups();
    s.teachers = teachers();
    s.subjects = subjects();
    auto st = m_store.database().prepare(std::string(kPupilSelect) + " ORDER BY p.sourced_id");
    s.pupils = readPupils(st);
    return s;
}

} // namespace scanstation::core
