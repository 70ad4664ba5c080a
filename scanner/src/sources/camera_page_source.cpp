#include "scanstation/scanner/sources/camera_page_source.hpp"

#include "scanstation/core/error.hpp"
#include "sources/cv_image.hpp"
#include "sources/still_card_detector.hpp"

#include <algorithm>
#include <cctype>

namespace scanstation::scanner {

namespace {

bool isCameraIndex(const std::string& device) {
    return !device.empty() && device.size() < 4 &&
           std::all_of(device.begin(), device.end(), [](unsigned char c) { return std::isdigit(c); });
}

int apiOf(const std::string& backend) {
    if (backend == "any")
        return cv::CAP_ANY;
    if (backend == "v4l2")
        return cv::CAP_V4L2;
    if (backend == "ffmpeg")
        return cv::CAP_FFMPEG;
    if (backend == "gstreamer")
        return cv::CAP_GSTREAMER;
    if (backend == "mjpeg")
        return cv::CAP_OPENCV_MJPEG;
    throw Error(ErrorKind::BadInput, "camera backend '" + backend + "' is not any, v4l2, ffmpeg, gstreamer or mjpeg");
}

bool openCapture(cv::VideoCapture& capture, const CameraOptions& options) {
    const int api = apiOf(options.backend);
    const std::string& device = options.device;
    try {
        if (isCameraIndex(device))
            return capture.open(std::stoi(device), api);
        return capture.open(device, api);
    } catch (const cv::Exception&) {
        return false;
    }
}

} // namespace

CameraPageSource::CameraPageSource(CameraOptions options)
    : m_options(std::move(options)), m_detector(std::make_unique<Detector>(m_options)) {
    if (!openCapture(m_detector->capture, m_options))
        throw Error(ErrorKind::NotFound, "cannot open camera or video '" + m_options.device + "'");
    if (m_options.onStatus)
        m_options.onStatus(CameraState::LearningDesk, "keep the desk under the camera empty for a moment");
}

CameraPageSource::~CameraPageSource() = default;

std::string CameraPageSource::describe() const {
    return (isCameraIndex(m_options.device) ? "camera:" : "video:") + m_options.device;
}

SourceEvent CameraPageSource::next() {
    cv::Mat frame;
    while (true) {
        if (m_cancelled)
            return SourceEvent::ofEnd(BatchEnd::Cancelled, "camera capture cancelled after " + std::to_string(m_pages) + " card(s)");
        if (!m_detector->capture.isOpened() && !openCapture(m_detector->capture, m_options))
            return SourceEvent::ofFault(FaultKind::DeviceGone, "cannot open camera '" + m_options.device +
                                                                   "': check its cable, then continue");
        bool got = false;
        try {
            got = m_detector->capture.read(frame) && !frame.empty();
        } catch (const cv::Exception&) {
            got = false;
        }
        if (!got) {
            if (!isCameraIndex(m_options.device) && m_options.device.rfind("/dev/", 0) != 0)
                return SourceEvent::ofEnd(BatchEnd::Exhausted, "end of video: " + std::to_string(m_pages) + " card(s) captured");
            m_detector->capture.release();
            return SourceEvent::ofFault(FaultKind::DeviceGone, "camera '" + m_options.device +
                                                                   "' stopped sending pictures: check its cable, then continue");
        }
        if (m_detector->feed(frame)) {
            Page page;
            page.source = describe();
            page.pageNumber = ++m_pages;
            page.image = detail::imageFromMat(frame, m_options.dpi);
            return SourceEvent::ofPage(std::move(page));
        }
    }
}

} // namespace scanstation::scanner
