#pragma once
// The station configuration file (hardware/station.conf.example): what a technician sets once
// per station — where the data lives, the default page source and scanner settings, the hot
// folder, the camera, the register. Command-line options override it; unset keys keep the
// built-in defaults of each command.
//
// Format: "[section]" lines, "key = value" lines, '#' comments, blank lines. "sane-option"
// may repeat; any other key given twice is an error. A line that is not one of these, an unknown
// section or key, or a value of the wrong type is an Error(BadInput) naming file and line.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace scanstation::core {

struct StationConfig {
    std::filesystem::path file; // where it was read from; empty: no file, every key unset

    struct Station {
        std::optional<std::filesystem::path> dataDir; // [station] data
        std::optional<std::string> operatorLogin;     // [station] operator (unattended jobs)
    } station;

    struct Scanner {
        std::optional<std::string> source;         // [scanner] source: a source spec (scanstation devices)
        std::optional<double> resolutionDpi;       // [scanner] dpi (dots per inch, > 0)
        std::optional<std::string> mode;           // [scanner] mode: color | gray | lineart
        std::optional<bool> feeder;                // [scanner] feeder: yes | no
        std::optional<bool> duplex;                // [scanner] duplex: yes | no
        std::vector<std::pair<std::string, std::string>> backendOptions; // [scanner] sane-option = NAME=VALUE
    } scanner;

    struct HotFolder {
        std::optional<std::filesystem::path> folder; // [hotfolder] folder
        std::optional<double> settleSeconds;         // [hotfolder] settle (seconds, >= 0)
        std::optional<double> pollSeconds;           // [hotfolder] poll (seconds, > 0)
    } hotFolder;

    struct Camera {
        std::optional<std::string> source; // [camera] source: camera[:N], camera:/dev/videoN, video:FILE
        std::optional<std::string> backend; // [camera] backend: any | v4l2 | ffmpeg | gstreamer | mjpeg
    } camera;

    struct Sync {
        std::optional<std::string> registerUrl; // [sync] register
    } sync;

    // "FILE:LINE" of the line that set `section.key` (e.g. "scanner.source"), for messages about
    // a value only a later step can judge (a source spec the scanner part parses); "FILE" when unset.
    std::string whereIs(const std::string& sectionDotKey) const;

    std::map<std::string, int> lines; // "section.key" -> 1-based line number
};

// `name` is used in messages (the file's path). Throws Error(BadInput) "NAME:LINE: ...".
StationConfig parseStationConfig(std::string_view text, const std::filesystem::path& name);

// Throws NotFound when the file does not exist, Infrastructure when it cannot be read.
StationConfig readStationConfig(const std::filesystem::path& file);

// $SCANSTATION_CONFIG, else /etc/scanstation/station.conf.
std::filesystem::path defaultStationConfigPath();

// `explicitFile` (from --config) must exist; without it the default path is read when it
// exists, else an empty configuration is returned.
StationConfig loadStationConfig(const std::filesystem::path& explicitFile = {});

} // namespace scanstation::core
