#include "filler/scan_effects.hpp"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace scanstation::scanner::detail {
namespace {

constexpr double kScannerBed = 252; // grey of the scanner lid around the sheet

// The sheet on the glass: rotated about its centre, lid grey where the sheet is not.
cv::Mat skew(const cv::Mat& card, double degrees) {
    if (degrees == 0)
        return card.clone();
    const cv::Point2f centre(static_cast<float>(card.cols) / 2, static_cast<float>(card.rows) / 2);
    const cv::Mat rotation = cv::getRotationMatrix2D(centre, degrees, 1.0);
    cv::Mat out;
    cv::warpAffine(card, out, rotation, card.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(kScannerBed));
    return out;
}

void noise(cv::Mat& page, std::mt19937_64& rng) {
    cv::GaussianBlur(page, page, cv::Size(0, 0), 0.6);
    cv::Mat grain(page.size(), CV_16SC1);
    cv::RNG grainRng(rng()); // a generator of our own: OpenCV's theRNG() is shared state
    grainRng.fill(grain, cv::RNG::NORMAL, 0, 4);
    cv::Mat wide;
    page.convertTo(wide, CV_16SC1);
    wide += grain;
    wide.convertTo(page, CV_8UC1);
}

// A corner torn off diagonally, a quarter of the width wide, with a ragged edge; the scanner
// lid shows through.
void tearCorner(cv::Mat& page, std::mt19937_64& rng) {
    const int w = page.cols / 4, h = page.rows / 6;
    std::vector<cv::Point> tear{{page.cols, page.rows - h}, {page.cols, page.rows}, {page.cols - w, page.rows}};
    std::uniform_int_distribution<int> jag(-6, 6);
    for (int i = 1; i < 12; ++i)
        tear.push_back({page.cols - w + w * i / 12 + jag(rng), page.rows - h * i / 12 + jag(rng)});
    cv::fillPoly(page, std::vector<std::vector<cv::Point>>{tear}, cv::Scalar(kScannerBed), cv::LINE_AA);
}

} // namespace

cv::Mat throughScanner(const cv::Mat& card, const FillOptions& options, std::mt19937_64& rng) {
    cv::Mat page = card.clone();
    if (options.fault == PageFault::TornCorner)
        tearCorner(page, rng);
    page = skew(page, options.skewDegrees);
    if (options.fault == PageFault::CutOff)
        page = page.rowRange(0, static_cast<int>(page.rows * 0.6)).clone();
    if (options.scannerNoise)
        noise(page, rng);
    return page;
}

} // namespace scanstation::scanner::detail
