#pragma once
// Permission checks of ingestion actions: who the actor is, and whether a lesson is their own.
#include "scanstation/core/operators.hpp"
#include "scanstation/core/permissions.hpp"
#include "scanstation/core/timetable.hpp"

#include <optional>
#include <string>

namespace scanstation::core {

class Store;

// The station's own unattended jobs (hot folder) act as this login; it may only scan.
inline constexpr const char* kStationActor = "station";

// The active operator `actor`; Error{PermissionDenied} for an unknown or inactive login.
Operator operatorFor(Store& store, const std::string& actor);

// True when the lesson is taught by the operator's roster teacher.
bool ownsLesson(const Operator& op, const std::optional<LessonSlot>& slot);

// operatorFor + core::require, with the card named in the refusal.
Operator requirePermission(Store& store, const std::string& actor, Action action, bool own,
                           const std::string& what);

} // namespace scanstation::core
