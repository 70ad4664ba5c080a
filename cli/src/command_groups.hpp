#pragma once
// Each group of subcommands lives in its own file (commands_<group>.cpp) and is added here.
#include "cli_context.hpp"

namespace CLI {
class App;
}

namespace scanstation::cli {

void addInfoCommands(CLI::App& app, CliContext& ctx);
void addRosterCommands(CLI::App& app, CliContext& ctx);    // commands_roster.cpp
void addTimetableCommands(CLI::App& app, CliContext& ctx); // commands_timetable.cpp
void addAuditCommands(CLI::App& app, CliContext& ctx);     // commands_audit.cpp
void addDemoCommands(CLI::App& app, CliContext& ctx);      // commands_demo.cpp
void addOperatorCommands(CLI::App& app, CliContext& ctx);  // commands_operator.cpp
void addBadgeCommands(CLI::App& app, CliContext& ctx);     // commands_badge.cpp (after addOperatorCommands)
void addArchiveCommands(CLI::App& app, CliContext& ctx);   // commands_archive.cpp (also `keys`)
void addKeysCommands(CLI::App& app, CliContext& ctx);      // commands_keys.cpp (after addArchiveCommands)
void addPrivacyCommands(CLI::App& app, CliContext& ctx);   // commands_privacy.cpp
void addTemplateCommands(CLI::App& app, CliContext& ctx);  // commands_template.cpp
void addCardsCommands(CLI::App& app, CliContext& ctx);     // commands_cards.cpp
void addIngestionCommands(CLI::App& app, CliContext& ctx); // scan, review, custody, shred, deadlines (ingestion_commands.hpp)
void addSyncCommands(CLI::App& app, CliContext& ctx);      // commands_sync.cpp
void addDevicesCommands(CLI::App& app, CliContext& ctx);   // commands_devices.cpp (acquisition)
void addWatchCommands(CLI::App& app, CliContext& ctx);     // commands_watch.cpp (acquisition)
void addRecognizeCommands(CLI::App& app, CliContext& ctx); // commands_recognize.cpp (recognition)

} // namespace scanstation::cli
