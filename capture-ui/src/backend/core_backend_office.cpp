// CoreBackend: the roster and the audit log, read-only (core PupilDataScope, AuditLog).
#include "core_backend.hpp"

#include "scanstation/core/audit_log.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/pupil_data_scope.hpp"
#include "scanstation/core/roster.hpp"

#include <algorithm>
#include <map>

namespace scanstation::ui {

std::vector<std::string> CoreBackend::classes() {
    std::lock_guard lock(m_mutex);
    std::vector<std::string> codes;
    for (const auto& c : core::Roster(*m_store).classes())
        codes.push_back(c.code);
    return codes;
}

std::vector<RosterEntry> CoreBackend::roster() {
    std::lock_guard lock(m_mutex);
    if (!m_session)
        return {};
    // Pupils' names are pupil data: core says whose the operator may see (the permission
    // matrix, the roster and the timetable) and records every pupil shown as viewed.
    std::vector<RosterEntry> out;
    for (const auto& c : core::PupilDataScope(*m_store).view(actor(), "kiosk roster"))
        for (const auto& p : c.pupils)
            out.push_back({c.schoolClass.code, p.registerNumber, p.familyName + " " + p.givenName,
                           p.status == core::PupilStatus::StruckOff ? "struck off" : ""});
    return out;
}

std::vector<AuditEntry> CoreBackend::auditLog() {
    std::lock_guard lock(m_mutex);
    if (!m_session || !core::isAllowed(actor().role, core::Action::ViewAudit))
        return {};
    std::map<std::string, std::string> names; // login -> display name
    for (const auto& op : core::OperatorDirectory(*m_store).list())
        names[op.login] = op.displayName;
    core::AuditQuery query;
    query.limit = 100000; // the screen searches all of it; newest first below
    auto entries = core::AuditLog(*m_store).list(query);
    std::vector<AuditEntry> out;
    out.reserve(entries.size());
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
        const auto name = names.find(it->actor);
        out.push_back({it->at, name != names.end() ? name->second : it->actor, it->action, it->subject,
                       it->details});
    }
    return out;
}

} // namespace scanstation::ui
