// CoreBackend: paper — custody by day, shredding card by card or a day's stack (core Custody,
// ShreddingDesk), the shredding protocol and printed cards (card-templates).
#include "core_backend.hpp"

#include "scanstation/core/custody.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/shredding.hpp"
#include "scanstation/core/card_keys.hpp"
#include "scanstation/templates/card_printer.hpp"
#include "scanstation/templates/report_printer.hpp"
#include "scanstation/templates/template_loader.hpp"

#include <algorithm>
#include <chrono>
#include <map>

namespace scanstation::ui {

namespace {

core::Date dateOf(const std::string& text, const char* what) {
    const auto date = core::Date::parse(text);
    if (!date)
        throw Error(ErrorKind::BadInput, std::string(what) + " '" + text + "': expected YYYY-MM-DD");
    return *date;
}

// The UTC day, as core dates shreddings.
core::Date today(core::Store& store) {
    const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(store.clock().now())};
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

} // namespace

std::vector<CustodyCard> CoreBackend::custodyCards() {
    std::lock_guard lock(m_mutex);
    if (!m_session)
        return {};
    std::vector<CustodyCard> out;
    for (const auto& c : core::Custody(*m_store).heldCards(actor().login))
        out.push_back({c.serial, c.day.toString(), c.lesson, c.eligible, c.state == "shredded", c.reason});
    return out;
}

std::vector<CustodyDay> CoreBackend::custodyDays() {
    std::lock_guard lock(m_mutex);
    if (!m_session)
        return {};
    const auto login = actor().login;
    std::map<std::string, CustodyDay> days;
    for (const auto& d : core::Custody(*m_store).days(login))
        days[d.day.toString()] = {d.day.toString(), d.labelCode, static_cast<int>(d.serials.size()), d.eligible, 0};
    // Today's shredding, by the stack the cards came from (for the protocol button).
    if (core::isAllowed(m_operator->role, core::Action::ViewReports))
        for (const auto& r : core::ShreddingDesk(*m_store).shreddedOn(login, today(*m_store))) {
            auto& d = days[r.day.toString()];
            d.day = r.day.toString();
            ++d.shredded;
        }
    std::vector<CustodyDay> out;
    for (auto& [day, d] : days)
        out.push_back(d);
    return out;
}

ShredOutcome CoreBackend::confirmShredded(const std::string& code) {
    std::lock_guard lock(m_mutex);
    const auto login = actor().login;
    // A day's label code names the whole stack: all of it goes, or nothing (core's rule).
    for (const auto& d : core::Custody(*m_store).days(login)) {
        if (d.labelCode != code)
            continue;
        const auto results = core::ShreddingDesk(*m_store).confirmDay(login, d.day);
        std::string refusals;
        for (const auto& r : results)
            if (!r.accepted)
                refusals += (refusals.empty() ? "" : "; ") + r.serial + ": " + r.message;
        if (!refusals.empty())
            return {false, code, refusals};
        return {true, code, std::to_string(results.size()) + " card(s) of " + d.day.toString() + " shredded"};
    }
    const auto r = core::ShreddingDesk(*m_store).confirmCard(login, code);
    return {r.accepted, r.serial.empty() ? code : r.serial, r.message};
}

std::string CoreBackend::writeShreddingProtocol(const std::string& day) {
    std::lock_guard lock(m_mutex);
    const auto op = actor();
    // The protocol of today's shredding: every card, or those of one day's stack.
    const auto date = today(*m_store);
    const auto stack = day.empty() ? std::nullopt : std::optional(dateOf(day, "day of the stack"));
    templates::ShreddingProtocol protocol;
    const auto school = core::Roster(*m_store).school();
    protocol.school = school ? school->name : "";
    protocol.date = date;
    protocol.operatorName = op.displayName;
    for (const auto& record : core::ShreddingDesk(*m_store).shreddedOn(op.login, date))
        if (!stack || record.day == *stack)
            protocol.cards.push_back(record);
    if (protocol.cards.empty())
        throw Error(ErrorKind::Conflict, "no card" + (stack ? " of " + stack->toString() : std::string()) +
                                             " was shredded today (" + date.toString() + ")");
    const auto file = outputDir("reports") / ("shredding-protocol-" + date.toString() +
                                              (stack ? "-stack-" + stack->toString() : std::string()) + ".pdf");
    templates::printShreddingProtocol(protocol, file);
    return file.string();
}

// The label for a day's stack as it stands now (core records and audits it; card-templates
// draws it with its code as a QR code for the handheld reader).
std::string CoreBackend::printCustodyLabel(const std::string& day) {
    std::lock_guard lock(m_mutex);
    const auto label = core::Custody(*m_store).label(actor().login, dateOf(day, "day of the stack"));
    const auto file = outputDir("print") / ("custody-label-" + day + ".pdf");
    templates::printCustodyLabels({label}, file);
    return file.string();
}

std::string CoreBackend::printCards(const std::string& className, const std::string& fromDay,
                                    const std::string& toDay) {
    std::lock_guard lock(m_mutex);
    const auto login = actor().login;
    const auto lessonSlots = templates::lessonsOf(*m_store, className, dateOf(fromDay, "first day"), dateOf(toDay, "last day"));
    if (lessonSlots.empty())
        throw Error(ErrorKind::NotFound, "the timetable has no lesson of " + className + " from " + fromDay +
                                             " to " + toDay);
    templates::PrintOptions options;
    options.outDir = outputDir("print");
    templates::CardPrinter printer(*m_store, core::stationCardKeys(*m_store, m_config.keyDir).current().key);
    const auto job = printer.printLessons(login, templates::findTemplate(templates::shippedTemplateDir(), "attendance-a4-v1"),
                                          lessonSlots, options);
    return std::to_string(job.cards.size()) + " card(s) for " + className + ": " +
           (job.files.empty() ? std::string() : job.files.front().string());
}

std::string CoreBackend::printOutageCards(int count) {
    std::lock_guard lock(m_mutex);
    const auto login = actor().login;
    templates::PrintOptions options;
    options.outDir = outputDir("print");
    templates::CardPrinter printer(*m_store, core::stationCardKeys(*m_store, m_config.keyDir).current().key);
    const auto job = printer.printOutage(login, templates::findTemplate(templates::shippedTemplateDir(), "outage-a4-v1"),
                                         count, options);
    return std::to_string(job.cards.size()) + " outage card(s): " +
           (job.files.empty() ? std::string() : job.files.front().string());
}

} // namespace scanstation::ui
