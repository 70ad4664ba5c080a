#include "filler/pen_strokes.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace scanstation::scanner::detail {
namespace {

constexpr int kShift = 4;          // fractional bits of OpenCV drawing coordinates
constexpr double kPenGrey = 45;    // ballpoint ink on the scanned page, 0..255
// Light pencil shading, so light that its darkness (0 paper .. 1 ink) is about 0.15: between
// recognition's "empty" and "marked" thresholds (MarkThresholds), so it is flagged as faint.
constexpr double kPencilGrey = 194;

} // namespace

cv::Point PenStrokes::px(core::PointMm p) const {
    // Pixel (i, j) covers [i, i+1) * mm/px, so a point in mm lands at mm * pxPerMm - 0.5 in
    // OpenCV's pixel-centre coordinates.
    return {static_cast<int>(std::lround((p.x * m_pxPerMm - 0.5) * (1 << kShift))),
            static_cast<int>(std::lround((p.y * m_pxPerMm - 0.5) * (1 << kShift)))};
}

int PenStrokes::thickness(double mm) const { return std::max(1, static_cast<int>(std::lround(mm * m_pxPerMm))); }

void PenStrokes::disc(core::PointMm c, double r, double grey) {
    cv::Mat ink(m_page.size(), CV_8UC1, cv::Scalar(255));
    const int axis = static_cast<int>(r * m_pxPerMm * (1 << kShift));
    cv::ellipse(ink, px(c), cv::Size(axis, static_cast<int>(axis * uniform(0.9, 1.0))), uniform(0, 180), 0, 360,
                cv::Scalar(grey), cv::FILLED, cv::LINE_AA, kShift);
    cv::min(m_page, ink, m_page);
}

// Pencil shading: an even light grey over most of the bubble, with a few slightly darker
// strokes (the grain of the pencil stays light enough not to count as a mark).
void PenStrokes::pencil(core::PointMm c, double r) {
    disc(c, r, kPencilGrey);
    const double angle = uniform(0.5, 1.0);
    const double ux = std::cos(angle), uy = std::sin(angle);
    for (double s = -r * 0.8; s <= r * 0.8; s += 0.6) {
        const double half = std::sqrt(std::max(0.0, r * r - s * s)) * 0.9;
        const core::PointMm a{c.x - uy * s - ux * half, c.y + ux * s - uy * half};
        const core::PointMm b{c.x - uy * s + ux * half, c.y + ux * s + uy * half};
        cv::line(m_page, px(a), px(b), cv::Scalar(kPencilGrey - 12), thickness(0.25), cv::LINE_AA, kShift);
    }
}

// A cancellation: a hand-drawn circle around the bubble, overlapping its start.
void PenStrokes::circle(core::PointMm c, double r) {
    const int axis = static_cast<int>(r * 1.55 * m_pxPerMm * (1 << kShift));
    const double start = uniform(0, 360);
    cv::ellipse(m_page, px(c), cv::Size(axis, static_cast<int>(axis * uniform(0.92, 1.05))), uniform(0, 180), start,
                start + 385, cv::Scalar(kPenGrey), thickness(0.45), cv::LINE_AA, kShift);
}

void PenStrokes::draw(core::PointMm centre, double radius, PenStroke kind) {
    const core::PointMm c{centre.x + uniform(-0.2, 0.2), centre.y + uniform(-0.2, 0.2)}; // hand jitter
    switch (kind) {
    case PenStroke::Filled:
        disc(c, radius * uniform(0.88, 1.0), kPenGrey);
        break;
    case PenStroke::Cancelled:
        disc(c, radius * uniform(0.88, 1.0), kPenGrey);
        circle(c, radius);
        break;
    case PenStroke::Faint:
        pencil(centre, radius); // no hand jitter: an even shade over the whole bubble
        break;
    case PenStroke::Tick: {
        const double s = radius;
        const std::vector<cv::Point> tick{px({c.x - 0.8 * s, c.y}), px({c.x - 0.2 * s, c.y + 0.7 * s}),
                                          px({c.x + 0.95 * s, c.y - 0.9 * s})};
        cv::polylines(m_page, tick, false, cv::Scalar(kPenGrey), thickness(0.5), cv::LINE_AA, kShift);
        break;
    }
    case PenStroke::Cross: {
        const double d = radius * 0.8;
        cv::line(m_page, px({c.x - d, c.y - d}), px({c.x + d, c.y + d}), cv::Scalar(kPenGrey), thickness(0.5),
                 cv::LINE_AA, kShift);
        cv::line(m_page, px({c.x - d, c.y + d}), px({c.x + d, c.y - d}), cv::Scalar(kPenGrey), thickness(0.5),
                 cv::LINE_AA, kShift);
        break;
    }
    }
}

void PenStrokes::stain(const core::RectMm& region) {
    const core::PointMm c{region.x + region.width / 2, region.y + region.height / 2};
    disc(c, 0.38 * std::min(region.width, region.height), 60); // the cup's bottom
    for (int i = 0; i < 10; ++i) {
        const core::PointMm at{c.x + uniform(-0.3, 0.3) * region.width, c.y + uniform(-0.3, 0.3) * region.height};
        disc(at, uniform(0.15, 0.3) * std::min(region.width, region.height), uniform(50, 90));
    }
}

} // namespace scanstation::scanner::detail
