// Roster import: the demo school in every format, all-or-nothing rejection of broken files
// naming each bad line, idempotent re-import, and later rosters as new versions.
#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/demo_school.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/roster_import.hpp"
#include "scanstation/core/store.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <sstream>
#include "scanstation/core/error.hpp"
#include <gtest/gtest.h>

using namespace scanstation;
using scanstation::test::TempDir;

namespace {

// What must not change when an import is rejected.
struct StoreState {
    std::int64_t version;
    std::size_t auditEntries;
    std::size_t pupils;
    bool operator==(const StoreState&) const = default;
};

StoreState stateOf(core::Store& store) {
    core::Roster roster(store);
    core::AuditQuery all;
    all.limit = 1000000;
    return {roster.currentVersion(), core::AuditLog(store).list(all).size(), roster.snapshot().pupils.size()};
}

bool hasProblem(const core::ImportReport& r, const std::string& file, int line, const std::string& reasonPart) {
    return std::any_of(r.problems.begin(), r.problems.end(), [&](const core::ImportProblem& p) {
        return p.file == file && p.line == line && p.reason.find(reasonPart) != std::string::npos;
    });
}

class RosterImport : public ::testing::Test {
protected:
    TempDir dir;
    core::DemoSchool school = core::makeDemoSchool();
    core::DemoFiles files = core::writeDemoFiles(school, dir / "files");
    core::Store store{dir / "data"};

    // Imports the demo roster as version 1, then expects `broken` to be rejected untouched.
    core::ImportReport expectRejected(const std::filesystem::path& broken) {
        const auto first = core::importRoster(store, "admin", files.oneRosterDir);
        EXPECT_TRUE(first.ok()) << test::describe(first.problems);
        const StoreState before = stateOf(store);
        const auto report = core::importRoster(store, "admin", broken);
        EXPECT_FALSE(report.ok());
        EXPECT_FALSE(report.changed);
        EXPECT_EQ(stateOf(store), before) << "a rejected import changed the store";
        return report;
    }

    std::filesystem::path copyOfBundle(const std::string& name) {
        const auto copy = dir / name;
        std::filesystem::copy(files.oneRosterDir, copy);
        return copy;
    }
};

} // namespace

TEST_F(RosterImport, DemoBundleImportsAsTheFirstVersion) {
    const auto report = core::importRoster(store, "admin", files.oneRosterDir);
    ASSERT_TRUE(report.ok()) << test::describe(report.problems);
    EXPECT_EQ(report.format, "oneroster-1.2");
    EXPECT_TRUE(report.changed);
    EXPECT_EQ(report.rosterVersion, 1);
    core::Roster roster(store);
    EXPECT_EQ(roster.classes().size(), 8u);
    EXPECT_EQ(roster.groups().size(), 8u);
    EXPECT_EQ(roster.teachers().size(), 14u);
    EXPECT_EQ(roster.school()->name, school.roster.school->name);
    for (const auto& c : roster.classes()) {
        const auto pupils = roster.pupilsOfClass(c.sourcedId);
        EXPECT_GE(pupils.size(), 20u);
        EXPECT_LE(pupils.size(), 30u);
        for (std::size_t i = 0; i < pupils.size(); ++i)
            EXPECT_EQ(pupils[i].registerNumber, static_cast<int>(i) + 1) << c.code;
    }
    EXPECT_TRUE(core::AuditLog(store).verify().ok);
}

TEST_F(RosterImport, ZipAndSimpleCsvGiveTheSamePupils) {
    test::zipFolder(files.oneRosterDir, dir / "bundle.zip");
    const auto fromZip = core::importRoster(store, "admin", dir / "bundle.zip");
    ASSERT_TRUE(fromZip.ok()) << test::describe(fromZip.problems);
    const auto pupilsFromZip = core::Roster(store).snapshot().pupils;
    TempDir other;
    core::Store csvStore(other.path());
    const auto fromCsv = core::importRoster(csvStore, "admin", files.simpleCsv);
    ASSERT_TRUE(fromCsv.ok()) << test::describe(fromCsv.problems);
    EXPECT_EQ(fromCsv.format, "simple-csv");
    const auto pupilsFromCsv = core::Roster(csvStore).snapshot().pupils;
    ASSERT_EQ(pupilsFromZip.size(), pupilsFromCsv.size());
    for (std::size_t i = 0; i < pupilsFromZip.size(); ++i) {
        EXPECT_EQ(pupilsFromZip[i].sourcedId, pupilsFromCsv[i].sourcedId);
        EXPECT_EQ(pupilsFromZip[i].familyName, pupilsFromCsv[i].familyName);
        EXPECT_EQ(pupilsFromZip[i].classId, pupilsFromCsv[i].classId);
        EXPECT_EQ(pupilsFromZip[i].registerNumber, pupilsFromCsv[i].registerNumber);
    }
    EXPECT_EQ(core::Roster(csvStore).groups().size(), 8u);
}

