#pragma once
// Whose pupils an operator may see: the ViewPupilData row of the permission matrix applied to
// the roster and the timetable. A role allowed everywhere sees every class. A role allowed only
// its own (a teacher, a class teacher) sees the class it is class teacher of, the classes it
// teaches (a lesson of the class in the timetable) and, of a group it teaches (in the
// timetable or as the group's teacher), the group's members. Every other role sees nobody.
// A screen that shows the pupils calls view(): each pupil shown is recorded as viewed, by whom
// (PupilAccessLog, issue 9), all in one transaction.
#include "scanstation/core/operators.hpp"
#include "scanstation/core/roster.hpp"

#include <string>
#include <vector>

namespace scanstation::core {

class Store;

struct VisibleClass {
    SchoolClass schoolClass;
    std::vector<Pupil> pupils; // active and struck off, by register number
};

class PupilDataScope {
public:
    explicit PupilDataScope(Store& store) : m_store(store) {}

    // The classes (ordered by code) with the pupils `op` may see; classes with none are left out.
    std::vector<VisibleClass> visibleTo(const Operator& op) const;

    // visibleTo(op), every pupil in it recorded as viewed by op; `what` names the view
    // ("kiosk roster"). Nothing is returned unless the record is written.
    std::vector<VisibleClass> view(const Operator& op, const std::string& what);

private:
    Store& m_store;
};

} // namespace scanstation::core
