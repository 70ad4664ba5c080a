#pragma once
// Binds core's identity-code verification (core/card_identity.hpp) to the recognizer: the
// station's key and school in, an IdentityVerifier out. Thread-safe (holds copies only).
#include "scanstation/core/station_key.hpp"
#include "scanstation/scanner/recognizer.hpp"

#include <string>

namespace scanstation::scanner {

IdentityVerifier stationIdentityVerifier(const core::StationKey& key, const std::string& school);

} // namespace scanstation::scanner
