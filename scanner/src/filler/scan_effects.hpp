#pragma once
// What a document scanner does to a sheet (skew, blur, sensor noise) and the faulty pages the
// demo needs (a torn corner, a scan cut off). Internal to the card filler.
#include "scanstation/scanner/card_filler.hpp"

#include <opencv2/core.hpp>

#include <random>

namespace scanstation::scanner::detail {

cv::Mat throughScanner(const cv::Mat& card, const FillOptions& options, std::mt19937_64& rng);

} // namespace scanstation::scanner::detail
