// OneRoster 1.1 / 1.2 CSV bundles: the files and columns in ../shared/ONEROSTER.md.
#include "import/roster_parsers.hpp"

#include <map>
#include <set>

namespace scanstation::core::import {

namespace {

struct Located {
    std::string file;
    int line = 0;
};

class OneRosterReader {
public:
    OneRosterReader(const std::map<std::string, std::string>& files, ParsedRoster& out) : m_files(files), m_out(out) {}

    void read() {
        readManifest();
        readOrgs();
        readSessions();
        readCourses();
        readClasses();
        readUsers();
        readRoles();
        readEnrollments();
        finishPupils();
    }

private:
    const std::map<std::string, std::string>& m_files;
    ParsedRoster& m_out;
    std::map<std::string, CsvTable> m_tables;
    bool m_v11 = false;
    std::set<std::string> m_orgIds;
    std::set<std::string> m_sessionIds;
    std::map<std::string, std::string> m_courseCode; // course sourcedId -> subject code
    std::map<std::string, std::size_t> m_classIndex; // class sourcedId -> index in classes
    std::map<std::string, std::size_t> m_groupIndex; // group sourcedId -> index in groups
    std::map<std::string, Located> m_userLine;       // user sourcedId -> where defined
    std::map<std::string, std::string> m_userRole;   // user sourcedId -> primary role
    std::map<std::string, Pupil> m_pupils;
    std::map<std::string, Teacher> m_teachers;
    std::map<std::string, Located> m_homeroomOf; // pupil -> enrollment line of their class
    std::map<std::string, bool> m_explicitNumber; // class -> has any metadata.registerNumber

    void problem(const std::string& file, int line, const std::string& column, const std::string& reason) {
        m_out.problems.push_back({file, line, column, reason});
    }

    const CsvTable* table(const std::string& name, const std::vector<std::string>& required, bool optional = false) {
        auto it = m_files.find(name);
        if (it == m_files.end()) {
            if (!optional)
                problem(name, 0, "", "missing file " + name + " in the bundle");
            return nullptr;
        }
        auto [t, fresh] = m_tables.emplace(name, parseCsv(it->second, name, m_out.problems));
        if (!requireColumns(t->second, required, m_out.problems))
            return nullptr;
        return &t->second;
    }

    static bool active(const CsvTable& t, const CsvRecord& r) {
        return field(t, r, "status") != "tobedeleted";
    }

    bool checkDate(const CsvTable& t, const CsvRecord& r, const std::string& column, Date& out, bool required) {
        const std::string text = field(t, r, column);
        if (text.empty() && !required)
            return true;
        if (auto d = Date::parse(text)) {
            out = *d;
            return true;
        }
        problem(t.file, r.line, column, text.empty() ? "empty " + column : "bad date '" + text + "' (expected YYYY-MM-DD)");
        return false;
    }

    bool checkId(const CsvTable& t, const CsvRecord& r, std::set<std::string>& seen, std::map<std::string, int>& lines) {
        const std::string id = field(t, r, "sourcedId");
        if (id.empty()) {
            problem(t.file, r.line, "sourcedId", "empty sourcedId");
            return false;
        }
        if (!seen.insert(id).second) {
            problem(t.file, r.line, "sourcedId", "duplicate sourcedId '" + id + "' (also line " + std::to_string(lines[id]) + ")");
            return false;
        }
        lines[id] = r.line;
        return true;
    }

    void readManifest() {
        const CsvTable* t = table("manifest.csv", {"propertyName", "value"});
        if (!t)
            return;
        for (const auto& r : t->records) {
            const std::string name = field(*t, r, "propertyName"), value = field(*t, r, "value");
            if (name == "oneroster.version") {
                if (value == "1.1")
                    m_v11 = true;
                else if (value != "1.2")
                    problem(t->file, r.line, "value", "unsupported OneRoster version '" + value + "' (1.1 or 1.2)");
            } else if (name.rfind("file.", 0) == 0 && value == "delta")
                problem(t->file, r.line, "value", name + " is a delta file; export a bulk roster (the station replaces "
                                                        "the whole roster on each import)");
        }
    }

