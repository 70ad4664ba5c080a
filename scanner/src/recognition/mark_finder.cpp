// Step 1: find the four corner registration marks (solid black squares in a white quiet zone)
// on the reduced page. Scale-free: works for scans and for photos where the card is small.
#include "grey_page.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace scanstation::scanner::detail {
namespace {

constexpr double kMinOffset = 15;       // grey levels below the local mean that count as ink
constexpr double kBlankInkShare = 0.001; // a page with less ink than this (of its area) is blank
constexpr double kMinSolidity = 0.84;   // a disc (filled bubble) has pi/4 = 0.785
constexpr double kMaxRectAspect = 1.7;  // perspective of photos stretches squares a little
constexpr double kMinSizeShare = 0.55;  // a corner mark is at least this share of the largest

struct Histogram {
    std::array<long, 256> counts{};
    double total = 0;
};

// Four partial counts, summed at the end: a page is mostly one paper grey, and counting every
// pixel into one array would make each increment wait for the previous one to the same bin.
Histogram histogramOf(const cv::Mat& grey) {
    std::array<std::array<long, 256>, 4> part{};
    for (int y = 0; y < grey.rows; ++y) {
        const auto* row = grey.ptr<std::uint8_t>(y);
        int x = 0;
        for (; x + 4 <= grey.cols; x += 4) {
            ++part[0][row[x]];
            ++part[1][row[x + 1]];
            ++part[2][row[x + 2]];
            ++part[3][row[x + 3]];
        }
        for (; x < grey.cols; ++x)
            ++part[0][row[x]];
    }
    Histogram h;
    for (std::size_t v = 0; v < 256; ++v)
        h.counts[v] = part[0][v] + part[1][v] + part[2][v] + part[3][v];
    h.total = static_cast<double>(grey.total());
    return h;
}

double percentile(const Histogram& hist, double share) {
    const double target = share * hist.total;
    double seen = 0;
    for (int v = 0; v < 256; ++v) {
        seen += static_cast<double>(hist.counts[static_cast<std::size_t>(v)]);
        if (seen >= target)
            return v;
    }
    return 255;
}

// Into `mask`, a per-thread scratch matrix: reused from page to page, its memory is not faulted
// in afresh each time.
void inkMask(const cv::Mat& small, double contrast, cv::Mat& mask) {
    // The block spans ~20 mm, well over a mark (6 mm), so a mark's inside stays dark; the
    // offset follows the page's own contrast (faded scans, photos).
    const int block = (std::max(15, std::min(small.cols, small.rows) / 20)) | 1;
    cv::adaptiveThreshold(small, mask, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, block,
                          std::max(kMinOffset, 0.3 * contrast));
}

// Solidity against the minimal rotated rectangle, so rotated squares still count as solid.
std::optional<MarkCandidate> squareCandidate(const cv::Mat& labels, int label, const cv::Rect& box, int area,
                                             int factor) {
    cv::Mat roi = labels(box) == label;
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(roi, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    if (contours.empty())
        return std::nullopt;
    const auto& contour = *std::max_element(contours.begin(), contours.end(),
                                            [](const auto& a, const auto& b) { return a.size() < b.size(); });
    const cv::RotatedRect rect = cv::minAreaRect(contour);
    // Contour points run through pixel centres: the pixel extent is one pixel wider.
    const double w = rect.size.width + 1, h = rect.size.height + 1;
    const double solidity = area / (w * h);
    if (solidity < kMinSolidity || std::max(w, h) / std::min(w, h) > kMaxRectAspect)
        return std::nullopt;
    MarkCandidate c;
    c.sidePx = std::sqrt(w * h) * factor;
    c.solidity = solidity;
    return c;
}

struct Component {
    int area = 0;
    int left = 0, top = 0, right = 0, bottom = 0; // inclusive, small pixels
    std::int64_t sumX = 0, sumY = 0;              // for the centroid
    int width() const { return right - left + 1; }
    int height() const { return bottom - top + 1; }
};

// Area, box and centroid sums of every labelled component (label 0, the background, skipped).
// connectedComponentsWithStats also accumulates the background, pixel by pixel, which made it
// cost 3x the labelling itself; the sums are the same integers, so centroids are identical.
std::vector<Component> componentStats(const cv::Mat& labels, int count) {
    std::vector<Component> out(static_cast<std::size_t>(count));
    for (int y = 0; y < labels.rows; ++y) {
        const int* row = labels.ptr<int>(y);
        for (int x = 0; x < labels.cols; ++x) {
            if (row[x] == 0)
                continue;
            Component& c = out[static_cast<std::size_t>(row[x])];
            if (c.area == 0) {
                c.left = c.right = x;
                c.top = c.bottom = y;
            }
            ++c.area;
            c.left = std::min(c.left, x);
            c.right = std::max(c.right, x);
            c.bottom = y; // rows are visited top down
            c.sumX += x;
            c.sumY += y;
        }
    }
    return out;
}

// Components are examined largest first; once a component is too small to reach
// kMinSizeShare of the largest solid square already found, no later one can (a solid square's
// side is at most sqrt(area / kMinSolidity)), and pickCorners would drop them all.
std::vector<MarkCandidate> findSquares(const cv::Mat& mask, int factor) {
    thread_local cv::Mat labels; // scratch, as inkMask's
    const int n = cv::connectedComponents(mask, labels, 8, CV_32S);
    const std::vector<Component> stats = componentStats(labels, n);
    const int maxSide = std::min(mask.cols, mask.rows) / 6;
    std::vector<int> order;
    for (int i = 1; i < n; ++i)
        if (stats[static_cast<std::size_t>(i)].area >= 10)
            order.push_back(i);
    // Ties in area keep label order (labels number components in raster order of their first pixel).
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return stats[static_cast<std::size_t>(a)].area > stats[static_cast<std::size_t>(b)].area;
    });
    std::vector<MarkCandidate> out;
    double largestSide = 0; // small pixels
    for (const int i : order) {
        const Component& comp = stats[static_cast<std::size_t>(i)];
        if (std::sqrt(comp.area / kMinSolidity) < kMinSizeShare * largestSide)
            break;
        const int w = comp.width(), h = comp.height(), area = comp.area;
        if (area < 10 || w < 3 || h < 3 || w > maxSide || h > maxSide)
            continue;
        if (std::max(w, h) > 2.2 * std::min(w, h) || area < 0.45 * w * h)
            continue;
        const cv::Rect box(comp.left, comp.top, w, h);
        auto c = squareCandidate(labels, i, box, area, factor);
        if (!c)
            continue;
        // Small-pixel centroid -> full-resolution coordinates (pixel centres).
        const double cx = static_cast<double>(comp.sumX) / area, cy = static_cast<double>(comp.sumY) / area;
        c->centre = {(cx + 0.5) * factor - 0.5, (cy + 0.5) * factor - 0.5};
        largestSide = std::max(largestSide, c->sidePx / factor);
        out.push_back(*c);
    }
    return out;
}

