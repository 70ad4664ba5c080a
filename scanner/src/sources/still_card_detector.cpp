#include "sources/still_card_detector.hpp"

#include <opencv2/imgproc.hpp>

namespace scanstation::scanner {

namespace {

double meanDifference(const cv::Mat& a, const cv::Mat& b) {
    cv::Mat d;
    cv::absdiff(a, b, d);
    return cv::mean(d)[0];
}

double changedFraction(const cv::Mat& a, const cv::Mat& b) {
    cv::Mat d;
    cv::absdiff(a, b, d);
    return double(cv::countNonZero(d > 25)) / double(d.total());
}

} // namespace

std::string toString(CameraState state) {
    switch (state) {
    case CameraState::LearningDesk: return "learning_desk";
    case CameraState::WaitingForCard: return "waiting_for_card";
    case CameraState::HoldStill: return "hold_still";
    case CameraState::Captured: return "captured";
    case CameraState::AlreadyCaptured: return "already_captured";
    }
    return "unknown";
}

CameraPageSource::Detector::Detector(const CameraOptions& options) : m_options(options) {}

cv::Mat CameraPageSource::Detector::shrink(const cv::Mat& frame) const {
    cv::Mat gray;
    if (frame.channels() == 3)
        cv::cvtColor(frame, gray, cv::COLOR_BGR2GRAY);
    else
        gray = frame;
    const double scale = std::min(1.0, double(m_options.analysisWidth) / gray.cols);
    cv::Mat small;
    cv::resize(gray, small, cv::Size(), scale, scale, cv::INTER_AREA);
    cv::GaussianBlur(small, small, cv::Size(5, 5), 0); // sensor noise is not motion
    return small;
}

void CameraPageSource::Detector::setState(CameraState state, const char* message) {
    if (state == m_state)
        return;
    m_state = state;
    if (m_options.onStatus)
        m_options.onStatus(state, message);
}

bool CameraPageSource::Detector::feed(const cv::Mat& frame) {
    const cv::Mat small = shrink(frame);
    const bool still = !m_previous.empty() && meanDifference(small, m_previous) < m_options.stillThreshold;
    m_previous = small;
    if (!still) {
        m_stillCount = 0;
        m_armed = true; // the view moved: the next still view may be a new card
        if (!m_desk.empty())
            setState(CameraState::HoldStill, "hold the card still");
        return false;
    }
    if (++m_stillCount != m_options.stillFrames)
        return false; // judge each still spell once, when it has lasted long enough
    if (m_desk.empty()) {
        m_desk = small.clone();
        setState(CameraState::WaitingForCard, "ready: lay a card under the camera");
        return false;
    }
    if (meanDifference(small, m_desk) < m_options.presentThreshold) {
        m_desk = small.clone(); // follow slow changes of light on the empty desk
        m_lastCard.release();
        setState(CameraState::WaitingForCard, "ready: lay a card under the camera");
        return false;
    }
    if (!m_armed || (!m_lastCard.empty() && changedFraction(small, m_lastCard) < m_options.newCardFraction)) {
        setState(CameraState::AlreadyCaptured, "this card is already captured: take it away and lay the next one");
        return false;
    }
    m_lastCard = small.clone();
    m_armed = false;
    m_state = CameraState::HoldStill; // so the Captured signal below always fires
    setState(CameraState::Captured, "captured: take the card away and lay the next one");
    return true;
}

} // namespace scanstation::scanner
