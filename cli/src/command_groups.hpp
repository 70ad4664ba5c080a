#pragma once
// Each group of subcommands lives in its own file (commands_<group>.cpp) and is added here.
#include "cli_context.hpp"

namespace CLI {
class App;
}

namespace scanstation::cli {

void addInfoCommands(CLI::App& app, CliContext& ctx);

} // namespace scanstation::cli
