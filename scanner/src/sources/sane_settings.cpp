#include "sources/sane_settings.hpp"

#include "scanstation/core/error.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <initializer_list>
#include <sstream>

namespace scanstation::scanner::detail {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// The first choice containing one of `words` (in the order of `words`) and none of `avoid`.
std::string pick(const std::vector<std::string>& choices, std::initializer_list<const char*> words,
                 std::initializer_list<const char*> avoid = {}) {
    for (const char* word : words)
        for (const auto& c : choices) {
            const std::string l = lower(c);
            const bool avoided = std::any_of(avoid.begin(), avoid.end(), [&](const char* a) { return l.find(a) != std::string::npos; });
            if (!avoided && l.find(word) != std::string::npos)
                return c;
        }
    return {};
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items)
        out += (out.empty() ? "" : ", ") + i;
    return out.empty() ? "(none)" : out;
}

std::string numberText(double x) {
    std::ostringstream s;
    s << x;
    return s.str();
}

void applyMode(SanePageSource::Device& device, ColorMode mode) {
    const auto modes = device.choices("mode");
    if (modes.empty())
        return; // a device without modes scans as it can; the raster format says what came
    std::string chosen;
    bool depthOne = false;
    switch (mode) {
    case ColorMode::Color: chosen = pick(modes, {"color", "colour"}); break;
    case ColorMode::Gray: chosen = pick(modes, {"gray", "grey"}); break;
    case ColorMode::Lineart:
        chosen = pick(modes, {"lineart", "binary", "black", "monochrome", "halftone"});
        if (chosen.empty() && device.hasOption("depth")) { // e.g. the test backend: Gray at 1 bit
            chosen = pick(modes, {"gray", "grey"});
            depthOne = true;
        }
        break;
    }
    if (chosen.empty())
        throw Error(ErrorKind::BadInput, "scanner '" + device.name() + "' has no " + toString(mode) +
                                             " mode; its modes are: " + joined(modes));
    device.set("mode", chosen);
    if (device.hasOption("depth"))
        device.set("depth", depthOne ? "1" : "8");
}

void applySource(SanePageSource::Device& device, const SaneScanSettings& s) {
    if (s.duplex && !s.feeder)
        throw Error(ErrorKind::BadInput, "duplex scanning needs the document feeder");
    const auto sources = device.choices("source");
    if (sources.empty()) {
        if (s.duplex && device.hasOption("duplex"))
            device.set("duplex", "yes");
        else if (s.duplex)
            throw Error(ErrorKind::BadInput, "scanner '" + device.name() + "' cannot scan duplex");
        return; // sheet-fed devices often have a single, implicit source
    }
    std::string chosen;
    if (!s.feeder)
        chosen = pick(sources, {"flatbed", "normal"});
    else if (s.duplex)
        chosen = pick(sources, {"duplex"});
    else
        chosen = pick(sources, {"adf front", "adf", "feeder", "simplex"}, {"duplex", "back"});
    if (chosen.empty() && s.duplex && device.hasOption("duplex")) {
        chosen = pick(sources, {"adf", "feeder"}, {"back"});
        if (!chosen.empty()) {
            device.set("source", chosen);
            device.set("duplex", "yes");
            return;
        }
    }
    if (chosen.empty())
        throw Error(ErrorKind::BadInput, "scanner '" + device.name() + "' has no " +
                                             (s.feeder ? (s.duplex ? "duplex feeder" : "document feeder") : "flatbed") +
                                             " source; its sources are: " + joined(sources));
    device.set("source", chosen);
}

double applyResolution(SanePageSource::Device& device, double dpi) {
    if (dpi > 0 && device.hasOption("resolution")) {
        bool isRange = false;
        const auto options = device.numericChoices("resolution", isRange);
        double chosen = dpi;
        if (isRange && options.size() == 2)
            chosen = std::clamp(dpi, options[0], options[1]);
        else if (!options.empty())
            chosen = *std::min_element(options.begin(), options.end(),
                                       [dpi](double a, double b) { return std::abs(a - dpi) < std::abs(b - dpi); });
        device.set("resolution", numberText(chosen));
    }
    return device.number("resolution").value_or(dpi);
}

void applyArea(SanePageSource::Device& device, const SaneScanSettings& s) {
    // Sheet-fed backends (fujitsu, canon_dr, epjitsu) size the paper with page-width/height
    // and bound br-x/br-y by it, so those go first.
    if (s.pageWidthMm && device.hasOption("page-width"))
        device.set("page-width", numberText(*s.pageWidthMm));
    if (s.pageHeightMm && device.hasOption("page-height"))
        device.set("page-height", numberText(*s.pageHeightMm));
    if (s.pageWidthMm && device.hasOption("br-x"))
        device.set("br-x", numberText(device.number("tl-x").value_or(0) + *s.pageWidthMm));
    if (s.pageHeightMm && device.hasOption("br-y"))
        device.set("br-y", numberText(device.number("tl-y").value_or(0) + *s.pageHeightMm));
}

} // namespace

double applyScanSettings(SanePageSource::Device& device, const SaneScanSettings& settings) {
    applySource(device, settings);
    applyMode(device, settings.mode);
    const double dpi = applyResolution(device, settings.resolutionDpi);
    applyArea(device, settings);
    return dpi;
}

} // namespace scanstation::scanner::detail
