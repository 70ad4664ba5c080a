#pragma once
// ZBar over a grey image, for the identity code of a card and for an operator's badge.
#include <opencv2/core/mat.hpp>
#include <string>
#include <vector>

namespace scanstation::scanner {

enum class Symbology { Qr, Code128 };

// The texts of the symbols ZBar finds in `grey` (CV_8UC1, one contiguous buffer), only of
// `symbology`. For Code 128 the image is expected with its bars vertical: only horizontal scan
// lines are used. `lineStep` > 1 scans only every n-th row and column (QR only).
std::vector<std::string> zbarSymbols(const cv::Mat& grey, Symbology symbology, int lineStep = 1);

} // namespace scanstation::scanner
