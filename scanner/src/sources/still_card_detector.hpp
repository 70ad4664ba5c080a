#pragma once
// The camera's judgement, frame by frame: is the view still, is it the empty desk, is it a card
// not captured yet. Works on shrunk grey frames; knows nothing about where frames come from.
#include "scanstation/scanner/sources/camera_page_source.hpp"

#include <opencv2/core.hpp>
#include <opencv2/videoio.hpp>

namespace scanstation::scanner {

class CameraPageSource::Detector {
public:
    explicit Detector(const CameraOptions& options);

    // Feeds one full-resolution BGR or grey frame; true when this frame is a capture.
    bool feed(const cv::Mat& frame);
    CameraState state() const { return m_state; }

    cv::VideoCapture capture; // owned here so the public header stays free of OpenCV

private:
    void setState(CameraState state, const char* message);
    cv::Mat shrink(const cv::Mat& frame) const;

    const CameraOptions& m_options;
    CameraState m_state = CameraState::LearningDesk;
    cv::Mat m_previous;  // last shrunk frame
    cv::Mat m_desk;      // the empty desk
    cv::Mat m_lastCard;  // the last captured view (shrunk)
    int m_stillCount = 0;
    bool m_armed = true; // false from a capture until the view moves again
};

} // namespace scanstation::scanner
