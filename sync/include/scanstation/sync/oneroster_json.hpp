#pragma once
// The station's roster as OneRoster 1.2 JSON: {"orgs":[...],"academicSessions":[...],
// "classes":[...],"users":[...],"enrollments":[...]} with the station's sourcedIds and register
// numbers (enrollment metadata.registerNumber). Used to seed the reference register for a
// trial or the demo, so that both sides know the same pupils.
#include "scanstation/core/roster.hpp"

#include <string>

namespace scanstation::sync {

// `modified`: dateLastModified for every record (empty: the register stamps them).
std::string oneRosterJson(const core::RosterSnapshot& roster, const std::string& modified = "");

} // namespace scanstation::sync
