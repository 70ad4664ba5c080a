// Step 3: decode the identity code with ZBar, on the code's region only (a full page costs
// ~20x more), resampled upright through the homography. The QR code first; when it cannot
// be read, the Code 128 fallback columns (card-templates/README.md "Code 128 fallback").
// One symbology per scan: other decoders would otherwise run on every scan line.
#include "grey_page.hpp"
#include "recognition/zbar_scan.hpp"
#include "scanstation/templates/fallback_code.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

namespace scanstation::scanner {
namespace detail {
namespace {

constexpr double kRegionMarginMm = 1.5;
// Rectification scales (px per mm): QR modules of ~0.53 mm at >= 4.2 px, Code 128 modules of
// 0.4 mm at >= 3.2 px; finer scans are reduced to the upper bound (ZBar's cost is per pixel).
constexpr double kQrMinPxPerMm = 8, kQrMaxPxPerMm = 10;
// From this scale up to kQrMaxPxPerMm the page's own pixels are read first (150 dpi = 5.9 px/mm,
// less a printer's 97 % scale).
constexpr double kQrNativeMinPxPerMm = 5.5;
constexpr double kQrModuleMm = 0.53;
constexpr double kSmallQrPxPerMm[] = {12, 16};
constexpr double kCode128MinPxPerMm = 8, kCode128MaxPxPerMm = 10;

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
                       static_cast<int>(std::ceil(x1 - x0)) + 1,
                       static_cast<int>(std::ceil(y1 - y0)) + 1);
    return box & cv::Rect(0, 0, page.width, page.height);
}

// The region (plus margin) resampled through the homography into an upright image at
// `pxPerMm`; with `alongY` the card's y axis runs along the image's x axis (a Code 128 column
// printed down the card comes out horizontal). Upsampling uses cubic interpolation: small
// photo codes gain more from it than they lose.
cv::Mat rectify(const GreyPage& page, const CardTransform& t, const core::RectMm& r, double pxPerMm,
                bool alongY, bool upsample) {
    const double m = kRegionMarginMm;
    const double w = (alongY ? r.height : r.width) + 2 * m,
                 h = (alongY ? r.width : r.height) + 2 * m;
    // Rectified pixel (u, v) -> card mm.
    cv::Matx33d toMm = alongY
                           ? cv::Matx33d(0, 1 / pxPerMm, r.x - m, 1 / pxPerMm, 0, r.y - m, 0, 0, 1)
                           : cv::Matx33d(1 / pxPerMm, 0, r.x - m, 0, 1 / pxPerMm, r.y - m, 0, 0, 1);
    const auto& a = t.mmToPx;
    const cv::Matx33d mmToPx(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]);
    const cv::Matx33d toPx = mmToPx * toMm;
    cv::Mat out;
    cv::warpPerspective(page.full, out, cv::Mat(toPx),
                        cv::Size(static_cast<int>(std::lround(w * pxPerMm)),
                                 static_cast<int>(std::lround(h * pxPerMm))),
                        (upsample ? cv::INTER_CUBIC : cv::INTER_LINEAR) | cv::WARP_INVERSE_MAP,
                        cv::BORDER_REPLICATE);
    return out;
}

// px per mm of the page around a card point.
double pageScale(const CardTransform& t, core::PointMm p) {
    const PixelPoint o = t.toImage(p), ax = t.toImage({p.x + 1, p.y}),
                     ay = t.toImage({p.x, p.y + 1});
    return std::sqrt(std::abs((ax.x - o.x) * (ay.y - o.y) - (ay.x - o.x) * (ax.y - o.y)));
}

// The page's own pixels of the region; `lineStep` as zbarSymbols'.
std::optional<DecodedCode> readCrop(const GreyPage& page, const cv::Rect& box, int lineStep = 1) {
    if (box.width < 8 || box.height < 8)
        return std::nullopt;
    const cv::Mat crop = page.full(box).clone(); // ZBar wants one contiguous buffer
    for (const auto& text : zbarSymbols(crop, Symbology::Qr, lineStep))
        return DecodedCode{text, "qr"};
    return std::nullopt;
}

