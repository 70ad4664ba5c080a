#include "cli_context.hpp"

#include <cstdlib>

namespace scanstation::cli {

std::string CliContext::actor() const {
    if (!operatorOption.empty())
        return operatorOption;
    if (const char* env = std::getenv("SCANSTATION_OPERATOR"); env && *env)
        return env;
    return "station";
}

std::filesystem::path CliContext::dataDir() const {
    if (!dataDirOption.empty())
        return dataDirOption;
    if (const char* env = std::getenv("SCANSTATION_DATA"); env && *env)
        return env;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "scanstation";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home ? home : ".") / ".local" / "share" / "scanstation";
}

} // namespace scanstation::cli
