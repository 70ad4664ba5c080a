#include "scanstation/core/pupil_data_scope.hpp"

#include "scanstation/core/permissions.hpp"
#include "scanstation/core/pupil_access_log.hpp"
#include "scanstation/core/store.hpp"
#include "scanstation/core/timetable.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace scanstation::core {

namespace {

// What an operator allowed only its own may see: whole classes, and single pupils (of groups).
struct OwnScope {
    std::set<std::string> classIds;
    std::set<std::string> pupilIds;
};

// The timetable's whole span: a teacher who taught a class this year still sees it.
std::vector<LessonSlot> lessonsOf(Store& store, const std::string& teacherId) {
    return Timetable(store).ofTeacher(teacherId, Date{1900, 1, 1}, Date{9999, 12, 31});
}

OwnScope ownScopeOf(Store& store, const Roster& roster, const std::string& teacherId) {
    OwnScope own;
    for (const auto& c : roster.classes())
        if (c.classTeacherId == teacherId)
            own.classIds.insert(c.sourcedId);
    std::set<std::string> groupCodes;
    for (const auto& slot : lessonsOf(store, teacherId)) {
        if (!slot.isGroup) {
            if (const auto c = roster.classByCode(slot.classOrGroupCode))
                own.classIds.insert(c->sourcedId);
        } else {
            groupCodes.insert(slot.classOrGroupCode);
        }
    }
    for (const auto& g : roster.groups()) {
        const bool teaches = std::count(g.teacherIds.begin(), g.teacherIds.end(), teacherId) > 0;
        if (teaches || groupCodes.count(g.code) > 0)
            own.pupilIds.insert(g.pupilIds.begin(), g.pupilIds.end());
    }
    return own;
}

} // namespace

std::vector<VisibleClass> PupilDataScope::visibleTo(const Operator& op) const {
    const Roster roster(m_store);
    const auto allowance = core::allowance(op.role, Action::ViewPupilData);
    if (allowance == Allowance::Refused || (allowance == Allowance::OwnLessonsOnly && !op.teacherId))
        return {};
    const bool everything = allowance == Allowance::Allowed;
    const auto own = everything ? OwnScope{} : ownScopeOf(m_store, roster, *op.teacherId);
    std::vector<VisibleClass> out;
    for (const auto& c : roster.classes()) {
        VisibleClass visible{c, {}};
        const bool wholeClass = everything || own.classIds.count(c.sourcedId) > 0;
        for (auto& p : roster.pupilsOfClass(c.sourcedId, /*includeStruckOff=*/true))
            if (wholeClass || own.pupilIds.count(p.sourcedId) > 0)
                visible.pupils.push_back(std::move(p));
        if (visible.pupils.empty())
            continue;
        std::stable_sort(visible.pupils.begin(), visible.pupils.end(),
                         [](const Pupil& a, const Pupil& b) { return a.registerNumber < b.registerNumber; });
        out.push_back(std::move(visible));
    }
    return out;
}

std::vector<VisibleClass> PupilDataScope::view(const Operator& op, const std::string& what) {
    Transaction tx(m_store);
    auto visible = visibleTo(op);
    PupilAccessLog log(m_store);
    for (const auto& c : visible)
        for (const auto& p : c.pupils)
            log.recordView(op.login, p.sourcedId, what);
    tx.commit();
    return visible;
}

} // namespace scanstation::core
