#pragma once
// Command-line options that choose and configure a page source, shared by `scan` and any
// other command that acquires pages. An option given on the command line overrides the
// station configuration ([scanner] in station.conf); an option given in neither keeps the
// built-in default (300 dpi, gray, the document feeder, one side). Usage in a command:
//   AcquisitionOptions acq;  addAcquisitionOptions(*cmd, acq);
//   ... auto source = openAcquisitionSource(acq, ctx.stationConfig());
#include "scanstation/core/station_config.hpp"
#include "scanstation/scanner/sources/source_spec.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace scanstation::cli {

struct AcquisitionOptions {
    std::vector<std::string> paths;       // page files or folders named without --source (scan FILE...)
    std::string source;                   // --source SPEC (see source_spec.hpp)
    std::optional<double> dpi;            // --resolution / --dpi
    std::optional<std::string> mode;      // --mode color|gray|lineart
    std::optional<bool> duplex;           // --duplex / --simplex
    std::optional<bool> feeder;           // --feeder / --flatbed
    std::vector<std::string> saneOptions; // --sane-option NAME=VALUE (repeatable; after the config's)
    std::optional<std::string> cameraBackend; // --camera-backend any|v4l2|ffmpeg|gstreamer|mjpeg
    // Not an option: how the command tells the operator what the camera waits for.
    std::function<void(scanner::CameraState, const std::string&)> onCameraStatus;
};

void addAcquisitionOptions(CLI::App& command, AcquisitionOptions& options);

// The source the options and the configuration describe: paths (files and folders, in the
// order given, folders by name), else --source, else [scanner] source of the configuration,
// else its [camera] source.
// Throws BadInput for a malformed spec or option (a configured one names its file and line);
// the source's own errors (NotFound: no such scanner or file) otherwise.
std::unique_ptr<scanner::PageSource> openAcquisitionSource(const AcquisitionOptions& options,
                                                           const core::StationConfig& config = {});

// The settings the options and the configuration describe (for callers that build the source).
scanner::SourceSettings sourceSettingsOf(const AcquisitionOptions& options, const core::StationConfig& config = {});

} // namespace scanstation::cli
