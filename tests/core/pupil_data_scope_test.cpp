// Whose pupils an operator sees (core's PupilDataScope over the permission matrix, the roster
// and the timetable of core's demo school), and that every pupil shown is recorded as viewed.
#include "scanstation/core/demo_school.hpp"
#include "scanstation/core/operators.hpp"
#include "scanstation/core/pupil_access_log.hpp"
#include "scanstation/core/pupil_data_scope.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/core/timetable.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <set>

using namespace scanstation;
using scanstation::test::TempDir;

namespace {

class PupilDataScopeTest : public ::testing::Test {
protected:
    TempDir dir;
    core::Store store{dir / "data"};

    void SetUp() override { ASSERT_TRUE(core::installDemoSchool(store, "admin", dir / "files").ok()); }

    core::Operator op(const std::string& login) { return *core::OperatorDirectory(store).find(login); }

    static std::set<std::string> codes(const std::vector<core::VisibleClass>& classes) {
        std::set<std::string> out;
        for (const auto& c : classes)
            out.insert(c.schoolClass.code);
        return out;
    }
    static std::size_t pupils(const std::vector<core::VisibleClass>& classes) {
        std::size_t n = 0;
        for (const auto& c : classes)
            n += c.pupils.size();
        return n;
    }
};

} // namespace

TEST_F(PupilDataScopeTest, AnAdministratorSeesEveryPupilOfEveryClass) {
    const core::Roster roster(store);
    const auto visible = core::PupilDataScope(store).visibleTo(op("admin"));
    ASSERT_EQ(visible.size(), roster.classes().size());
    for (const auto& c : visible)
        EXPECT_EQ(c.pupils.size(), roster.pupilsOfClass(c.schoolClass.sourcedId, true).size()) << c.schoolClass.code;
}

TEST_F(PupilDataScopeTest, ATeacherSeesTheClassesOfTheLessonsTaughtAndNoOther) {
    const auto teacher = op("rjakubowski");
    ASSERT_EQ(teacher.role, core::Role::Teacher);
    std::set<std::string> taught;
    for (const auto& slot : core::Timetable(store).ofTeacher(*teacher.teacherId, {2000, 1, 1}, {2100, 1, 1}))
        if (!slot.isGroup)
            taught.insert(slot.classOrGroupCode);
    ASSERT_FALSE(taught.empty()) << "the demo timetable gives him lessons";
    const auto visible = core::PupilDataScope(store).visibleTo(teacher);
    for (const auto& code : taught)
        EXPECT_TRUE(codes(visible).count(code)) << code;
    const auto all = core::PupilDataScope(store).visibleTo(op("admin"));
    EXPECT_LT(pupils(visible), pupils(all)) << "not the whole school";
}

TEST_F(PupilDataScopeTest, AClassTeacherSeesTheOwnClass) {
    const auto teacher = op("jkaczmarek");
    std::string own;
    for (const auto& c : core::Roster(store).classes())
        if (c.classTeacherId == teacher.teacherId)
            own = c.code;
    ASSERT_FALSE(own.empty());
    EXPECT_TRUE(codes(core::PupilDataScope(store).visibleTo(teacher)).count(own));
}

TEST_F(PupilDataScopeTest, AnOperatorWhoIsNoRosterTeacherSeesNobodyUnlessTheRoleSeesAll) {
    auto nobody = op("rjakubowski");
    nobody.teacherId.reset();
    EXPECT_TRUE(core::PupilDataScope(store).visibleTo(nobody).empty());
    nobody.role = core::Role::Inspector; // reads everything
    EXPECT_FALSE(core::PupilDataScope(store).visibleTo(nobody).empty());
}

TEST_F(PupilDataScopeTest, EveryPupilShownIsRecordedAsViewedByWhom) {
    const auto visible = core::PupilDataScope(store).view(op("rjakubowski"), "kiosk roster");
    ASSERT_FALSE(visible.empty());
    const core::PupilAccessLog log(store);
    for (const auto& c : visible)
        for (const auto& p : c.pupils) {
            const auto views = log.viewsOf(p.sourcedId);
            ASSERT_EQ(views.size(), 1u) << p.sourcedId;
            EXPECT_EQ(views[0].actor, "rjakubowski");
            EXPECT_EQ(views[0].details, "kiosk roster");
        }
}
