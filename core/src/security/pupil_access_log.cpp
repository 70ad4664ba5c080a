#include "scanstation/core/pupil_access_log.hpp"

#include "scanstation/core/error.hpp"

namespace scanstation::core {

void PupilAccessLog::recordView(const std::string& actor, const std::string& pupilId, const std::string& what) {
    if (pupilId.empty())
        throw Error(ErrorKind::BadInput, "a pupil data view needs the pupil's id");
    AuditLog(m_store).append(actor, "pupil.view", "pupil:" + pupilId, what);
}

std::vector<AuditEntry> PupilAccessLog::viewsOf(const std::string& pupilId) const {
    AuditQuery query;
    query.actionPrefix = "pupil.view";
    query.subject = "pupil:" + pupilId;
    query.limit = 1000000;
    return AuditLog(m_store).list(query);
}

} // namespace scanstation::core
