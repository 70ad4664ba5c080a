#pragma once
// The built-in demo school: fabricated people with Polish names, 8 classes of 20–30 pupils,
// inter-class language groups, teachers, subjects, operators and a week's timetable
// (Monday 2026-11-23 to Friday 2026-11-27). Generated deterministically: the same every run.
#include "scanstation/core/operators.hpp"
#include "scanstation/core/roster_import.hpp"
#include "scanstation/core/roster.hpp"
#include "scanstation/core/timetable.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace scanstation::core {

class Store;

struct DemoSchool {
    RosterSnapshot roster;
    std::vector<LessonSlot> timetable; // ids unset
    std::vector<Operator> operators;
};

// `extraPupils` adds pupils beyond the usual ~200 (for large-import tests), spread over classes.
DemoSchool makeDemoSchool(int extraPupils = 0);

struct DemoFiles {
    std::filesystem::path oneRosterDir; // DIR/oneroster (OneRoster 1.2 CSV bundle)
    std::filesystem::path simpleCsv;    // DIR/roster.csv (the station's simple CSV)
    std::filesystem::path timetableCsv; // DIR/timetable.csv
};

// Writes the school as files an import accepts.
DemoFiles writeDemoFiles(const DemoSchool& school, const std::filesystem::path& dir);

// Writers of the file formats (also used by tests to build broken files).
void writeOneRosterBundle(const RosterSnapshot& roster, const std::filesystem::path& dir);
void writeSimpleRosterCsv(const RosterSnapshot& roster, const std::filesystem::path& file);
void writeTimetableCsv(const std::vector<LessonSlot>& slots, const RosterSnapshot& roster,
                       const std::filesystem::path& file);

// Imports the demo school into the store: roster, timetable and operators (existing
// operators are kept). Returns the roster import's report.
ImportReport installDemoSchool(Store& store, const std::string& actor, const std::filesystem::path& workDir,
                               int extraPupils = 0);

} // namespace scanstation::core