TEST_F(RosterImport, ReimportingTheSameFileChangesNothing) {
    ASSERT_TRUE(core::importRoster(store, "admin", files.oneRosterDir).changed);
    const StoreState before = stateOf(store);
    const auto again = core::importRoster(store, "admin", files.oneRosterDir);
    EXPECT_TRUE(again.ok());
    EXPECT_FALSE(again.changed);
    EXPECT_EQ(again.rosterVersion, 1);
    EXPECT_EQ(stateOf(store), before);
    // The same school as a simple CSV: it cannot name class teachers or group teachers, and
    // what it cannot say is kept, so nothing changes either.
    const auto csv = core::importRoster(store, "admin", files.simpleCsv);
    EXPECT_TRUE(csv.ok()) << test::describe(csv.problems);
    EXPECT_FALSE(csv.changed) << (csv.changes.empty() ? "" : csv.changes.front().details);
    EXPECT_EQ(stateOf(store), before);
}

TEST_F(RosterImport, ReimportingTheSameSimpleCsvChangesNothing) {
    ASSERT_TRUE(core::importRoster(store, "admin", files.simpleCsv).changed);
    const StoreState before = stateOf(store);
    const auto again = core::importRoster(store, "admin", files.simpleCsv);
    EXPECT_TRUE(again.ok());
    EXPECT_FALSE(again.changed);
    EXPECT_EQ(stateOf(store), before);
}

TEST_F(RosterImport, LaterRosterRecordsTransfersJoinersAndStrikeOffsAsANewVersion) {
    ASSERT_TRUE(core::importRoster(store, "admin", files.oneRosterDir).ok());
    auto later = school.roster;
    auto find = [&](const std::string& id) {
        return std::find_if(later.pupils.begin(), later.pupils.end(), [&](const auto& p) { return p.sourcedId == id; });
    };
    const std::string moving = "P00001", leaving = "P00002";
    const std::string movingFrom = find(moving)->classId;
    find(moving)->classId = "class-2b";
    find(moving)->registerNumber = 30; // after 2b's 29 pupils
    later.pupils.erase(find(leaving));
    for (auto& g : later.groups) // a pupil who leaves leaves their groups too
        std::erase(g.pupilIds, leaving);
    core::Pupil joiner{"P09999", "Świętosław", "Ząbkowski", "class-3a", 26, core::PupilStatus::Active};
    later.pupils.push_back(joiner);
    core::writeOneRosterBundle(later, dir / "later");

    const auto report = core::importRoster(store, "admin", dir / "later");
    ASSERT_TRUE(report.ok()) << test::describe(report.problems);
    EXPECT_TRUE(report.changed);
    EXPECT_EQ(report.rosterVersion, 2);
    core::Roster roster(store);
    const auto v2 = roster.version(2);
    ASSERT_TRUE(v2);
    auto changeOf = [&](const std::string& id) {
        auto it = std::find_if(v2->changes.begin(), v2->changes.end(), [&](const auto& c) { return c.subjectId == id; });
        return it == v2->changes.end() ? std::optional<core::RosterChangeKind>() : it->kind;
    };
    EXPECT_EQ(changeOf(moving), core::RosterChangeKind::Transferred);
    EXPECT_EQ(changeOf(leaving), core::RosterChangeKind::StruckOff);
    EXPECT_EQ(changeOf("P09999"), core::RosterChangeKind::Joined);
    // ... and the group the leaver attended lost a member; nothing else changed.
    EXPECT_EQ(v2->changes.size(), 4u);
    EXPECT_EQ(std::count_if(v2->changes.begin(), v2->changes.end(),
                            [](const auto& c) { return c.kind == core::RosterChangeKind::GroupChanged; }), 1);

    EXPECT_EQ(roster.pupil(moving)->classId, "class-2b");
    const auto struck = roster.pupil(leaving);
    ASSERT_TRUE(struck) << "a struck-off pupil must be kept";
    EXPECT_EQ(struck->status, core::PupilStatus::StruckOff);
    const auto active = roster.pupilsOfClass(struck->classId);
    EXPECT_TRUE(std::none_of(active.begin(), active.end(), [&](const auto& p) { return p.sourcedId == leaving; }));
    EXPECT_EQ(roster.pupilsOfClass(struck->classId, true).size(), active.size() + 1);
    EXPECT_NE(movingFrom, "class-2b");
    // Importing the later roster again is a no-op; the audit chain holds.
    EXPECT_FALSE(core::importRoster(store, "admin", dir / "later").changed);
    EXPECT_TRUE(core::AuditLog(store).verify().ok);
}

