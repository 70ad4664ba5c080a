#include "command_groups.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

namespace scanstation::cli {

void addInfoCommands(CLI::App& app, CliContext& ctx) {
    auto* where = app.add_subcommand("where", "Print the data directory the station uses");
    where->callback([&ctx] {
        if (ctx.json)
            std::cout << "{\"data\":\"" << ctx.dataDir().string() << "\"}\n";
        else
            std::cout << ctx.dataDir().string() << "\n";
    });
}

} // namespace scanstation::cli
