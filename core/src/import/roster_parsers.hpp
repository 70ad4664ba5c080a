#pragma once
// The roster file formats, each turned into a RosterSnapshot plus the problems found.
#include "import/csv_table.hpp"
#include "scanstation/core/roster_import.hpp"

#include <map>
#include <string>

namespace scanstation::core::import {

// The station's simple CSV (columns in core/README.md).
ParsedRoster parseSimpleRosterCsv(std::string_view text, const std::string& fileName);

// A OneRoster 1.1/1.2 CSV bundle, as file name -> content (names without folders).
ParsedRoster parseOneRosterBundle(const std::map<std::string, std::string>& files);

// Reads the CSV files of a bundle from a folder or a .zip. Throws Error{BadInput}.
std::map<std::string, std::string> readBundleFiles(const std::filesystem::path& path);
std::string readTextFile(const std::filesystem::path& file);

// Gives pupils without a register number the alphabetical numbering of Polish registers
// (family name, then given name) within each class, after any explicit numbers.
void numberAlphabetically(std::vector<Pupil>& pupils);

} // namespace scanstation::core::import