TEST_F(RosterImport, RenumberingAClassSwapsNumbersWithoutConflict) {
    ASSERT_TRUE(core::importRoster(store, "admin", files.simpleCsv).ok());
    auto later = school.roster;
    std::vector<core::Pupil*> inClass;
    for (auto& p : later.pupils)
        if (p.classId == "class-1a")
            inClass.push_back(&p);
    std::swap(inClass[0]->registerNumber, inClass[1]->registerNumber);
    core::writeSimpleRosterCsv(later, dir / "swapped.csv");
    const auto report = core::importRoster(store, "admin", dir / "swapped.csv");
    ASSERT_TRUE(report.ok()) << test::describe(report.problems);
    EXPECT_EQ(report.changes.size(), 2u);
    EXPECT_EQ(report.changes[0].kind, core::RosterChangeKind::Renumbered);
}

TEST_F(RosterImport, SimpleCsvMissingColumnIsRejected) {
    test::replaceInFile(files.simpleCsv, "given_name", "first_name");
    const auto r = expectRejected(files.simpleCsv);
    EXPECT_TRUE(hasProblem(r, "roster.csv", 1, "missing column 'given_name'")) << test::describe(r.problems);
}

TEST_F(RosterImport, SimpleCsvDuplicateRegisterNumberNamesBothLines) {
    const auto firstLine = test::lineOf(files.simpleCsv, "1a,1,");
    const auto secondLine = test::lineOf(files.simpleCsv, "1a,2,");
    test::replaceInFile(files.simpleCsv, "1a,2,", "1a,1,");
    const auto r = expectRejected(files.simpleCsv);
    // The later of the two lines is the duplicate; it names the earlier one.
    EXPECT_TRUE(hasProblem(r, "roster.csv", std::max(firstLine, secondLine),
                           "duplicate register number 1 in class 1a (also line " +
                               std::to_string(std::min(firstLine, secondLine)) + ")"))
        << test::describe(r.problems);
    EXPECT_EQ(r.problems.size(), 1u);
}

TEST_F(RosterImport, SimpleCsvReportsEveryBadLine) {
    const int badNumber = test::lineOf(files.simpleCsv, "2a,3,");
    test::replaceInFile(files.simpleCsv, "2a,3,", "2a,trzy,");
    const int badUtf8 = test::lineOf(files.simpleCsv, "3b,4,");
    test::replaceInFile(files.simpleCsv, "3b,4,", "3b,4,\xC5\x28");
    const int shortLine = test::lineOf(files.simpleCsv, "4a,5,");
    test::replaceInFile(files.simpleCsv, "4a,5,", "4a;5;");
    const auto r = expectRejected(files.simpleCsv);
    EXPECT_EQ(r.problems.size(), 3u) << test::describe(r.problems);
    EXPECT_TRUE(hasProblem(r, "roster.csv", badNumber, "bad register number 'trzy'")) << test::describe(r.problems);
    EXPECT_TRUE(hasProblem(r, "roster.csv", badUtf8, "invalid UTF-8")) << test::describe(r.problems);
    EXPECT_TRUE(hasProblem(r, "roster.csv", shortLine, "fields, the header has 7")) << test::describe(r.problems);
}

TEST_F(RosterImport, OneRosterUnknownClassIsRejected) {
    const auto bundle = copyOfBundle("unknown-class");
    const int line = test::lineOf(bundle / "enrollments.csv", ",class-2b,");
    test::replaceInFile(bundle / "enrollments.csv", ",class-2b,", ",class-9z,");
    const auto r = expectRejected(bundle);
    EXPECT_TRUE(hasProblem(r, "enrollments.csv", line, "unknown class 'class-9z'")) << test::describe(r.problems);
}

TEST_F(RosterImport, OneRosterBadDateIsRejected) {
    const auto bundle = copyOfBundle("bad-date");
    const int line = test::lineOf(bundle / "academicSessions.csv", "term-2026-1,");
    test::replaceInFile(bundle / "academicSessions.csv", "2027-01-31", "2027-02-30");
    const auto r = expectRejected(bundle);
    EXPECT_TRUE(hasProblem(r, "academicSessions.csv", line, "bad date '2027-02-30'")) << test::describe(r.problems);
}

