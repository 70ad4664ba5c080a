#include "degrade.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <numbers>

namespace scanstation::bench {
namespace {

double uniform(std::mt19937_64& rng, double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); }
bool chance(std::mt19937_64& rng, double p) { return uniform(rng, 0, 1) < p; }

void addNoise(cv::Mat& img, double sigma, std::mt19937_64& rng) {
    if (sigma <= 0)
        return;
    cv::Mat noise(img.size(), CV_16SC(img.channels()));
    cv::theRNG().state = rng();
    cv::randn(noise, 0, sigma);
    cv::Mat wide;
    img.convertTo(wide, CV_16SC(img.channels()));
    wide += noise;
    wide.convertTo(img, img.type());
}

void jpeg(cv::Mat& img, int quality) {
    std::vector<std::uint8_t> bytes;
    cv::imencode(".jpg", img, bytes, {cv::IMWRITE_JPEG_QUALITY, quality});
    img = cv::imdecode(bytes, cv::IMREAD_UNCHANGED);
}

std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

} // namespace

Degraded degradeScanner(const cv::Mat& card, double pxPerMm, bool oneBit, std::mt19937_64& rng) {
    Degraded d;
    const double angle = uniform(rng, -3, 3), scale = uniform(rng, 0.97, 1.03);
    const double dx = uniform(rng, -4, 4) * pxPerMm, dy = uniform(rng, -4, 4) * pxPerMm;
    // The scan area is a little larger than A4 (8 mm each side, as flatbeds and most feeders
    // scan), so a skewed card keeps its corners on the page.
    const int margin = static_cast<int>(std::lround(8 * pxPerMm));
    cv::Mat m = cv::getRotationMatrix2D(cv::Point2f(static_cast<float>(card.cols) / 2.0f, static_cast<float>(card.rows) / 2.0f), angle, scale);
    m.at<double>(0, 2) += dx + margin;
    m.at<double>(1, 2) += dy + margin;
    const cv::Size area(card.cols + 2 * margin, card.rows + 2 * margin);
    cv::warpAffine(card, d.image, m, area, cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(uniform(rng, 200, 250)));
    d.what = fmt("rot %.1f", angle) + fmt(" scale %.3f", scale);
    if (chance(rng, 0.4)) {
        const double sigma = uniform(rng, 0.3, 0.9) * pxPerMm / 7.87; // as at 200 dpi
        cv::GaussianBlur(d.image, d.image, cv::Size(0, 0), sigma);
        d.what += fmt(" blur %.2f", sigma);
    }
    const double contrast = uniform(rng, 0.75, 1.05), brightness = uniform(rng, -15, 25);
    d.image.convertTo(d.image, CV_8U, contrast, brightness + 255 * (1 - contrast) * 0.5);
    d.what += fmt(" contrast %.2f", contrast) + fmt(" bright %.0f", brightness);
    addNoise(d.image, uniform(rng, 0, 6), rng);
    if (oneBit) {
        cv::threshold(d.image, d.image, 140, 255, cv::THRESH_BINARY);
        d.what += " 1-bit";
    } else if (chance(rng, 0.6)) {
        const int q = static_cast<int>(uniform(rng, 60, 95));
        jpeg(d.image, q);
        d.what += " jpeg " + std::to_string(q);
    }
    const double turn = uniform(rng, 0, 1);
    if (turn < 0.10) {
        cv::rotate(d.image, d.image, cv::ROTATE_180);
        d.what += " upside-down";
    } else if (turn < 0.125) {
        cv::rotate(d.image, d.image, cv::ROTATE_90_CLOCKWISE);
        d.what += " sideways";
    } else if (turn < 0.15) {
        cv::rotate(d.image, d.image, cv::ROTATE_90_COUNTERCLOCKWISE);
        d.what += " sideways";
    }
    return d;
}

