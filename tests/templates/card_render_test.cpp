// Rendering: the identity code read back with ZBar and verified; PDF size, vector pages and
// embedded fonts; PNG and raster are the same drawing; thread safety.
#include "scanstation/core/card_identity.hpp"
#include "scanstation/core/error.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <thread>

using namespace scanstation;

namespace {

const std::string kSchool = "szkola-podstawowa-12";

templates::CardContent lessonContent(const std::string& payload) {
    templates::CardContent c;
    c.identityPayload = payload;
    c.serial = "00000042";
    c.headerLines = {"2b · Matematyka · 2026-11-23 · lekcja 3"};
    c.rows = {{0, "1", "Łukasz Żółkiewski"}, {1, "2", "Анна Смирнова"}, {2, "4", "Zofia Gęślą-Jaźń"}};
    return c;
}

core::CardIdentity identity(const std::string& templateId) {
    core::CardIdentity id;
    id.serial = "00000042";
    id.templateId = templateId;
    id.school = kSchool;
    id.lesson = core::LessonIdentity{"2b", {2026, 11, 23}, 3, "mat", "f3a9c2de-5b1c-4c1e-9d2a-7f0b8e6c1a22"};
    id.rosterVersion = 12;
    return id;
}

} // namespace

TEST(CardRender, IdentityCodeDecodesWithZBarAndVerifiesAtEveryDpi) {
    const auto key = core::StationKey::generate();
    for (const char* templateId : {"attendance-a4-v1", "grade-a4-v1"}) {
        const auto tpl = test::shipped(templateId);
        const std::string payload = core::encodeIdentityPayload(identity(templateId), key);
        for (double dpi : {150.0, 200.0, 300.0}) {
            const auto raster = templates::renderRaster(tpl, lessonContent(payload), dpi);
            const auto codes = test::decodeQrCodes(raster);
            ASSERT_EQ(codes.size(), 1u) << templateId << " at " << dpi << " dpi";
            EXPECT_EQ(codes[0], payload);
            const auto check = core::verifyIdentityPayload(codes[0], key, kSchool);
            EXPECT_TRUE(check.valid()) << check.problem;
            EXPECT_EQ(*check.identity, identity(templateId));
        }
    }
}

TEST(CardRender, OutageCodeDecodesAndAnotherStationRejectsIt) {
    core::CardIdentity id;
    id.serial = "00000107";
    id.templateId = "outage-a4-v1";
    id.school = kSchool;
    id.rosterVersion = 2;
    const auto key = core::StationKey::generate();
    const auto tpl = test::shipped("outage-a4-v1");
    templates::CardContent c;
    c.identityPayload = core::encodeIdentityPayload(id, key);
    c.serial = id.serial;
    c.rows = templates::registerNumberRows(tpl);
    const auto codes = test::decodeQrCodes(templates::renderRaster(tpl, c, 200));
    ASSERT_EQ(codes.size(), 1u);
    EXPECT_TRUE(core::verifyIdentityPayload(codes[0], key, kSchool).valid());
    EXPECT_EQ(core::verifyIdentityPayload(codes[0], core::StationKey::generate(), kSchool).status,
              core::IdentityStatus::BadSignature);
}

TEST(CardRender, RasterIsA4AtTheRequestedDpiAndBlankWhereNothingIsPrinted) {
    const auto tpl = test::shipped("attendance-a4-v1");
    const auto r = templates::renderRaster(tpl, {}, 200);
    EXPECT_EQ(r.width, 1654);  // 210 mm at 200 dpi, rounded
    EXPECT_EQ(r.height, 2339); // 297 mm
    EXPECT_EQ(r.stride, r.width);
    EXPECT_EQ(r.at(0, 0), 255);
    const auto px = [&](double mm) { return static_cast<int>(mm * 200 / 25.4); };
    EXPECT_EQ(r.at(px(10), px(10)), 0);   // inside the top-left mark
    EXPECT_EQ(r.at(px(16), px(10)), 0);   // the orientation mark
    EXPECT_EQ(r.at(px(190), px(10)), 255); // no orientation mark top-right: the page is asymmetric
    EXPECT_EQ(r.at(px(10), px(5)), 255);  // quiet zone
}

