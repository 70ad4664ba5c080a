#pragma once
// The ingestion command groups, each in its own file; addIngestionCommands (commands_scan.cpp)
// adds them all.
#include "cli_context.hpp"

namespace CLI {
class App;
}

namespace scanstation::cli {

void addScanCommands(CLI::App& app, CliContext& ctx);      // commands_scan.cpp
void addReviewCommands(CLI::App& app, CliContext& ctx);    // commands_review.cpp
void addCustodyCommands(CLI::App& app, CliContext& ctx);   // commands_custody.cpp
void addShredCommands(CLI::App& app, CliContext& ctx);     // commands_shred.cpp
void addDeadlineCommands(CLI::App& app, CliContext& ctx);  // commands_deadlines.cpp

} // namespace scanstation::cli
