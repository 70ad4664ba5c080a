#pragma once
// What every subcommand of `scanstation` shares: global options and the way to print results.
#include <filesystem>
#include <string>

namespace scanstation::cli {

struct CliContext {
    std::string dataDirOption; // --data DIR, given before the subcommand
    bool json = false;         // --json: machine-readable output on stdout
    std::string operatorOption; // --operator LOGIN: who is acting, recorded in the audit log

    // --operator, else $SCANSTATION_OPERATOR, else "station" (the station's own unattended jobs).
    std::string actor() const;

    // --data, else $SCANSTATION_DATA, else $XDG_DATA_HOME/scanstation, else ~/.local/share/scanstation.
    std::filesystem::path dataDir() const;
};

} // namespace scanstation::cli