    void readOrgs() {
        const CsvTable* t = table("orgs.csv", {"sourcedId", "name", "type"});
        if (!t)
            return;
        std::set<std::string> seen;
        std::map<std::string, int> lines;
        std::vector<int> schoolLines;
        for (const auto& r : t->records) {
            if (!checkId(*t, r, seen, lines))
                continue;
            m_orgIds.insert(field(*t, r, "sourcedId"));
            if (field(*t, r, "type") == "school" && active(*t, r)) {
                schoolLines.push_back(r.line);
                m_out.snapshot.school = School{field(*t, r, "sourcedId"), field(*t, r, "name")};
            }
        }
        if (schoolLines.empty())
            problem(t->file, 0, "type", "no org of type 'school'");
        else if (schoolLines.size() > 1)
            for (int line : schoolLines)
                problem(t->file, line, "type", "the bundle holds " + std::to_string(schoolLines.size()) +
                                                   " schools; a station serves one school");
    }

    void readSessions() {
        const CsvTable* t = table("academicSessions.csv", {"sourcedId", "title", "type", "startDate", "endDate"});
        if (!t)
            return;
        std::set<std::string> seen;
        std::map<std::string, int> lines;
        int yearLine = 0;
        for (const auto& r : t->records) {
            if (!checkId(*t, r, seen, lines))
                continue;
            m_sessionIds.insert(field(*t, r, "sourcedId"));
            Date start, end;
            const bool datesOk = checkDate(*t, r, "startDate", start, true) & checkDate(*t, r, "endDate", end, true);
            if (!datesOk || !active(*t, r))
                continue;
            if (end < start) {
                problem(t->file, r.line, "endDate", "endDate " + end.toString() + " is before startDate " + start.toString());
                continue;
            }
            const std::string type = field(*t, r, "type");
            if (type == "schoolYear") {
                if (yearLine)
                    problem(t->file, r.line, "type", "a second schoolYear (also line " + std::to_string(yearLine) +
                                                         "); export one school year");
                yearLine = r.line;
                m_out.snapshot.schoolYear = SchoolYear{field(*t, r, "sourcedId"), field(*t, r, "title"), start, end};
            } else if (type == "term" || type == "semester")
                m_out.snapshot.terms.push_back(Term{field(*t, r, "sourcedId"), field(*t, r, "title"), start, end});
        }
    }

    void readCourses() {
        const CsvTable* t = table("courses.csv", {"sourcedId", "title"}, true);
        if (!t)
            return;
        std::set<std::string> seen;
        std::map<std::string, int> lines;
        for (const auto& r : t->records) {
            if (!checkId(*t, r, seen, lines))
                continue;
            const std::string code = field(*t, r, "courseCode");
            m_courseCode[field(*t, r, "sourcedId")] = code;
            if (!code.empty())
                m_out.snapshot.subjects.push_back(Subject{code, field(*t, r, "title")});
        }
    }

    void readClasses() {
        const CsvTable* t = table("classes.csv", {"sourcedId", "title", "classType", "schoolSourcedId"});
        if (!t)
            return;
        std::set<std::string> seen, codes;
        std::map<std::string, int> lines, codeLines;
        for (const auto& r : t->records) {
            if (!checkId(*t, r, seen, lines) || !active(*t, r))
                continue;
            const std::string id = field(*t, r, "sourcedId"), type = field(*t, r, "classType");
            std::string code = field(*t, r, "classCode");
            if (code.empty())
                code = field(*t, r, "title");
            bool ok = true;
            if (const auto org = field(*t, r, "schoolSourcedId"); !m_orgIds.count(org)) {
                problem(t->file, r.line, "schoolSourcedId", "unknown org '" + org + "'");
                ok = false;
            }
            for (const auto& term : splitCommaList(field(*t, r, "termSourcedIds")))
                if (!m_sessionIds.count(term)) {
                    problem(t->file, r.line, "termSourcedIds", "unknown academic session '" + term + "'");
                    ok = false;
                }
            if (type != "homeroom" && type != "scheduled") {
                problem(t->file, r.line, "classType", "unknown classType '" + type + "' (homeroom or scheduled)");
                ok = false;
            }
            if (ok && !codes.insert(code).second) {
                problem(t->file, r.line, "classCode", "duplicate class code '" + code + "' (also line " +
                                                          std::to_string(codeLines[code]) + ")");
                ok = false;
            }
            codeLines[code] = r.line;
            if (!ok)
                continue;
            if (type == "homeroom") {
                m_classIndex[id] = m_out.snapshot.classes.size();
                m_out.snapshot.classes.push_back(SchoolClass{id, code, field(*t, r, "title"), std::nullopt});
            } else {
                ClassGroup g{id, code, field(*t, r, "title"), std::nullopt, {}, {}};
                if (auto c = m_courseCode.find(field(*t, r, "courseSourcedId")); c != m_courseCode.end() && !c->second.empty())
                    g.subjectCode = c->second;
                m_groupIndex[id] = m_out.snapshot.groups.size();
                m_out.snapshot.groups.push_back(std::move(g));
            }
        }
    }

