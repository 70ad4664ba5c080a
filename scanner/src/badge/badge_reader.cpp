// A full-frame QR scan for badges. A page is scanned whole (a badge may lie anywhere on the
// glass, or anywhere in a camera frame); a large page is also tried at half size, where ZBar
// finds big modules that its line scanner otherwise crosses too finely.
#include "scanstation/scanner/badge_reader.hpp"

#include "recognition/grey_page.hpp"
#include "recognition/zbar_scan.hpp"
#include "scanstation/core/operator_badges.hpp"

#include <memory>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace scanstation::scanner {

namespace {

constexpr int kHalveAbovePx = 1600; // the longer side beyond which a second, halved scan runs

std::vector<std::string> qrTexts(const cv::Mat& grey) {
    return zbarSymbols(grey, Symbology::Qr);
}

std::optional<std::string> badgeAmong(const std::vector<std::string>& texts) {
    for (const auto& t : texts)
        if (core::looksLikeBadgeToken(t))
            return t;
    return std::nullopt;
}

} // namespace

BadgeFinding findBadge(const ImageView& image) {
    BadgeFinding result;
    if (!image.data || image.width <= 0 || image.height <= 0) {
        result.finding = "an empty image";
        return result;
    }
    cv::Mat grey = detail::greyMat(image);
    if (!grey.isContinuous())
        grey = grey.clone(); // ZBar wants one contiguous buffer
    auto texts = qrTexts(grey);
    if (texts.empty() && std::max(grey.cols, grey.rows) > kHalveAbovePx) {
        cv::Mat half;
        cv::resize(grey, half, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
        texts = qrTexts(half);
    }
    result.token = badgeAmong(texts);
    if (!result.token)
        result.finding = texts.empty() ? "no code found" : "a code that is not an operator badge";
    return result;
}

} // namespace scanstation::scanner
