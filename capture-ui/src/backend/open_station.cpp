// The real station's composition: the station configuration (core's reader of
// hardware/station.conf), overridden by the command line; the store in the data directory, its
// page sources and its register. Chosen once, by app/main.cpp.
#include "core_backend.hpp"
#include "scanstation/core/error.hpp"
#include "scanstation/core/station_config.hpp"
#include "scanstation/ui/station.hpp"

namespace scanstation::ui {

namespace {

RegisterConfig registerOf(const StationOptions& o, const core::StationConfig& file) {
    RegisterConfig r;
    r.url = !o.registerUrl.isEmpty() ? o.registerUrl.toStdString() : file.sync.registerUrl.value_or("");
    r.allowPlainHttp = o.allowPlainHttp;
    if (!o.registerClient.isEmpty()) {
        const auto colon = o.registerClient.indexOf(QLatin1Char(':'));
        if (colon < 0)
            throw Error(ErrorKind::BadInput, "register client: expected ID:SECRET");
        r.clientId = o.registerClient.left(colon).toStdString();
        r.clientSecret = o.registerClient.mid(colon + 1).toStdString();
    }
    return r;
}

// The sources the operator chooses from: the command line's, else the configured scanner,
// hot folder and camera, else a feeder scanner, the inbox hot folder and the first camera.
std::vector<std::string> sourcesOf(const StationOptions& o, const core::StationConfig& file,
                                   const std::filesystem::path& dataDir) {
    std::vector<std::string> sources;
    for (const auto& spec : o.sources)
        sources.push_back(spec.toStdString());
    if (!sources.empty())
        return sources;
    sources.push_back(file.scanner.source.value_or("sane"));
    const auto inbox = file.hotFolder.folder.value_or(dataDir / "inbox");
    std::filesystem::create_directories(inbox);
    sources.push_back("hot:" + inbox.string());
    sources.push_back(file.camera.source.value_or("camera"));
    return sources;
}

scanner::SourceSettings settingsOf(const core::StationConfig& file) {
    scanner::SourceSettings settings;
    const auto& s = file.scanner;
    if (s.resolutionDpi)
        settings.sane.resolutionDpi = *s.resolutionDpi;
    if (s.mode)
        settings.sane.mode = scanner::colorModeFromString(*s.mode);
    if (s.feeder)
        settings.sane.feeder = *s.feeder;
    if (s.duplex)
        settings.sane.duplex = *s.duplex;
    settings.sane.backendOptions = s.backendOptions;
    return settings;
}

} // namespace

std::unique_ptr<Station> openStation(const StationOptions& options) {
    const auto file = core::loadStationConfig(options.configFile.toStdString());
    BackendConfig config;
    if (!options.dataDir.isEmpty())
        config.dataDir = options.dataDir.toStdString();
    else if (file.station.dataDir)
        config.dataDir = *file.station.dataDir;
    else
        throw Error(ErrorKind::BadInput, "no data directory: give --data DIR or set [station] data in " +
                                             core::defaultStationConfigPath().string());
    // The CLI's rule: --keys, else $SCANSTATION_KEYS, else ~/.config/scanstation/keys.
    config.keyDir = options.keyDir.isEmpty() ? core::KeyStore::defaultDir()
                                           : std::filesystem::path(options.keyDir.toStdString());
    config.sources = sourcesOf(options, file, config.dataDir);
    config.sourceSettings = settingsOf(file);
    config.register_ = registerOf(options, file);
    return std::make_unique<Station>(std::make_unique<CoreBackend>(std::move(config)), false);
}

} // namespace scanstation::ui
