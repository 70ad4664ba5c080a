#include "scanstation/core/station_config.hpp"

#include "scanstation/core/error.hpp"

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>

namespace scanstation::core {

namespace {

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r");
    return std::string(text.substr(first, last - first + 1));
}

// One "key = value" line being applied, with what a message about it needs.
struct Line {
    const std::filesystem::path& file;
    int number = 0;
    std::string section;
    std::string key;
    std::string value;

    Error bad(const std::string& why) const {
        return Error(ErrorKind::BadInput, file.string() + ":" + std::to_string(number) + ": " + why);
    }
    Error badValue(const std::string& expected) const {
        return bad("[" + section + "] " + key + " = '" + value + "': expected " + expected);
    }
};

double number(const Line& line, double min, bool minAllowed) {
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(line.value.c_str(), &end);
    const bool ok = !line.value.empty() && end && *end == '\0' && errno == 0 && (minAllowed ? v >= min : v > min);
    if (!ok)
        throw line.badValue(std::string("a number ") + (minAllowed ? ">= " : "> ") + std::to_string(static_cast<int>(min)));
    return v;
}

bool yesNo(const Line& line) {
    if (line.value == "yes" || line.value == "true" || line.value == "on")
        return true;
    if (line.value == "no" || line.value == "false" || line.value == "off")
        return false;
    throw line.badValue("yes or no");
}

std::string text(const Line& line) {
    if (line.value.empty())
        throw line.badValue("a value");
    return line.value;
}

std::filesystem::path absolutePath(const Line& line) {
    const std::filesystem::path p(text(line));
    if (!p.is_absolute())
        throw line.badValue("an absolute path");
    return p;
}

using Setter = std::function<void(StationConfig&, const Line&)>;

// Every key the file may hold, by "section.key". Adding a key is one line here and one field.
const std::map<std::string, Setter>& setters() {
    static const std::map<std::string, Setter> table{
        {"station.data", [](StationConfig& c, const Line& l) { c.station.dataDir = absolutePath(l); }},
        {"station.operator", [](StationConfig& c, const Line& l) { c.station.operatorLogin = text(l); }},
        {"scanner.source", [](StationConfig& c, const Line& l) { c.scanner.source = text(l); }},
        {"scanner.dpi", [](StationConfig& c, const Line& l) { c.scanner.resolutionDpi = number(l, 0, false); }},
        {"scanner.mode",
         [](StationConfig& c, const Line& l) {
             if (l.value != "color" && l.value != "colour" && l.value != "gray" && l.value != "grey" &&
                 l.value != "lineart")
                 throw l.badValue("color, gray or lineart");
             c.scanner.mode = l.value;
         }},
        {"scanner.feeder", [](StationConfig& c, const Line& l) { c.scanner.feeder = yesNo(l); }},
        {"scanner.duplex", [](StationConfig& c, const Line& l) { c.scanner.duplex = yesNo(l); }},
        {"scanner.sane-option",
         [](StationConfig& c, const Line& l) {
             const auto eq = l.value.find('=');
             if (eq == std::string::npos || eq == 0)
                 throw l.badValue("NAME=VALUE");
             c.scanner.backendOptions.emplace_back(trim(l.value.substr(0, eq)), trim(l.value.substr(eq + 1)));
         }},
        {"hotfolder.folder", [](StationConfig& c, const Line& l) { c.hotFolder.folder = absolutePath(l); }},
        {"hotfolder.settle", [](StationConfig& c, const Line& l) { c.hotFolder.settleSeconds = number(l, 0, true); }},
        {"hotfolder.poll", [](StationConfig& c, const Line& l) { c.hotFolder.pollSeconds = number(l, 0, false); }},
        {"camera.source", [](StationConfig& c, const Line& l) { c.camera.source = text(l); }},
        {"camera.backend",
         [](StationConfig& c, const Line& l) {
             if (l.value != "any" && l.value != "v4l2" && l.value != "ffmpeg" && l.value != "gstreamer" && l.value != "mjpeg")
                 throw l.badValue("any, v4l2, ffmpeg, gstreamer or mjpeg");
             c.camera.backend = l.value;
         }},
        {"sync.register", [](StationConfig& c, const Line& l) { c.sync.registerUrl = text(l); }},
    };
    return table;
}

std::string knownKeysOf(const std::string& section) {
    std::string keys;
    for (const auto& [name, setter] : setters())
        if (name.rfind(section + ".", 0) == 0)
            keys += (keys.empty() ? "" : ", ") + name.substr(section.size() + 1);
    return keys;
}

bool isKnownSection(const std::string& section) {
    return !knownKeysOf(section).empty();
}

} // namespace

std::string StationConfig::whereIs(const std::string& sectionDotKey) const {
    const auto it = lines.find(sectionDotKey);
    return file.string() + (it == lines.end() ? "" : ":" + std::to_string(it->second));
}

StationConfig parseStationConfig(std::string_view content, const std::filesystem::path& name) {
    StationConfig config;
    config.file = name;
    std::istringstream in{std::string(content)};
    std::string raw;
    Line line{name, 0, {}, {}, {}};
    while (std::getline(in, raw)) {
        ++line.number;
        const std::string t = trim(raw);
        if (t.empty() || t[0] == '#' || t[0] == ';')
            continue;
        if (t.front() == '[') {
            if (t.back() != ']')
                throw line.bad("'" + t + "': a section line is [name]");
            line.section = trim(t.substr(1, t.size() - 2));
            if (!isKnownSection(line.section))
                throw line.bad("unknown section [" + line.section + "] (known: station, scanner, hotfolder, camera, sync)");
            continue;
        }
        const auto eq = t.find('=');
        if (eq == std::string::npos)
            throw line.bad("'" + t + "': expected key = value, [section], or a # comment");
        if (line.section.empty())
            throw line.bad("'" + t + "': a key before the first [section]");
        line.key = trim(t.substr(0, eq));
        line.value = trim(t.substr(eq + 1));
        const std::string full = line.section + "." + line.key;
        const auto setter = setters().find(full);
        if (setter == setters().end())
            throw line.bad("unknown key '" + line.key + "' in [" + line.section + "] (known: " + knownKeysOf(line.section) + ")");
        if (config.lines.count(full) && line.key != "sane-option")
            throw line.bad("'" + line.key + "' in [" + line.section + "] is already set on line " +
                           std::to_string(config.lines[full]));
        setter->second(config, line);
        config.lines[full] = line.number;
    }
    return config;
}

StationConfig readStationConfig(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        throw Error(ErrorKind::NotFound, "station configuration " + file.string() + " does not exist");
    std::ifstream in(file, std::ios::binary);
    if (!in.is_open() || !std::filesystem::is_regular_file(file, ec))
        throw Error(ErrorKind::Infrastructure, "cannot read the station configuration " + file.string());
    std::ostringstream content;
    content << in.rdbuf();
    return parseStationConfig(content.str(), file);
}

std::filesystem::path defaultStationConfigPath() {
    if (const char* env = std::getenv("SCANSTATION_CONFIG"); env && *env)
        return env;
    return "/etc/scanstation/station.conf";
}

StationConfig loadStationConfig(const std::filesystem::path& explicitFile) {
    if (!explicitFile.empty())
        return readStationConfig(explicitFile);
    if (const char* env = std::getenv("SCANSTATION_CONFIG"); env && *env)
        return readStationConfig(env);
    const auto path = defaultStationConfigPath();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return {};
    return readStationConfig(path);
}

} // namespace scanstation::core
