// Listing SANE devices and what each can do; colour-mode names.
#include "scanstation/core/error.hpp"
#include "sources/sane_device.hpp"

#include <algorithm>
#include <cctype>

namespace scanstation::scanner {

std::string toString(ColorMode mode) {
    switch (mode) {
    case ColorMode::Color: return "color";
    case ColorMode::Gray: return "gray";
    case ColorMode::Lineart: return "lineart";
    }
    return "gray";
}

ColorMode colorModeFromString(const std::string& text) {
    std::string t = text;
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (t == "color" || t == "colour")
        return ColorMode::Color;
    if (t == "gray" || t == "grey")
        return ColorMode::Gray;
    if (t == "lineart" || t == "bw" || t == "binary")
        return ColorMode::Lineart;
    throw Error(ErrorKind::BadInput, "colour mode '" + text + "' is not color, gray or lineart");
}

std::vector<SaneDeviceInfo> listSaneDevices(bool localOnly) {
    detail::SaneSession session;
    const SANE_Device** list = nullptr;
    const SANE_Status status = sane_get_devices(&list, localOnly ? SANE_TRUE : SANE_FALSE);
    if (status != SANE_STATUS_GOOD)
        throw Error(ErrorKind::Infrastructure, "SANE cannot list devices: " + detail::saneStatusText(status));
    std::vector<SaneDeviceInfo> devices;
    for (const SANE_Device** d = list; d && *d; ++d) {
        auto text = [](const char* s) { return std::string(s ? s : ""); };
        devices.push_back({text((*d)->name), text((*d)->vendor), text((*d)->model), text((*d)->type)});
    }
    return devices;
}

SaneDeviceCapabilities saneDeviceCapabilities(const std::string& device) {
    SanePageSource::Device open(device);
    SaneDeviceCapabilities caps;
    caps.sources = open.choices("source");
    caps.modes = open.choices("mode");
    caps.resolutions = open.numericChoices("resolution", caps.resolutionIsRange);
    return caps;
}

} // namespace scanstation::scanner
