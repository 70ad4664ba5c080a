#pragma once
// Scanning through SANE (libsane): list devices, open one with the station's settings and pull
// pages one by one while the feeder runs. Feeder empty ends the batch; jam, open cover, device
// gone and busy are faults the operator clears before continuing (see PageSource).
// Not thread-safe apart from cancel(): drive one source from one thread.
#include "scanstation/scanner/sources/page_source.hpp"

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace scanstation::scanner {

enum class ColorMode { Color, Gray, Lineart };

std::string toString(ColorMode mode);
ColorMode colorModeFromString(const std::string& text); // "color"/"colour", "gray"/"grey", "lineart"; throws BadInput

struct SaneDeviceInfo {
    std::string name; // what sane_open takes, e.g. "fujitsu:fi-7160:1234" or "test:0"
    std::string vendor;
    std::string model;
    std::string type; // "sheetfed scanner", "flatbed scanner", ...
};

// What a device offers; read by opening it (a second or two on a USB scanner).
struct SaneDeviceCapabilities {
    std::vector<std::string> sources;       // e.g. "Flatbed", "ADF Front", "ADF Duplex"
    std::vector<std::string> modes;         // e.g. "Lineart", "Gray", "Color"
    std::vector<double> resolutions;        // a list, or {min, max} when resolutionIsRange
    bool resolutionIsRange = false;
};

struct SaneScanSettings {
    std::string device;          // empty: the first device SANE finds
    double resolutionDpi = 300;  // the nearest the device supports is used; 0 keeps its default
    ColorMode mode = ColorMode::Gray;
    bool feeder = true;          // document feeder (batch); false: flatbed, one page per batch
    bool duplex = false;         // both sides; needs a feeder
    std::optional<double> pageWidthMm;  // scan area; unset keeps the device's default
    std::optional<double> pageHeightMm;
    // Backend-specific options as scanimage names them, applied in order after the above
    // (e.g. {"swdeskew", "yes"} on Fujitsu). The technician's hardware/ notes list useful ones.
    std::vector<std::pair<std::string, std::string>> backendOptions;
};

// Every device SANE can see. Throws Error(Infrastructure) when SANE itself cannot start.
std::vector<SaneDeviceInfo> listSaneDevices(bool localOnly = false);
SaneDeviceCapabilities saneDeviceCapabilities(const std::string& device);

class SanePageSource : public PageSource {
public:
    // Opens the device and applies the settings. Throws NotFound (no such device / none at
    // all), BadInput (a setting the device cannot do, naming what it can), Infrastructure.
    explicit SanePageSource(SaneScanSettings settings);
    ~SanePageSource() override;

    std::string describe() const override;
    SourceEvent next() override;
    void cancel() override { m_cancelRequested = true; }

    // Sets one backend option between pages (ends the feeder run in progress; the next page
    // starts a new one). Kept and re-applied when the device is reopened after a fault.
    void setOption(const std::string& name, const std::string& value);
    double resolutionDpi() const { return m_resolutionDpi; }
    int pagesScanned() const { return m_pagesScanned; }

    class Device;

private:
    SourceEvent scanOnePage();
    SourceEvent feederEmpty();
    SourceEvent deliver(Image image);
    SourceEvent faultFor(int saneStatus, const char* during);
    void openDevice();
    void applySettings();
    void endRun();

    SaneScanSettings m_settings;
    std::string m_deviceName;
    std::unique_ptr<Device> m_device;
    std::vector<std::pair<std::string, std::string>> m_extraOptions;
    std::atomic<bool> m_cancelRequested{false};
    std::optional<BatchEnd> m_ended;
    bool m_inRun = false; // sane_start was called and sane_cancel not yet
    int m_pagesScanned = 0;
    double m_resolutionDpi = 0;
};

} // namespace scanstation::scanner
