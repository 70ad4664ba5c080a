#pragma once
// Who looked at which pupil's data, and when (DOMAIN.md: users are told their actions are
// monitored; issue 9: every view of a pupil's data is in the audit chain, as is by whom).
// Each view is an audit entry with action "pupil.view" and subject "pupil:<sourcedId>", so it is
// hash-chained with everything else and cannot be removed unnoticed.
#include "scanstation/core/audit_log.hpp"

#include <string>
#include <vector>

namespace scanstation::core {

class Store;

class PupilAccessLog {
public:
    explicit PupilAccessLog(Store& store) : m_store(store) {}

    // `what` names the view, e.g. "review of card 00000042", "pupil export".
    void recordView(const std::string& actor, const std::string& pupilId, const std::string& what);

    // Every recorded view of one pupil's data, oldest first.
    std::vector<AuditEntry> viewsOf(const std::string& pupilId) const;

private:
    Store& m_store;
};

} // namespace scanstation::core
