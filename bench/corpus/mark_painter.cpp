#include "mark_painter.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace scanstation::bench {
namespace {

constexpr int kShift = 4; // fractional bits of cv drawing coordinates

} // namespace

cv::Point MarkPainter::px(core::PointMm p) const {
    // Pixel (i, j) covers [i, i+1) mm*pxPerMm, so a point in mm lands at mm*pxPerMm - 0.5
    // in OpenCV's pixel-centre coordinates.
    return {static_cast<int>(std::lround((p.x * m_pxPerMm - 0.5) * (1 << kShift))),
            static_cast<int>(std::lround((p.y * m_pxPerMm - 0.5) * (1 << kShift)))};
}

int MarkPainter::width(double mm) const { return std::max(1, static_cast<int>(std::lround(mm * m_pxPerMm))); }

// A white patch of the page around `c` (half side in mm) to draw ink into, then compose.
struct InkPatch {
    cv::Rect box;
    cv::Mat ink;
    cv::Point shift; // subtract from page fixed-point coordinates
};

static InkPatch inkPatch(const cv::Mat& page, core::PointMm c, double halfMm, double pxPerMm) {
    const int h = static_cast<int>(std::ceil(halfMm * pxPerMm)) + 2;
    const cv::Point centre(static_cast<int>(c.x * pxPerMm), static_cast<int>(c.y * pxPerMm));
    InkPatch p;
    p.box = cv::Rect(centre.x - h, centre.y - h, 2 * h, 2 * h) & cv::Rect(0, 0, page.cols, page.rows);
    p.ink = cv::Mat(p.box.size(), CV_8UC1, cv::Scalar(255));
    p.shift = cv::Point(p.box.x << kShift, p.box.y << kShift);
    return p;
}

static void compose(cv::Mat& page, const InkPatch& p) {
    if (p.box.area() == 0)
        return;
    cv::Mat roi = page(p.box);
    cv::min(roi, p.ink, roi);
}

void MarkPainter::fillDisc(core::PointMm c, double rx, double ry, double angleDeg, double grey) {
    InkPatch patch = inkPatch(m_page, c, std::max(rx, ry) + 1, m_pxPerMm);
    cv::Mat& ink = patch.ink;
    const cv::Point centre = px(c) - patch.shift;
    cv::ellipse(ink, centre, cv::Size(static_cast<int>(rx * m_pxPerMm * (1 << kShift)),
                                      static_cast<int>(ry * m_pxPerMm * (1 << kShift))),
                angleDeg, 0, 360, cv::Scalar(grey), cv::FILLED, cv::LINE_AA, kShift);
    compose(m_page, patch);
}

// Pencil shading: close strokes at a slant, with gaps, in a light grey.
void MarkPainter::hatch(core::PointMm c, double r, double grey, double penMm) {
    const double angle = uniform(0, std::numbers::pi);
    const double ux = std::cos(angle), uy = std::sin(angle);
    const double step = penMm * uniform(0.7, 1.1);
    InkPatch patch = inkPatch(m_page, c, r + 1, m_pxPerMm);
    for (double s = -r; s <= r; s += step) {
        const double half = std::sqrt(std::max(0.0, r * r - s * s)) * uniform(0.85, 1.05);
        const core::PointMm a{c.x - uy * s - ux * half, c.y + ux * s - uy * half};
        const core::PointMm b{c.x - uy * s + ux * half, c.y + ux * s + uy * half};
        cv::line(patch.ink, px(a) - patch.shift, px(b) - patch.shift, cv::Scalar(grey + uniform(-12, 12)),
                 width(penMm), cv::LINE_AA, kShift);
    }
    compose(m_page, patch);
}

// Fills the part of the disc on one side of a chord so that `share` of its area is inked.
void MarkPainter::partial(core::PointMm c, double r, double share, double grey) {
    // Area share of the segment beyond distance t from the centre: solve by bisection.
    auto segmentShare = [](double t) { // t in [-1, 1], radius 1
        return (std::acos(t) - t * std::sqrt(1 - t * t)) / std::numbers::pi;
    };
    double lo = -1, hi = 1;
    for (int i = 0; i < 40; ++i) {
        const double mid = (lo + hi) / 2;
        (segmentShare(mid) > share ? lo : hi) = mid;
    }
    const double t = lo * r, angle = uniform(0, 2 * std::numbers::pi);
    const double nx = std::cos(angle), ny = std::sin(angle);
    std::vector<cv::Point> poly;
    for (int i = 0; i <= 72; ++i) {
        const double a = 2 * std::numbers::pi * i / 72;
        const double x = std::cos(a) * r * 1.02, y = std::sin(a) * r * 1.02;
        if (x * nx + y * ny >= t)
            poly.push_back(px({c.x + x, c.y + y}));
    }
    if (poly.size() < 3)
        return;
    InkPatch patch = inkPatch(m_page, c, r + 1, m_pxPerMm);
    for (auto& p : poly)
        p -= patch.shift;
    cv::fillPoly(patch.ink, std::vector<std::vector<cv::Point>>{poly}, cv::Scalar(grey), cv::LINE_AA, kShift);
    compose(m_page, patch);
}

