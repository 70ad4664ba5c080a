#pragma once
// Roster and timetable import. All-or-nothing: a file with any bad line imports nothing, and
// the report lists EVERY bad line (file, line, column, reason). Re-importing the same content
// changes nothing; different content becomes a new roster version.
//
// Accepted inputs (core/README.md documents the columns):
//  - the station's simple roster CSV (a .csv file);
//  - a OneRoster 1.2 CSV bundle, as a folder or a .zip (1.1 bundles too: role in users.csv).
// The timetable is a CSV of lesson slots.
#include "scanstation/core/roster.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace scanstation::core {

class Store;

// A finding about the input, not an error of the operation.
struct ImportProblem {
    std::string file;   // file name as given, or the name inside the bundle
    int line = 0;       // 1-based physical line where the record starts; 0 = the whole file
    std::string column; // may be empty
    std::string reason; // e.g. "duplicate register number 7 in class 2b (also line 12)"
};

enum class RosterFormat { SimpleCsv, OneRoster };

struct ImportReport {
    std::string source;
    std::string format; // "simple-csv", "oneroster-1.2", "oneroster-1.1", "timetable-csv"
    std::vector<ImportProblem> problems; // non-empty: nothing was imported
    bool changed = false;                // false for a re-import of the same content
    std::int64_t rosterVersion = 0;      // roster version after the import
    std::vector<RosterChange> changes;   // what the new version changed
    int classes = 0;                     // counts in the imported content
    int groups = 0;
    int pupils = 0;
    int teachers = 0;
    int lessonSlots = 0;                 // timetable imports only

    bool ok() const { return problems.empty(); }
};

// Reads `path` (CSV file, OneRoster folder or zip) and, when it has no problems, makes it the
// current roster. Throws Error{BadInput} only when the path cannot be read at all, or
// Error{Infrastructure} for store failures; bad content is reported in the result.
ImportReport importRoster(Store& store, const std::string& actor, const std::filesystem::path& path);

// Parses without touching the store (what importRoster validates before applying).
struct ParsedRoster {
    RosterSnapshot snapshot;
    std::string format;
    std::vector<ImportProblem> problems;
};
ParsedRoster parseRoster(const std::filesystem::path& path);

// Imports lesson slots from a timetable CSV; see timetable.hpp.
ImportReport importTimetable(Store& store, const std::string& actor, const std::filesystem::path& path);

} // namespace scanstation::core
