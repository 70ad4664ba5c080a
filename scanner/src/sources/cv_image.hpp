#pragma once
// The one place where a cv::Mat becomes a scanner Image (kept out of every public header).
#include "scanstation/scanner/image.hpp"

#include <opencv2/core.hpp>

namespace scanstation::scanner::detail {

// Accepts 8- or 16-bit, 1, 3 (BGR) or 4 (BGRA) channels; alpha is dropped.
Image imageFromMat(const cv::Mat& mat, double dpi);

// A grey cv::Mat view of an Image, copied (used by the camera's motion detector).
cv::Mat grayMat(const Image& image);

} // namespace scanstation::scanner::detail
