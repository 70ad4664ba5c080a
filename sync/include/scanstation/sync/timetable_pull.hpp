#pragma once
// Incremental timetable pull from the register (the lessonSlots extension of sync/openapi.yaml),
// with the same cursor care as the roster pull (roster_pull.hpp): records modified at or after
// the cursor's time are asked for, those strictly after (time, id) are kept, so slots changed
// in the same instant are never skipped and never taken twice. The slots land in core's
// timetable (core/pulled_timetable.hpp) and the cursor moves in the same transaction; when any
// slot cannot be applied (a class or teacher the roster does not know yet), nothing is applied
// and the cursor stays, so the next pull (after a roster pull) takes them again.
#include "scanstation/sync/register_client.hpp"

#include <string>
#include <vector>

namespace scanstation::core {
class Store;
}

namespace scanstation::sync {

inline constexpr const char* kTimetableResource = "lessonSlots";

struct TimetablePullReport {
    bool complete = false;           // pulled to the end and applied
    std::string plainWords;          // why not, when !complete
    std::vector<std::string> problems; // slots that could not be applied (nothing was)
    int received = 0;                // slots new or changed since the last pull
    int added = 0, updated = 0, unchanged = 0, removed = 0, cancelled = 0;
    int pages = 0;
};

TimetablePullReport pullTimetable(core::Store& store, RegisterClient& client, const std::string& actor,
                                  int pageSize = 100);

} // namespace scanstation::sync