TEST(CardRender, BadDpiIsBadInput) {
    const auto tpl = test::shipped("attendance-a4-v1");
    EXPECT_THROW(templates::renderRaster(tpl, {}, 10), Error);
}

TEST(CardRender, PdfIsExactA4WithEmbeddedDejaVu) {
    test::TempDir dir;
    const auto tpl = test::shipped("attendance-a4-v1");
    const auto file = dir.path() / "cards.pdf";
    const auto content = lessonContent(core::encodeIdentityPayload(identity(tpl.id), core::StationKey::generate()));
    templates::renderPdf(tpl, {content, content}, file);
    const auto info = test::runCommand("pdfinfo '" + file.string() + "'");
    ASSERT_EQ(info.status, 0) << info.out;
    EXPECT_NE(info.out.find("Pages:           2"), std::string::npos) << info.out;
    EXPECT_NE(info.out.find("595.276 x 841.89 pts (A4)"), std::string::npos) << info.out;
    const auto fonts = test::runCommand("pdffonts '" + file.string() + "'");
    ASSERT_EQ(fonts.status, 0) << fonts.out;
    EXPECT_NE(fonts.out.find("DejaVuSans"), std::string::npos) << fonts.out;
    EXPECT_EQ(fonts.out.find(" no  "), std::string::npos) << "every font embedded:\n" << fonts.out;
    // The names come back as text: Polish and Cyrillic glyphs map to the right characters.
    const auto text = test::runCommand("pdftotext -f 1 -l 1 '" + file.string() + "' -");
    EXPECT_NE(text.out.find("Łukasz Żółkiewski"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("Анна Смирнова"), std::string::npos);
    EXPECT_NE(text.out.find("Zofia Gęślą-Jaźń"), std::string::npos);
}

TEST(CardRender, PngIsTheRasterDrawing) {
    test::TempDir dir;
    const auto tpl = test::shipped("grade-a4-v1");
    templates::renderPng(tpl, lessonContent(""), 100, dir.path() / "card.png");
    std::ifstream in(dir.path() / "card.png", std::ios::binary);
    std::string head(54, '\0');
    in.read(head.data(), 54);
    EXPECT_EQ(head.substr(1, 3), "PNG");
    auto be32 = [&](int at) {
        return (static_cast<unsigned char>(head[at]) << 24) | (static_cast<unsigned char>(head[at + 1]) << 16) |
               (static_cast<unsigned char>(head[at + 2]) << 8) | static_cast<unsigned char>(head[at + 3]);
    };
    EXPECT_EQ(be32(16), 827u);  // 210 mm at 100 dpi
    EXPECT_EQ(be32(20), 1169u); // 297 mm
    // The resolution is recorded right after IHDR: 100 dpi = 3937 pixels per metre.
    EXPECT_EQ(head.substr(37, 4), "pHYs");
    EXPECT_EQ(be32(41), 3937u);
    EXPECT_EQ(be32(45), 3937u);
    EXPECT_EQ(head[49], 1);
}

TEST(CardRender, SeveralThreadsRenderTheSameCard) {
    const auto tpl = test::shipped("attendance-a4-v1");
    const auto content = lessonContent("SS1|O|00000001|outage-a4-v1|1|s|1|AAAAAAAAAAAAAAAA");
    const auto reference = templates::renderRaster(tpl, content, 100);
    std::vector<templates::Raster> results(4);
    std::vector<std::thread> threads;
    for (auto& r : results)
        threads.emplace_back([&] { r = templates::renderRaster(tpl, content, 100); });
    for (auto& t : threads)
        t.join();
    for (const auto& r : results)
        EXPECT_EQ(r.gray, reference.gray);
}
