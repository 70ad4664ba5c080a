#include "cli_context.hpp"

#include "operator_session.hpp"

#include <cstdlib>
#include <iostream>

namespace scanstation::cli {

std::string CliContext::actor() const {
    return actingLogin(*this);
}

const core::StationConfig& CliContext::stationConfig() const {
    if (!m_stationConfig)
        m_stationConfig = core::loadStationConfig(configOption);
    return *m_stationConfig;
}

core::SealedDataDir CliContext::dataDir() const {
    return core::SealedDataDir(dataDirPath(), {}, [](const std::string& note) { std::cerr << "scanstation: " << note << "\n"; });
}

std::filesystem::path CliContext::dataDirPath() const {
    if (!dataDirOption.empty())
        return dataDirOption;
    if (const char* env = std::getenv("SCANSTATION_DATA"); env && *env)
        return env;
    if (const auto& configured = stationConfig().station.dataDir)
        return *configured;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "scanstation";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home ? home : ".") / ".local" / "share" / "scanstation";
}

} // namespace scanstation::cli