TEST_F(RosterImport, OneRosterDuplicateRegisterNumberAndMissingFileAreRejected) {
    const auto bundle = copyOfBundle("dup-number");
    // Give 1a's pupil number 4 the number 3 as well.
    std::istringstream in(test::readFile(bundle / "enrollments.csv"));
    std::string line, out;
    int first = 0, second = 0;
    for (int n = 1; std::getline(in, line); ++n) {
        const bool in1a = line.rfind("enr-class-1a-P", 0) == 0;
        if (in1a && line.size() > 2 && line.substr(line.size() - 2) == ",3")
            first = n;
        if (in1a && line.size() > 2 && line.substr(line.size() - 2) == ",4") {
            line.back() = '3';
            second = n;
        }
        out += line + "\n";
    }
    test::writeFile(bundle / "enrollments.csv", out);
    ASSERT_TRUE(first > 0 && second > 0);
    auto r = expectRejected(bundle);
    EXPECT_TRUE(hasProblem(r, "enrollments.csv", std::max(first, second),
                           "duplicate register number 3 in class 1a (also line " + std::to_string(std::min(first, second)) + ")"))
        << test::describe(r.problems);
    std::filesystem::remove(bundle / "roles.csv");
    r = core::importRoster(store, "admin", bundle);
    EXPECT_TRUE(hasProblem(r, "roles.csv", 0, "missing file roles.csv")) << test::describe(r.problems);
}

TEST_F(RosterImport, OneRosterVersion11WithRoleInUsersImports) {
    const auto bundle = copyOfBundle("v11");
    // 1.1: users.csv carries the role; there is no roles.csv.
    std::string users = test::readFile(bundle / "users.csv");
    std::string converted;
    std::istringstream in(users);
    std::string line;
    for (bool header = true; std::getline(in, line); header = false) {
        std::string role = header ? "role" : (line.rfind("T", 0) == 0 ? "teacher" : "student");
        converted += line + "," + role + "\n";
    }
    test::writeFile(bundle / "users.csv", converted);
    std::filesystem::remove(bundle / "roles.csv");
    test::replaceInFile(bundle / "manifest.csv", "oneroster.version,1.2", "oneroster.version,1.1");
    const auto r = core::importRoster(store, "admin", bundle);
    ASSERT_TRUE(r.ok()) << test::describe(r.problems);
    EXPECT_EQ(r.format, "oneroster-1.1");
    EXPECT_EQ(r.teachers, 14);
    EXPECT_EQ(r.pupils, static_cast<int>(school.roster.pupils.size()));
}

TEST_F(RosterImport, WithoutRegisterNumbersPupilsAreNumberedAlphabeticallyInPolishOrder) {
    core::RosterSnapshot s = school.roster;
    s.pupils.clear();
    s.groups.clear();
    const std::vector<std::pair<std::string, std::string>> names = {
        {"Żak", "Ewa"}, {"Zając", "Jan"}, {"Łukasik", "Ola"}, {"Lis", "Adam"}, {"Mazur", "Iga"},
        {"Ślusarz", "Ida"}, {"Sowa", "Olek"}, {"Ćwik", "Ala"}, {"Czarnecki", "Bob"}, {"Lis", "Aneta"}};
    int n = 0;
    for (const auto& [family, given] : names)
        s.pupils.push_back(core::Pupil{"Q" + std::to_string(++n), given, family, "class-1a", 0, core::PupilStatus::Active});
    core::writeOneRosterBundle(s, dir / "alpha");
    const auto r = core::importRoster(store, "admin", dir / "alpha");
    ASSERT_TRUE(r.ok()) << test::describe(r.problems);
    std::vector<std::string> order;
    for (const auto& p : core::Roster(store).pupilsOfClass("class-1a"))
        order.push_back(p.familyName + " " + p.givenName);
    const std::vector<std::string> expected = {"Czarnecki Bob", "Ćwik Ala", "Lis Adam", "Lis Aneta", "Łukasik Ola",
                                               "Mazur Iga", "Sowa Olek", "Ślusarz Ida", "Zając Jan", "Żak Ewa"};
    EXPECT_EQ(order, expected);
}

TEST_F(RosterImport, UnreadablePathIsAnError) {
    EXPECT_THROW(core::importRoster(store, "admin", dir / "nope.csv"), Error);
    test::writeFile(dir / "roster.txt", "x");
    EXPECT_THROW(core::importRoster(store, "admin", dir / "roster.txt"), Error);
}
