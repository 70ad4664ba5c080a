// Step 2: which found corner is which printed corner (the orientation mark decides among the
// four rotations), refine the mark centres at full resolution, fit the homography mm -> px.
#include "grey_page.hpp"

#include <opencv2/calib3d.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace scanstation::scanner {

PixelPoint CardTransform::toImage(core::PointMm p) const {
    const auto& h = mmToPx;
    const double w = h[6] * p.x + h[7] * p.y + h[8];
    return {(h[0] * p.x + h[1] * p.y + h[2]) / w, (h[3] * p.x + h[4] * p.y + h[5]) / w};
}

namespace detail {
namespace {

constexpr double kMaxAnisotropy = 1.35;  // px/mm along x over px/mm along y (perspective)
constexpr double kOrientationDark = 0.5; // the orientation mark's normalised darkness
constexpr double kOrientationLight = 0.3;

std::array<double, 9> toArray(const cv::Mat& h) {
    std::array<double, 9> out{};
    for (int i = 0; i < 9; ++i)
        out[i] = h.at<double>(i / 3, i % 3);
    return out;
}

// px per mm along the card's x and y at a point.
std::pair<double, double> localScale(const CardTransform& t, core::PointMm p) {
    const PixelPoint o = t.toImage(p), ax = t.toImage({p.x + 1, p.y}), ay = t.toImage({p.x, p.y + 1});
    return {std::hypot(ax.x - o.x, ax.y - o.y), std::hypot(ay.x - o.x, ay.y - o.y)};
}

// Mean darkness (0 paper .. 1 ink) of the full-resolution page in a disc around a point.
double discDarkness(const GreyPage& page, PixelPoint p, double radiusPx, const FoundMarks& marks) {
    const double r = std::max(1.0, radiusPx);
    double sum = 0;
    int n = 0;
    for (int y = static_cast<int>(std::floor(p.y - r)); y <= static_cast<int>(std::ceil(p.y + r)); ++y)
        for (int x = static_cast<int>(std::floor(p.x - r)); x <= static_cast<int>(std::ceil(p.x + r)); ++x) {
            if (x < 0 || y < 0 || x >= page.full.cols || y >= page.full.rows)
                continue;
            if ((x - p.x) * (x - p.x) + (y - p.y) * (y - p.y) > r * r)
                continue;
            sum += page.full.at<std::uint8_t>(y, x);
            ++n;
        }
    if (n == 0)
        return 0;
    const double range = std::max(1.0, marks.paperLevel - marks.inkLevel);
    return std::clamp((marks.paperLevel - sum / n) / range, 0.0, 1.0);
}

CardTransform cornerTransform(const MarkLayout& layout, const FoundMarks& marks, int quarterTurns) {
    std::vector<cv::Point2f> src, dst;
    for (int j = 0; j < 4; ++j) {
        src.emplace_back(static_cast<float>(layout.corners[j].centre.x), static_cast<float>(layout.corners[j].centre.y));
        const auto& p = marks.corners[(j + quarterTurns) % 4];
        dst.emplace_back(static_cast<float>(p.x), static_cast<float>(p.y));
    }
    CardTransform t;
    t.mmToPx = toArray(cv::getPerspectiveTransform(src, dst));
    t.rotationDegrees = 90 * quarterTurns;
    t.valid = true;
    return t;
}

struct RefinedMark {
    bool ok = false;
    PixelPoint centre;
    double ink = 0, paper = 0;
};

// Darkness-weighted centroid in a window of the mark plus 1 mm of its quiet zone; the window's
// border is quiet zone, which gives the local paper grey.
RefinedMark refineMark(const GreyPage& page, const CardTransform& t, const core::RegistrationMark& m) {
    RefinedMark out;
    const auto [sx, sy] = localScale(t, m.centre);
    const double half = (0.5 * m.size + 1.0) * std::max(sx, sy);
    const PixelPoint c = t.toImage(m.centre);
    const cv::Rect want(static_cast<int>(std::floor(c.x - half)), static_cast<int>(std::floor(c.y - half)),
                        static_cast<int>(2 * half) + 2, static_cast<int>(2 * half) + 2);
    const cv::Rect box = want & cv::Rect(0, 0, page.full.cols, page.full.rows);
    if (box.width < 4 || box.height < 4 || box.area() < want.area() / 2)
        return out;
    const cv::Mat roi = page.full(box);
    double borderSum = 0, minV = 255;
    int borderN = 0;
    for (int y = 0; y < roi.rows; ++y)
        for (int x = 0; x < roi.cols; ++x) {
            const double v = roi.at<std::uint8_t>(y, x);
            minV = std::min(minV, v);
            if (y == 0 || x == 0 || y == roi.rows - 1 || x == roi.cols - 1) {
                borderSum += v;
                ++borderN;
            }
        }
    out.paper = borderSum / borderN;
    const double range = out.paper - minV;
    if (range < 30)
        return out;
    double sw = 0, sxw = 0, syw = 0;
    for (int y = 0; y < roi.rows; ++y)
        for (int x = 0; x < roi.cols; ++x) {
            // Weight only clearly dark pixels, so paper noise does not pull the centroid.
            const double d = (out.paper - roi.at<std::uint8_t>(y, x)) / range;
            const double w = std::clamp((d - 0.25) / 0.5, 0.0, 1.0);
            sw += w;
            sxw += w * x;
            syw += w * y;
        }
    if (sw <= 0)
        return out;
    out.centre = {box.x + sxw / sw, box.y + syw / sw};
    // Ink grey: the middle of the mark (half its side), around the refined centre.
    const double inner = 0.25 * m.size * std::min(sx, sy);
    double inkSum = 0;
    int inkN = 0;
    for (int y = static_cast<int>(out.centre.y - inner); y <= static_cast<int>(out.centre.y + inner); ++y)
        for (int x = static_cast<int>(out.centre.x - inner); x <= static_cast<int>(out.centre.x + inner); ++x)
            if (x >= 0 && y >= 0 && x < page.full.cols && y < page.full.rows) {
                inkSum += page.full.at<std::uint8_t>(y, x);
                ++inkN;
            }
    out.ink = inkN ? inkSum / inkN : minV;
    out.ok = true;
    return out;
}

// Chooses the rotation: the only one whose anisotropy is plausible and whose orientation mark
// position is dark while the others are light.
std::optional<CardTransform> chooseRotation(const GreyPage& page, const FoundMarks& marks, const MarkLayout& layout,
                                            std::string& problem, bool& cardShaped) {
    std::vector<std::pair<double, CardTransform>> scored;
    for (int k = 0; k < 4; ++k) {
        CardTransform t = cornerTransform(layout, marks, k);
        const core::PointMm mid{(layout.corners[0].centre.x + layout.corners[2].centre.x) / 2,
                                (layout.corners[0].centre.y + layout.corners[2].centre.y) / 2};
        const auto [sx, sy] = localScale(t, mid);
        if (sx <= 0 || sy <= 0 || std::max(sx, sy) / std::min(sx, sy) > kMaxAnisotropy)
            continue;
        double score = layout.orientation.empty() ? 1.0 : 0.0;
        for (const auto& o : layout.orientation)
            score += discDarkness(page, t.toImage(o.centre), 0.3 * o.size * std::min(sx, sy), marks) /
                     static_cast<double>(layout.orientation.size());
        scored.emplace_back(score, t);
    }
    std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    if (scored.empty()) {
        cardShaped = false;
        problem = "the marks' shape does not match the card's proportions";
        return std::nullopt;
    }
    if (scored[0].first < kOrientationDark || (scored.size() > 1 && scored[1].first > kOrientationLight)) {
        problem = "the card's orientation cannot be told (orientation mark not found)";
        return std::nullopt;
    }
    return scored[0].second;
}

} // namespace

CardTransform estimateTransform(const GreyPage& page, const FoundMarks& marks,
                                const std::vector<core::RegistrationMark>& layoutMarks) {
    CardTransform out;
    const auto layout = splitMarkLayout(layoutMarks);
    if (!marks.found || !layout) {
        out.problem = !layout ? "the template has no four corner marks" : "no registration marks";
        return out;
    }
    auto rough = chooseRotation(page, marks, *layout, out.problem, out.cardShaped);
    if (!rough)
        return out;
    std::vector<cv::Point2d> src, dst;
    double inkSum = 0, paperSum = 0;
    std::vector<core::RegistrationMark> all(layout->corners.begin(), layout->corners.end());
    all.insert(all.end(), layout->orientation.begin(), layout->orientation.end());
    for (std::size_t i = 0; i < all.size(); ++i) {
        const RefinedMark r = refineMark(page, *rough, all[i]);
        if (!r.ok) {
            if (i < 4) {
                out.problem = "registration mark \"" + all[i].id + "\" cannot be measured";
                return out;
            }
            continue;
        }
        src.emplace_back(all[i].centre.x, all[i].centre.y);
        dst.push_back({r.centre.x, r.centre.y});
        inkSum += r.ink;
        paperSum += r.paper;
    }
    const cv::Mat h = src.size() == 4 ? cv::getPerspectiveTransform(std::vector<cv::Point2f>(src.begin(), src.end()),
                                                                     std::vector<cv::Point2f>(dst.begin(), dst.end()))
                                      : cv::findHomography(src, dst, 0);
    if (h.empty()) {
        out.problem = "the homography cannot be fitted to the marks";
        return out;
    }
    out.mmToPx = toArray(h);
    out.rotationDegrees = rough->rotationDegrees;
    double sq = 0;
    for (std::size_t i = 0; i < src.size(); ++i) {
        const PixelPoint p = out.toImage({src[i].x, src[i].y});
        const auto [sx, sy] = localScale(out, {src[i].x, src[i].y});
        const double e = std::hypot(p.x - dst[i].x, p.y - dst[i].y) / ((sx + sy) / 2);
        sq += e * e;
    }
    out.residualMm = std::sqrt(sq / static_cast<double>(src.size()));
    out.inkRatio = std::clamp(inkSum / std::max(1.0, paperSum), 0.0, 1.0);
    out.paperGrey = paperSum / static_cast<double>(src.size());
    out.valid = true;
    return out;
}

} // namespace detail

CardTransform estimateTransform(const ImageView& image, const FoundMarks& marks,
                                const std::vector<core::RegistrationMark>& layout) {
    return detail::estimateTransform(detail::prepareGreyPage(image), marks, layout);
}

} // namespace scanstation::scanner
