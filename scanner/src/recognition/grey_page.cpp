#include "grey_page.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace scanstation::scanner::detail {

cv::Mat greyMat(const ImageView& image) {
    if (!image.data || image.width <= 0 || image.height <= 0)
        return {};
    auto* data = const_cast<std::uint8_t*>(image.data); // read only: wrapped, never written
    if (image.format == PixelFormat::Gray8)
        return cv::Mat(image.height, image.width, CV_8UC1, data, static_cast<std::size_t>(image.stride));
    cv::Mat rgb(image.height, image.width, CV_8UC3, data, static_cast<std::size_t>(image.stride));
    cv::Mat grey;
    cv::cvtColor(rgb, grey, cv::COLOR_RGB2GRAY);
    return grey;
}

namespace {

// Full pixels per small pixel so that the small copy has about 2 px/mm. Without a dpi (a
// photo) the card is assumed to fill about two thirds of the frame's short side, so the small
// copy errs on the fine side.
int reductionFactor(const ImageView& image) {
    const double pxPerMm = image.dpi > 0 ? image.dpi / 25.4 : std::min(image.width, image.height) / 300.0;
    // A file may declare any resolution: keep k within reduceByArea's 16-bit lanes (k <= 257)
    // and the small copy at least 32 px on its short side, so a nonsense dpi makes a page that
    // fails registration instead of an overflow.
    const int limit = std::clamp(std::min(image.width, image.height) / 32, 1, 257);
    return static_cast<int>(std::clamp(std::floor(pxPerMm / 1.8), 1.0, static_cast<double>(limit)));
}

// Area average over k x k blocks, rounded like cv::INTER_AREA, in one pass over the page: row
// sums of k rows in 16-bit lanes (255 * k fits for k <= 257), then k columns. cv::resize's
// general integer-factor path costs ~4x more on a full page.
cv::Mat reduceByArea(const cv::Mat& full, int k) {
    const int w = full.cols / k, h = full.rows / k;
    cv::Mat small(h, w, CV_8UC1);
    std::vector<std::uint16_t> sums(static_cast<std::size_t>(w) * static_cast<std::size_t>(k));
    const std::uint32_t area = static_cast<std::uint32_t>(k * k);
    // floor(n / area) as floor((n + 0.5) * (1 / area)): the exact quotient lies at least
    // 0.5 / area (>= 7e-6) from any integer, far beyond double's rounding for n < 2^24, so
    // the result is the integer division's without its ~25-cycle latency per output pixel.
    const double inverse = 1.0 / area;
    for (int y = 0; y < h; ++y) {
        std::uint16_t* acc = sums.data();
        const std::uint8_t* first = full.ptr<std::uint8_t>(y * k);
        for (std::size_t x = 0; x < sums.size(); ++x)
            acc[x] = first[x];
        for (int r = 1; r < k; ++r) {
            const std::uint8_t* row = full.ptr<std::uint8_t>(y * k + r);
            for (std::size_t x = 0; x < sums.size(); ++x)
                acc[x] = static_cast<std::uint16_t>(acc[x] + row[x]);
        }
        auto* out = small.ptr<std::uint8_t>(y);
        for (int x = 0; x < w; ++x) {
            std::uint32_t sum = 0;
            for (int i = 0; i < k; ++i)
                sum += sums[static_cast<std::size_t>(x * k + i)];
            out[x] = static_cast<std::uint8_t>((sum + area / 2 + 0.5) * inverse);
        }
    }
    return small;
}

} // namespace

GreyPage prepareGreyPage(const ImageView& image) {
    GreyPage page;
    page.full = greyMat(image);
    if (page.full.empty())
        return page;
    page.factor = reductionFactor(image);
    if (page.factor == 1) {
        page.small = page.full;
    } else {
        page.small = reduceByArea(page.full, page.factor);
    }
    return page;
}

std::optional<MarkLayout> splitMarkLayout(const std::vector<core::RegistrationMark>& layout) {
    if (layout.size() < 4)
        return std::nullopt;
    std::vector<core::RegistrationMark> sorted = layout;
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.size > b.size; });
    std::vector<core::RegistrationMark> corners(sorted.begin(), sorted.begin() + 4);
    MarkLayout out;
    out.orientation.assign(sorted.begin() + 4, sorted.end());
    // Order by the printed card's quadrants: the centroid splits them.
    double cx = 0, cy = 0;
    for (const auto& m : corners) {
        cx += m.centre.x / 4;
        cy += m.centre.y / 4;
    }
    bool seen[4] = {false, false, false, false};
    for (const auto& m : corners) {
        const bool right = m.centre.x > cx, bottom = m.centre.y > cy;
        const int slot = !bottom ? (right ? 1 : 0) : (right ? 2 : 3);
        if (seen[slot])
            return std::nullopt;
        seen[slot] = true;
        out.corners[slot] = m;
    }
    return out;
}

} // namespace scanstation::scanner::detail
