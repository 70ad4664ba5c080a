#include "scanstation/core/deadlines.hpp"

#include "ingestion/operator_check.hpp"
#include "scanstation/core/card_registry.hpp"
#include "scanstation/core/store.hpp"
#include "sql/database.hpp"

namespace scanstation::core {

Date nextSchoolDay(const Date& day) {
    Date next = day.plusDays(1);
    while (next.weekday() > 5)
        next = next.plusDays(1);
    return next;
}

DeadlineReport deadlineReport(Store& store, const std::string& actor, const Date& today) {
    const auto op = operatorFor(store, actor);
    if (allowance(op.role, Action::ViewReports) == Allowance::Refused)
        require(op.role, Action::ViewReports);
    DeadlineReport report;
    report.today = today;
    auto st = store.database().prepare(
        "SELECT c.serial, c.state, COALESCE(c.lesson_slot_id, lr.lesson_slot_id) AS slot FROM cards c "
        "LEFT JOIN lesson_records lr ON lr.serial = c.serial WHERE slot IS NOT NULL ORDER BY c.serial");
    Timetable timetable(store);
    while (st.step()) {
        const auto state = cardStateFromString(st.getText(1)).value_or(CardState::Issued);
        if (state == CardState::Acknowledged || state == CardState::InCustody || state == CardState::Shredded)
            continue;
        const auto slot = timetable.slot(st.getInt(2));
        if (!slot || slot->cancelled || !isAllowed(op.role, Action::ViewReports, ownsLesson(op, slot)))
            continue;
        const Date due = nextSchoolDay(slot->date);
        if (!(due < today))
            continue;
        LateCard late{st.getText(0), *slot, toString(state), due, ""};
        if (state == CardState::Issued) {
            late.reason = "never scanned; the register was due on " + due.toString();
            report.neverScanned.push_back(std::move(late));
        } else {
            late.reason = "card is " + toString(state) + "; the register was due on " + due.toString();
            report.notInRegister.push_back(std::move(late));
        }
    }
    return report;
}

} // namespace scanstation::core
