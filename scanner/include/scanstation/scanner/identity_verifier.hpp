#pragma once
// Binds core's identity-code verification (core/card_identity.hpp) to the recognizer: the
// station's key and school in, an IdentityVerifier out. Thread-safe (holds copies only).
#include "scanstation/core/card_keys.hpp"
#include "scanstation/core/station_key.hpp"
#include "scanstation/scanner/recognizer.hpp"

#include <string>

namespace scanstation::scanner {

IdentityVerifier stationIdentityVerifier(const core::StationKey& key, const std::string& school);

// Against the station's card key ring at `now` (a session's start: grace periods are days).
IdentityVerifier stationIdentityVerifier(const core::CardKeyRing& ring, const std::string& school, core::TimePoint now);

} // namespace scanstation::scanner