    static std::vector<std::string> splitCommaList(const std::string& text) {
        std::vector<std::string> out;
        std::string cur;
        for (char c : text + ",") {
            if (c == ',') {
                if (auto v = trim(cur); !v.empty())
                    out.push_back(v);
                cur.clear();
            } else
                cur += c;
        }
        return out;
    }

    void readUsers() {
        std::vector<std::string> required = {"sourcedId", "givenName", "familyName"};
        const CsvTable* t = table("users.csv", required);
        if (!t)
            return;
        if (t->column("role"))
            m_v11 = true; // 1.1 keeps the role in users.csv
        std::set<std::string> seen;
        std::map<std::string, int> lines;
        for (const auto& r : t->records) {
            if (!checkId(*t, r, seen, lines))
                continue;
            const std::string id = field(*t, r, "sourcedId");
            m_userLine[id] = {t->file, r.line};
            if (m_v11)
                m_userRole[id] = field(*t, r, "role");
        }
    }

    void readRoles() {
        if (m_v11)
            return;
        const CsvTable* t = table("roles.csv", {"sourcedId", "userSourcedId", "roleType", "role"});
        if (!t)
            return;
        for (const auto& r : t->records) {
            if (!active(*t, r))
                continue;
            const std::string user = field(*t, r, "userSourcedId");
            if (!m_userLine.count(user)) {
                problem(t->file, r.line, "userSourcedId", "unknown user '" + user + "'");
                continue;
            }
            if (field(*t, r, "roleType") == "primary" || !m_userRole.count(user))
                m_userRole[user] = field(*t, r, "role");
        }
        createPeople();
    }

    void createPeople() {
        // users.csv may be missing or unreadable; readUsers() has already reported why.
        const auto users = m_tables.find("users.csv");
        if (users == m_tables.end())
            return;
        const CsvTable& t = users->second;
        for (const auto& r : t.records) {
            const std::string id = field(t, r, "sourcedId");
            const std::string role = m_userRole.count(id) ? m_userRole[id] : "";
            if (role != "student" && role != "teacher")
                continue;
            const std::string given = field(t, r, "givenName"), family = field(t, r, "familyName");
            if (given.empty() || family.empty()) {
                problem(t.file, r.line, given.empty() ? "givenName" : "familyName",
                        "empty " + std::string(given.empty() ? "givenName" : "familyName"));
                continue;
            }
            if (role == "teacher") {
                if (active(t, r))
                    m_teachers[id] = Teacher{id, given, family};
                continue;
            }
            Pupil p;
            p.sourcedId = id;
            p.givenName = given;
            p.familyName = family;
            p.status = active(t, r) ? PupilStatus::Active : PupilStatus::StruckOff;
            m_pupils[id] = std::move(p);
        }
    }

    void readEnrollments() {
        if (m_v11 && m_tables.count("users.csv"))
            createPeople();
        const CsvTable* t = table("enrollments.csv", {"sourcedId", "classSourcedId", "userSourcedId", "role"});
        if (!t)
            return;
        const bool hasNumber = t->column("metadata.registerNumber").has_value();
        std::map<std::pair<std::string, int>, int> numberLines;
        for (const auto& r : t->records) {
            if (!active(*t, r))
                continue;
            const std::string classId = field(*t, r, "classSourcedId"), user = field(*t, r, "userSourcedId");
            const std::string role = field(*t, r, "role");
            Date ignored;
            const bool datesOk = checkDate(*t, r, "beginDate", ignored, false) & checkDate(*t, r, "endDate", ignored, false);
            const bool isClass = m_classIndex.count(classId) > 0, isGroup = m_groupIndex.count(classId) > 0;
            if (!isClass && !isGroup) {
                problem(t->file, r.line, "classSourcedId", "unknown class '" + classId + "'");
                continue;
            }
            if (!m_userLine.count(user)) {
                problem(t->file, r.line, "userSourcedId", "unknown user '" + user + "'");
                continue;
            }
            if (!datesOk)
                continue;
            if (role == "student")
                enrolPupil(*t, r, classId, user, isClass, hasNumber, numberLines);
            else if (role == "teacher")
                enrolTeacher(*t, r, classId, user, isClass);
        }
    }

