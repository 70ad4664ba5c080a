#pragma once
// The sync status in plain words for people (`scanstation sync status`, the kiosk's banner).
// It never says that all is well while any record waits or waits for review.
#include "scanstation/core/outbox.hpp"

#include <string>

namespace scanstation::sync {

// Several lines; the first is the headline ("All records are in the register." only when
// nothing waits and nothing was refused).
std::string describeStatus(const core::OutboxStatus& status, core::TimePoint now);

// "3 h 05 min", "12 min", "40 s"
std::string describeDuration(std::chrono::seconds duration);

} // namespace scanstation::sync