Degraded degradePhoto(const cv::Mat& card, std::mt19937_64& rng) {
    Degraded d;
    const double mp = uniform(rng, 1.0, 3.0) * 1e6;
    const bool portrait = chance(rng, 0.5);
    const int longSide = static_cast<int>(std::sqrt(mp * 4 / 3)), shortSide = static_cast<int>(longSide * 0.75);
    const cv::Size size = portrait ? cv::Size(shortSide, longSide) : cv::Size(longSide, shortSide);
    // The card's quadrilateral: centred, 75-92 % of the frame, a quarter turn that fits the
    // frame plus up to +-8 deg, and a keystone for the camera's tilt.
    const int quarter = (portrait ? 0 : 1) + (chance(rng, 0.3) ? 2 : 0);
    const double tilt = uniform(rng, 0, 20) * std::numbers::pi / 180;
    const double keystone = 1 - 0.6 * std::sin(tilt); // far edge shrinks
    const double fit = uniform(rng, 0.75, 0.92) * std::min(size.width, size.height) /
                       (quarter % 2 == 0 ? card.cols : card.rows) * std::min(1.0, 1.0);
    const double scale = std::min(fit, uniform(rng, 0.75, 0.92) * std::max(size.width, size.height) /
                                           (quarter % 2 == 0 ? card.rows : card.cols));
    const double w = card.cols * scale, h = card.rows * scale;
    std::vector<cv::Point2f> quad{{-0.5f * float(w), -0.5f * float(h)}, {0.5f * float(w), -0.5f * float(h)},
                                  {0.5f * float(w), 0.5f * float(h)}, {-0.5f * float(w), 0.5f * float(h)}};
    const int farEdge = static_cast<int>(uniform(rng, 0, 4));
    for (int i : {farEdge, (farEdge + 1) % 4})
        quad[i] *= static_cast<float>(keystone);
    const double rot = quarter * std::numbers::pi / 2 + uniform(rng, -8, 8) * std::numbers::pi / 180;
    for (auto& p : quad) {
        const double x = p.x * std::cos(rot) - p.y * std::sin(rot), y = p.x * std::sin(rot) + p.y * std::cos(rot);
        p = cv::Point2f(static_cast<float>(x + size.width / 2.0 + uniform(rng, -0.04, 0.04) * size.width),
                        static_cast<float>(y + size.height / 2.0 + uniform(rng, -0.04, 0.04) * size.height));
    }
    const std::vector<cv::Point2f> src{{0, 0}, {float(card.cols), 0}, {float(card.cols), float(card.rows)}, {0, float(card.rows)}};
    const cv::Mat hmat = cv::getPerspectiveTransform(src, quad);
    cv::Mat desk(size, CV_8UC1);
    cv::randu(desk, 60, 140);
    cv::GaussianBlur(desk, desk, cv::Size(0, 0), 6);
    cv::warpPerspective(card, d.image, hmat, size, cv::INTER_AREA, cv::BORDER_TRANSPARENT);
    cv::Mat mask(card.size(), CV_8UC1, cv::Scalar(255)), warpedMask;
    cv::warpPerspective(mask, warpedMask, hmat, size, cv::INTER_NEAREST, cv::BORDER_CONSTANT, cv::Scalar(0));
    desk.copyTo(d.image, ~warpedMask);
    d.what = fmt("tilt %.0f", tilt * 180 / std::numbers::pi) + fmt(" rot %.0f", rot * 180 / std::numbers::pi) +
             fmt(" %.1fMP", mp / 1e6);
    // Light: a gradient across the frame and, sometimes, a soft shadow over part of the card.
    cv::Mat light(size, CV_32F);
    const double ga = uniform(rng, 0, 2 * std::numbers::pi), depth = uniform(rng, 0.0, 0.35);
    for (int y = 0; y < size.height; ++y)
        for (int x = 0; x < size.width; ++x) {
            const double t = ((x - size.width / 2.0) * std::cos(ga) + (y - size.height / 2.0) * std::sin(ga)) /
                             std::max(size.width, size.height);
            light.at<float>(y, x) = static_cast<float>(1 - depth * (0.5 + t));
        }
    if (chance(rng, 0.35)) {
        const double sa = uniform(rng, 0, 2 * std::numbers::pi), off = uniform(rng, -0.3, 0.3);
        const double shade = uniform(rng, 0.55, 0.85), soft = uniform(rng, 0.01, 0.05);
        for (int y = 0; y < size.height; ++y)
            for (int x = 0; x < size.width; ++x) {
                const double t = ((x - size.width / 2.0) * std::cos(sa) + (y - size.height / 2.0) * std::sin(sa)) /
                                     std::max(size.width, size.height) - off;
                const double k = 1 / (1 + std::exp(-t / soft));
                light.at<float>(y, x) *= static_cast<float>(shade + (1 - shade) * k);
            }
        d.what += fmt(" shadow %.2f", shade);
    }
    cv::Mat f;
    d.image.convertTo(f, CV_32F);
    f = f.mul(light);
    f.convertTo(d.image, CV_8U);
    d.what += fmt(" light %.2f", depth);
    if (chance(rng, 0.5)) {
        const double sigma = uniform(rng, 0.4, 1.3);
        cv::GaussianBlur(d.image, d.image, cv::Size(0, 0), sigma);
        d.what += fmt(" focus %.1f", sigma);
    } else {
        const int len = static_cast<int>(uniform(rng, 2, 5));
        cv::Mat k = cv::Mat::zeros(len * 2 + 1, len * 2 + 1, CV_32F);
        const double a = uniform(rng, 0, std::numbers::pi);
        cv::line(k, cv::Point(len - int(len * std::cos(a)), len - int(len * std::sin(a))),
                 cv::Point(len + int(len * std::cos(a)), len + int(len * std::sin(a))), cv::Scalar(1));
        k /= cv::sum(k)[0];
        cv::filter2D(d.image, d.image, -1, k);
        d.what += " motion " + std::to_string(len);
    }
    addNoise(d.image, uniform(rng, 1.5, 5), rng);
    const int q = static_cast<int>(uniform(rng, 70, 92));
    jpeg(d.image, q);
    d.what += " jpeg " + std::to_string(q);
    return d;
}

cv::Mat blankBack(cv::Size size, std::mt19937_64& rng) {
    cv::Mat page(size, CV_8UC1, cv::Scalar(uniform(rng, 225, 250)));
    for (int i = 0; i < 20; ++i) // dust and show-through specks
        cv::circle(page, cv::Point(static_cast<int>(uniform(rng, 0, size.width)), static_cast<int>(uniform(rng, 0, size.height))),
                   static_cast<int>(uniform(rng, 1, 3)), cv::Scalar(uniform(rng, 170, 220)), cv::FILLED);
    addNoise(page, uniform(rng, 0, 5), rng);
    if (chance(rng, 0.5))
        jpeg(page, 80);
    return page;
}

} // namespace scanstation::bench
