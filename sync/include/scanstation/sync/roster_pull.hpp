#pragma once
// Incremental roster pull from the register (OneRoster rostering API). For each resource the
// station keeps a cursor (dateLastModified, sourcedId) of the last record taken; a pull asks
// for records modified at or after the cursor's time (filter dateLastModified>='T') and keeps
// those strictly after (T, id) in that order, so that records changed in the same instant are
// never skipped and never taken twice. Records land in core::RosterMirror; the cursor moves in
// the same transaction.
#include "scanstation/sync/register_client.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace scanstation::core {
class Store;
}

namespace scanstation::sync {

struct RosterPullReport {
    bool complete = false;              // every resource was pulled to its end
    std::string plainWords;             // why not, when !complete
    std::map<std::string, int> changed; // per resource: records new or changed since the last pull
    int pages = 0;
};

inline constexpr const char* kRosterResources[] = {"orgs", "academicSessions", "classes", "users", "enrollments"};

RosterPullReport pullRoster(core::Store& store, RegisterClient& client, int pageSize = 100);

struct RosterImportOutcome {
    bool imported = false;              // the pulled roster passed the station's import checks
    bool changed = false;               // ... and differed from the current roster version
    std::int64_t rosterVersion = 0;     // the current version afterwards
    std::vector<std::string> problems;  // why not imported: every bad record, in plain words
};

// Makes the pulled roster (all mirrored records) the station's roster through core's import,
// so that it becomes a new roster version with its list of changes (or nothing, if equal).
RosterImportOutcome importPulledRoster(core::Store& store, const std::string& actor);

} // namespace scanstation::sync
