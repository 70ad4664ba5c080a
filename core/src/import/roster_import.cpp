#include "scanstation/core/roster_import.hpp"

#include "import/roster_apply.hpp"
#include "import/roster_parsers.hpp"
#include "scanstation/core/error.hpp"

#include <map>

namespace scanstation::core {

namespace {

bool hasExtension(const std::filesystem::path& p, const char* ext) {
    std::string e = p.extension().string();
    for (auto& c : e)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return e == ext;
}

// The simple CSV names only classes, groups and pupils: class teachers, class titles and the
// groups' titles, subjects and teachers it cannot express are kept as the store has them.
void keepWhatSimpleCsvCannotSay(const Roster& roster, RosterSnapshot& s) {
    std::map<std::string, SchoolClass> classes;
    for (auto& c : roster.classes())
        classes[c.sourcedId] = c;
    for (auto& c : s.classes)
        if (auto it = classes.find(c.sourcedId); it != classes.end()) {
            c.title = it->second.title;
            c.classTeacherId = it->second.classTeacherId;
        }
    std::map<std::string, ClassGroup> groups;
    for (auto& g : roster.groups())
        groups[g.sourcedId] = g;
    for (auto& g : s.groups)
        if (auto it = groups.find(g.sourcedId); it != groups.end()) {
            g.title = it->second.title;
            g.subjectCode = it->second.subjectCode;
            g.teacherIds = it->second.teacherIds;
        }
}

} // namespace

ParsedRoster parseRoster(const std::filesystem::path& path) {
    if (!std::filesystem::exists(path))
        throw Error(ErrorKind::BadInput, "no such file or folder: " + path.string());
    if (std::filesystem::is_directory(path) || hasExtension(path, ".zip"))
        return import::parseOneRosterBundle(import::readBundleFiles(path));
    if (hasExtension(path, ".csv"))
        return import::parseSimpleRosterCsv(import::readTextFile(path), path.filename().string());
    throw Error(ErrorKind::BadInput, path.string() + " is not a roster: give a .csv file, or a OneRoster bundle as a "
                                                     "folder or .zip");
}

ImportReport importRoster(Store& store, const std::string& actor, const std::filesystem::path& path) {
    ParsedRoster parsed = parseRoster(path);
    ImportReport report;
    report.source = path.string();
    report.format = parsed.format;
    report.problems = std::move(parsed.problems);
    const auto& s = parsed.snapshot;
    report.classes = static_cast<int>(s.classes.size());
    report.groups = static_cast<int>(s.groups.size());
    report.teachers = static_cast<int>(s.teachers.size());
    for (const auto& p : s.pupils)
        report.pupils += p.status == PupilStatus::Active ? 1 : 0;
    if (!report.problems.empty()) {
        report.rosterVersion = Roster(store).currentVersion();
        return report;
    }
    if (parsed.format == "simple-csv")
        keepWhatSimpleCsvCannotSay(Roster(store), parsed.snapshot);
    auto applied = import::applyRoster(store, actor, path.filename().string(), s);
    report.changed = applied.changed;
    report.rosterVersion = applied.version;
    report.changes = std::move(applied.changes);
    return report;
}

} // namespace scanstation::core
