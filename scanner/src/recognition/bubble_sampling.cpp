// Where to look at each bubble, decided once per template from a rendering of the blank card:
// sample points are kept only where the blank card is white paper (with a margin for
// registration error), so printed outlines, labels and neighbours never count as marks.
#include "grey_page.hpp"
#include "scanstation/core/error.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <numbers>
#include <string>

namespace scanstation::scanner {
namespace {

constexpr double kPrintedDarkness = 20.0 / 255; // blank-card darkness above this is print
constexpr double kMaxBaseline = 0.5;             // inside points over darker print are left out
constexpr double kRegistrationMm = 0.3;  // margin kept from anything printed
constexpr double kInsideShare = 0.85;    // inside samples within this share of the radius
// Annulus for cancellation circles, in radii: it starts beyond the reach of a usual spill.
constexpr double kOuterFrom = 1.35, kOuterTo = 2.1;

class PrintedMask {
public:
    explicit PrintedMask(const ImageView& blank) {
        const cv::Mat grey = detail::greyMat(blank);
        m_pxPerMm = blank.dpi / 25.4;
        const cv::Mat darkness = 255 - grey;
        // The darkest print within the registration margin of each point.
        const int r = std::max(1, static_cast<int>(std::lround(kRegistrationMm * m_pxPerMm)));
        cv::dilate(darkness, m_darkness, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * r + 1, 2 * r + 1)));
    }
    // Printed darkness 0..1 near a point; 1 off the card.
    double printed(core::PointMm p) const {
        const int x = static_cast<int>(std::floor(p.x * m_pxPerMm)), y = static_cast<int>(std::floor(p.y * m_pxPerMm));
        if (x < 0 || y < 0 || x >= m_darkness.cols || y >= m_darkness.rows)
            return 1;
        return m_darkness.at<std::uint8_t>(y, x) / 255.0;
    }
    bool isPaper(core::PointMm p) const { return printed(p) <= kPrintedDarkness; }

private:
    cv::Mat m_darkness;
    double m_pxPerMm = 0;
};

// The candidates, generated exactly as the kept offsets always were (same arithmetic, same
// order), so a bubble's samples are the same doubles read in the same order as before.
std::shared_ptr<const BubbleSampleGrid> makeGrid(double radius) {
    auto grid = std::make_shared<BubbleSampleGrid>();
    const double step = radius / 6, limit = kInsideShare * radius;
    for (double dy = -limit; dy <= limit + 1e-9; dy += step)
        for (double dx = -limit; dx <= limit + 1e-9; dx += step)
            if (dx * dx + dy * dy <= limit * limit)
                grid->inside.push_back({dx, dy});
    const int angles = 2 * kOuterDirections;
    for (int a = 0; a < angles; ++a) {
        const double th = 2 * std::numbers::pi * a / angles;
        for (double r = kOuterFrom * radius; r <= kOuterTo * radius + 1e-9; r += 0.2) {
            grid->outer.push_back({r * std::cos(th), r * std::sin(th)});
            grid->outerDirection.push_back(static_cast<std::uint8_t>(a / 2));
            grid->outerFar.push_back(r >= 1.9 * radius);
        }
    }
    if (grid->inside.size() > 0xFFFF || grid->outer.size() > 0xFFFF)
        throw Error(ErrorKind::BadInput, "recognizer: bubble radius " + std::to_string(radius) + " mm needs too many samples");
    return grid;
}

void addInside(const PrintedMask& mask, BubbleSamplePoints& b) {
    const auto& candidates = b.grid->inside;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const double base = mask.printed({b.centre.x + candidates[i].x, b.centre.y + candidates[i].y});
        if (base > kMaxBaseline)
            continue;
        b.inside.push_back(static_cast<std::uint16_t>(i));
        b.insideBaseline.push_back(base <= kPrintedDarkness ? 0.0 : base);
    }
}

// Other bubbles near this one: a mark inside them must not look like ink around this one.
std::vector<const core::BubbleOption*> neighbours(const core::CardTemplate& tpl, const BubbleSamplePoints& b) {
    std::vector<const core::BubbleOption*> out;
    for (const auto& f : tpl.fields)
        for (const auto& o : f.options) {
            const double d = std::hypot(o.centre.x - b.centre.x, o.centre.y - b.centre.y);
            if (d > 1e-6 && d < kOuterTo * b.radius + o.radius + kRegistrationMm)
                out.push_back(&o);
        }
    return out;
}

bool insideAny(const std::vector<const core::BubbleOption*>& others, core::PointMm p) {
    for (const auto* o : others)
        if (std::hypot(o->centre.x - p.x, o->centre.y - p.y) < o->radius + kRegistrationMm)
            return true;
    return false;
}

void addOuter(const PrintedMask& mask, const std::vector<const core::BubbleOption*>& others, BubbleSamplePoints& b) {
    std::vector<bool> usable(kOuterDirections, false);
    const auto& grid = *b.grid;
    for (std::size_t i = 0; i < grid.outer.size(); ++i) {
        const core::PointMm at{b.centre.x + grid.outer[i].x, b.centre.y + grid.outer[i].y};
        if (!mask.isPaper(at) || insideAny(others, at))
            continue;
        b.outer.push_back(static_cast<std::uint16_t>(i));
        usable[grid.outerDirection[i]] = true;
    }
    b.outerDirectionsUsable = static_cast<int>(std::count(usable.begin(), usable.end(), true));
}

// Points on the straight path between two neighbouring bubbles of one field, where a stroke
// through both would pass.
void addGap(const PrintedMask& mask, BubbleSamplePoints& b, const core::BubbleOption& next) {
    const double dx = next.centre.x - b.centre.x, dy = next.centre.y - b.centre.y;
    const double dist = std::hypot(dx, dy);
    if (dist > 4.5 * b.radius || dist <= 0)
        return;
    const double ux = dx / dist, uy = dy / dist;
    for (double s = b.radius + 0.3; s <= dist - next.radius - 0.3 + 1e-9; s += 0.2)
        for (double w : {-0.5, 0.0, 0.5}) {
            const core::PointMm off{s * ux - w * uy, s * uy + w * ux};
            if (mask.isPaper({b.centre.x + off.x, b.centre.y + off.y}))
                b.gapToNext.push_back(off);
        }
}

} // namespace

BubbleSampling prepareBubbleSampling(const core::CardTemplate& tpl, const ImageView& blankCard) {
    const PrintedMask mask(blankCard);
    std::map<double, std::shared_ptr<const BubbleSampleGrid>> grids; // by radius
    BubbleSampling sampling;
    for (const auto& field : tpl.fields) {
        auto& out = sampling.fields.emplace_back();
        for (std::size_t i = 0; i < field.options.size(); ++i) {
            BubbleSamplePoints b;
            b.centre = field.options[i].centre;
            b.radius = field.options[i].radius;
            auto& grid = grids[b.radius];
            if (!grid)
                grid = makeGrid(b.radius);
            b.grid = grid;
            addInside(mask, b);
            addOuter(mask, neighbours(tpl, b), b);
            if (i + 1 < field.options.size())
                addGap(mask, b, field.options[i + 1]);
            out.push_back(std::move(b));
        }
    }
    return sampling;
}

} // namespace scanstation::scanner