bool isConvexQuad(const std::array<PixelPoint, 4>& q) {
    double sign = 0;
    for (int i = 0; i < 4; ++i) {
        const auto& a = q[i];
        const auto& b = q[(i + 1) % 4];
        const auto& c = q[(i + 2) % 4];
        const double cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
        if (cross == 0 || (sign != 0 && (cross > 0) != (sign > 0)))
            return false;
        sign = cross;
    }
    return true;
}

// The corner marks are the outermost solid squares of the mark size in the four diagonal
// directions; everything else on a card lies between them.
FoundMarks pickCorners(FoundMarks found) {
    double largest = 0;
    for (const auto& c : found.candidates)
        largest = std::max(largest, c.sidePx);
    static constexpr double dirs[4][2] = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
    std::array<const MarkCandidate*, 4> best{};
    for (int d = 0; d < 4; ++d) {
        double bestScore = -1e300;
        for (const auto& c : found.candidates) {
            const double score = dirs[d][0] * c.centre.x + dirs[d][1] * c.centre.y;
            if (c.sidePx >= kMinSizeShare * largest && score > bestScore) {
                bestScore = score;
                best[d] = &c;
            }
        }
    }
    for (int d = 0; d < 4; ++d) {
        if (!best[d] || std::count(best.begin(), best.end(), best[d]) > 1) {
            found.problem = "fewer than four registration marks found (" + std::to_string(found.candidates.size()) +
                            " solid squares)";
            return found;
        }
        found.corners[d] = best[d]->centre;
    }
    double minSide = 1e300, maxSide = 0;
    for (const auto* c : best) {
        minSide = std::min(minSide, c->sidePx);
        maxSide = std::max(maxSide, c->sidePx);
    }
    const double span = std::hypot(found.corners[0].x - found.corners[2].x, found.corners[0].y - found.corners[2].y);
    if (!isConvexQuad(found.corners) || span < 10 * maxSide || maxSide > 1.8 * minSide) {
        found.problem = "the outermost solid squares do not form a card's mark quadrilateral";
        return found;
    }
    found.found = true;
    return found;
}

} // namespace

FoundMarks findRegistrationMarks(const GreyPage& page, const std::vector<core::RegistrationMark>& layout) {
    FoundMarks found;
    if (page.small.empty()) {
        found.problem = "empty image";
        return found;
    }
    if (!splitMarkLayout(layout)) {
        found.problem = "the template has no four corner marks";
        return found;
    }
    // Paper is the brightest large thing on a page or in a photo; ink the darkest speck.
    const Histogram hist = histogramOf(page.small);
    found.paperLevel = percentile(hist, 0.9);
    found.inkLevel = percentile(hist, 0.0005);
    thread_local cv::Mat mask;
    inkMask(page.small, found.paperLevel - found.inkLevel, mask);
    found.candidates = findSquares(mask, page.factor);
    found = pickCorners(std::move(found));
    if (!found.found && cv::countNonZero(mask) < kBlankInkShare * static_cast<double>(mask.total())) {
        found.pageLooksBlank = true;
        found.problem = "no ink on the page";
    }
    return found;
}

} // namespace scanstation::scanner::detail

namespace scanstation::scanner {
FoundMarks findRegistrationMarks(const ImageView& image, const std::vector<core::RegistrationMark>& layout) {
    return detail::findRegistrationMarks(detail::prepareGreyPage(image), layout);
}
} // namespace scanstation::scanner
