#pragma once
// Makes a validated RosterSnapshot the store's current roster: compares it with what the
// store holds and, when anything differs, records a new roster version with its changes and
// their audit entries, all in one transaction.
#include "scanstation/core/roster.hpp"

#include <string>
#include <vector>

namespace scanstation::core {
class Store;
}

namespace scanstation::core::import {

struct ApplyResult {
    bool changed = false;
    std::int64_t version = 0; // current version after applying
    std::vector<RosterChange> changes;
};

// Sections a snapshot leaves empty (teachers, groups, terms) or unset (school, school year)
// are kept as they are: a simple CSV, for instance, carries only pupils, classes and groups.
ApplyResult applyRoster(Store& store, const std::string& actor, const std::string& source, const RosterSnapshot& snapshot);

// SHA-256 hex of the snapshot's normalised content (independent of row order).
std::string contentHash(const RosterSnapshot& snapshot);

} // namespace scanstation::core::import