// Last readings for a code seen small and soft (a photo: modules of ~2 px, blur, JPEG): the
// region enlarged further, and each enlargement also binarised locally, so that ZBar's own
// global threshold does not lose modules under a light gradient. Only ever reached when every
// other reading failed; whatever decodes is still checked by the card's MAC.
std::optional<DecodedCode> decodeSmallQr(const GreyPage& page, const CardTransform& transform,
                                         const core::RectMm& region) {
    for (const double pxPerMm : kSmallQrPxPerMm) {
        const cv::Mat enlarged = rectify(page, transform, region, pxPerMm, false, true);
        for (const auto& text : zbarSymbols(enlarged, Symbology::Qr))
            return DecodedCode{text, "qr"};
        // A block of ~4 modules: large enough to hold both colours, small enough for a gradient.
        const int block = static_cast<int>(std::lround(4 * kQrModuleMm * pxPerMm)) | 1;
        cv::Mat binary;
        cv::adaptiveThreshold(enlarged, binary, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY,
                              block, 2);
        for (const auto& text : zbarSymbols(binary, Symbology::Qr))
            return DecodedCode{text, "qr"};
        cv::Mat sharp;
        cv::GaussianBlur(enlarged, sharp, cv::Size(0, 0), kQrModuleMm * pxPerMm / 2);
        cv::addWeighted(enlarged, 2.0, sharp, -1.0, 0, sharp);
        for (const auto& text : zbarSymbols(sharp, Symbology::Qr))
            return DecodedCode{text, "qr"};
        cv::adaptiveThreshold(sharp, binary, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY,
                              block, 2);
        for (const auto& text : zbarSymbols(binary, Symbology::Qr))
            return DecodedCode{text, "qr"};
    }
    return std::nullopt;
}

// Readings of the region from the cheapest up; each later one only when the earlier found no
// code, so a card is identified whenever any reading succeeds and the extra readings cost only
// on hard pages. A scan at 150-250 dpi (~6-10 px/mm) is read in the page's own pixels: its QR
// modules already have >= 3 px and a skew of a few degrees does not bother ZBar, so resampling
// would cost a warp for nothing. Finer scans and photos are first resampled upright at 8-10
// px/mm (fewer pixels for ZBar; a photo's small, tilted code enlarged and straightened). The
// first reading scans every other line (a finder pattern is >= 20 lines tall at these
// scales); then every line, as ZBar does by default.
std::optional<DecodedCode> decodeQr(const GreyPage& page, const CardTransform& transform,
                                    const core::RectMm& region) {
    const double native =
        pageScale(transform, {region.x + region.width / 2, region.y + region.height / 2});
    const double scale = std::clamp(native, kQrMinPxPerMm, kQrMaxPxPerMm);
    const cv::Rect box = regionBox(transform, region, page.full.size());
    if (native >= kQrNativeMinPxPerMm && native <= kQrMaxPxPerMm) {
        for (const int lineStep : {2, 1})
            if (auto code = readCrop(page, box, lineStep))
                return code;
        for (const auto& text : zbarSymbols(
                 rectify(page, transform, region, scale, false, native < scale), Symbology::Qr))
            return DecodedCode{text, "qr"};
        return std::nullopt;
    }
    const cv::Mat rectified = rectify(page, transform, region, scale, false, native < scale);
    for (const int lineStep : {2, 1})
        for (const auto& text : zbarSymbols(rectified, Symbology::Qr, lineStep))
            return DecodedCode{text, "qr"};
    if (auto code = readCrop(page, box))
        return code;
    return decodeSmallQr(page, transform, region);
}

std::optional<DecodedCode> decodeCode128(const GreyPage& page, const CardTransform& transform,
                                         const core::RectMm& strip) {
    const double native =
        pageScale(transform, {strip.x + strip.width / 2, strip.y + strip.height / 2});
    const double scale = std::clamp(native, kCode128MinPxPerMm, kCode128MaxPxPerMm);
    const auto chunks = zbarSymbols(rectify(page, transform, strip, scale, true, native < scale),
                                    Symbology::Code128);
    if (const auto payload = templates::joinFallbackCodeChunks(chunks))
        return DecodedCode{*payload, "code128"};
    return std::nullopt;
}

} // namespace

std::optional<DecodedCode> decodeIdentityCode(const GreyPage& page, const CardTransform& transform,
                                              const core::RectMm& region,
                                              const std::optional<core::RectMm>& fallbackStrip) {
    if (!transform.valid || page.full.empty())
        return std::nullopt;
    if (auto qr = decodeQr(page, transform, region))
        return qr;
    if (fallbackStrip)
        return decodeCode128(page, transform, *fallbackStrip);
    return std::nullopt;
}

} // namespace detail

std::optional<DecodedCode> decodeIdentityCode(const ImageView& image,
                                              const CardTransform& transform,
                                              const core::RectMm& region,
                                              const std::optional<core::RectMm>& fallbackStrip) {
    return detail::decodeIdentityCode(detail::prepareGreyPage(image), transform, region,
                                      fallbackStrip);
}

} // namespace scanstation::scanner
