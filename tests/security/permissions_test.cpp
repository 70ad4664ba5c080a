// The permission matrix, row by row, against an expected table written out independently here
// from DOMAIN.md, plus the rules stated in words there.
#include "scanstation/core/error.hpp"
#include "scanstation/core/permissions.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

using namespace scanstation;
using namespace scanstation::core;

namespace {

const std::vector<Role> kRoles{Role::Administrator, Role::Director, Role::ClassTeacher,
                               Role::Teacher, Role::Secretariat, Role::Inspector};

// One letter per role in kRoles order: a = allowed, o = own lessons only, - = refused.
const std::map<std::string, std::string> kExpected{
    {"scan_cards", "aaaaa-"},        {"file_cards", "aa--a-"},
    {"view_cards", "aaooaa"},        {"resolve_review", "aooo--"},
    {"reject_card", "aooo--"},       {"change_attendance", "aooo--"},
    {"change_grade", "aooo--"},      {"excuse_absence", "a-o---"},
    {"assign_outage_card", "a-----"}, {"lock_period", "a-----"},
    {"unlock_period", "a-----"},     {"shred_cards", "aa--a-"},
    {"view_pupil_data", "aaooaa"},   {"export_pupil_data", "aa----"},
    {"erase_pupil_data", "a-----"},  {"import_roster", "a-----"},
    {"manage_operators", "a-----"},  {"print_cards", "aaooa-"},
    {"run_sync", "aa--a-"},          {"export_archive", "aa----"},
    {"view_audit", "aa---a"},        {"view_reports", "aaooaa"},
    {"configure_station", "a-----"}, {"import_timetable", "a-----"},
};

char letter(Allowance a) {
    return a == Allowance::Allowed ? 'a' : a == Allowance::OwnLessonsOnly ? 'o' : '-';
}

bool isReadOnly(Action action) {
    return action == Action::ViewCards || action == Action::ViewPupilData ||
           action == Action::ViewAudit || action == Action::ViewReports;
}

} // namespace

TEST(Permissions, EveryRowMatchesTheExpectedTable) {
    ASSERT_EQ(allActions().size(), kExpected.size());
    for (Action action : allActions()) {
        const auto name = toString(action);
        const auto it = kExpected.find(name);
        ASSERT_NE(it, kExpected.end()) << "no expectation for action " << name;
        std::string actual;
        for (Role role : kRoles)
            actual += letter(allowance(role, action));
        EXPECT_EQ(actual, it->second) << "row " << name;
    }
}

TEST(Permissions, RequireFollowsTheTableForOwnAndForeignLessons) {
    for (Action action : allActions()) {
        const std::string& row = kExpected.at(toString(action));
        for (std::size_t i = 0; i < kRoles.size(); ++i) {
            const bool ownOk = row[i] != '-';
            const bool foreignOk = row[i] == 'a';
            EXPECT_EQ(isAllowed(kRoles[i], action, true), ownOk) << toString(action) << " " << toString(kRoles[i]);
            EXPECT_EQ(isAllowed(kRoles[i], action, false), foreignOk) << toString(action) << " " << toString(kRoles[i]);
            if (foreignOk)
                EXPECT_NO_THROW(require(kRoles[i], action, false));
            else
                EXPECT_THROW(require(kRoles[i], action, false), Error);
        }
    }
}

TEST(Permissions, RefusalIsPermissionDeniedNamingRoleAndAction) {
    try {
        require(Role::Secretariat, Action::ChangeGrade, true);
        FAIL() << "the secretariat changed a grade";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::PermissionDenied);
        EXPECT_NE(std::string(e.what()).find("secretariat"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("change_grade"), std::string::npos) << e.what();
    }
    try {
        require(Role::ClassTeacher, Action::ChangeGrade, false);
        FAIL() << "a class teacher changed a grade of a subject taught by another teacher";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::PermissionDenied);
        EXPECT_NE(std::string(e.what()).find("not the operator's own"), std::string::npos) << e.what();
    }
}

TEST(Permissions, SecretariatNeverChangesGradesOrAttendanceInAnyClass) {
    for (bool own : {false, true}) {
        EXPECT_FALSE(isAllowed(Role::Secretariat, Action::ChangeGrade, own));
        EXPECT_FALSE(isAllowed(Role::Secretariat, Action::ChangeAttendance, own));
        EXPECT_FALSE(isAllowed(Role::Secretariat, Action::ResolveReview, own));
        EXPECT_FALSE(isAllowed(Role::Secretariat, Action::ExcuseAbsence, own));
    }
    EXPECT_TRUE(isAllowed(Role::Secretariat, Action::ScanCards));
    EXPECT_TRUE(isAllowed(Role::Secretariat, Action::FileCards));
}

TEST(Permissions, InspectorReadsEverythingAndChangesNothing) {
    for (Action action : allActions())
        EXPECT_EQ(isAllowed(Role::Inspector, action, true), isReadOnly(action)) << toString(action);
    for (Action action : allActions()) {
        if (isReadOnly(action)) {
            EXPECT_EQ(allowance(Role::Inspector, action), Allowance::Allowed) << toString(action);
        }
    }
}

TEST(Permissions, AdministratorReconcilesAnything) {
    for (Action action : allActions())
        EXPECT_TRUE(isAllowed(Role::Administrator, action, false)) << toString(action);
}

TEST(Permissions, ActionNamesRoundTrip) {
    for (Action action : allActions())
        EXPECT_EQ(actionFromString(toString(action)), action);
    EXPECT_FALSE(actionFromString("delete_everything").has_value());
}