void MarkPainter::mark(core::PointMm c, double r, MarkStyle style) {
    const double pen = uniform(20, 70); // ballpoint grey on this paper
    const double penMm = uniform(0.35, 0.65);
    const core::PointMm j{c.x + uniform(-0.25, 0.25), c.y + uniform(-0.25, 0.25)}; // hand jitter
    switch (style) {
    case MarkStyle::Full:
        fillDisc(j, r * uniform(0.8, 1.05), r * uniform(0.8, 1.05), uniform(0, 180), pen);
        break;
    case MarkStyle::Spill: {
        const double a = uniform(0, 2 * std::numbers::pi), off = uniform(0.3, 0.8);
        fillDisc({j.x + off * std::cos(a), j.y + off * std::sin(a)}, r * uniform(1.05, 1.25), r * uniform(0.9, 1.15),
                 uniform(0, 180), pen);
        break;
    }
    case MarkStyle::Tick: {
        const double s = r * uniform(0.8, 1.2), rot = uniform(-0.35, 0.35);
        auto at = [&](double x, double y) {
            return px({j.x + s * (x * std::cos(rot) - y * std::sin(rot)), j.y + s * (x * std::sin(rot) + y * std::cos(rot))});
        };
        const std::vector<cv::Point> tick{at(-0.8, -0.05), at(-0.2, 0.7), at(0.95, -0.9)};
        cv::polylines(m_page, tick, false, cv::Scalar(pen), width(penMm), cv::LINE_AA, kShift);
        break;
    }
    case MarkStyle::Cross: {
        const double s = r * uniform(0.75, 1.1), rot = uniform(0, std::numbers::pi / 2);
        for (double a : {rot + std::numbers::pi / 4, rot - std::numbers::pi / 4}) {
            const core::PointMm d{s * std::cos(a), s * std::sin(a)};
            cv::line(m_page, px({j.x - d.x, j.y - d.y}), px({j.x + d.x, j.y + d.y}), cv::Scalar(pen), width(penMm),
                     cv::LINE_AA, kShift);
        }
        break;
    }
    case MarkStyle::Partial:
        partial(j, r * uniform(0.9, 1.0), uniform(0.3, 0.7), pen);
        break;
    case MarkStyle::Pencil:
        hatch(j, r * uniform(0.8, 1.0), uniform(120, 165), uniform(0.3, 0.5));
        break;
    }
}

void MarkPainter::circle(core::PointMm c, double r) {
    const double rr = r * uniform(1.4, 1.75);
    const core::PointMm j{c.x + uniform(-0.3, 0.3), c.y + uniform(-0.3, 0.3)};
    const double start = uniform(0, 360), sweep = uniform(370, 400); // hands overlap the start
    cv::ellipse(m_page, px(j),
                cv::Size(static_cast<int>(rr * m_pxPerMm * (1 << kShift)),
                         static_cast<int>(rr * uniform(0.9, 1.1) * m_pxPerMm * (1 << kShift))),
                uniform(0, 180), start, start + sweep, cv::Scalar(uniform(20, 70)), width(uniform(0.35, 0.6)),
                cv::LINE_AA, kShift);
}

void MarkPainter::arc(core::PointMm c, double r, double fromDeg, double toDeg) {
    const int axis = static_cast<int>(r * m_pxPerMm * (1 << kShift));
    cv::ellipse(m_page, px(c), cv::Size(axis, axis), 0, fromDeg, toDeg, cv::Scalar(40), width(0.45), cv::LINE_AA, kShift);
}

void MarkPainter::strayDot(core::PointMm at) {
    fillDisc(at, uniform(0.15, 0.4), uniform(0.15, 0.4), 0, uniform(20, 90));
}

void MarkPainter::strayLine(core::PointMm from, core::PointMm to) {
    cv::line(m_page, px(from), px(to), cv::Scalar(uniform(20, 80)), width(uniform(0.3, 0.5)), cv::LINE_AA, kShift);
}

void MarkPainter::erasureResidue(core::PointMm c, double r) {
    InkPatch patch = inkPatch(m_page, c, r + 2, m_pxPerMm);
    cv::ellipse(patch.ink, px(c) - patch.shift,
                cv::Size(static_cast<int>(r * 0.9 * m_pxPerMm * (1 << kShift)),
                         static_cast<int>(r * 0.8 * m_pxPerMm * (1 << kShift))),
                uniform(0, 180), 0, 360, cv::Scalar(uniform(215, 240)), cv::FILLED, cv::LINE_AA, kShift);
    cv::GaussianBlur(patch.ink, patch.ink, cv::Size(0, 0), 0.3 * m_pxPerMm);
    compose(m_page, patch);
}

} // namespace scanstation::bench
