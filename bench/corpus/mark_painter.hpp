#pragma once
// Pen and pencil marks drawn on a rendered card, in card millimetres. Ink is composed with a
// minimum, as real ink over print: a mark never lightens what is printed beneath it.
#include "corpus_card.hpp"

#include <opencv2/core.hpp>

#include <random>

namespace scanstation::bench {

class MarkPainter {
public:
    MarkPainter(cv::Mat& page, double pxPerMm, std::mt19937_64& rng) : m_page(page), m_pxPerMm(pxPerMm), m_rng(rng) {}

    void mark(core::PointMm centre, double radius, MarkStyle style);
    void circle(core::PointMm centre, double radius);        // a cancellation circle around a bubble
    void strayDot(core::PointMm at);                          // a small dot, not a mark
    void strayLine(core::PointMm from, core::PointMm to);     // a thin pen line
    void erasureResidue(core::PointMm centre, double radius); // what an eraser leaves of a fill
    // Exact drawings for hand-made fixtures (no randomness).
    void solidDisc(core::PointMm centre, double radius, double grey) { fillDisc(centre, radius, radius, 0, grey); }
    void segment(core::PointMm centre, double radius, double share, double grey) { partial(centre, radius, share, grey); }
    void arc(core::PointMm centre, double radius, double fromDeg, double toDeg);

private:
    double uniform(double a, double b) { return std::uniform_real_distribution<double>(a, b)(m_rng); }
    cv::Point px(core::PointMm p) const; // fixed point, kShift fractional bits
    int width(double mm) const;
    void fillDisc(core::PointMm c, double rx, double ry, double angleDeg, double grey);
    void hatch(core::PointMm c, double r, double grey, double penMm);
    void partial(core::PointMm c, double r, double share, double grey);

    cv::Mat& m_page;
    double m_pxPerMm;
    std::mt19937_64& m_rng;
};

} // namespace scanstation::bench
