// Step 3: decode the identity code with ZBar, on the code's region only (a full page costs
// ~20x more). Only QR and Code 128 are enabled: the 1-D scanners would otherwise run on every
// scan line of the region.
#include "grey_page.hpp"

#include <zbar.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace scanstation::scanner {
namespace detail {
namespace {

using namespace zbar; // zbar.h puts its C API in namespace zbar when compiled as C++

constexpr double kRegionMarginMm = 1.5;

struct ScannerDeleter {
    void operator()(zbar_image_scanner_t* s) const { zbar_image_scanner_destroy(s); }
};
struct ImageDeleter {
    void operator()(zbar_image_t* i) const { zbar_image_destroy(i); }
};

cv::Rect regionBox(const CardTransform& t, const core::RectMm& r, const cv::Size& page) {
    const double m = kRegionMarginMm;
    const core::PointMm corners[4] = {{r.x - m, r.y - m},
                                      {r.x + r.width + m, r.y - m},
                                      {r.x + r.width + m, r.y + r.height + m},
                                      {r.x - m, r.y + r.height + m}};
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (const auto& c : corners) {
        const PixelPoint p = t.toImage(c);
        x0 = std::min(x0, p.x);
        y0 = std::min(y0, p.y);
        x1 = std::max(x1, p.x);
        y1 = std::max(y1, p.y);
    }
    const cv::Rect box(static_cast<int>(std::floor(x0)), static_cast<int>(std::floor(y0)),
                       static_cast<int>(std::ceil(x1 - x0)) + 1, static_cast<int>(std::ceil(y1 - y0)) + 1);
    return box & cv::Rect(0, 0, page.width, page.height);
}

std::optional<DecodedCode> scanRegion(const cv::Mat& region) {
    std::unique_ptr<zbar_image_scanner_t, ScannerDeleter> scanner(zbar_image_scanner_create());
    zbar_image_scanner_set_config(scanner.get(), ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
    zbar_image_scanner_set_config(scanner.get(), ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
    zbar_image_scanner_set_config(scanner.get(), ZBAR_CODE128, ZBAR_CFG_ENABLE, 1);
    std::unique_ptr<zbar_image_t, ImageDeleter> image(zbar_image_create());
    zbar_image_set_format(image.get(), zbar_fourcc('Y', '8', '0', '0'));
    zbar_image_set_size(image.get(), static_cast<unsigned>(region.cols), static_cast<unsigned>(region.rows));
    zbar_image_set_data(image.get(), region.data, region.total(), nullptr);
    if (zbar_scan_image(scanner.get(), image.get()) <= 0)
        return std::nullopt;
    std::optional<DecodedCode> code128;
    for (const zbar_symbol_t* s = zbar_image_first_symbol(image.get()); s; s = zbar_symbol_next(s)) {
        DecodedCode code{std::string(zbar_symbol_get_data(s), zbar_symbol_get_data_length(s)), ""};
        if (zbar_symbol_get_type(s) == ZBAR_QRCODE) {
            code.symbology = "qr";
            return code; // the QR code carries the full identity; prefer it
        }
        code.symbology = "code128";
        code128 = code;
    }
    return code128;
}

} // namespace

std::optional<DecodedCode> decodeIdentityCode(const GreyPage& page, const CardTransform& transform,
                                              const core::RectMm& region) {
    if (!transform.valid || page.full.empty())
        return std::nullopt;
    const cv::Rect box = regionBox(transform, region, page.full.size());
    if (box.width < 8 || box.height < 8)
        return std::nullopt;
    const cv::Mat crop = page.full(box).clone(); // ZBar wants one contiguous buffer
    return scanRegion(crop);
}

} // namespace detail

std::optional<DecodedCode> decodeIdentityCode(const ImageView& image, const CardTransform& transform,
                                              const core::RectMm& region) {
    return detail::decodeIdentityCode(detail::prepareGreyPage(image), transform, region);
}

} // namespace scanstation::scanner
