#pragma once
// Turns the pulled OneRoster records (core::RosterMirror) into the station's RosterSnapshot.
#include "scanstation/core/roster.hpp"

#include <string>
#include <vector>

namespace scanstation::core {
class Store;
}

namespace scanstation::sync::detail {

// Subjects are not a OneRoster resource: the station's current subjects are kept, and any
// subject code a class names is added. `problems` lists records that could not be used.
core::RosterSnapshot snapshotFromMirror(core::Store& store, std::vector<std::string>& problems);

} // namespace scanstation::sync::detail
