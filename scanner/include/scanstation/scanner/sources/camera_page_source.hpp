#pragma once
// A document camera or webcam (or a recorded video of one) as a page source. The first view
// that lies still is taken as the empty desk. A card is captured once when the view has
// changed from the desk and then lain still for stillFrames frames; the operator is told
// (onStatus), and the next capture waits until the view has moved and is still again —
// so each card placed under the camera gives exactly one page. Start with an empty desk.
#include "scanstation/scanner/sources/page_source.hpp"

#include <atomic>
#include <functional>
#include <memory>
#include <string>

namespace scanstation::scanner {

enum class CameraState {
    LearningDesk,   // waiting for the empty desk to be still
    WaitingForCard, // desk learned, nothing new in view
    HoldStill,      // something is moving in view
    Captured,       // a card was just captured: take it away and lay the next one
    AlreadyCaptured, // the view settled on the card captured last (a hand passed over it)
};
std::string toString(CameraState state);

struct CameraOptions {
    // "0", "1"... a camera index; anything else is a device path or video file for OpenCV.
    std::string device = "0";
    // OpenCV capture backend: "any", "v4l2" (cameras on Linux), "ffmpeg", "gstreamer", or
    // "mjpeg" (OpenCV's own reader of MJPG .avi files, no plugins).
    std::string backend = "any";
    int analysisWidth = 320;        // frames are shrunk to this width (pixels) to judge motion
    double stillThreshold = 2.0;    // mean |grey difference| (0-255) between frames below which a frame is still
    int stillFrames = 8;            // consecutive still frames that make "lying still"
    double presentThreshold = 12.0; // mean difference from the empty desk that means "a card is there"
    // A still view is a new card only when at least this fraction of its pixels differs (by more
    // than 25 grey levels) from the last capture: a hand passing over a card that stays put
    // does not capture it twice. A nudged card does give a second page (ingestion sees the
    // same serial); two different cards always differ far more than this.
    double newCardFraction = 0.002;
    double dpi = 0;                 // unknown for a camera; recognition estimates the scale itself
    std::function<void(CameraState, const std::string&)> onStatus; // tells the operator what to do
};

class CameraPageSource : public PageSource {
public:
    // Throws NotFound when the camera or file cannot be opened.
    explicit CameraPageSource(CameraOptions options);
    ~CameraPageSource() override;

    std::string describe() const override;
    // Blocks reading frames until a card is captured; End(Exhausted) at the end of a video file;
    // Fault(DeviceGone) when a live camera stops delivering (continue reopens it).
    SourceEvent next() override;
    void cancel() override { m_cancelled = true; }

    class Detector;

private:
    CameraOptions m_options;
    std::unique_ptr<Detector> m_detector;
    std::atomic<bool> m_cancelled{false};
    int m_pages = 0;
};

} // namespace scanstation::scanner
