// The Code 128 fallback columns (card-templates/README.md "Code 128 fallback"): the strip they
// are printed in is clear on every shipped template, and what is printed there decodes with
// ZBar back to the identity payload at 150, 200 and 300 dpi.
#include "scanstation/core/card_identity.hpp"
#include "scanstation/templates/fallback_code.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <zbar.h>

#include <array>
#include <cmath>

using namespace scanstation;

namespace {

const char* const kTemplates[] = {"attendance-a4-v1", "grade-a4-v1", "outage-a4-v1"};

// Every Code 128 symbol ZBar finds in the strip (plus 2 mm) of a raster.
std::vector<std::string> decodeCode128(const templates::Raster& r, const core::RectMm& strip) {
    using namespace zbar;
    const double s = r.dpi / 25.4;
    const int x0 = static_cast<int>((strip.x - 2) * s), y0 = static_cast<int>((strip.y - 2) * s);
    const int w = static_cast<int>((strip.width + 4) * s), h = static_cast<int>((strip.height + 4) * s);
    std::vector<std::uint8_t> crop(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            crop[static_cast<std::size_t>(y * w + x)] = r.at(x0 + x, y0 + y);
    zbar_image_scanner_t* scanner = zbar_image_scanner_create();
    zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
    zbar_image_scanner_set_config(scanner, ZBAR_CODE128, ZBAR_CFG_ENABLE, 1);
    zbar_image_t* image = zbar_image_create();
    zbar_image_set_format(image, zbar_fourcc('Y', '8', '0', '0'));
    zbar_image_set_size(image, static_cast<unsigned>(w), static_cast<unsigned>(h));
    zbar_image_set_data(image, crop.data(), crop.size(), nullptr);
    zbar_scan_image(scanner, image);
    std::vector<std::string> texts;
    for (const zbar_symbol_t* sym = zbar_image_first_symbol(image); sym; sym = zbar_symbol_next(sym))
        texts.emplace_back(zbar_symbol_get_data(sym), zbar_symbol_get_data_length(sym));
    zbar_image_destroy(image);
    zbar_image_scanner_destroy(scanner);
    return texts;
}

std::string payloadFor(const core::CardTemplate& tpl) {
    core::CardIdentity id;
    id.serial = "00000042";
    id.templateId = tpl.id;
    id.templateVersion = tpl.version;
    id.school = "org-sp7";
    id.rosterVersion = 12;
    if (tpl.id != "outage-a4-v1")
        id.lesson = core::LessonIdentity{"2b", core::Date{2026, 11, 23}, 3, "mat", "T04"};
    std::array<std::uint8_t, core::StationKey::kSize> key{};
    key.fill(7);
    return core::encodeIdentityPayload(id, core::StationKey(key));
}

} // namespace

TEST(FallbackCode, TheStripIsBlankPaperOnABlankCardOfEveryTemplate) {
    for (const char* id : kTemplates) {
        const auto tpl = test::shipped(id);
        const auto strip = templates::fallbackCodeRegion(tpl);
        EXPECT_GT(strip.height, 150) << id;
        const auto r = templates::renderRaster(tpl, templates::CardContent{}, 150);
        int printed = 0;
        for (double y = strip.y - 1; y <= strip.y + strip.height + 1; y += 0.2)
            for (double x = strip.x - 1; x <= strip.x + strip.width + 1; x += 0.2)
                printed += r.at(static_cast<int>(x * 150 / 25.4), static_cast<int>(y * 150 / 25.4)) < 240;
        EXPECT_EQ(printed, 0) << id << ": something is printed in the Code 128 strip";
        // Bubbles' cancellation annulus (2.1 radii) stays off the strip too.
        for (const auto& f : tpl.fields)
            for (const auto& o : f.options)
                EXPECT_FALSE(o.centre.x + 2.1 * o.radius > strip.x && o.centre.x - 2.1 * o.radius < strip.x + strip.width &&
                             o.centre.y + 2.1 * o.radius > strip.y && o.centre.y - 2.1 * o.radius < strip.y + strip.height)
                    << id << " " << f.id << " " << o.value;
    }
}

TEST(FallbackCode, PrintedColumnsDecodeBackToThePayload) {
    for (const char* id : kTemplates) {
        const auto tpl = test::shipped(id);
        const std::string payload = payloadFor(tpl);
        ASSERT_FALSE(templates::fallbackCodeChunks(tpl, payload).empty()) << id;
        templates::CardContent content;
        content.identityPayload = payload;
        content.serial = "00000042";
        for (const double dpi : {150.0, 200.0, 300.0}) {
            const auto r = templates::renderRaster(tpl, content, dpi);
            const auto texts = decodeCode128(r, templates::fallbackCodeRegion(tpl));
            EXPECT_EQ(texts.size(), templates::fallbackCodeChunks(tpl, payload).size()) << id << " at " << dpi;
            EXPECT_EQ(templates::joinFallbackCodeChunks(texts), payload) << id << " at " << dpi << " dpi";
        }
    }
}

TEST(FallbackCode, APayloadThatDoesNotFitGetsNoColumns) {
    const auto tpl = test::shipped("attendance-a4-v1");
    EXPECT_TRUE(templates::fallbackCodeChunks(tpl, std::string(300, 'A')).empty());
    EXPECT_TRUE(templates::fallbackCodeChunks(tpl, "SS1|\x01").empty()); // not printable ASCII
    EXPECT_EQ(templates::fallbackCodeChunks(tpl, std::string(30, 'A')).size(), 1u);
}
