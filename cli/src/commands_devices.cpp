// `scanstation devices [--json] [--details]`: the scanners SANE can see (and, with --details,
// what each offers: sources, modes, resolutions) and the video devices present for a camera.
#include "command_groups.hpp"
#include "scanstation/scanner/sources/sane_page_source.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

namespace scanstation::cli {

namespace {

std::vector<std::string> videoDevices() {
    std::vector<std::string> found;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/dev", ec))
        if (entry.path().filename().string().rfind("video", 0) == 0)
            found.push_back(entry.path().string());
    std::sort(found.begin(), found.end());
    return found;
}

nlohmann::json scannerJson(const scanner::SaneDeviceInfo& d, bool details) {
    nlohmann::json j{{"name", d.name}, {"source_spec", "sane:" + d.name}, {"vendor", d.vendor},
                     {"model", d.model}, {"type", d.type}};
    if (details) {
        try {
            const auto caps = scanner::saneDeviceCapabilities(d.name);
            j["sources"] = caps.sources;
            j["modes"] = caps.modes;
            j[caps.resolutionIsRange ? "resolution_range" : "resolutions"] = caps.resolutions;
        } catch (const std::exception& e) {
            j["error"] = e.what(); // e.g. busy: still list the device
        }
    }
    return j;
}

void printText(const nlohmann::json& scanners, const std::vector<std::string>& cameras) {
    if (scanners.empty())
        std::cout << "No scanner found. Check cable and power; for a network scanner see hardware/README.md.\n";
    for (const auto& s : scanners) {
        std::cout << s["source_spec"].get<std::string>() << "  " << s["vendor"].get<std::string>() << " "
                  << s["model"].get<std::string>() << " (" << s["type"].get<std::string>() << ")\n";
        for (const char* key : {"sources", "modes", "resolutions", "resolution_range", "error"})
            if (s.contains(key))
                std::cout << "    " << key << ": " << s[key].dump() << "\n";
    }
    for (std::size_t i = 0; i < cameras.size(); ++i)
        std::cout << "camera:" << cameras[i] << "\n";
}

} // namespace

void addDevicesCommands(CLI::App& app, CliContext& ctx) {
    auto* cmd = app.add_subcommand("devices", "List scanners (SANE) and cameras the station can use");
    auto details = std::make_shared<bool>(false);
    auto localOnly = std::make_shared<bool>(false);
    cmd->add_flag("--json", ctx.json, "Machine-readable JSON output");
    cmd->add_flag("--details", *details, "Open each scanner and list its sources, modes and resolutions");
    cmd->add_flag("--local", *localOnly, "Only local (USB/SCSI) scanners: skip the network search");
    cmd->callback([&ctx, details, localOnly] {
        nlohmann::json scanners = nlohmann::json::array();
        for (const auto& d : scanner::listSaneDevices(*localOnly))
            scanners.push_back(scannerJson(d, *details));
        const auto cameras = videoDevices();
        if (ctx.json)
            std::cout << nlohmann::json{{"scanners", scanners}, {"cameras", cameras}}.dump(2) << "\n";
        else
            printText(scanners, cameras);
    });
}

} // namespace scanstation::cli
