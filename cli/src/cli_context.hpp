#pragma once
// What every subcommand of `scanstation` shares: global options and the way to print results.
#include "scanstation/core/station_config.hpp"
#include "scanstation/core/store.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace scanstation::cli {

struct ActingSession; // operator_session.cpp

struct CliContext {
    std::string dataDirOption; // --data DIR, given before the subcommand
    bool json = false;         // --json: machine-readable output on stdout
    std::string operatorOption; // --operator LOGIN: who the caller expects to be signed in (operator_session.hpp)
    bool passwordStdin = false;  // --password-stdin: sign --operator in for this one command (scripts)
    std::optional<std::string> stdinPassword; // the first line of stdin, read when --password-stdin is parsed
    std::string configOption;   // --config FILE: the station configuration (acquisition)

    // --config, else $SCANSTATION_CONFIG, else /etc/scanstation/station.conf when it exists
    // (else empty). Read once, on first use; a bad line throws BadInput naming file and line.
    const core::StationConfig& stationConfig() const;

    // The signed-in operator's login (operator_session.hpp: a session, or --operator with
    // --password-stdin), else "station" while no operator has a password yet; else throws
    // Error{PermissionDenied}. --operator, $SCANSTATION_OPERATOR or a [station] operator of the
    // configuration only say who must be signed in: on their own they are refused.
    std::string actor() const;

    // --data, else $SCANSTATION_DATA, else [station] data of the station configuration, else
    // $XDG_DATA_HOME/scanstation, else ~/.local/share/scanstation.
    std::filesystem::path dataDirPath() const;
    // The same as a core::SealedDataDir (a path): `core::Store store(ctx.dataDir())` opens the
    // store ENCRYPTED with the key directory $SCANSTATION_KEYS (else ~/.config/scanstation/keys);
    // steps such as sealing a plain store are reported on stderr.
    core::SealedDataDir dataDir() const;

    // Who acts in this command, decided on first use (operator_session.cpp); a one-command
    // session ends when the context is destroyed.
    mutable std::shared_ptr<ActingSession> acting;

private:
    mutable std::optional<core::StationConfig> m_stationConfig;
};

} // namespace scanstation::cli
