#pragma once
// What happens to a card between the printer and the recognizer.
#include <opencv2/core.hpp>

#include <random>
#include <string>

namespace scanstation::bench {

struct Degraded {
    cv::Mat image;
    std::string what;
};

// Document scanner: rotation up to +-3 deg, offset, 97-103 % scale, blur, noise, contrast and
// brightness, 1-bit thresholding (oneBit), JPEG 60-95, upside-down and sideways feeds.
Degraded degradeScanner(const cv::Mat& card, double pxPerMm, bool oneBit, std::mt19937_64& rng);

// Phone photo of the card on a desk: perspective up to ~20 deg, any quarter turn plus a little,
// light gradient and shadow, focus or motion blur, noise, JPEG; 1-3 megapixels.
Degraded degradePhoto(const cv::Mat& card, std::mt19937_64& rng);

// A blank duplex back at the given size: paper grey, noise, faint show-through specks.
cv::Mat blankBack(cv::Size size, std::mt19937_64& rng);

} // namespace scanstation::bench
