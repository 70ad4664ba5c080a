#pragma once
// The page as the recognition steps read it: full-resolution grey plus a reduced copy at
// about 2 px/mm for the whole-page searches. OpenCV stays inside src/.
#include "scanstation/scanner/image.hpp"
#include "scanstation/scanner/recognition_steps.hpp"

#include <opencv2/core.hpp>

namespace scanstation::scanner::detail {

struct GreyPage {
    cv::Mat full;   // CV_8UC1; shares the caller's pixels when they are already grey
    cv::Mat small;  // full reduced by `factor` (area average)
    int factor = 1; // full pixels per small pixel
};

// Throws nothing for odd input: an empty image gives empty mats.
GreyPage prepareGreyPage(const ImageView& image);

// Wraps (Gray8) or converts (Rgb8) the view as a CV_8UC1 matrix.
cv::Mat greyMat(const ImageView& image);

// The internal step entry points, sharing one prepared page.
FoundMarks findRegistrationMarks(const GreyPage& page, const std::vector<core::RegistrationMark>& layout);
CardTransform estimateTransform(const GreyPage& page, const FoundMarks& marks,
                                const std::vector<core::RegistrationMark>& layout);
std::optional<DecodedCode> decodeIdentityCode(const GreyPage& page, const CardTransform& transform,
                                              const core::RectMm& region,
                                              const std::optional<core::RectMm>& fallbackStrip = std::nullopt);
std::vector<std::vector<BubbleMeasurement>> sampleBubbles(const GreyPage& page, const CardTransform& transform,
                                                          const BubbleSampling& sampling);

// The four corner marks (largest) of a layout, ordered top-left, top-right, bottom-right,
// bottom-left as printed; the rest are orientation marks.
struct MarkLayout {
    std::array<core::RegistrationMark, 4> corners;
    std::vector<core::RegistrationMark> orientation;
};
std::optional<MarkLayout> splitMarkLayout(const std::vector<core::RegistrationMark>& layout);

} // namespace scanstation::scanner::detail
