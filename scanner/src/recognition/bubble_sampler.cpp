// Step 4: measure every bubble through the homography. Each sample point is mapped with the
// local affine approximation of the homography at the bubble's centre (exact enough over a
// few mm) and read at full resolution; darkness is normalised by the local paper white (a
// max-filtered reduced page) and the ink grey of the registration marks, so uneven light and
// faded scans read alike.
#include "grey_page.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace scanstation::scanner {
namespace detail {
namespace {

constexpr double kWhiteWindowMm = 8;  // well over a filled bubble (4 mm) and its spills
// A local white below this share of the marks' paper is ink, not paper in a shadow: it would
// make a filled bubble look empty, so the white is held up to it.
constexpr double kMinWhiteShare = 0.6;
constexpr double kInk = 0.5;           // normalised darkness above which a sample is ink

struct Local {
    PixelPoint centre;
    double a = 0, b = 0, c = 0, d = 0; // px per mm: [a b; c d]
};

Local localAffine(const CardTransform& t, core::PointMm p) {
    const PixelPoint o = t.toImage(p), ax = t.toImage({p.x + 1, p.y}), ay = t.toImage({p.x, p.y + 1});
    return {o, ax.x - o.x, ay.x - o.x, ax.y - o.y, ay.y - o.y};
}

// The paper white around a point: the brightest reduced-page pixel within kWhiteWindowMm, what
// a k x k dilation of the reduced page holds there (its border adds nothing to a maximum). Only
// the ~400 bubble centres are asked for, so each window is searched instead of dilating the page.
class PaperWhite {
public:
    PaperWhite(const GreyPage& page, const CardTransform& t) : m_small(page.small) {
        const auto l = localAffine(t, {100, 140});
        const double smallPxPerMm = std::sqrt(std::abs(l.a * l.d - l.b * l.c)) / page.factor;
        const int k = std::max(3, static_cast<int>(std::lround(kWhiteWindowMm * smallPxPerMm)) | 1);
        m_half = k / 2;
    }
    int cols() const { return m_small.cols; }
    int rows() const { return m_small.rows; }
    std::uint8_t at(int x, int y) const {
        const int x0 = std::max(0, x - m_half), x1 = std::min(m_small.cols - 1, x + m_half);
        const int y0 = std::max(0, y - m_half), y1 = std::min(m_small.rows - 1, y + m_half);
        std::uint8_t brightest = 0;
        for (int yy = y0; yy <= y1; ++yy) {
            const std::uint8_t* row = m_small.ptr<std::uint8_t>(yy);
            for (int xx = x0; xx <= x1; ++xx)
                brightest = std::max(brightest, row[xx]);
        }
        return brightest;
    }

private:
    const cv::Mat& m_small;
    int m_half = 1;
};

class Reader {
public:
    Reader(const GreyPage& page, const PaperWhite& white, const Local& at, double inkRatio, double paperGrey)
        : m_pixels(page.full.data), m_step(page.full.step[0]), m_cols(page.full.cols), m_rows(page.full.rows),
          m_at(at) {
        const int sx = std::clamp(static_cast<int>(at.centre.x / page.factor), 0, white.cols() - 1);
        const int sy = std::clamp(static_cast<int>(at.centre.y / page.factor), 0, white.rows() - 1);
        m_white = std::max<double>(white.at(sx, sy), kMinWhiteShare * paperGrey);
        m_inverseRange = 1 / std::max(8.0, m_white * (1 - inkRatio));
    }
    // Normalised darkness at an offset (mm) from the bubble centre; -1 off the page. The
    // nearest pixel: floor(v + 0.5), which is lround for the page's non-negative coordinates
    // (this loop runs ~200 000 times a page, so no libm call and no division in it).
    double darkness(core::PointMm off) const {
        const double fx = m_at.centre.x + m_at.a * off.x + m_at.b * off.y + 0.5;
        const double fy = m_at.centre.y + m_at.c * off.x + m_at.d * off.y + 0.5;
        if (!(fx >= 0 && fy >= 0 && fx < m_cols && fy < m_rows))
            return -1;
        const std::size_t x = static_cast<std::size_t>(fx), y = static_cast<std::size_t>(fy);
        const double d = (m_white - m_pixels[y * m_step + x]) * m_inverseRange;
        return d < 0 ? 0.0 : (d > 1 ? 1.0 : d);
    }

private:
    const std::uint8_t* m_pixels;
    std::size_t m_step;
    int m_cols, m_rows;
    Local m_at;
    double m_white = 255, m_inverseRange = 1.0 / 255;
};

void measureInside(const Reader& r, const BubbleSamplePoints& s, BubbleMeasurement& m) {
    thread_local std::vector<double> ds; // scratch, reused across bubbles and pages
    ds.clear();
    const auto& candidates = s.grid->inside;
    for (std::size_t i = 0; i < s.inside.size(); ++i) {
        const double d = r.darkness(candidates[s.inside[i]]);
        const double base = i < s.insideBaseline.size() ? s.insideBaseline[i] : 0.0;
        if (d >= 0) // darkness beyond what is printed there
            ds.push_back(std::max(0.0, d - base) / (1 - base));
    }
    if (ds.empty())
        return;
    double sum = 0;
    int ink = 0;
    for (double d : ds) {
        sum += d;
        ink += d >= kInk;
    }
    m.fill = sum / static_cast<double>(ds.size());
    m.coverage = static_cast<double>(ink) / static_cast<double>(ds.size());
    auto nth = ds.begin() + static_cast<std::ptrdiff_t>(ds.size() - 1) * 9 / 10;
    std::nth_element(ds.begin(), nth, ds.end());
    m.peak = *nth;
}

void measureOuter(const Reader& r, const BubbleSamplePoints& s, BubbleMeasurement& m) {
    if (s.outer.empty() || s.outerDirectionsUsable == 0)
        return;
    bool hit[kOuterDirections] = {}, far[kOuterDirections] = {};
    double sum = 0;
    const auto& grid = *s.grid;
    for (const std::uint16_t at : s.outer) {
        const double d = std::max(0.0, r.darkness(grid.outer[at]));
        sum += d;
        if (d >= kInk) {
            const int direction = grid.outerDirection[at];
            hit[direction] = true;
            far[direction] = far[direction] || grid.outerFar[at];
        }
    }
    m.farArc = static_cast<double>(std::count(far, far + kOuterDirections, true)) / s.outerDirectionsUsable;
    m.outerArc = static_cast<double>(std::count(hit, hit + kOuterDirections, true)) / s.outerDirectionsUsable;
    for (int i = 0; i < kOuterDirections; ++i) {
        if (!hit[i])
            continue;
        m.outerRuns += !hit[(i + kOuterDirections - 1) % kOuterDirections];
        for (int j = i + 1; j < kOuterDirections; ++j)
            if (hit[j]) {
                const int apart = std::min(j - i, kOuterDirections - (j - i));
                m.outerSpreadDeg = std::max(m.outerSpreadDeg, 360.0 * apart / kOuterDirections);
            }
    }
    if (m.outerRuns == 0 && m.outerArc >= 1)
        m.outerRuns = 1; // a closed ring
    m.outerFill = sum / static_cast<double>(s.outer.size());
}

double measureGap(const Reader& r, const BubbleSamplePoints& s) {
    if (s.gapToNext.empty())
        return 0;
    int ink = 0;
    for (const auto& p : s.gapToNext)
        ink += r.darkness(p) >= kInk;
    return static_cast<double>(ink) / static_cast<double>(s.gapToNext.size());
}

// Measuring reads ~400 scattered patches of the full page (a bubble and the ring around it),
// and first touching each patch's cache lines is most of the sampling time. Asking for the
// next bubble's patch while this one is measured overlaps those misses with work. A hint
// only: it changes no measurement.
void prefetchPatch(const cv::Mat& full, const Local& at, double reachMm) {
    const double rx = reachMm * (std::abs(at.a) + std::abs(at.b)), ry = reachMm * (std::abs(at.c) + std::abs(at.d));
    const double maxX = full.cols - 1, maxY = full.rows - 1;
    if (!(std::isfinite(rx) && std::isfinite(ry) && std::isfinite(at.centre.x) && std::isfinite(at.centre.y)))
        return;
    const int x0 = static_cast<int>(std::clamp(at.centre.x - rx, 0.0, maxX));
    const int x1 = static_cast<int>(std::clamp(at.centre.x + rx, 0.0, maxX));
    const int y0 = static_cast<int>(std::clamp(at.centre.y - ry, 0.0, maxY));
    const int y1 = static_cast<int>(std::clamp(at.centre.y + ry, 0.0, maxY));
    constexpr int kLine = 64; // bytes
    for (int y = y0; y <= y1; ++y) {
        const std::uint8_t* row = full.ptr<std::uint8_t>(y);
        for (int x = x0; x < x1; x += kLine)
            __builtin_prefetch(row + x);
        __builtin_prefetch(row + x1);
        // GCC counts a prefetch as no effect and C++ lets it drop a loop without effects:
        // this empty statement (GCC and clang) keeps the loop and its prefetches.
        asm volatile("" : : "r"(row));
    }
}

// The same for a bubble's sample indices (~1 KB; the shared grids stay in cache).
template <typename T>
void prefetchArray(const std::vector<T>& v) {
    constexpr std::size_t kLine = 64; // bytes
    const auto* bytes = reinterpret_cast<const char*>(v.data());
    for (std::size_t at = 0; at < v.size() * sizeof(T); at += kLine)
        __builtin_prefetch(bytes + at);
    asm volatile("" : : "r"(bytes)); // keeps the loop (see prefetchPatch)
}

void prefetchSamples(const BubbleSamplePoints& s) {
    prefetchArray(s.inside);
    prefetchArray(s.insideBaseline);
    prefetchArray(s.outer);
    prefetchArray(s.gapToNext);
}

// How far a bubble's samples reach from its centre, in radii: the outer ring ends at 2.1.
constexpr double kPatchRadii = 2.2;

} // namespace

std::vector<std::vector<BubbleMeasurement>> sampleBubbles(const GreyPage& page, const CardTransform& transform,
                                                          const BubbleSampling& sampling) {
    std::vector<std::vector<BubbleMeasurement>> out;
    if (!transform.valid || page.full.empty())
        return out;
    const PaperWhite white(page, transform);
    std::vector<std::pair<const BubbleSamplePoints*, Local>> bubbles; // template order
    for (const auto& field : sampling.fields)
        for (const auto& s : field)
            bubbles.emplace_back(&s, localAffine(transform, s.centre));
    std::size_t next = 0;
    out.reserve(sampling.fields.size());
    for (const auto& field : sampling.fields) {
        auto& measured = out.emplace_back();
        measured.reserve(field.size());
        for (std::size_t i = 0; i < field.size(); ++i, ++next) {
            if (next + 1 < bubbles.size()) {
                prefetchPatch(page.full, bubbles[next + 1].second, kPatchRadii * bubbles[next + 1].first->radius);
                prefetchSamples(*bubbles[next + 1].first);
            }
            const auto& s = *bubbles[next].first;
            const Reader r(page, white, bubbles[next].second, transform.inkRatio, transform.paperGrey);
            BubbleMeasurement m;
            measureInside(r, s, m);
            measureOuter(r, s, m);
            m.gapInkAfter = measureGap(r, s);
            measured.push_back(m);
        }
    }
    return out;
}

} // namespace detail

std::vector<std::vector<BubbleMeasurement>> sampleBubbles(const ImageView& image, const CardTransform& transform,
                                                          const BubbleSampling& sampling) {
    return detail::sampleBubbles(detail::prepareGreyPage(image), transform, sampling);
}

} // namespace scanstation::scanner
