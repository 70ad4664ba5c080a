#include "acquisition_options.hpp"

#include "scanstation/core/error.hpp"
#include "scanstation/scanner/sources/file_page_source.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>

namespace scanstation::cli {

namespace {

namespace fs = std::filesystem;

// Files in the order given; a folder contributes its page files by name (not recursive).
std::vector<fs::path> filesOf(const std::vector<std::string>& paths) {
    std::vector<fs::path> files;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<fs::path> inFolder;
            for (const auto& entry : fs::directory_iterator(p))
                if (entry.is_regular_file() && scanner::hasPageFileExtension(entry.path()))
                    inFolder.push_back(entry.path());
            std::sort(inFolder.begin(), inFolder.end());
            files.insert(files.end(), inFolder.begin(), inFolder.end());
        } else if (fs::exists(p, ec)) {
            files.emplace_back(p);
        } else {
            throw Error(ErrorKind::NotFound, "no file or folder " + p);
        }
    }
    return files;
}

// A configured value that only the scanner part can judge: its error names the config line.
template <typename F>
auto fromConfig(const core::StationConfig& config, const std::string& key, F&& parse) {
    try {
        return parse();
    } catch (const Error& e) {
        throw Error(e.kind(), config.whereIs(key) + ": [" + key.substr(0, key.find('.')) + "] " +
                                  key.substr(key.find('.') + 1) + ": " + e.what());
    }
}

} // namespace

void addAcquisitionOptions(CLI::App& command, AcquisitionOptions& o) {
    command.add_option("--source", o.source,
                       "Page source: sane[:DEVICE], folder:PATH, file:PATH, camera[:N], video:FILE "
                       "(default: [scanner] source of the station configuration)");
    command.add_option_function<double>(
        "--resolution,--dpi", [&o](const double& dpi) { o.dpi = dpi; },
        "Scanner resolution in dots per inch, the nearest the device offers (default 300)");
    command.add_option_function<std::string>(
        "--mode", [&o](const std::string& mode) { o.mode = mode; }, "Scanner colour mode: color, gray (default) or lineart");
    command.add_flag_callback("--duplex", [&o] { o.duplex = true; }, "Scan both sides (needs the document feeder)");
    command.add_flag_callback("--simplex", [&o] { o.duplex = false; }, "Scan the front side only (default)");
    command.add_flag_callback("--feeder", [&o] { o.feeder = true; }, "Scan from the document feeder (default)");
    command.add_flag_callback("--flatbed", [&o] { o.feeder = false; }, "Scan one page from the flatbed");
    command.add_option("--sane-option", o.saneOptions,
                       "Backend option NAME=VALUE, as `scanimage --help -d DEVICE` lists them (repeatable)");
    command.add_option_function<std::string>(
        "--camera-backend", [&o](const std::string& backend) { o.cameraBackend = backend; },
        "OpenCV capture backend for camera: and video: sources: any (default), v4l2, ffmpeg, gstreamer, mjpeg");
}

scanner::SourceSettings sourceSettingsOf(const AcquisitionOptions& o, const core::StationConfig& config) {
    scanner::SourceSettings settings;
    const auto& conf = config.scanner;
    settings.sane.resolutionDpi = o.dpi.value_or(conf.resolutionDpi.value_or(settings.sane.resolutionDpi));
    if (o.mode)
        settings.sane.mode = scanner::colorModeFromString(*o.mode);
    else if (conf.mode)
        settings.sane.mode = fromConfig(config, "scanner.mode", [&] { return scanner::colorModeFromString(*conf.mode); });
    settings.sane.duplex = o.duplex.value_or(conf.duplex.value_or(false));
    settings.sane.feeder = o.feeder.value_or(conf.feeder.value_or(true));
    settings.sane.backendOptions = conf.backendOptions;
    for (const auto& option : o.saneOptions) {
        const auto eq = option.find('=');
        if (eq == std::string::npos || eq == 0)
            throw Error(ErrorKind::BadInput, "--sane-option '" + option + "': expected NAME=VALUE");
        settings.sane.backendOptions.emplace_back(option.substr(0, eq), option.substr(eq + 1));
    }
    if (o.cameraBackend)
        settings.camera.backend = *o.cameraBackend;
    else if (config.camera.backend)
        settings.camera.backend = *config.camera.backend;
    settings.camera.onStatus = o.onCameraStatus;
    return settings;
}

std::unique_ptr<scanner::PageSource> openAcquisitionSource(const AcquisitionOptions& o,
                                                           const core::StationConfig& config) {
    if (!o.paths.empty() && !o.source.empty())
        throw Error(ErrorKind::BadInput, "give either page files and folders or --source, not both");
    const auto settings = sourceSettingsOf(o, config);
    if (!o.paths.empty())
        return std::make_unique<scanner::FilePageSource>(filesOf(o.paths));
    if (!o.source.empty())
        return scanner::openPageSource(scanner::parseSourceSpec(o.source), settings);
    const bool fromScanner = config.scanner.source.has_value();
    if (!fromScanner && !config.camera.source)
        throw Error(ErrorKind::BadInput, "no pages to scan: give files or folders, --source SPEC, or set [scanner] "
                                         "source in the station configuration (" +
                                             (config.file.empty() ? core::defaultStationConfigPath() : config.file).string() + ")");
    const std::string key = fromScanner ? "scanner.source" : "camera.source";
    const auto spec = fromConfig(config, key, [&] {
        return scanner::parseSourceSpec(fromScanner ? *config.scanner.source : *config.camera.source);
    });
    return scanner::openPageSource(spec, settings);
}

} // namespace scanstation::cli
