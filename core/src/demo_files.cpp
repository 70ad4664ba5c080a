// Writers of the roster and timetable file formats, and the demo school's installation.
#include "scanstation/core/demo_school.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/operators.hpp"
#include "scanstation/core/roster_import.hpp"
#include "scanstation/core/store.hpp"

#include <fstream>
#include <map>

namespace scanstation::core {

namespace {

const char* kModified = "2026-11-01T08:00:00Z";

std::string csvField(const std::string& value) {
    if (value.find_first_of(",\"\n\r") == std::string::npos)
        return value;
    std::string out = "\"";
    for (char c : value)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

class CsvWriter {
public:
    explicit CsvWriter(const std::filesystem::path& file) : m_out(file, std::ios::binary), m_file(file) {
        if (!m_out)
            throw Error(ErrorKind::Infrastructure, "cannot write " + file.string());
    }
    ~CsvWriter() noexcept(false) {
        m_out.flush();
        if (!m_out && std::uncaught_exceptions() == 0)
            throw Error(ErrorKind::Infrastructure, "cannot write " + m_file.string());
    }
    void row(const std::vector<std::string>& fields) {
        for (std::size_t i = 0; i < fields.size(); ++i)
            m_out << (i ? "," : "") << csvField(fields[i]);
        m_out << "\n";
    }

private:
    std::ofstream m_out;
    std::filesystem::path m_file;
};

std::string classCodeOf(const RosterSnapshot& r, const std::string& classId) {
    for (const auto& c : r.classes)
        if (c.sourcedId == classId)
            return c.code;
    return classId;
}

std::string joinedTerms(const RosterSnapshot& r) {
    std::string out;
    for (const auto& t : r.terms)
        out += (out.empty() ? "" : ",") + t.sourcedId;
    return out;
}

void writeUsersAndRoles(const RosterSnapshot& r, const std::filesystem::path& dir, const std::string& org) {
    CsvWriter users(dir / "users.csv");
    users.row({"sourcedId", "status", "dateLastModified", "enabledUser", "username", "userIds", "givenName", "familyName",
               "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades", "password",
               "userMasterIdentifier", "resourceSourcedIds", "preferredGivenName", "preferredMiddleName",
               "preferredFamilyName", "primaryOrgSourcedId", "pronouns"});
    CsvWriter roles(dir / "roles.csv");
    roles.row({"sourcedId", "status", "dateLastModified", "userSourcedId", "roleType", "role", "beginDate", "endDate",
               "orgSourcedId", "userProfileSourcedId"});
    auto person = [&](const std::string& id, const std::string& given, const std::string& family, bool active,
                      const char* role) {
        const std::string status = active ? "active" : "tobedeleted";
        users.row({id, status, kModified, active ? "true" : "false", id, "", given, family, "", id, "", "", "", "", "", "",
                   "", "", "", "", "", org, ""});
        roles.row({"role-" + id, status, kModified, id, "primary", role, "", "", org, ""});
    };
    for (const auto& t : r.teachers)
        person(t.sourcedId, t.givenName, t.familyName, true, "teacher");
    for (const auto& p : r.pupils)
        person(p.sourcedId, p.givenName, p.familyName, p.status == PupilStatus::Active, "student");
}

void writeEnrollments(const RosterSnapshot& r, const std::filesystem::path& dir, const std::string& org) {
    CsvWriter out(dir / "enrollments.csv");
    out.row({"sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId", "userSourcedId", "role",
             "primary", "beginDate", "endDate", "metadata.registerNumber"});
    for (const auto& c : r.classes)
        if (c.classTeacherId)
            out.row({"enr-" + c.sourcedId + "-" + *c.classTeacherId, "active", kModified, c.sourcedId, org,
                     *c.classTeacherId, "teacher", "true", "", "", ""});
    for (const auto& p : r.pupils)
        out.row({"enr-" + p.classId + "-" + p.sourcedId, p.status == PupilStatus::Active ? "active" : "tobedeleted",
                 kModified, p.classId, org, p.sourcedId, "student", "false", "", "",
                 p.registerNumber > 0 ? std::to_string(p.registerNumber) : ""});
    for (const auto& g : r.groups) {
        for (const auto& t : g.teacherIds)
            out.row({"enr-" + g.sourcedId + "-" + t, "active", kModified, g.sourcedId, org, t, "teacher", "true", "", "", ""});
        for (const auto& p : g.pupilIds)
            out.row({"enr-" + g.sourcedId + "-" + p, "active", kModified, g.sourcedId, org, p, "student", "false", "", "", ""});
    }
}

} // namespace

void writeOneRosterBundle(const RosterSnapshot& r, const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    const std::string org = r.school ? r.school->sourcedId : "org-school";
    {
        CsvWriter m(dir / "manifest.csv");
        m.row({"propertyName", "value"});
        for (const auto& [k, v] : std::vector<std::pair<std::string, std::string>>{
                 {"manifest.version", "1.0"}, {"oneroster.version", "1.2"}, {"file.academicSessions", "bulk"},
                 {"file.classes", "bulk"}, {"file.courses", "bulk"}, {"file.enrollments", "bulk"}, {"file.orgs", "bulk"},
                 {"file.roles", "bulk"}, {"file.users", "bulk"}, {"file.results", "absent"},
                 {"source.systemName", "ScanStation demo"}})
            m.row({k, v});
    }
    {
        CsvWriter o(dir / "orgs.csv");
        o.row({"sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"});
        o.row({org, "active", kModified, r.school ? r.school->name : "School", "school", "", ""});
    }
    {
        CsvWriter a(dir / "academicSessions.csv");
        a.row({"sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate", "parentSourcedId", "schoolYear"});
        const std::string yearId = r.schoolYear ? r.schoolYear->sourcedId : "";
        const std::string yearNo = r.schoolYear ? std::to_string(r.schoolYear->end.year) : "";
        if (r.schoolYear)
            a.row({yearId, "active", kModified, r.schoolYear->title, "schoolYear", r.schoolYear->start.toString(),
                   r.schoolYear->end.toString(), "", yearNo});
        for (const auto& t : r.terms)
            a.row({t.sourcedId, "active", kModified, t.title, "semester", t.start.toString(), t.end.toString(), yearId, yearNo});
    }
    {
        CsvWriter c(dir / "courses.csv");
        c.row({"sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title", "courseCode", "grades",
               "orgSourcedId", "subjects", "subjectCodes"});
        for (const auto& s : r.subjects)
            c.row({"course-" + s.code, "active", kModified, r.schoolYear ? r.schoolYear->sourcedId : "", s.name, s.code, "",
                   org, s.name, s.code});
    }
    {
        CsvWriter c(dir / "classes.csv");
        c.row({"sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId", "classCode", "classType",
               "location", "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes", "periods"});
        for (const auto& k : r.classes)
            c.row({k.sourcedId, "active", kModified, k.title, "", "course-wych", k.code, "homeroom", "", org, joinedTerms(r),
                   "", "", ""});
        for (const auto& g : r.groups)
            c.row({g.sourcedId, "active", kModified, g.title, "", g.subjectCode ? "course-" + *g.subjectCode : "", g.code,
                   "scheduled", "", org, joinedTerms(r), "", "", ""});
    }
    writeUsersAndRoles(r, dir, org);
    writeEnrollments(r, dir, org);
}

void writeSimpleRosterCsv(const RosterSnapshot& r, const std::filesystem::path& file) {
    std::map<std::string, std::string> groupsOf;
    for (const auto& g : r.groups)
        for (const auto& p : g.pupilIds)
            groupsOf[p] += (groupsOf[p].empty() ? "" : ";") + g.code;
    CsvWriter out(file);
    out.row({"class", "register_number", "family_name", "given_name", "pupil_id", "status", "groups"});
    for (const auto& p : r.pupils)
        out.row({classCodeOf(r, p.classId), std::to_string(p.registerNumber), p.familyName, p.givenName, p.sourcedId,
                 toString(p.status), groupsOf[p.sourcedId]});
}

void writeTimetableCsv(const std::vector<LessonSlot>& slots, const RosterSnapshot&, const std::filesystem::path& file) {
    CsvWriter out(file);
    out.row({"date", "lesson", "class", "subject", "teacher_id"});
    for (const auto& s : slots)
        out.row({s.date.toString(), std::to_string(s.lessonNumber), s.classOrGroupCode, s.subjectCode, s.teacherId});
}

DemoFiles writeDemoFiles(const DemoSchool& school, const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    DemoFiles files{dir / "oneroster", dir / "roster.csv", dir / "timetable.csv"};
    writeOneRosterBundle(school.roster, files.oneRosterDir);
    writeSimpleRosterCsv(school.roster, files.simpleCsv);
    writeTimetableCsv(school.timetable, school.roster, files.timetableCsv);
    return files;
}

ImportReport installDemoSchool(Store& store, const std::string& actor, const std::filesystem::path& workDir, int extraPupils) {
    const DemoSchool school = makeDemoSchool(extraPupils);
    const DemoFiles files = writeDemoFiles(school, workDir);
    ImportReport report = importRoster(store, actor, files.oneRosterDir);
    if (!report.ok())
        throw Error(ErrorKind::Integrity, "the built-in demo roster does not import: " + report.problems.front().reason);
    const ImportReport timetable = importTimetable(store, actor, files.timetableCsv);
    if (!timetable.ok())
        throw Error(ErrorKind::Integrity, "the built-in demo timetable does not import: line " +
                                              std::to_string(timetable.problems.front().line) + ": " +
                                              timetable.problems.front().reason);
    report.lessonSlots = timetable.lessonSlots;
    OperatorDirectory operators(store);
    for (const auto& op : school.operators)
        if (!operators.find(op.login))
            operators.add(actor, op);
    return report;
}

} // namespace scanstation::core
