#include "grey_page.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

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
    return std::max(1, static_cast<int>(std::floor(pxPerMm / 1.8)));
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
        const cv::Size size(page.full.cols / page.factor, page.full.rows / page.factor);
        const cv::Mat cropped = page.full(cv::Rect(0, 0, size.width * page.factor, size.height * page.factor));
        cv::resize(cropped, page.small, size, 0, 0, cv::INTER_AREA);
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
