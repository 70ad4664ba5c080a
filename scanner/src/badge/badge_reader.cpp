// A full-frame QR scan for badges. A page is scanned whole (a badge may lie anywhere on the
// glass, or anywhere in a camera frame); a large page is also tried at half size, where ZBar
// finds big modules that its line scanner otherwise crosses too finely.
#include "scanstation/scanner/badge_reader.hpp"

#include "recognition/grey_page.hpp"
#include "scanstation/core/operator_badges.hpp"

#include <memory>
#include <opencv2/imgproc.hpp>
#include <vector>
#include <zbar.h>

namespace scanstation::scanner {

namespace {

using namespace zbar; // zbar.h puts its C API in namespace zbar when compiled as C++

constexpr int kHalveAbovePx = 1600; // the longer side beyond which a second, halved scan runs

struct ScannerDeleter {
    void operator()(zbar_image_scanner_t* s) const { zbar_image_scanner_destroy(s); }
};
struct ImageDeleter {
    void operator()(zbar_image_t* i) const { zbar_image_destroy(i); }
};

std::vector<std::string> qrTexts(const cv::Mat& grey) {
    std::unique_ptr<zbar_image_scanner_t, ScannerDeleter> scanner(zbar_image_scanner_create());
    zbar_image_scanner_set_config(scanner.get(), ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
    zbar_image_scanner_set_config(scanner.get(), ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
    std::unique_ptr<zbar_image_t, ImageDeleter> image(zbar_image_create());
    zbar_image_set_format(image.get(), zbar_fourcc('Y', '8', '0', '0'));
    zbar_image_set_size(image.get(), static_cast<unsigned>(grey.cols),
                        static_cast<unsigned>(grey.rows));
    zbar_image_set_data(image.get(), grey.data, grey.total(), nullptr);
    std::vector<std::string> out;
    if (zbar_scan_image(scanner.get(), image.get()) <= 0)
        return out;
    for (const zbar_symbol_t* s = zbar_image_first_symbol(image.get()); s; s = zbar_symbol_next(s))
        out.emplace_back(zbar_symbol_get_data(s), zbar_symbol_get_data_length(s));
    return out;
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
