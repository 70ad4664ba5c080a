// Step 4: measure every bubble through the homography. Each sample point is mapped with the
// local affine approximation of the homography at the bubble's centre (exact enough over a
// few mm) and read at full resolution; darkness is normalised by the local paper white (a
// max-filtered reduced page) and the ink grey of the registration marks, so uneven light and
// faded scans read alike.
#include "grey_page.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

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

cv::Mat paperWhite(const GreyPage& page, const CardTransform& t) {
    const auto l = localAffine(t, {100, 140});
    const double smallPxPerMm = std::sqrt(std::abs(l.a * l.d - l.b * l.c)) / page.factor;
    const int k = std::max(3, static_cast<int>(std::lround(kWhiteWindowMm * smallPxPerMm)) | 1);
    cv::Mat white;
    cv::dilate(page.small, white, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
    return white;
}

class Reader {
public:
    Reader(const GreyPage& page, const cv::Mat& white, const Local& at, double inkRatio, double paperGrey)
        : m_pixels(page.full.data), m_step(page.full.step[0]), m_cols(page.full.cols), m_rows(page.full.rows),
          m_at(at) {
        const int sx = std::clamp(static_cast<int>(at.centre.x / page.factor), 0, white.cols - 1);
        const int sy = std::clamp(static_cast<int>(at.centre.y / page.factor), 0, white.rows - 1);
        m_white = std::max<double>(white.at<std::uint8_t>(sy, sx), kMinWhiteShare * paperGrey);
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
    std::vector<double> ds;
    ds.reserve(s.inside.size());
    for (std::size_t i = 0; i < s.inside.size(); ++i) {
        const double d = r.darkness(s.inside[i]);
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
    for (std::size_t i = 0; i < s.outer.size(); ++i) {
        const double d = std::max(0.0, r.darkness(s.outer[i]));
        sum += d;
        if (d >= kInk) {
            hit[s.outerDirection[i]] = true;
            far[s.outerDirection[i]] = far[s.outerDirection[i]] || (i < s.outerFar.size() && s.outerFar[i]);
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

} // namespace

std::vector<std::vector<BubbleMeasurement>> sampleBubbles(const GreyPage& page, const CardTransform& transform,
                                                          const BubbleSampling& sampling) {
    std::vector<std::vector<BubbleMeasurement>> out;
    if (!transform.valid || page.full.empty())
        return out;
    const cv::Mat white = paperWhite(page, transform);
    out.reserve(sampling.fields.size());
    for (const auto& field : sampling.fields) {
        auto& measured = out.emplace_back();
        measured.reserve(field.size());
        for (const auto& s : field) {
            const Reader r(page, white, localAffine(transform, s.centre), transform.inkRatio,
                           transform.paperGrey);
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
