#include "scanstation/core/permissions.hpp"

#include "scanstation/core/error.hpp"

#include <array>
#include <cstddef>

namespace scanstation::core {

namespace {

constexpr Allowance A = Allowance::Allowed;
constexpr Allowance O = Allowance::OwnLessonsOnly;
constexpr Allowance R = Allowance::Refused;

struct Row {
    Action action;
    const char* name;
    // Columns in the order of Role: administrator, director, class teacher, teacher,
    // secretariat, inspector.
    std::array<Allowance, 6> byRole;
};

// The matrix of DOMAIN.md "People and their rights". Read a row left to right.
constexpr std::array<Row, 24> kMatrix{{
    //                                           adm dir  ct  tea sec insp
    {Action::ScanCards, "scan_cards",             {A, A, A, A, A, R}},
    {Action::FileCards, "file_cards",             {A, A, R, R, A, R}},
    {Action::ViewCards, "view_cards",             {A, A, O, O, A, A}},
    {Action::ResolveReview, "resolve_review",     {A, O, O, O, R, R}},
    {Action::RejectCard, "reject_card",           {A, O, O, O, R, R}},
    {Action::ChangeAttendance, "change_attendance", {A, O, O, O, R, R}},
    {Action::ChangeGrade, "change_grade",         {A, O, O, O, R, R}},
    {Action::ExcuseAbsence, "excuse_absence",     {A, R, O, R, R, R}},
    {Action::AssignOutageCard, "assign_outage_card", {A, R, R, R, R, R}},
    {Action::LockPeriod, "lock_period",           {A, R, R, R, R, R}},
    {Action::UnlockPeriod, "unlock_period",       {A, R, R, R, R, R}},
    {Action::ShredCards, "shred_cards",           {A, A, R, R, A, R}},
    {Action::ViewPupilData, "view_pupil_data",    {A, A, O, O, A, A}},
    {Action::ExportPupilData, "export_pupil_data", {A, A, R, R, R, R}},
    {Action::ErasePupilData, "erase_pupil_data",  {A, R, R, R, R, R}},
    {Action::ImportRoster, "import_roster",       {A, R, R, R, R, R}},
    {Action::ImportTimetable, "import_timetable", {A, R, R, R, R, R}},
    {Action::ManageOperators, "manage_operators", {A, R, R, R, R, R}},
    {Action::PrintCards, "print_cards",           {A, A, O, O, A, R}},
    {Action::RunSync, "run_sync",                 {A, A, R, R, A, R}},
    {Action::ExportArchive, "export_archive",     {A, A, R, R, R, R}},
    {Action::ViewAudit, "view_audit",             {A, A, R, R, R, A}},
    {Action::ViewReports, "view_reports",         {A, A, O, O, A, A}},
    {Action::ConfigureStation, "configure_station", {A, R, R, R, R, R}},
}};

std::size_t roleColumn(Role role) {
    switch (role) {
    case Role::Administrator: return 0;
    case Role::Director: return 1;
    case Role::ClassTeacher: return 2;
    case Role::Teacher: return 3;
    case Role::Secretariat: return 4;
    case Role::Inspector: return 5;
    }
    throw Error(ErrorKind::BadInput, "unknown role value " + std::to_string(static_cast<int>(role)));
}

const Row& rowFor(Action action) {
    for (const auto& row : kMatrix)
        if (row.action == action)
            return row;
    throw Error(ErrorKind::BadInput, "unknown action value " + std::to_string(static_cast<int>(action)));
}

} // namespace

Allowance allowance(Role role, Action action) {
    return rowFor(action).byRole[roleColumn(role)];
}

bool isAllowed(Role role, Action action, bool own) {
    switch (allowance(role, action)) {
    case Allowance::Allowed: return true;
    case Allowance::OwnLessonsOnly: return own;
    case Allowance::Refused: return false;
    }
    return false;
}

void require(Role role, Action action, bool own) {
    if (isAllowed(role, action, own))
        return;
    std::string message = "role '" + toString(role) + "' may not " + toString(action);
    if (allowance(role, action) == Allowance::OwnLessonsOnly)
        message += " for a lesson or class that is not the operator's own";
    throw Error(ErrorKind::PermissionDenied, message);
}

std::string toString(Action action) { return rowFor(action).name; }

std::string toString(Allowance value) {
    switch (value) {
    case Allowance::Allowed: return "allowed";
    case Allowance::OwnLessonsOnly: return "own_lessons_only";
    case Allowance::Refused: return "refused";
    }
    return "unknown";
}

std::optional<Action> actionFromString(const std::string& text) {
    for (const auto& row : kMatrix)
        if (text == row.name)
            return row.action;
    return std::nullopt;
}

const std::vector<Action>& allActions() {
    static const std::vector<Action> actions = [] {
        std::vector<Action> list;
        for (const auto& row : kMatrix)
            list.push_back(row.action);
        return list;
    }();
    return actions;
}

} // namespace scanstation::core
