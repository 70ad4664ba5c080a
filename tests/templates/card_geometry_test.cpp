// The printed card and the template JSON agree: every bubble centre published by
// `template show --json` (describeTemplateJson) lands on the drawn bubble within 0.2 mm at
// 150, 200 and 300 dpi, and every registration mark where the template says.
#include "scanstation/templates/template_json.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

using namespace scanstation;

namespace {

constexpr double kTolMm = 0.2;
constexpr double kPi = 3.14159265358979323846;

// Darkness (0 white .. 1 black) at card millimetres, bilinear.
double darkness(const templates::Raster& r, double xMm, double yMm) {
    const double px = xMm * r.dpi / 25.4 - 0.5, py = yMm * r.dpi / 25.4 - 0.5;
    const int x0 = static_cast<int>(std::floor(px)), y0 = static_cast<int>(std::floor(py));
    const double fx = px - x0, fy = py - y0;
    auto d = [&](int x, int y) { return 1.0 - r.at(x, y) / 255.0; };
    return (1 - fy) * ((1 - fx) * d(x0, y0) + fx * d(x0 + 1, y0)) + fy * ((1 - fx) * d(x0, y0 + 1) + fx * d(x0 + 1, y0 + 1));
}

struct Measured {
    double dx = 0, dy = 0, radius = 0;
};

// The drawn outline's centre relative to `c`: along 32 rays, the darkness-weighted mean
// distance of the ring; opposite rays give the offset along their direction.
Measured measureCircle(const templates::Raster& r, double cx, double cy, double radius) {
    const int rays = 32;
    std::vector<double> dist(rays);
    for (int k = 0; k < rays; ++k) {
        const double a = 2 * kPi * k / rays;
        double sum = 0, weighted = 0;
        for (double t = radius - 0.45; t <= radius + 0.45; t += 0.01) {
            const double w = darkness(r, cx + t * std::cos(a), cy + t * std::sin(a));
            sum += w;
            weighted += w * t;
        }
        dist[k] = sum > 0 ? weighted / sum : 0;
    }
    Measured m;
    for (int k = 0; k < rays / 2; ++k) {
        const double a = 2 * kPi * k / rays;
        const double shift = (dist[k] - dist[k + rays / 2]) / 2;
        m.dx += 2 * shift * std::cos(a) / (rays / 2);
        m.dy += 2 * shift * std::sin(a) / (rays / 2);
    }
    for (double d : dist)
        m.radius += d / rays;
    return m;
}

// Centroid of the dark pixels in a window around a square mark.
std::pair<double, double> markCentre(const templates::Raster& r, double cx, double cy, double size) {
    const double half = size / 2 + 1.0;
    double sum = 0, sx = 0, sy = 0;
    const double step = 25.4 / r.dpi;
    for (double y = cy - half; y <= cy + half; y += step)
        for (double x = cx - half; x <= cx + half; x += step) {
            const double w = darkness(r, x, y);
            sum += w;
            sx += w * x;
            sy += w * y;
        }
    return {sx / sum, sy / sum};
}

// Checks every bubble of the published description against the raster; returns failures.
int checkAgreement(const nlohmann::json& described, const templates::Raster& raster, double shiftMm) {
    int failures = 0;
    for (const auto& field : described["fields"]) {
        for (const auto& o : field["options"]) {
            const double x = o["centre_mm"][0].get<double>() + shiftMm, y = o["centre_mm"][1].get<double>();
            const double radius = o["radius_mm"].get<double>();
            const auto m = measureCircle(raster, x, y, radius);
            const bool ok = std::hypot(m.dx, m.dy) <= kTolMm && std::abs(m.radius - radius) <= kTolMm;
            if (!ok && shiftMm == 0)
                ADD_FAILURE() << field["id"] << " option " << o["value"] << " at " << raster.dpi << " dpi: drawn centre off by ("
                              << m.dx << ", " << m.dy << ") mm, radius " << m.radius;
            failures += ok ? 0 : 1;
        }
    }
    return failures;
}

} // namespace

class CardGeometry : public ::testing::TestWithParam<std::string> {};

TEST_P(CardGeometry, EveryBubbleCentreLandsOnTheDrawnBubble) {
    const auto tpl = test::shipped(GetParam());
    const auto described = nlohmann::json::parse(templates::describeTemplateJson(tpl));
    templates::CardContent content;
    content.rows = templates::registerNumberRows(tpl);
    for (auto& row : content.rows)
        row.name = "Żaneta Brzęczyszczykiewicz-Ołdakowska";
    for (double dpi : {150.0, 200.0, 300.0}) {
        const auto raster = templates::renderRaster(tpl, content, dpi);
        EXPECT_EQ(checkAgreement(described, raster, 0), 0) << dpi << " dpi";
        for (const auto& mark : described["registration_marks"]) {
            const double x = mark["centre_mm"][0], y = mark["centre_mm"][1];
            const auto [mx, my] = markCentre(raster, x, y, mark["size_mm"]);
            EXPECT_LE(std::hypot(mx - x, my - y), kTolMm) << mark["id"] << " at " << dpi << " dpi";
        }
    }
}

// The check can fail: a description 0.3 mm off is caught on every bubble.
TEST_P(CardGeometry, AShiftedDescriptionIsDetected) {
    const auto tpl = test::shipped(GetParam());
    const auto described = nlohmann::json::parse(templates::describeTemplateJson(tpl));
    const auto raster = templates::renderRaster(tpl, {}, 200);
    std::size_t bubbles = 0;
    for (const auto& f : described["fields"])
        bubbles += f["options"].size();
    EXPECT_EQ(checkAgreement(described, raster, 0.3), static_cast<int>(bubbles));
}

INSTANTIATE_TEST_SUITE_P(ShippedTemplates, CardGeometry,
                         ::testing::Values("attendance-a4-v1", "grade-a4-v1", "outage-a4-v1"),
                         [](const auto& paramInfo) {
                             std::string name = paramInfo.param;
                             for (auto& c : name)
                                 if (c == '-')
                                     c = '_';
                             return name;
                         });
