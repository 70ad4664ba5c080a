#pragma once
// Ballpoint and pencil strokes on a grey card image, positioned in card millimetres. Ink is
// composed with a minimum, as real ink over print: a stroke never lightens what is beneath.
#include "scanstation/core/card_template.hpp"
#include "scanstation/scanner/card_filler.hpp"

#include <opencv2/core.hpp>

#include <random>

namespace scanstation::scanner::detail {

class PenStrokes {
public:
    PenStrokes(cv::Mat& page, double pxPerMm, std::mt19937_64& rng) : m_page(page), m_pxPerMm(pxPerMm), m_rng(rng) {}

    // One stroke of `kind` on the bubble at `centre` with `radius` (mm).
    void draw(core::PointMm centre, double radius, PenStroke kind);
    // A dark, irregular stain covering most of `region` (a spilt coffee over the code).
    void stain(const core::RectMm& region);

private:
    double uniform(double a, double b) { return std::uniform_real_distribution<double>(a, b)(m_rng); }
    cv::Point px(core::PointMm p) const; // fixed point with kShift fractional bits
    int thickness(double mm) const;
    void disc(core::PointMm c, double r, double grey);
    void pencil(core::PointMm c, double r);
    void circle(core::PointMm c, double r);

    cv::Mat& m_page;
    double m_pxPerMm;
    std::mt19937_64& m_rng;
};

} // namespace scanstation::scanner::detail
