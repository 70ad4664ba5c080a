#include "scanstation/scanner/card_filler.hpp"

#include "sources/cv_image.hpp"

#include <opencv2/imgproc.hpp>

#include <random>

namespace scanstation::scanner {

// An A4 letter: a heading, paragraphs of text-like grey lines and a small table; no
// registration marks, so recognition must call it "not a card".
Image notACardPage(double dpi, std::uint64_t seed) {
    const double pxPerMm = dpi / 25.4;
    cv::Mat page(static_cast<int>(297 * pxPerMm), static_cast<int>(210 * pxPerMm), CV_8UC1, cv::Scalar(250));
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> words(8, 30);
    const auto mm = [&](double v) { return static_cast<int>(v * pxPerMm); };
    cv::putText(page, "Protokol zebrania rady rodzicow", {mm(25), mm(30)}, cv::FONT_HERSHEY_SIMPLEX, dpi / 110,
                cv::Scalar(30), std::max(1, mm(0.5)), cv::LINE_AA);
    for (double y = 45; y < 180; y += 7) {
        for (double x = 25; x < 180;) {
            const double w = words(rng);
            cv::rectangle(page, {mm(x), mm(y)}, {mm(std::min(x + w, 185.0)), mm(y + 2.2)}, cv::Scalar(90), cv::FILLED);
            x += w + 3;
        }
    }
    for (int r = 0; r <= 5; ++r)
        cv::line(page, {mm(25), mm(195 + r * 10)}, {mm(185), mm(195 + r * 10)}, cv::Scalar(40), std::max(1, mm(0.3)));
    for (int c = 0; c <= 4; ++c)
        cv::line(page, {mm(25 + c * 40), mm(195)}, {mm(25 + c * 40), mm(245)}, cv::Scalar(40), std::max(1, mm(0.3)));
    return detail::imageFromMat(page, dpi);
}

} // namespace scanstation::scanner