    void enrolPupil(const CsvTable& t, const CsvRecord& r, const std::string& classId, const std::string& user,
                    bool isClass, bool hasNumber, std::map<std::pair<std::string, int>, int>& numberLines) {
        auto pupil = m_pupils.find(user);
        if (pupil == m_pupils.end()) {
            problem(t.file, r.line, "userSourcedId", "user '" + user + "' is enrolled as a student but has role '" +
                                                         m_userRole[user] + "'");
            return;
        }
        if (!isClass) {
            m_out.snapshot.groups[m_groupIndex[classId]].pupilIds.push_back(user);
            return;
        }
        if (auto prev = m_homeroomOf.find(user); prev != m_homeroomOf.end()) {
            problem(t.file, r.line, "classSourcedId", "pupil '" + user + "' is enrolled in a second class (also line " +
                                                          std::to_string(prev->second.line) + ")");
            return;
        }
        m_homeroomOf[user] = {t.file, r.line};
        pupil->second.classId = classId;
        const std::string number = hasNumber ? field(t, r, "metadata.registerNumber") : "";
        if (number.empty())
            return;
        auto n = parsePositiveInt(number);
        if (!n) {
            problem(t.file, r.line, "metadata.registerNumber", "bad register number '" + number + "' (a whole number from 1)");
            return;
        }
        m_explicitNumber[classId] = true;
        pupil->second.registerNumber = *n;
        if (pupil->second.status != PupilStatus::Active)
            return;
        if (auto [it, fresh] = numberLines.emplace(std::make_pair(classId, *n), r.line); !fresh)
            problem(t.file, r.line, "metadata.registerNumber",
                    "duplicate register number " + std::to_string(*n) + " in class " +
                        m_out.snapshot.classes[m_classIndex[classId]].code + " (also line " + std::to_string(it->second) + ")");
    }

    void enrolTeacher(const CsvTable& t, const CsvRecord& r, const std::string& classId, const std::string& user,
                      bool isClass) {
        if (!m_teachers.count(user)) {
            problem(t.file, r.line, "userSourcedId", "user '" + user + "' is enrolled as a teacher but has role '" +
                                                         m_userRole[user] + "'");
            return;
        }
        if (isClass) {
            auto& c = m_out.snapshot.classes[m_classIndex[classId]];
            if (!c.classTeacherId || field(t, r, "primary") == "true")
                c.classTeacherId = user;
        } else
            m_out.snapshot.groups[m_groupIndex[classId]].teacherIds.push_back(user);
    }

    void finishPupils() {
        for (auto& [id, p] : m_pupils) {
            if (p.classId.empty()) {
                if (p.status == PupilStatus::Active) {
                    const auto& where = m_userLine[id];
                    problem(where.file, where.line, "sourcedId", "pupil '" + id + "' has no class (no homeroom enrollment)");
                }
                continue;
            }
            if (p.status == PupilStatus::Active && p.registerNumber == 0 && m_explicitNumber[p.classId]) {
                const auto& where = m_homeroomOf[id];
                problem("enrollments.csv", where.line, "metadata.registerNumber",
                        "no register number while other pupils of class " +
                            m_out.snapshot.classes[m_classIndex[p.classId]].code + " have one");
            }
            m_out.snapshot.pupils.push_back(p);
        }
        for (auto& [id, teacher] : m_teachers)
            m_out.snapshot.teachers.push_back(teacher);
        std::set<std::string> kept;
        for (const auto& p : m_out.snapshot.pupils)
            kept.insert(p.sourcedId);
        for (auto& g : m_out.snapshot.groups) // a struck-off pupil without a class leaves the groups too
            std::erase_if(g.pupilIds, [&kept](const std::string& id) { return !kept.count(id); });
        numberAlphabetically(m_out.snapshot.pupils);
        m_out.format = m_v11 ? "oneroster-1.1" : "oneroster-1.2";
    }
};

} // namespace

ParsedRoster parseOneRosterBundle(const std::map<std::string, std::string>& files) {
    ParsedRoster out;
    out.format = "oneroster-1.2";
    OneRosterReader(files, out).read();
    return out;
}

} // namespace scanstation::core::import
