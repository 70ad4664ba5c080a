#pragma once
// Times are stored as integer milliseconds since the Unix epoch (UTC).
#include "scanstation/core/clock.hpp"

#include <cstdint>
#include <string>

namespace scanstation::core {

std::int64_t toUnixMs(TimePoint t);
TimePoint fromUnixMs(std::int64_t ms);
std::string formatUtc(TimePoint t); // "2026-11-23T12:25:33.123Z"

} // namespace scanstation::core
