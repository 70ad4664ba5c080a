// SanePageSource: one feeder run is sane_start → sane_read… → EOF per sheet side, repeated
// until the feeder reports NO_DOCS; sane_cancel ends the run. Faults end the run too; the next
// call to next() starts a new run (reopening the device when it was lost).
#include "scanstation/scanner/sources/sane_page_source.hpp"

#include "scanstation/core/error.hpp"
#include "sources/raster.hpp"
#include "sources/sane_device.hpp"
#include "sources/sane_settings.hpp"

#include <optional>
#include <string>
#include <vector>

namespace scanstation::scanner {

namespace {

std::string firstDeviceName() {
    const auto devices = listSaneDevices();
    if (devices.empty())
        throw Error(ErrorKind::NotFound, "no scanner found (is it plugged in and powered on? see `scanstation devices`)");
    return devices.front().name;
}

// Reads one frame until EOF. Returns the status that ended it (EOF on success).
SANE_Status readFrame(SANE_Handle handle, std::vector<std::uint8_t>& data) {
    std::vector<SANE_Byte> buffer(64 * 1024);
    int interrupted = 0;
    while (true) {
        SANE_Int length = 0;
        const SANE_Status status = sane_read(handle, buffer.data(), static_cast<SANE_Int>(buffer.size()), &length);
        if (status != SANE_STATUS_GOOD)
            return status;
        // A read interrupted by a signal (Ctrl-C asks to stop after this page) comes back from
        // some backends as GOOD with a negative length: nothing was read, so read again.
        if (length < 0 && ++interrupted < 100)
            continue;
        if (length < 0 || length > static_cast<SANE_Int>(buffer.size()))
            throw Error(ErrorKind::Infrastructure, "the scanner driver reported an impossible read of " +
                                                       std::to_string(length) + " bytes");
        interrupted = 0;
        data.insert(data.end(), buffer.begin(), buffer.begin() + length);
    }
}

// Lines = bytes received / bytes per line: a hand-held or length-detecting scanner does not
// know the height before the end (params.lines is -1). Nothing when the frame is incomplete.
std::optional<Image> imageFromFrame(const SANE_Parameters& params, const std::vector<std::uint8_t>& data, double dpi) {
    detail::RasterLayout layout;
    layout.width = params.pixels_per_line;
    layout.bytesPerLine = params.bytes_per_line;
    layout.height = params.bytes_per_line > 0 ? static_cast<int>(data.size() / params.bytes_per_line) : 0;
    layout.channels = params.format == SANE_FRAME_RGB ? 3 : 1;
    layout.depth = params.depth;
    if (layout.height <= 0 || (params.lines > 0 && layout.height < params.lines))
        return std::nullopt;
    return detail::imageFromRaster(data.data(), layout, dpi);
}

} // namespace

SanePageSource::SanePageSource(SaneScanSettings settings) : m_settings(std::move(settings)) {
    m_deviceName = m_settings.device.empty() ? firstDeviceName() : m_settings.device;
    openDevice();
}

SanePageSource::~SanePageSource() { endRun(); }

std::string SanePageSource::describe() const { return "sane:" + m_deviceName; }

void SanePageSource::openDevice() {
    m_device = std::make_unique<Device>(m_deviceName);
    applySettings();
}

void SanePageSource::applySettings() {
    m_resolutionDpi = detail::applyScanSettings(*m_device, m_settings);
    for (const auto& [name, value] : m_settings.backendOptions)
        m_device->set(name, value);
    for (const auto& [name, value] : m_extraOptions)
        m_device->set(name, value);
}

void SanePageSource::endRun() {
    if (m_inRun && m_device)
        sane_cancel(m_device->handle());
    m_inRun = false;
}

void SanePageSource::setOption(const std::string& name, const std::string& value) {
    endRun();
    if (!m_device)
        openDevice();
    m_device->set(name, value);
    std::erase_if(m_extraOptions, [&](const auto& o) { return o.first == name; });
    m_extraOptions.emplace_back(name, value);
}

SourceEvent SanePageSource::next() {
    if (m_ended)
        return SourceEvent::ofEnd(*m_ended, "the batch has ended");
    if (m_cancelRequested) {
        endRun();
        m_ended = BatchEnd::Cancelled;
        return SourceEvent::ofEnd(BatchEnd::Cancelled, "scanning cancelled after " + std::to_string(m_pagesScanned) +
                                                           " page(s); every scanned page is kept");
    }
    if (!m_settings.feeder && m_pagesScanned > 0) {
        endRun();
        m_ended = BatchEnd::Exhausted;
        return SourceEvent::ofEnd(BatchEnd::Exhausted, "flatbed page scanned");
    }
    if (!m_device) {
        try {
            openDevice();
        } catch (const Error& e) {
            return SourceEvent::ofFault(FaultKind::DeviceGone, std::string(e.what()) +
                                                                   ": check the scanner's cable and power, then continue");
        }
    }
    return scanOnePage();
}

SourceEvent SanePageSource::feederEmpty() {
    endRun();
    m_ended = BatchEnd::FeederEmpty;
    return SourceEvent::ofEnd(BatchEnd::FeederEmpty, "the document feeder is empty: " +
                                                         std::to_string(m_pagesScanned) + " page(s) scanned");
}

SourceEvent SanePageSource::scanOnePage() {
    const SANE_Status started = sane_start(m_device->handle());
    m_inRun = true;
    if (started == SANE_STATUS_NO_DOCS)
        return feederEmpty();
    if (started != SANE_STATUS_GOOD)
        return faultFor(started, "starting a page");
    SANE_Parameters params{};
    if (sane_get_parameters(m_device->handle(), &params) != SANE_STATUS_GOOD)
        return faultFor(SANE_STATUS_IO_ERROR, "reading the page format");
    if (params.format != SANE_FRAME_GRAY && params.format != SANE_FRAME_RGB)
        throw Error(ErrorKind::Infrastructure, "scanner '" + m_deviceName + "' sends three-pass colour frames, "
                                               "which ScanStation does not read: choose gray or lineart");
    std::vector<std::uint8_t> data;
    if (params.lines > 0)
        data.reserve(static_cast<std::size_t>(params.lines) * params.bytes_per_line);
    const SANE_Status ended = readFrame(m_device->handle(), data);
    if (ended == SANE_STATUS_NO_DOCS)
        return feederEmpty();
    if (ended != SANE_STATUS_EOF)
        return faultFor(ended, "reading a page");
    auto image = imageFromFrame(params, data, m_resolutionDpi);
    if (!image)
        return faultFor(SANE_STATUS_IO_ERROR, "reading a page (it arrived incomplete)");
    return deliver(std::move(*image));
}

SourceEvent SanePageSource::deliver(Image image) {
    Page page;
    page.source = describe();
    page.pageNumber = ++m_pagesScanned;
    page.image = std::move(image);
    return SourceEvent::ofPage(std::move(page));
}

SourceEvent SanePageSource::faultFor(int saneStatus, const char* during) {
    const auto status = static_cast<SANE_Status>(saneStatus);
    endRun();
    const std::string kept = " (" + std::to_string(m_pagesScanned) + " page(s) already scanned are kept)";
    const std::string dev = "scanner '" + m_deviceName + "'";
    switch (status) {
    case SANE_STATUS_JAMMED:
        return SourceEvent::ofFault(FaultKind::Jammed, "paper jam in the feeder of " + dev + " while " + during +
                                                           ": remove the jammed card, put it back on top of the stack, then continue" + kept);
    case SANE_STATUS_COVER_OPEN:
        return SourceEvent::ofFault(FaultKind::CoverOpen, "the cover of " + dev + " is open: close it, then continue" + kept);
    case SANE_STATUS_DEVICE_BUSY:
        return SourceEvent::ofFault(FaultKind::DeviceBusy, dev + " is busy (another program may be using it): close that program, then continue" + kept);
    case SANE_STATUS_IO_ERROR:
        m_device.reset(); // lost contact: reopen on continue
        return SourceEvent::ofFault(FaultKind::DeviceGone, "lost contact with " + dev + " while " + during +
                                                               ": check its cable and power, then continue; the last card may need feeding again" + kept);
    case SANE_STATUS_CANCELLED:
        m_ended = BatchEnd::Cancelled;
        return SourceEvent::ofEnd(BatchEnd::Cancelled, "scanning was cancelled at the scanner" + kept);
    default:
        throw Error(ErrorKind::Infrastructure, dev + " failed while " + std::string(during) + ": " +
                                                   detail::saneStatusText(status) + kept);
    }
}

} // namespace scanstation::scanner
